import { sumTotals } from './agent-ledger';
import { percent, ratio, secs } from './agent-stats';
import { CodeDef, SYSTEM_CODES, ZONE } from './catalogue';
import { JsonObject } from './encode';
import type { JobHost, JobRun } from './job';

/** JobStatNotify (§4.6): one contact list and one handler, as the simulated campaigns have. */
export function jobStatistics(job: JobRun, host: JobHost, now: number): JsonObject {
  const c = job.campaign;
  const filtered = job.phase === 'QUEUED' ? 0 : job.contacts.length;
  const answeredAttempts = job.counters.codeCounts.get(SYSTEM_CODES.answered.id)?.count ?? 0;
  const nuisanceRate = percent(job.counters.nuisance, job.counters.nuisance + answeredAttempts);
  const elapsed = (job.endedAt ?? now) - job.queuedAt;
  // Projects the remaining contacts at the pace so far; before the first done contact, assumes 20 minutes.
  const estimatedEnd = job.endedAt ?? (job.counters.processed > 0
    ? now + Math.round(((filtered - job.counters.processed) * elapsed) / job.counters.processed / 1000) * 1000
    : job.queuedAt + 20 * 60000);
  return {
    jobId: job.jobId,
    campaignName: c.campaignName,
    campaignStrategyName: c.strategyName,
    campaignType: 'FINITE',
    orgName: host.org,
    contactListNames: [c.listName],
    dncGroupList: ['global_dnc'],
    currentJobStatus: job.status,
    jobStartTime: job.queuedAt,
    estimatedJobEndTime: estimatedEnd,
    filteredContactCount: filtered,
    processedContactCount: job.counters.processed,
    unAttemptedContactCount: filtered - job.counters.uniqueAttempted,
    contactsNotDoneCount: filtered - job.counters.processed,
    connectCount: job.counters.connected,
    restrictTotalAttemptCount: 0,
    restrictContactsByHoliday: 0,
    restrictContacts: 0,
    currentCallbackCount: job.counters.openCallbacks,
    completedCallbackCount: job.counters.completedCallbacks,
    pendingRetryCount: job.pendingRetries,
    totalAttemptCount: job.counters.totalAttempts,
    rpcCount: job.counters.rpc,
    successCount: job.counters.success,
    closureCount: job.counters.closure,
    percentageComplete: percent(job.counters.processed, filtered),
    percentageUniqueAttemptedRecord: percent(job.counters.uniqueAttempted, filtered),
    percentageAttemptedRecord: percent(job.counters.totalAttempts, filtered),
    nuisanceRate,
    nuisanceRateToday: nuisanceRate,
    nuisanceCount: job.counters.nuisance,
    agentSelectionType: 'DEFAULT',
    agentCount: host.attachedAgents(job).length,
    jobNotes: job.jobNotes(),
    contactListInfoList: [contactListInfo(job, filtered)],
    handlerInfoList: [handlerInfo(job, host, now)],
    vpmsName: 'EPM1',
    linkedCampaignName: null,
    eventType: 'JOB_STATISTICS',
    eventTimeStamp: now,
    campaignId: c.campaignId,
    linkedCampaignId: null,
    elapsedTime: elapsed,
    falseNegativeCount: 0,
  };
}

function contactListInfo(job: JobRun, filtered: number): JsonObject {
  return {
    contactListName: job.campaign.listName,
    contactListId: job.campaign.listId,
    ftName: job.campaign.filterTemplate,
    dialAlloc: 100,
    fltrCnt: filtered,
    procCnt: job.counters.processed,
    connCnt: job.counters.connected,
    retryCnt: job.pendingRetries,
    tmpRestCnt: 0,
    tmpRestByHldCnt: 0,
    tmpRestAtmpCnt: 0,
    unAtmpCnt: filtered - job.counters.uniqueAttempted,
    atmpCnt: job.counters.totalAttempts,
    uniqAtmpCnt: job.counters.uniqueAttempted,
    curtCbkcCnt: job.counters.openCallbacks,
    cmplCbkcCnt: job.counters.completedCallbacks,
    rpc: job.counters.rpc,
    success: job.counters.success,
    closure: job.counters.closure,
    nseCnt: job.counters.nuisance,
    flsNgtCnt: 0,
    percentageAttemptedRecord: percent(job.counters.totalAttempts, filtered),
    percentageUniqueAttemptedRecord: percent(job.counters.uniqueAttempted, filtered),
    notDoneCnt: filtered - job.counters.processed,
  };
}

