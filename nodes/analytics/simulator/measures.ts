/**
 * The measures each producer publishes (digest §7.2). Names the document shows are marked `doc`; the others are the
 * simulator's own, so the aggregates it keeps (group, site, routing service) have something to count [assumption].
 */

export interface MeasureDef {
  name: string;
  /** 'Number', 'Duration' or 'String', as the producer catalogue spells types. */
  type: 'Number' | 'Duration' | 'String';
  /** 'Number', 'Seconds', 'String' or '' (timestamps), as the catalogue spells formats. */
  format: string;
  /** Seen in the vendor document (false: invented by the simulator). */
  doc: boolean;
}

/** Pumpup message 1 of the Agent example: 74 numeric measures, counts or durations in seconds. */
const AGENT_NUMERIC = `consultsAccepted transferred abandonedFromAlerting adHocDuration disconnectsFromHold bargedIn
abandonTimeDuration observed transferredAcceptedFromService blendedActiveDuration agentLogonDuration acw
additionalWorkDuration blendedAlertDuration observedDuration conferencedInitiated blendedAlert abandonedFromQueue
coaching adHoc abandoned shortEngagements consultedDuration totalDuration ringTimeDuration transferredInitiated
conferencedAccepted longHolds transferredInitiatedToAgent completed additionalWork answeredAfterThreshold consults
blendedActive longAcw idleTimeDuration abandonedAfterThreshold acwDuration bargedOutDuration alertDuration
totalActiveTimeDuration contacthandlingDuration transferredInitiatedToService observingDuration totalHoldTimeDuration
conferenced coached acwExtended longEngagements consultsInitiated transferredToService agentNotReady handlingDuration
activeTimeDuration transferredAcceptedFromAgent coachingDuration offered bargedInDuration shortNotReady
transferredToAgent holdDuration agentReady consultingDuration consultDuration notAnswered answered
agentNotReadyTimeDuration transferredAccepted shortAcw bargedOut coachedDuration totalWaitTime holds observing`;

/** Pumpup message 3 of the Agent example and the later deltas: string-valued attributes. */
const AGENT_STRINGS = `agentId agentFirstName agentLastName agentDisplayName supervisorId supervisorFirstName supervisorLastName
agentState workState nrReasonCode nrReasonCodeName lastStateChangeTimestamp lastStateReasonTimestamp
lastWorkCodeChangeTimestamp loginTimeStamp agentLogoutTimeStamp accountAddress workLimit activeWorkCount`;

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

const TIMESTAMP = /Time[sS]tamp$/;

function numeric(name: string, doc: boolean): MeasureDef {
  return name.endsWith('Duration') ? { name, type: 'Duration', format: 'Seconds', doc } : { name, type: 'Number', format: 'Number', doc };
}

function text(name: string, doc: boolean): MeasureDef {
  return { name, type: 'String', format: TIMESTAMP.test(name) ? '' : 'String', doc };
}

/** `n:` numbers and `s:` strings; a trailing `*` marks a name the vendor document does not show. */
function defs(spec: string): MeasureDef[] {
  return words(spec).map((token) => {
    const [kind, raw] = token.split(':');
    const doc = !raw.endsWith('*');
    const name = raw.replace(/\*$/, '');
    return kind === 's' ? text(name, doc) : numeric(name, doc);
  });
}

export const AGENT_MEASURES: MeasureDef[] = [
  ...words(AGENT_NUMERIC).map((n) => numeric(n, true)),
  numeric('active', true),
  ...words(AGENT_STRINGS).map((n) => text(n, true)),
];

export const MEASURES_BY_PRODUCER: Record<string, MeasureDef[]> = {
  Agent: AGENT_MEASURES,
  AgentByAccount: defs(`n:accountReady n:accountNotReady n:accountLogonDuration s:accountState s:loginTimeStamp
    s:lastStateChangeTimestamp s:lastStateReasonTimestamp s:activeWorkCount`),
  AgentGroup: defs(`n:acwDuration n:shortAcw n:agentsLoggedIn* n:agentsReady* n:agentsNotReady* n:offered* n:answered*
    n:completed* n:handlingDuration*`),
  'Agent By Not Ready Reason Code': defs('n:nrReasonCodeOccurrence n:nrReasonCodeDuration* s:nrReasonCodeName*'),
  ContactDetail: defs(`s:initialDisposition s:workType s:agentId* s:routingServiceName* s:channelId* s:offeredTimestamp*
    n:alertDuration* n:handlingDuration* n:acwDuration*`),
  RoutingService: defs(`n:contactsWaiting n:active n:heldContacts n:contactsAtAgent n:alerting n:offered* n:answered*
    n:completed* n:agentsLoggedIn* n:agentsReady*`),
  RoutingServiceByAgent: defs('n:offered n:alertDuration n:answered* n:completed* n:handlingDuration*'),
  Site: defs('n:replied n:offered* n:answered* n:completed* n:agentsLoggedIn* n:agentsReady*'),
  VDN: defs('n:routePointDisconnects n:routingDuration n:routePointHandled n:offered*'),
  RoutingServiceGroup: defs('n:shortAcw n:offered* n:answered* n:completed* n:acwDuration*'),
};
