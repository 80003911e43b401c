/**
 * Agent statistics ("AgentStatNotify"), topic `POM.<org>.AGENTSTATISTICS` (digest §4.7): one
 * record per logged-in agent every few seconds and on each state change. No type field and no
 * event timestamp are listed, so the family has no sub-type and its time comes from Kafka.
 *
 * The `currentAgent*State` values are printed as examples in mixed case (`Not_ready`, `OnCall`,
 * §8.8) rather than as a list, so they stay free text.
 */
import { agentPacingType } from './enums';
import { defineFamily } from './family-spec';
import { anything, date, flag, num, numId, strId, text } from './fields';
import { eventRecord, mapOf, nested } from './shape';

/** AgentAllJobStatistics and AgentCurrentJobStatistics share one table; only "All" has totalJobTime. */
const AGENT_JOB_STATISTICS = nested('AgentJobStatistics', {
  talkTime: num,
  callCount: num,
  acwTime: num,
  acwCount: num,
  inJobBreakTime: num,
  inJobBreakCount: num,
  inJobIdleTime: num,
  inJobIdleCount: num,
  holdTime: num,
  holdCount: num,
  conferenceTime: num,
  conferenceCount: num,
  transferCount: num,
  transferRecvCount: num,
  consultTime: num,
  consultCount: num,
  previewTime: num,
  previewAcceptCount: num,
  previewRejectCount: num,
  abandonedHoldCount: num,
  holdInConfCount: num,
  holdInConfTime: num,
  avgACWTime: num,
  avgTalkTime: num,
  avgHoldTime: num,
  avgPreviewTime: num,
  avgBreakTime: num,
  avgIdleTime: num,
  percIdleTime: num,
  percBreakTime: num,
  totalJobTime: num,
  sessionCount: num,
});

/** Printed `Id`, `Name`, `Rpc`, `Success`, `Closure`, `Count`. */
const COMPLETION_CODES = mapOf(
  nested('CompletionCode', { id: numId, name: text, rpc: flag, success: flag, closure: flag, count: num }),
);

const AGENT_CURRENT_JOB_HANDLER_INFO = nested(
  'AgentCurrentJobHandlerInfo',
  {
    jobId: numId,
    actionId: numId,
    actionName: text,
    zoneId: numId,
    campaignName: text,
    jobAttachTimeStamp: date,
    callAndTimeInfo: AGENT_JOB_STATISTICS,
    complnCodeInfo: COMPLETION_CODES,
    lastJobAttachTimeStamp: date,
    lastJobDetachTimeStamp: date,
    handlerName: text,
    spacingType: agentPacingType,
    currentJobDuration: num,
  },
  { pacingType: 'spacingType' },
);

export const AGENT_STATISTICS_FAMILY = defineFamily(
  eventRecord('AGENT_STATISTICS', {
    agentOrg: text,
    // Printed `Agentid`, `Agentname`, `Locale`.
    agentId: strId,
    agentName: text,
    assignedSkills: anything,
    skillAttribute: anything,
    zoneName: text,
    agentExtension: text,
    locale: text,
    agentSessionId: strId,
    timeZone: text,
    loginTimeStamp: date,
    logoutTimeStamp: date,
    totalInboundBlendCount: num,
    totalInboundDuration: num,
    totalOutboundDuration: num,
    totalOffJobIdleDuration: num,
    totalOffJobBreakDuration: num,
    lastRelToInboundTimeStamp: date,
    lastAcqToOutboundTimeStamp: date,
    currentAgentState: text,
    currentAgentCallState: text,
    currentAgentJobState: text,
    currentAgentNailState: text,
    currentAgentStateTimeStamp: date,
    currentAgentCallStateTimeStamp: date,
    currentAgentNailStateTimeStamp: date,
    currentAgentJobStateTimeStamp: date,
    lastJobAttachTimeStamp: date,
    lastJobDetachTimeStamp: date,
    loggedInDuration: num,
    allJobComplnCodeInfo: COMPLETION_CODES,
    allJobInfo: AGENT_JOB_STATISTICS,
    currentAttachJobHandlerInfo: AGENT_CURRENT_JOB_HANDLER_INFO,
    isConferenceOwner: flag,
  }),
  {
    identifying: ['agentId'],
    eventTime: () => undefined,
    org: (stats) => stats.agentOrg,
  },
);