function handlerInfo(job: JobRun, host: JobHost, now: number): JsonObject {
  const c = job.campaign;
  const agents = host.attachedAgents(job);
  const completionCodeMap: JsonObject = {};
  for (const t of [...job.counters.codeCounts.values()].sort((a, b) => a.id - b.id)) {
    completionCodeMap[String(t.id)] = {
      name: t.name, count: t.count, compCodeId: t.id, rpc: t.rpc, success: t.success, closure: t.closure, codeName: t.name,
    };
  }
  const shared = { minAgent: 1, maxAgent: 20, priority: 5, acwTime: 30, numOfACWExtns: 1, defaultCompCode: 'Agent_Default' };
  const pacingParameter = c.pacing === 'Progressive'
    ? { pacingType: 'Progressive', overdialRatio: 1.0, ...shared }
    : { pacingType: 'Preview', timedPreview: 'No', canCancel: 'Yes', ...shared };
  const license: JsonObject = { zoneId: ZONE.id, zoneName: ZONE.name, allocationType: 'Dynamic', agtWebAPILicCount: 0, extSelLicCnt: 0 };
  if (c.pacing === 'Progressive') license.predLicCnt = agents.length;
  else Object.assign(license, { predLicCnt: 0, prevLicCnt: agents.length });
  return {
    handlerName: c.handlerName,
    handlerState: 'initial',
    channelType: 'Voice',
    pacingParameter,
    agentJobHandlerInfo: agentJobHandlerInfo(job, host, now),
    actionId: c.actionId,
    attemptChannelCount: { Voice: job.counters.totalAttempts },
    completionCodeMap,
    zoneId: ZONE.id,
    skill: c.skill,
    currentCallbackCount: job.counters.openCallbacks,
    completedCallbackCount: job.counters.completedCallbacks,
    connectCount: job.counters.connected,
    droppedCallCount: job.counters.dropped,
    nuisanceCount: job.counters.nuisance,
    actionName: c.actionName,
    licenseInfoList: [license],
    inUsePortCount: job.active.size,
    callQueue: {
      activeCnt: agents.filter((a) => a.callState === 'PENDING_CALL').length,
      totalCnt: job.counters.queuedCalls,
      totalTime: secs(job.counters.queuedCallMs),
    },
  };
}

function agentJobHandlerInfo(job: JobRun, host: JobHost, now: number): JsonObject {
  const agents = host.attachedAgents(job);
  let t = job.counters.detachedTotals;
  for (const agent of agents) {
    agent.ledger.accrue(now, agent.snapshot());
    if (agent.ledger.current) t = sumTotals(t, agent.ledger.current);
  }
  const previews = t.previewAcceptCount + t.previewRejectCount;
  const worked = t.talkMs + t.acwMs + t.holdMs + t.consultMs + t.conferenceMs + t.previewMs;
  return {
    totalAgentCount: agents.length,
    totalTalkTime: secs(t.talkMs),
    avgTalkTime: Math.round(ratio(secs(t.talkMs), t.callCount)),
    totalAcwTime: secs(t.acwMs),
    avgAcwTime: Math.round(ratio(secs(t.acwMs), t.acwCount)),
    totalInJobIdleTime: secs(t.idleMs),
    totalInJobIdleCount: t.idleCount,
    avgIdleTime: Math.round(ratio(secs(t.idleMs), t.idleCount)),
    totalInJobBreakTime: secs(t.breakMs),
    totalInJobBreakCount: t.breakCount,
    avgBreakTime: Math.round(ratio(secs(t.breakMs), t.breakCount)),
    totalHoldTime: secs(t.holdMs),
    totalHoldCount: t.holdCount,
    avgHoldTime: Math.round(ratio(secs(t.holdMs), t.holdCount)),
    totalTransferCount: t.transferCount,
    totalTransferRecvCount: t.transferRecvCount,
    totalPreviewTime: secs(t.previewMs),
    totalPreviewAcceptCount: t.previewAcceptCount,
    totalPreviewRejectCount: t.previewRejectCount,
    avgPreviewTime: Math.round(ratio(secs(t.previewMs), previews)),
    totalAbandonedHoldCount: t.abandonedHoldCount,
    totalHoldInConfCount: t.holdInConfCount,
    totalHoldInConfTime: secs(t.holdInConfMs),
    callCount: t.callCount,
    percIdleTime: percent(t.idleMs, t.attachedMs - t.breakMs),
    percBreakTime: percent(t.breakMs, t.attachedMs),
    agentUtilization: percent(worked, t.attachedMs - t.breakMs),
    achievedServiceLevel: Math.round((100 - percent(job.counters.nuisance, job.counters.nuisance + t.callCount)) * 10) / 10,
    agentReadyCount: agents.filter((a) => a.state === 'READY').length,
    agentOnCallCount: agents.filter((a) => a.state === 'BUSY').length,
    agentOnBreakCount: agents.filter((a) => a.state === 'NOT_READY').length,
    zoneId: ZONE.id,
    totalJobAttachedDuration: secs(t.attachedMs),
  };
}

/** CCTRENDS (§4.11): the completion codes booked since the previous trend, one item per code, in the sample's shape. */
export function cctrends(job: JobRun, codes: readonly CodeDef[], now: number): JsonObject {
  const counts = new Map<number, { code: CodeDef; count: number }>();
  for (const code of codes) {
    const entry = counts.get(code.id) ?? { code, count: 0 };
    entry.count += 1;
    counts.set(code.id, entry);
  }
  return {
    jobId: job.jobId,
    jobStartTime: job.queuedAt,
    trendsData: [...counts.values()]
      .sort((a, b) => a.code.id - b.code.id)
      .map(({ code, count }) => ({ time: now, jobId: job.jobId, actionId: job.campaign.actionId, count, name: code.name })),
  };
}
