import { AgentState, CallState } from './agent-ledger';
import { Attempt } from './attempt';
import { CampaignDef, Pacing, ZONE } from './catalogue';
import { JsonObject } from './encode';

export type JobState = 'JOBATTACHED' | 'JOBDETACHED' | 'JOBEND' | 'PENDING_JOB_ATTACH';
export type NailState = 'NAILED' | 'PENDING_NAILUP' | 'PENDING_NAILUP_DROP' | 'UNNAILED' | 'RENAILING';
export type CallType = 'REGULAR' | 'REDIAL' | 'CALLBACK' | 'CONFERENCE';
export type CallDropBy = 'AGENT' | 'CUSTOMER' | '';

export interface AttachedJob {
  jobId: number;
  campaign: CampaignDef;
}

/** What an agent's call-state event says about the call; absent while the agent is idle. */
export interface CallInfo {
  attempt: Attempt;
  calltype: CallType;
  completionCode?: string | null;
  callDropBy?: CallDropBy | null;
  consultInfo?: string | null;
  conferenceInfo?: string | null;
}

/** The fields common to every agent event (§4.3). */
export interface AgentIdentity {
  agentId: string;
  agentName: string;
  stationId: string;
  sessionId: string;
  skills: Record<string, number>;
  /** Set from JOBATTACHED until JOBDETACHED; the `currentJob*` fields and `spacingType` are null otherwise. */
  job: AttachedJob | null;
}

export function agentEvent(agent: AgentIdentity, org: string, now: number, sub: JsonObject): JsonObject {
  const c = agent.job?.campaign;
  return {
    orgName: org,
    agentId: agent.agentId,
    agentName: agent.agentName,
    zone: ZONE.name,
    stationId: agent.stationId,
    locale: 'en_US',
    agentSessionId: agent.sessionId,
    assignedskills: { ...agent.skills },
    skillAttribute: [],
    agentEventType: sub,
    currentJobSkills: c ? c.skill : null,
    currentCampaignName: c ? c.campaignName : null,
    currentJobId: agent.job ? agent.job.jobId : null,
    currentActionId: c ? c.actionId : null,
    currentActionName: c ? c.actionName : null,
    eventTypeEnum: 'AGENT',
    eventTimeStamp: now,
    spacingType: c ? c.pacing : null,
  };
}

export function stateEvent(state: AgentState, previous: AgentState, now: number, reason: string | null): JsonObject {
  return {
    state,
    logoutReasonCode: state === 'LOGGED_OUT' ? reason : '',
    notReadyReasonCode: state === 'NOT_READY' ? reason : null,
    previousAgentState: previous,
    timestamp: now,
  };
}

export function callEvent(callState: CallState, previous: CallState, now: number, info: CallInfo | null): JsonObject {
  const a = info?.attempt;
  return {
    callState,
    calltype: info ? info.calltype : null,
    pimsessionid: a ? a.pimSessionId : null,
    contactId: a ? a.contact.sysContactId : null,
    userContactId: a ? a.contact.userContactId : null,
    contactListId: a ? a.campaign.listId : null,
    contactListName: a ? a.campaign.listName : null,
    userdata: a ? { firstName: a.contact.firstName, lastName: a.contact.lastName } : null,
    ani: a ? a.campaign.ani : null,
    dnis: a ? a.contact.phone : null,
    defaultaddress: a ? a.contact.phone : null,
    completionCode: info?.completionCode ?? null,
    previousCallState: previous,
    callDropBy: info?.callDropBy ?? null,
    callUCID: a ? a.ucid : null,
    consultInfo: info?.consultInfo ?? null,
    conferenceInfo: info?.conferenceInfo ?? null,
    timestamp: now,
  };
}

export function jobStateEvent(jobState: JobState, pacing: Pacing | null, now: number): JsonObject {
  return { jobState, pacingType: pacing, timestamp: now };
}

export function nailEvent(nailState: NailState, now: number): JsonObject {
  return { nailState, timestamp: now };
}
