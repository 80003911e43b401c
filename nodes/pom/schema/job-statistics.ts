/**
 * Job statistics ("JobStatNotify"), topic `POM.<org>.JOBSTATISTICS` (digest §4.6): one record
 * per job every few seconds, with per-contact-list and per-handler breakdowns. Its `eventType`
 * is always `JOB_STATISTICS`, so the family has no sub-type.
 */
import { agentSelectionType, campaignType, channelType, JOB_NOTES } from './enums';
import { defineFamily } from './family-spec';
import { anything, date, flag, num, numberMap, numId, oneOf, text } from './fields';
import { LICENSE_INFO_LIST, licenseInfoClass, PACING_PARAMETER, pacingParameterClass } from './pacing';
import { eventRecord, listOf, mapOf, nested } from './shape';

const CONTACT_LIST_INFO = nested('ContactListInfo', {
  contactListName: text,
  contactListId: numId,
  ftName: text,
  // "Dialing association": its form is undocumented (the digest's example has a number).
  dialAlloc: anything,
  fltrCnt: num,
  procCnt: num,
  connCnt: num,
  retryCnt: num,
  tmpRestCnt: num,
  tmpRestByHldCnt: num,
  tmpRestAtmpCnt: num,
  unAtmpCnt: num,
  atmpCnt: num,
  uniqAtmpCnt: num,
  curtCbkcCnt: num,
  cmplCbkcCnt: num,
  // Printed `Rpc`, `Success`, `Closure`: counts here, flags in CompletionCodeInfo.
  rpc: num,
  success: num,
  closure: num,
  nseCnt: num,
  flsNgtCnt: num,
  percentageAttemptedRecord: num,
  percentageUniqueAttemptedRecord: num,
  notDoneCnt: num,
});

const AGENT_JOB_HANDLER_INFO = nested(
  'AgentJobHandlerInfo',
  {
    totalAgentCount: num,
    totalTalkTime: num,
    avgTalkTime: num,
    totalAcwTime: num,
    avgAcwTime: num,
    totalInJobIdleTime: num,
    totalInJobIdleCount: num,
    avgIdleTime: num,
    totalInJobBreakTime: num,
    totalInJobBreakCount: num,
    avgBreakTime: num,
    totalHoldTime: num,
    totalHoldCount: num,
    avgHoldTime: num,
    totalTransferCount: num,
    totalTransferRecvCount: num,
    totalPreviewTime: num,
    totalPreviewAcceptCount: num,
    totalPreviewRejectCount: num,
    avgPreviewTime: num,
    totalAbandonedHoldCount: num,
    totalHoldInConfCount: num,
    totalHoldInConfTime: num,
    callCount: num,
    percIdleTime: num,
    percBreakTime: num,
    agentUtilization: num,
    achievedServiceLevel: num,
    agentReadyCount: num,
    agentOnCallCount: num,
    agentOnBreakCount: num,
    zoneId: numId,
    totalJobAttachedDuration: num,
  },
  // Printed `zoneld` (l for I).
  { zoneld: 'zoneId' },
);

const COMPLETION_CODE_INFO = nested('CompletionCodeInfo', {
  // Printed `Name`, `Count`, `Rpc`, `Success`, `Closure`.
  name: text,
  count: num,
  compCodeId: numId,
  rpc: flag,
  success: flag,
  closure: flag,
  codeName: text,
});

const JOB_HANDLER_INFO = nested(
  'JobHandlerInfo',
  {
    handlerName: text,
    handlerState: text,
    channelType,
    pacingParameter: PACING_PARAMETER,
    agentJobHandlerInfo: AGENT_JOB_HANDLER_INFO,
    actionId: numId,
    attemptChannelCount: numberMap,
    completionCodeMap: mapOf(COMPLETION_CODE_INFO),
    zoneId: numId,
    // Printed `Skill`.
    skill: text,
    currentCallbackCount: num,
    completedCallbackCount: num,
    connectCount: num,
    droppedCallCount: num,
    nuisanceCount: num,
    actionName: text,
    licenseInfoList: LICENSE_INFO_LIST,
    inUsePortCount: num,
    callQueue: nested('CallQueue', { activeCnt: num, totalCnt: num, totalTime: num }),
  },
  { zoneld: 'zoneId' },
);

export const JOB_STATISTICS_FAMILY = defineFamily(
  eventRecord('JOB_STATISTICS', {
    jobId: numId,
    campaignName: text,
    campaignStrategyName: text,
    campaignType,
    orgName: text,
    // "array/string": the form is undocumented (§8.14).
    contactListNames: anything,
    dncGroupList: anything,
    currentJobStatus: text,
    jobStartTime: date,
    estimatedJobEndTime: date,
    filteredContactCount: num,
    processedContactCount: num,
    unAttemptedContactCount: num,
    contactsNotDoneCount: num,
    connectCount: num,
    restrictTotalAttemptCount: num,
    restrictContactsByHoliday: num,
    restrictContacts: num,
    currentCallbackCount: num,
    completedCallbackCount: num,
    pendingRetryCount: num,
    totalAttemptCount: num,
    rpcCount: num,
    successCount: num,
    closureCount: num,
    percentageComplete: num,
    percentageUniqueAttemptedRecord: num,
    percentageAttemptedRecord: num,
    nuisanceRate: num,
    nuisanceRateToday: num,
    nuisanceCount: num,
    agentSelectionType,
    agentCount: num,
    jobNotes: oneOf(JOB_NOTES),
    contactListInfoList: listOf(CONTACT_LIST_INFO),
    handlerInfoList: listOf(JOB_HANDLER_INFO),
    vpmsName: text,
    linkedCampaignName: text,
    eventType: oneOf(['JOB_STATISTICS']),
    eventTimeStamp: date,
    campaignId: numId,
    linkedCampaignId: numId,
    elapsedTime: num,
    falseNegativeCount: num,
  }),
  {
    identifying: ['jobId'],
    eventTime: (stats) => stats.eventTimeStamp,
    org: (stats) => stats.orgName,
    subclasses(stats) {
      const classes: Record<string, string> = {};
      stats.handlerInfoList?.forEach((handler, h) => {
        const pacing = handler.pacingParameter;
        if (pacing != null) classes[`handlerInfoList.${h}.pacingParameter`] = pacingParameterClass(pacing);
        handler.licenseInfoList?.forEach((license, l) => {
          classes[`handlerInfoList.${h}.licenseInfoList.${l}`] = licenseInfoClass(license, pacing?.pacingType);
        });
      });
      return classes;
    },
  },
);
