import type { AgentSim } from './agent';
import { CodeTally, JobTotals } from './agent-ledger';
import { ZONE } from './catalogue';
import { JsonObject } from './encode';

/** Durations go out in whole seconds: the document gives no unit and its examples read as seconds. */
export const secs = (ms: number): number => Math.round(ms / 1000);
export const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
export const percent = (part: number, whole: number): number => Math.round(ratio(part, whole) * 1000) / 10;

/** AgentCurrentJobStatistics, or AgentAllJobStatistics when `withJobTime` (§4.7). */
export function jobTotalsPayload(t: JobTotals, sessionCount: number, withJobTime: boolean): JsonObject {
  const previews = t.previewAcceptCount + t.previewRejectCount;
  const out: JsonObject = {
    talkTime: secs(t.talkMs),
    callCount: t.callCount,
    acwTime: secs(t.acwMs),
    acwCount: t.acwCount,
    inJobBreakTime: secs(t.breakMs),
    inJobBreakCount: t.breakCount,
    inJobIdleTime: secs(t.idleMs),
    inJobIdleCount: t.idleCount,
    holdTime: secs(t.holdMs),
    holdCount: t.holdCount,
    conferenceTime: secs(t.conferenceMs),
    conferenceCount: t.conferenceCount,
    transferCount: t.transferCount,
    transferRecvCount: t.transferRecvCount,
    consultTime: secs(t.consultMs),
    consultCount: t.consultCount,
    previewTime: secs(t.previewMs),
    previewAcceptCount: t.previewAcceptCount,
    previewRejectCount: t.previewRejectCount,
    abandonedHoldCount: t.abandonedHoldCount,
    holdInConfCount: t.holdInConfCount,
    holdInConfTime: secs(t.holdInConfMs),
    avgACWTime: Math.round(ratio(secs(t.acwMs), t.acwCount)),
    avgTalkTime: Math.round(ratio(secs(t.talkMs), t.callCount)),
    avgHoldTime: Math.round(ratio(secs(t.holdMs), t.holdCount)),
    avgPreviewTime: Math.round(ratio(secs(t.previewMs), previews)),
    avgBreakTime: Math.round(ratio(secs(t.breakMs), t.breakCount)),
    avgIdleTime: Math.round(ratio(secs(t.idleMs), t.idleCount)),
    percIdleTime: percent(t.idleMs, t.attachedMs - t.breakMs),
    percBreakTime: percent(t.breakMs, t.attachedMs),
    sessionCount,
  };
  if (withJobTime) out.totalJobTime = secs(t.attachedMs);
  return out;
}

export function codeMap(codes: Map<number, CodeTally>): JsonObject {
  const out: JsonObject = {};
  for (const c of [...codes.values()].sort((a, b) => a.id - b.id)) {
    out[String(c.id)] = { id: c.id, name: c.name, rpc: c.rpc, success: c.success, closure: c.closure, count: c.count };
  }
  return out;
}

/** AgentStatNotify (§4.7). The agent's ledger must already be accrued up to `now`. */
export function agentStatistics(agent: AgentSim, org: string, now: number): JsonObject {
  const ledger = agent.ledger;
  const job = agent.job;
  const current = ledger.current;
  return {
    agentOrg: org,
    agentId: agent.agentId,
    agentName: agent.agentName,
    assignedSkills: { ...agent.skills },
    skillAttribute: [],
    zoneName: ZONE.name,
    agentExtension: agent.stationId,
    locale: 'en_US',
    agentSessionId: agent.sessionId,
    timeZone: 'UTC',
    loginTimeStamp: agent.loginAt,
    logoutTimeStamp: agent.logoutAt,
    totalInboundBlendCount: 0,
    totalInboundDuration: 0,
    totalOutboundDuration: secs(ledger.outboundMs()),
    totalOffJobIdleDuration: secs(ledger.offJobIdleMs),
    totalOffJobBreakDuration: secs(ledger.offJobBreakMs),
    lastRelToInboundTimeStamp: null,
    lastAcqToOutboundTimeStamp: null,
    currentAgentState: agent.state,
    currentAgentCallState: agent.callState,
    currentAgentJobState: agent.jobState,
    currentAgentNailState: agent.nailState,
    currentAgentStateTimeStamp: agent.stateAt,
    currentAgentCallStateTimeStamp: agent.callAt,
    currentAgentNailStateTimeStamp: agent.nailAt,
    currentAgentJobStateTimeStamp: agent.jobAt,
    lastJobAttachTimeStamp: agent.lastAttachAt,
    lastJobDetachTimeStamp: agent.lastDetachAt,
    loggedInDuration: secs((agent.logoutAt ?? now) - agent.loginAt),
    allJobComplnCodeInfo: codeMap(ledger.sessionCodes),
    allJobInfo: ledger.finished ? jobTotalsPayload(ledger.finished, ledger.totalAttaches(), true) : null,
    // §8.12: the document says "only when detached", which contradicts the field's purpose; it is filled while attached.
    currentAttachJobHandlerInfo: job && current && agent.attachAt !== null ? {
      jobId: job.jobId,
      actionId: job.campaign.actionId,
      actionName: job.campaign.actionName,
      zoneId: ZONE.id,
      campaignName: job.campaign.campaignName,
      jobAttachTimeStamp: agent.attachAt,
      callAndTimeInfo: jobTotalsPayload(current, ledger.sessionCount(job.campaign.actionId), false),
      complnCodeInfo: codeMap(ledger.jobCodes),
      lastJobAttachTimeStamp: agent.attachAt,
      lastJobDetachTimeStamp: null,
      handlerName: job.campaign.handlerName,
      spacingType: job.campaign.pacing,
      currentJobDuration: secs(now - agent.attachAt),
    } : null,
    isConferenceOwner: agent.conferenceOwner,
  };
}
