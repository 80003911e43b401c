import { AgentCodeDef, CampaignDef, CodeDef } from './catalogue';
import { JsonObject } from './encode';

export interface Contact {
  sysContactId: string;
  userContactId: string;
  phone: string;
  firstName: string;
  lastName: string;
  attempts: number;
  isDNC: boolean;
}

export type AttemptType = 'REGULAR' | 'REDIAL' | 'CALLBACK';
export type Awaiting = 'AWAITING_CALLBACK' | 'AWAITING_REDIAL' | 'AWAITING_RETRY';
export type AttemptAction = 'CALLBACK_CREATED' | 'AGENT_NOTES_ADDED' | 'DNC_MARKED' | 'AGENT_CALL_STATE_CHANGED' | 'NUISSANCE_MARKED';
export type StateTimeType = 'PREVIEW_TIME' | 'TALK_TIME' | 'ACW_TIME';

export interface CallbackInfo {
  type: 'AGENT';
  callbackId: string;
}

/** One contact attempt as POM's modules see it; the ATTEMPT and ENRICHEDATTEMPTRESULT payloads are views of it. */
export interface Attempt {
  pimSessionId: string;
  jobId: number;
  campaign: CampaignDef;
  contact: Contact;
  type: AttemptType;
  parentPimSessionId: string | null;
  createdAt: number;
  ucid: string;
  agent: { agentId: string; agentName: string } | null;
  systemCode: CodeDef | null;
  agentCode: AgentCodeDef | null;
  notes: string;
  markedDNC: boolean;
  nuisance: boolean;
  /** Seconds from connect to completion; the document gives no unit, the seconds follow its examples. */
  callDurationS: number;
  talkS: number;
  acwS: number;
  previewS: number;
  /** The callback this attempt serves, or the one it created. */
  callbackInfo: CallbackInfo | null;
  awaiting: Awaiting | null;
}

export type AttemptSubtype = 'AttemptCreated' | 'AttemptUpdated' | 'AttemptCompleted';

/** POM does not document module names; these name the components the document says touch an attempt. */
export type ProducerModule = 'CampaignManager' | 'AgentManager';

/** An ATTEMPT event (§4.4) as the producing module would publish it at `now`. */
export function attemptPayload(
  a: Attempt,
  now: number,
  subtype: AttemptSubtype,
  module: ProducerModule,
  action: AttemptAction | null = null,
  stateTime: { type: StateTimeType; value: number } | null = null,
): JsonObject {
  const completed = subtype === 'AttemptCompleted';
  return {
    pimSessionId: a.pimSessionId,
    systemCompletionCodeId: completed && a.systemCode ? a.systemCode.id : null,
    systemCompletionCode: completed && a.systemCode ? a.systemCode.name : null,
    campaignId: a.campaign.campaignId,
    campaignName: a.campaign.campaignName,
    agentId: a.agent?.agentId ?? null,
    agentName: a.agent?.agentName ?? null,
    pacingType: a.campaign.pacing,
    sysContactAttemptType: a.type,
    channelType: 'Voice',
    contactListId: a.campaign.listId,
    contactListName: a.campaign.listName,
    sysContactId: a.contact.sysContactId,
    userContactId: a.contact.userContactId,
    handlerId: '1',
    addressField: 'phoneNumber1',
    address: a.contact.phone,
    agentNotes: a.notes,
    eventCreationTimestamp: now,
    parentPimSessionId: a.parentPimSessionId,
    callDuration: completed ? a.callDurationS : 0,
    contactAttemptTime: a.createdAt,
    callbackInfo: a.callbackInfo ? { ...a.callbackInfo } : null,
    eventTimeStamp: now,
    eventTypeEnum: 'Attempt',
    eventProducerModule: module,
    subtype,
    action,
    agentCallStateTimes: stateTime ? { ...stateTime } : null,
  };
}

/** The Stream Processor's consolidated result (§4.5), published once the attempt has completed. */
export function enrichedPayload(a: Attempt, now: number): JsonObject {
  return {
    eventTypeEnum: 'Attempt',
    pimSessionId: a.pimSessionId,
    sysContactId: a.contact.sysContactId,
    userContactId: a.contact.userContactId,
    campaignId: a.campaign.campaignId,
    campaignName: a.campaign.campaignName,
    contactListId: a.campaign.listId,
    contactListName: a.campaign.listName,
    systemCompletionCodeId: a.systemCode?.id ?? null,
    systemCompletionCode: a.systemCode?.name ?? null,
    agentCompletionCodeId: a.agentCode?.id ?? null,
    agentCompletionCode: a.agentCode?.name ?? null,
    agentId: a.agent?.agentId ?? null,
    agentName: a.agent?.agentName ?? null,
    pacingType: a.campaign.pacing,
    sysContactAttemptType: a.type,
    channelType: 'Voice',
    addressField: 'phoneNumber1',
    address: a.contact.phone,
    handlerId: '1',
    agentNotes: a.notes,
    isDNC: a.contact.isDNC,
    markedDNC: a.markedDNC,
    isNuisance: a.nuisance,
    parentPimSessionId: a.parentPimSessionId,
    callDuration: a.callDurationS,
    agentCallTimings: { talkTime: a.talkS, acwTime: a.acwS, previewTime: a.previewS },
    contactAttemptTime: a.createdAt,
    processedTimeStamp: now,
    callbackInfo: a.callbackInfo ? { ...a.callbackInfo } : null,
    eventTimeStamp: now,
    awaiting: a.awaiting,
  };
}
