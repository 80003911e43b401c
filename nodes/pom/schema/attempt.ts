/**
 * Attempt events (`POM.<org>.ATTEMPT`, digest §4.4) and the enriched attempt result that
 * consolidates them (`POM.<org>.ENRICHEDATTEMPTRESULT`, §4.5). Both print `eventTypeEnum`
 * `Attempt`, which is why the family comes from the topic. An attempt's sub-type is its
 * `Subtype`; the enriched result has none the document enumerates (its outcome is a completion
 * code, an open, configurable vocabulary), so its type is the family name.
 */
import { callbackType, channelType, contactAttemptType, pacingType } from './enums';
import { defineFamily } from './family-spec';
import { date, flag, num, numId, oneOf, strId, text } from './fields';
import { eventRecord, nested, oneOrList } from './shape';

export const ATTEMPT_SUBTYPES = ['AttemptCreated', 'AttemptUpdated', 'AttemptCompleted'] as const;
const ATTEMPT_SUBTYPE_SET: ReadonlySet<string> = new Set(ATTEMPT_SUBTYPES);

/** `NUISSANCE_MARKED` is the document's spelling; the correct one is accepted as an alias. */
const ATTEMPT_ACTIONS = ['CALLBACK_CREATED', 'AGENT_NOTES_ADDED', 'DNC_MARKED', 'AGENT_CALL_STATE_CHANGED', 'NUISSANCE_MARKED'] as const;

const CALLBACK_INFO = nested('callbackInfo', { type: callbackType, callbackId: strId });

/** Fields both events carry, with the same meaning. */
const ATTEMPT_COMMON = {
  pimSessionId: strId,
  sysContactId: strId,
  userContactId: strId,
  campaignId: numId,
  campaignName: text,
  contactListId: numId,
  contactListName: text,
  systemCompletionCodeId: numId,
  systemCompletionCode: text,
  agentId: strId,
  agentName: text,
  pacingType,
  sysContactAttemptType: contactAttemptType,
  channelType,
  addressField: text,
  // Printed `Address`.
  address: text,
  handlerId: strId,
  agentNotes: text,
  parentPimSessionId: strId,
  callDuration: num,
  contactAttemptTime: date,
  callbackInfo: CALLBACK_INFO,
  eventTimeStamp: date,
};

export const ATTEMPT_FAMILY = defineFamily(
  eventRecord('ATTEMPT', {
    ...ATTEMPT_COMMON,
    eventCreationTimestamp: date,
    eventTypeEnum: oneOf(['Attempt']),
    // Values undocumented.
    eventProducerModule: text,
    // Printed `Subtype` and `Action`.
    subtype: oneOf(ATTEMPT_SUBTYPES),
    action: oneOf(ATTEMPT_ACTIONS, { NUISANCE_MARKED: 'NUISSANCE_MARKED' }),
    // "object/array" carrying a `type`; its value member is undocumented and kept as sent.
    agentCallStateTimes: oneOrList(nested('agentCallStateTimes', { type: oneOf(['PREVIEW_TIME', 'TALK_TIME', 'ACW_TIME']) })),
  }),
  {
    identifying: ['pimSessionId'],
    eventTime: (attempt) => attempt.eventTimeStamp ?? attempt.eventCreationTimestamp,
    subType(attempt) {
      const type = attempt.subtype;
      if (type != null && type !== '') return { type: String(type), known: ATTEMPT_SUBTYPE_SET.has(String(type)) };
      return { type: 'ATTEMPT', known: false, warning: 'ATTEMPT record has no Subtype, so the kind of attempt event is unknown' };
    },
  },
);

export const ENRICHED_ATTEMPT_RESULT_FAMILY = defineFamily(
  eventRecord('ENRICHED_ATTEMPT_RESULT', {
    ...ATTEMPT_COMMON,
    // The document prints `Attempt`; the SDK's own object reports ENRICHED_ATTEMPT_RESULT (§8.9).
    eventTypeEnum: oneOf(['Attempt', 'ENRICHED_ATTEMPT_RESULT']),
    agentCompletionCodeId: numId,
    agentCompletionCode: text,
    isDNC: flag,
    markedDNC: flag,
    isNuisance: flag,
    agentCallTimings: nested('agentCallTimings', { talkTime: num, acwTime: num, previewTime: num }),
    processedTimeStamp: date,
    // Printed `Awaiting`.
    awaiting: oneOf(['AWAITING_CALLBACK', 'AWAITING_REDIAL', 'AWAITING_RETRY']),
  }),
  {
    identifying: ['pimSessionId'],
    eventTime: (result) => result.eventTimeStamp ?? result.processedTimeStamp,
  },
);
