/**
 * Agent (state) events, topic `POM.<org>.AGENT` (digest §4.3). `agentEventType` is the
 * polymorphic IAgentEventType: one object holding the fields of one of five implementations,
 * told apart by their discriminating member (§3.5). That implementation is the sub-type, named
 * as the document's section headings name them (`AgentCallStateEvent` rather than the overview's
 * `CallStateEvent`, which would collide with the job events' `JobStateEvent`, §8.7).
 */
import { agentPacingType, contactAttemptType } from './enums';
import { defineFamily, type SubType } from './family-spec';
import { anything, date, numId, oneOf, strId, text } from './fields';
import { eventRecord, nested } from './shape';

const AGENT_STATES = ['LOGGED_IN', 'READY', 'BUSY', 'WORK_NOT_READY', 'NOT_READY', 'LOGGED_OUT'] as const;
const CALL_STATES = [
  'IDLE', 'PENDING_CALL', 'ONCALL', 'WRAPUP', 'WRAPUP_COMPLETE', 'PREVIEW', 'DIALING', 'CALL_HELD',
  'CONSULT_INITIATED', 'CONSULT_ANSWERED', 'CONFERENCED', 'CONFERENCE_ENDED', 'CONFERENCE_HELD', 'CALL_TRANSFERRED',
] as const;
/** The table's nine plus the overview's PENDING_JOB_INBOUND, which the table lacks (§8.8). */
const JOB_STATES = [
  'JOBATTACHED', 'JOBDETACHED', 'JOBEND', 'JOBINBOUND', 'PENDING_INBOUND', 'PENDING_OUTBOUND',
  'PENDING_MANUAL_INBOUND', 'PENDING_MANUAL_JOB_MOVEMENT', 'PENDING_JOB_ATTACH', 'PENDING_JOB_INBOUND',
] as const;
const NAIL_STATES = ['NAILED', 'PENDING_NAILUP', 'PENDING_NAILUP_DROP', 'UNNAILED', 'RENAILING'] as const;

// Shared so both members of a pair name values the same way.
const agentState = oneOf(AGENT_STATES);
const callState = oneOf(CALL_STATES);

/** The union of the five implementations' fields; `timestamp` is common to all of them. */
const AGENT_EVENT_TYPE = nested('IAgentEventType', {
  // AgentStateEvent
  state: agentState,
  logoutReasonCode: oneOf(['DESKTOP_CRASHED', 'FORCE_LOGOUT', 'MANUAL_LOGOUT']),
  notReadyReasonCode: text,
  previousAgentState: agentState,
  // AgentCallStateEvent: the document prints calltype, pimsessionid, userdata and defaultaddress
  // in lower case; they are spelled as the attempt events spell the same data.
  callState,
  callType: contactAttemptType,
  pimSessionId: strId,
  contactId: strId,
  userContactId: strId,
  contactListId: numId,
  contactListName: text,
  userData: anything,
  ani: text,
  dnis: text,
  defaultAddress: text,
  completionCode: text,
  previousCallState: callState,
  callDropBy: oneOf(['AGENT', 'CUSTOMER']),
  callUCID: text,
  consultInfo: anything,
  conferenceInfo: anything,
  // AgentJobStateEvent
  jobState: oneOf(JOB_STATES),
  pacingType: agentPacingType,
  // AgentNailStateEvent
  nailState: oneOf(NAIL_STATES),
  // AgentOperationEvent (AACC mode only)
  operation: oneOf(['AgentSkillChanged']),
  timestamp: date,
});

/** Discriminating member → implementation, in the document's order. */
const AGENT_EVENT_KINDS = [
  ['state', 'AgentStateEvent'],
  ['callState', 'AgentCallStateEvent'],
  ['jobState', 'AgentJobStateEvent'],
  ['nailState', 'AgentNailStateEvent'],
  ['operation', 'AgentOperationEvent'],
] as const;

export const AGENT_EVENT_TYPES = AGENT_EVENT_KINDS.map(([, kind]) => kind);

const NO_KIND = 'agentEventType has none of state, callState, jobState, nailState or operation, so the kind of agent event is unknown';

export const AGENT_FAMILY = defineFamily(
  eventRecord(
    'AGENT',
    {
      orgName: text,
      agentId: strId,
      agentName: text,
      zone: text,
      stationId: text,
      locale: text,
      agentSessionId: strId,
      // Printed `assignedskills` here and `assignedSkills` in agent statistics: one spelling for both.
      assignedSkills: anything,
      skillAttribute: anything,
      agentEventType: AGENT_EVENT_TYPE,
      currentJobSkills: anything,
      currentCampaignName: text,
      currentJobId: numId,
      currentActionId: numId,
      currentActionName: text,
      eventTypeEnum: oneOf(['AGENT']),
      eventTimeStamp: date,
      // Sic: the document's name for the pacing type of the attached job.
      spacingType: agentPacingType,
    },
    { pacingType: 'spacingType' },
  ),
  {
    identifying: ['agentId'],
    eventTime: (agent) => agent.eventTimeStamp ?? agent.agentEventType?.timestamp,
    org: (agent) => agent.orgName,
    subType: (agent) => agentEventKind(agent.agentEventType),
  },
);

function agentEventKind(event: Record<string, unknown> | null | undefined): SubType {
  if (event == null) return { type: 'AGENT', known: false, warning: 'AGENT record has no agentEventType, so the kind of agent event is unknown' };
  let found: string | undefined;
  for (const [member, kind] of AGENT_EVENT_KINDS) {
    const value = event[member];
    if (value == null || value === '') continue;
    if (found !== undefined) return { type: found, known: true, warning: `agentEventType has members of both ${found} and ${kind}; taken as ${found}` };
    found = kind;
  }
  return found === undefined ? { type: 'AGENT', known: false, warning: NO_KIND } : { type: found, known: true };
}
