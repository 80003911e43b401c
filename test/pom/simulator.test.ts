import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import {
  everyFamilyRecords, POM_SIMULATED_FAMILIES, PomRecord, PomSimulator, PomSimulatorOptions, pomTopic, startPomPublisher,
} from '../../nodes/pom/simulator';
import { parsePomCliArgs } from '../../nodes/pom/simulator/cli';
import { gsonDate } from '../../nodes/pom/simulator/gson-date';

// The test keeps its own copy of the document's facts (spec §2.1, §4, §5), independent of the simulator's.
type J = Record<string, any>;
interface Rec extends PomRecord { v: J }
const START = Date.UTC(2024, 5, 13, 13, 59, 56);
const MIN = 60000;
const SUFFIX: Record<string, string> = {
  JOB: 'JOB', AGENT: 'AGENT', ATTEMPT: 'ATTEMPT', ENRICHED_ATTEMPT_RESULT: 'ENRICHEDATTEMPTRESULT', JOB_STATISTICS: 'JOBSTATISTICS',
  AGENT_STATISTICS: 'AGENTSTATISTICS', IMPORT_STATISTICS: 'IMPORTSTATISTICS', CCTRENDS: 'CCTRENDS',
};
const GSON = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/;
const DATE_FIELDS = new Set(['eventTimeStamp', 'timestamp', 'jobEndTime', 'eventCreationTimestamp', 'contactAttemptTime',
  'processedTimeStamp', 'jobStartTime', 'estimatedJobEndTime', 'loginTimeStamp', 'logoutTimeStamp', 'startTime', 'time',
  'currentAgentStateTimeStamp', 'currentAgentCallStateTimeStamp', 'lastJobAttachTimeStamp', 'jobAttachTimeStamp']);
const PRINTED_TO_CAMEL: Record<string, string> = {
  Address: 'address', Subtype: 'subtype', Action: 'action', Awaiting: 'awaiting', Agentid: 'agentId', Agentname: 'agentName',
  Locale: 'locale', Type: 'type', Status: 'status', Detail: 'detail', Stats: 'stats', Skill: 'skill', Rpc: 'rpc',
  Success: 'success', Closure: 'closure', Name: 'name', Count: 'count', Id: 'id', Priority: 'priority', zoneld: 'zoneId',
};

const f = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const STATS_TIMES = f(`talkTime callCount acwTime acwCount inJobBreakTime inJobBreakCount inJobIdleTime inJobIdleCount holdTime
  holdCount conferenceTime conferenceCount transferCount transferRecvCount consultTime consultCount previewTime previewAcceptCount
  previewRejectCount abandonedHoldCount holdInConfCount holdInConfTime avgACWTime avgTalkTime avgHoldTime avgPreviewTime
  avgBreakTime avgIdleTime percIdleTime percBreakTime sessionCount`);
const CODE = f('Id Name Rpc Success Closure Count');
/** Documented fields per family (§4), printed names; each list is checked at the path given. */
const FIELDS: Record<string, [string, string[]][]> = {
  HEART_BEAT: [['', f('serverName eventTimeStamp eventTypeEnum')]],
  JOB: [['', f('orgName jobId campaignName campaignType agentSelectionType jobEventInfo eventType eventTimeStamp')],
    ['jobEventInfo', f('jobEventType jobStateEventType currentJobStatus lastJobStatus')]],
  AGENT: [['', f(`orgName agentId agentName zone stationId locale agentSessionId assignedskills skillAttribute agentEventType
    currentJobSkills currentCampaignName currentJobId currentActionId currentActionName eventTypeEnum eventTimeStamp spacingType`)]],
  ATTEMPT: [['', f(`pimSessionId systemCompletionCodeId systemCompletionCode campaignId campaignName agentId agentName pacingType
    sysContactAttemptType channelType contactListId contactListName sysContactId userContactId handlerId addressField Address
    agentNotes eventCreationTimestamp parentPimSessionId callDuration contactAttemptTime callbackInfo eventTimeStamp eventTypeEnum
    eventProducerModule Subtype Action agentCallStateTimes`)]],
  ENRICHED_ATTEMPT_RESULT: [['', f(`eventTypeEnum pimSessionId sysContactId userContactId campaignId campaignName contactListId
    contactListName systemCompletionCodeId systemCompletionCode agentCompletionCodeId agentCompletionCode agentId agentName
    pacingType sysContactAttemptType channelType addressField Address handlerId agentNotes isDNC markedDNC isNuisance
    parentPimSessionId callDuration agentCallTimings contactAttemptTime processedTimeStamp callbackInfo eventTimeStamp Awaiting`)],
  ['agentCallTimings', f('talkTime acwTime previewTime')], ['callbackInfo', f('type callbackId')]],
  JOB_STATISTICS: [['', f(`jobId campaignName campaignStrategyName campaignType orgName contactListNames dncGroupList
    currentJobStatus jobStartTime estimatedJobEndTime filteredContactCount processedContactCount unAttemptedContactCount
    contactsNotDoneCount connectCount restrictTotalAttemptCount restrictContactsByHoliday restrictContacts currentCallbackCount
    completedCallbackCount pendingRetryCount totalAttemptCount rpcCount successCount closureCount percentageComplete
    percentageUniqueAttemptedRecord percentageAttemptedRecord nuisanceRate nuisanceRateToday nuisanceCount agentSelectionType
    agentCount jobNotes contactListInfoList handlerInfoList vpmsName linkedCampaignName eventType eventTimeStamp campaignId
    linkedCampaignId elapsedTime falseNegativeCount`)],
  ['contactListInfoList.0', f(`contactListName contactListId ftName dialAlloc fltrCnt procCnt connCnt retryCnt tmpRestCnt
    tmpRestByHldCnt tmpRestAtmpCnt unAtmpCnt atmpCnt uniqAtmpCnt curtCbkcCnt cmplCbkcCnt Rpc Success Closure nseCnt flsNgtCnt
    percentageAttemptedRecord percentageUniqueAttemptedRecord notDoneCnt`)],
  ['handlerInfoList.0', f(`handlerName handlerState channelType pacingParameter agentJobHandlerInfo actionId attemptChannelCount
    completionCodeMap zoneld Skill currentCallbackCount completedCallbackCount connectCount droppedCallCount nuisanceCount
    actionName licenseInfoList inUsePortCount callQueue`)],
  ['handlerInfoList.0.callQueue', f('activeCnt totalCnt totalTime')],
  ['handlerInfoList.0.licenseInfoList.0', f('zoneId zoneName allocationType agtWebAPILicCount extSelLicCnt predLicCnt')],
  ['handlerInfoList.0.pacingParameter', f('pacingType overdialRatio minAgent maxAgent Priority acwTime numOfACWExtns defaultCompCode')],
  ['handlerInfoList.0.completionCodeMap.1', f('Name Count compCodeId Rpc Success Closure codeName')],
  ['handlerInfoList.0.agentJobHandlerInfo', f(`totalAgentCount totalTalkTime avgTalkTime totalAcwTime avgAcwTime totalInJobIdleTime
    totalInJobIdleCount avgIdleTime totalInJobBreakTime totalInJobBreakCount avgBreakTime totalHoldTime totalHoldCount avgHoldTime
    totalTransferCount totalTransferRecvCount totalPreviewTime totalPreviewAcceptCount totalPreviewRejectCount avgPreviewTime
    totalAbandonedHoldCount totalHoldInConfCount totalHoldInConfTime callCount percIdleTime percBreakTime agentUtilization
    achievedServiceLevel agentReadyCount agentOnCallCount agentOnBreakCount zoneld totalJobAttachedDuration`)]],
  AGENT_STATISTICS: [['', f(`agentOrg Agentid Agentname assignedSkills skillAttribute zoneName agentExtension Locale agentSessionId
    timeZone loginTimeStamp logoutTimeStamp totalInboundBlendCount totalInboundDuration totalOutboundDuration
    totalOffJobIdleDuration totalOffJobBreakDuration lastRelToInboundTimeStamp lastAcqToOutboundTimeStamp currentAgentState
    currentAgentCallState currentAgentJobState currentAgentNailState currentAgentStateTimeStamp currentAgentCallStateTimeStamp
    currentAgentNailStateTimeStamp currentAgentJobStateTimeStamp lastJobAttachTimeStamp lastJobDetachTimeStamp loggedInDuration
    allJobComplnCodeInfo allJobInfo currentAttachJobHandlerInfo isConferenceOwner`)],
  ['currentAttachJobHandlerInfo', f(`jobId actionId actionName zoneId campaignName jobAttachTimeStamp callAndTimeInfo complnCodeInfo
    lastJobAttachTimeStamp lastJobDetachTimeStamp handlerName spacingType currentJobDuration`)],
  ['currentAttachJobHandlerInfo.callAndTimeInfo', STATS_TIMES], ['allJobInfo', [...STATS_TIMES, 'totalJobTime']]],
  IMPORT_STATISTICS: [['', f('jobId dataSourceName listName orgName Type startTime Status Detail Stats')]],
  INBOUND_SKILL: [['', f('Skill skillId zoneName qLength ewtHigh ewtMed ewtLow avgSpeedAns agtAcqThld agtRelThld eventTimeStamp eventTypeEnum')]],
  CCTRENDS: [['', f('jobId jobStartTime trendsData')], ['trendsData.0', f('time jobId actionId count name')]],
};
const SUB_FIELDS: Record<string, string[]> = {
  state: f('state logoutReasonCode notReadyReasonCode previousAgentState timestamp'),
  callState: f(`callState calltype pimsessionid contactId userContactId contactListId contactListName userdata ani dnis
    defaultaddress completionCode previousCallState callDropBy callUCID consultInfo conferenceInfo timestamp`),
  jobState: f('jobState pacingType timestamp'),
  nailState: f('nailState timestamp'),
};

const camelOf = (printed: string): string => PRINTED_TO_CAMEL[printed] ?? printed;
const at = (v: J, path: string): any => (path ? path.split('.').reduce((o: any, k) => o?.[k] ?? o?.[camelOf(k)], v) : v);
const decode = (records: PomRecord[]): Rec[] => records.filter((r) => r.kind === 'event').map((r) => ({ ...r, v: JSON.parse(r.value) }));
const memo = new Map<string, Rec[]>();
function story(minutes: number, opts: PomSimulatorOptions = {}): Rec[] {
  const key = JSON.stringify([minutes, opts]);
  if (!memo.has(key)) memo.set(key, decode(new PomSimulator({ startTimeMs: START, ...opts }).advanceTo(START + minutes * MIN)));
  return memo.get(key) as Rec[];
}
const STORIES: [number, PomSimulatorOptions][] = [[360, { seed: 1 }], [180, { seed: 2, agents: 3 }], [180, { seed: 3, agents: 9 }]];
function group<T>(items: T[], key: (t: T) => unknown): Map<unknown, T[]> {
  const out = new Map<unknown, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]);
function parseGson(s: string): number {
  const [, mon, d, y, h, mi, sec, ampm] = GSON.exec(s) as RegExpExecArray;
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(mon) / 3;
  return Date.UTC(+y, month, +d, (+h % 12) + (ampm === 'PM' ? 12 : 0), +mi, +sec);
}
function walk(v: any, visit: (key: string, value: any) => void): void {
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) { visit(k, c); walk(c, visit); }
}

describe('Avaya POM Event SDK simulator', function () {
  this.timeout(60000);

  it('names the ten families and their §2.1 default topics for Default and Acme', () => {
    assert.deepEqual([...POM_SIMULATED_FAMILIES].sort(), [...Object.keys(SUFFIX), 'HEART_BEAT', 'INBOUND_SKILL'].sort());
    for (const org of ['Default', 'Acme']) {
      for (const [family, suffix] of Object.entries(SUFFIX)) assert.equal(pomTopic(family, org), `POM.${org}.${suffix}`);
      assert.equal(pomTopic('HEART_BEAT', org), 'POM.HEARTBEAT');
      assert.equal(pomTopic('INBOUND_SKILL', org), 'POM.INBOUNDSKILL');
      const records = story(10, { org });
      for (const r of records) assert.equal(r.topic, pomTopic(r.family, org));
      assert.deepEqual(new Set(records.map((r) => r.topic)),
        new Set([...Object.values(SUFFIX).map((suffix) => `POM.${org}.${suffix}`), 'POM.HEARTBEAT', 'POM.INBOUNDSKILL']));
      assert.ok(records.filter((r) => r.family === 'JOB').every((r) => r.v.orgName === org));
      assert.ok(records.filter((r) => r.family === 'AGENT_STATISTICS').every((r) => r.v.agentOrg === org));
    }
    assert.throws(() => pomTopic('CALLS', 'Default'), RangeError);
  });

  it('repeats the same records for the same seed and differs for another seed', () => {
    const take = (seed: number) => new PomSimulator({ seed, startTimeMs: START, malformedShare: 0.1 }).advanceTo(START + 20 * MIN);
    assert.deepEqual(take(7), take(7));
    assert.notDeepEqual(take(7).map((r) => r.value), take(8).map((r) => r.value));
    const stepwise = new PomSimulator({ seed: 7, startTimeMs: START, malformedShare: 0.1 });
    const pieces = [1, 5, 10, 20].flatMap((m) => stepwise.advanceTo(START + m * MIN));
    assert.deepEqual(pieces, take(7), 'advancing in steps gives the same stream');
  });

  it('produces all ten families within 10 simulated minutes, in time order', () => {
    const records = story(10);
    assert.deepEqual(new Set(records.map((r) => r.family)), new Set(POM_SIMULATED_FAMILIES));
    assert.ok(records.every((r, i) => i === 0 || r.timestamp >= records[i - 1].timestamp));
    assert.ok(records.every((r) => r.timestamp <= START + 10 * MIN));
  });

  it('keeps the documented cadences: heartbeat 30 s per server, statistics 6 s, imports 4 s, CC trends 60 s', () => {
    const records = story(60, { servers: ['pom-a', 'pom-b', 'pom-c'] });
    const beats = group(records.filter((r) => r.family === 'HEART_BEAT'), (r) => r.v.serverName);
    assert.deepEqual([...beats.keys()], ['pom-a', 'pom-b', 'pom-c']);
    for (const list of beats.values()) {
      assert.ok(list.length >= 119);
      assert.ok(gaps(list.map((r) => r.timestamp)).every((g) => g === 30000));
    }
    for (const [family, every] of [['JOB_STATISTICS', 6000], ['CCTRENDS', 60000], ['IMPORT_STATISTICS', 4000]] as const) {
      const perJob = group(records.filter((r) => r.family === family), (r) => r.v.jobId);
      assert.ok(perJob.size >= 2, `${family} covers several jobs`);
      for (const list of perJob.values()) assert.deepEqual(new Set(gaps(list.map((r) => r.timestamp))), new Set([every]));
    }
    const queued = records.filter((r) => r.family === 'JOB' && r.v.eventType === 'JOBQUEUED');
    for (const [jobId, list] of group(records.filter((r) => r.family === 'IMPORT_STATISTICS'), (r) => r.v.jobId)) {
      assert.ok(queued.some((q) => q.timestamp === list[0].timestamp), `import ${jobId} starts with its job`);
      assert.match(list.map((r) => r.v.status).join(' '), /^QUEUED FILE_COPYING RUNNING( RUNNING)+ CREATING_HISTORY COMPLETED$/);
      list.slice(1).forEach((r, i) => assert.ok(r.v.stats.every((n: number, k: number) => n >= list[i].v.stats[k])));
    }
    // Agent statistics: every 6 s of each login session, plus one right after each agent event.
    for (const session of group(records.filter((r) => r.family === 'AGENT_STATISTICS'), (r) => r.v.agentSessionId).values()) {
      const times = new Set(session.map((r) => r.timestamp));
      const login = session[0].v.loginTimeStamp;
      const end = session[session.length - 1].v.logoutTimeStamp ?? START + 60 * MIN;
      for (let t = login + 6000; t < end; t += 6000) assert.ok(times.has(t), `agent statistics at ${t - login} ms of the session`);
    }
    const loggedOut = new Set<string>();
    records.forEach((r, i) => {
      if (r.family !== 'AGENT') return;
      const state = r.v.agentEventType.state;
      if (state === 'LOGGED_IN') loggedOut.delete(r.v.agentId);
      // The implicit UNNAILED after a logout (§5.2 #13) belongs to no session any more.
      if (loggedOut.has(r.v.agentId)) return;
      if (state === 'LOGGED_OUT') loggedOut.add(r.v.agentId);
      const next = records[i + 1];
      assert.equal(next.family, 'AGENT_STATISTICS');
      assert.deepEqual([next.v.agentId, next.timestamp], [r.v.agentId, r.timestamp]);
    });
  });

  it('walks each job through the §5.1 graph, then starts the next job', () => {
    const NEXT: Record<string, string[]> = {
      START: ['JOBQUEUED'], JOBQUEUED: ['JOBRUNNING_FILTERINPROGRESS'], JOBRUNNING_FILTERINPROGRESS: ['JOBRUNNING'],
      JOBRUNNING: ['JOBPAUSED', 'JOBSTOP', 'JOBCALLBACK', 'JOBSTOP_CALLBACK', 'JOBCOMPLETED'], JOBPAUSED: ['JOBRUNNING'],
      JOBCALLBACK: ['JOBRUNNING', 'JOBCOMPLETED'], JOBSTOP: ['JOBCOMPLETED'], JOBSTOP_CALLBACK: ['JOBCOMPLETED'], JOBCOMPLETED: ['JOBCOMPLETED'],
    };
    const STATE_EVENT: Record<string, string[]> = {
      JOBQUEUED: ['JobQueuedEvent'], JOBRUNNING_FILTERINPROGRESS: ['JobRunningEvent'], JOBRUNNING: ['JobRunningEvent'],
      JOBPAUSED: ['JobPauseEvent'], JOBCALLBACK: ['JobCallbackEvent'], JOBSTOP: ['JobStopEvent'], JOBSTOP_CALLBACK: ['JobStopEvent', 'JobCallbackEvent'],
      JOBCOMPLETED: ['JobCompletedCreatingHistoryEvent', 'JobCompletedEvent'],
    };
    const seen = new Set<string>();
    for (const [minutes, opts] of STORIES) {
      const jobs = story(minutes, opts).filter((r) => r.family === 'JOB');
      const perJob = group(jobs, (r) => r.v.jobId);
      assert.ok(perJob.size >= 5);
      assert.deepEqual(jobs.map((r) => r.v.jobId), [...perJob.keys()].flatMap((id) => (perJob.get(id) as Rec[]).map(() => id)), 'jobs do not overlap');
      [...perJob.values()].forEach((events, n) => {
        let previous = 'START';
        let status: string | null = null;
        for (const { v } of events) {
          const info = v.jobEventInfo;
          seen.add(v.eventType);
          assert.ok(NEXT[previous].includes(v.eventType), `${previous} -> ${v.eventType}`);
          assert.ok(STATE_EVENT[v.eventType].includes(info.jobStateEventType));
          assert.equal(info.jobEventType, 'JobStateEvent');
          assert.equal(info.lastJobStatus, status);
          if (v.eventType === 'JOBRUNNING') assert.deepEqual(Object.keys(info).slice(-3), ['filteredContactCount', 'callbackCount', 'pendingRetryCount']);
          if (v.eventType === 'JOBCALLBACK') assert.ok(info.callbackCount > 0);
          if (v.eventType === 'JOBPAUSED') assert.deepEqual([info.currentJobStatus, info.lastJobStatus], ['JOB_PAUSING', 'JOB_ACTIVE']);
          previous = v.eventType;
          status = info.currentJobStatus;
        }
        if (n === perJob.size - 1) return;
        assert.deepEqual(events.slice(0, 3).map((e) => e.v.jobEventInfo.currentJobStatus),
          ['JOB_QUEUED', 'JOB_ACTIVE_FILTER_IN_PROGRESS', 'JOB_ACTIVE']);
        const last = events[events.length - 1].v.jobEventInfo;
        assert.equal(last.jobStateEventType, 'JobCompletedEvent', 'every job but the running one completed');
        assert.ok(['NATURAL_FINISH', 'CAMPAIGN_ABORTED_MANUALLY'].includes(last.finishReason));
        assert.equal(last.totalJobTime, last.jobEndTime - events[0].timestamp);
      });
    }
    assert.deepEqual([...seen].sort(), Object.keys(STATE_EVENT).sort(), 'the stories cover every job eventType');
  });

  it('moves every agent through the §5.2 state models in §5.3 sequences', () => {
    const NEXT: Record<string, Record<string, string[]>> = {
      state: { LOGGED_OUT: ['LOGGED_IN'], LOGGED_IN: ['NOT_READY'], NOT_READY: ['READY', 'LOGGED_OUT'], READY: ['BUSY', 'NOT_READY', 'WORK_NOT_READY'],
        BUSY: ['WORK_NOT_READY'], WORK_NOT_READY: ['READY'] },
      callState: { IDLE: ['PENDING_CALL', 'PREVIEW'], PENDING_CALL: ['ONCALL'], PREVIEW: ['DIALING', 'WRAPUP'], DIALING: ['ONCALL', 'WRAPUP'],
        ONCALL: ['CALL_HELD', 'CONSULT_INITIATED', 'WRAPUP'], CALL_HELD: ['ONCALL', 'WRAPUP'], CONSULT_INITIATED: ['CONSULT_ANSWERED'],
        CONSULT_ANSWERED: ['ONCALL', 'CALL_TRANSFERRED', 'CONFERENCED'], CALL_TRANSFERRED: ['WRAPUP'], CONFERENCED: ['CONFERENCE_HELD', 'CONFERENCE_ENDED'],
        CONFERENCE_HELD: ['CONFERENCED'], CONFERENCE_ENDED: ['WRAPUP'], WRAPUP: ['WRAPUP_COMPLETE'], WRAPUP_COMPLETE: ['IDLE'] },
      // JOBDETACHED -> JOBDETACHED is the login default of an agent that logged out detached.
      jobState: { JOBDETACHED: ['PENDING_JOB_ATTACH', 'JOBDETACHED'], PENDING_JOB_ATTACH: ['JOBATTACHED'], JOBATTACHED: ['JOBEND', 'JOBDETACHED'],
        JOBEND: ['JOBDETACHED'] },
      nailState: { UNNAILED: ['PENDING_NAILUP', 'UNNAILED'], PENDING_NAILUP: ['NAILED'], NAILED: ['PENDING_NAILUP_DROP', 'RENAILING'],
        RENAILING: ['NAILED'], PENDING_NAILUP_DROP: ['UNNAILED'] },
    };
    const PREVIOUS: Record<string, string> = { state: 'previousAgentState', callState: 'previousCallState' };
    for (const [minutes, opts] of STORIES) {
      const records = story(minutes, opts);
      const attempts = new Map(records.filter((r) => r.family === 'ATTEMPT').map((r) => [r.v.pimSessionId, r.v]));
      for (const events of group(records.filter((r) => r.family === 'AGENT'), (r) => r.v.agentId).values()) {
        const model: Record<string, string> = { state: 'LOGGED_OUT', callState: 'IDLE', jobState: 'JOBDETACHED', nailState: 'UNNAILED' };
        events.forEach(({ v }, i) => {
          const sub = v.agentEventType;
          const kind = Object.keys(SUB_FIELDS).find((k) => k in sub) as string;
          assert.deepEqual(Object.keys(sub), SUB_FIELDS[kind]);
          assert.ok(NEXT[kind][model[kind]].includes(sub[kind]), `${v.agentId} ${kind} ${model[kind]} -> ${sub[kind]}`);
          if (PREVIOUS[kind]) assert.equal(sub[PREVIOUS[kind]], model[kind]);
          model[kind] = sub[kind];
          if (sub.state === 'LOGGED_IN') {
            assert.deepEqual(events.slice(i + 1, i + 4).map((e) => Object.values(e.v.agentEventType)[0]), ['UNNAILED', 'NOT_READY', 'JOBDETACHED']);
          }
          const attached = model.jobState === 'JOBATTACHED' || model.jobState === 'JOBEND';
          assert.equal(v.currentJobId !== null, attached);
          assert.equal(v.spacingType !== null, attached);
          if (kind !== 'callState') return;
          if (sub.callState !== 'IDLE') {
            assert.equal(model.jobState, 'JOBATTACHED');
            const attempt = attempts.get(sub.pimsessionid);
            assert.ok(attempt, 'the call belongs to a published attempt');
            assert.deepEqual([attempt.sysContactId, attempt.contactListId], [sub.contactId, sub.contactListId]);
          }
          if (sub.previousCallState === 'IDLE') assert.equal(sub.callState, v.spacingType === 'Preview' ? 'PREVIEW' : 'PENDING_CALL');
          if (sub.callState === 'ONCALL' && sub.previousCallState !== 'CALL_HELD' && sub.previousCallState !== 'CONSULT_ANSWERED') {
            assert.equal(events[i + 1].v.agentEventType.state, 'BUSY');
          }
        });
      }
    }
  });

  it('follows every completed attempt with exactly one enriched result with the same ids', () => {
    for (const [minutes, opts] of STORIES) {
      const records = story(minutes, opts);
      const enriched = group(records.filter((r) => r.family === 'ENRICHED_ATTEMPT_RESULT'), (r) => r.v.pimSessionId);
      const attempts = group(records.filter((r) => r.family === 'ATTEMPT'), (r) => r.v.pimSessionId);
      let completed = 0;
      for (const [id, events] of attempts) {
        const subtypes = events.map((e) => e.v.subtype);
        assert.equal(subtypes[0], 'AttemptCreated');
        assert.ok(subtypes.slice(1, -1).every((s) => s === 'AttemptUpdated'));
        assert.ok(events.every((e) => e.v.subtype !== 'AttemptUpdated' || e.v.action !== null));
        const last = events[events.length - 1];
        if (last.v.subtype !== 'AttemptCompleted') {
          assert.equal(enriched.get(id), undefined, 'no result before completion');
          continue;
        }
        const results = enriched.get(id) ?? [];
        // The Stream Processor needs up to 1.5 s; a result still due after the end of the run is not missing.
        if (results.length === 0 && last.timestamp + 1500 > START + minutes * MIN) continue;
        completed += 1;
        assert.ok(events.length >= 2 && last.v.systemCompletionCode !== null);
        assert.equal(results.length, 1, `one enriched result for ${id}`);
        const [r] = results;
        assert.ok(r.timestamp >= last.timestamp);
        for (const key of ['sysContactId', 'userContactId', 'campaignId', 'contactListId', 'systemCompletionCodeId', 'agentId',
          'sysContactAttemptType', 'parentPimSessionId', 'callDuration']) assert.deepEqual(r.v[key], last.v[key], key);
        if (r.v.sysContactAttemptType !== 'REGULAR' || r.v.parentPimSessionId !== null) {
          const parent = enriched.get(r.v.parentPimSessionId)?.[0];
          assert.ok(parent && parent.v.sysContactId === r.v.sysContactId && parent.timestamp < r.timestamp);
          const expected = { CALLBACK: 'AWAITING_CALLBACK', REDIAL: 'AWAITING_REDIAL', REGULAR: 'AWAITING_RETRY' }[r.v.sysContactAttemptType as string];
          assert.equal(parent.v.awaiting, expected);
          if (expected === 'AWAITING_CALLBACK') assert.deepEqual(r.v.callbackInfo, parent.v.callbackInfo);
        }
      }
      assert.equal(completed, enriched.size);
      assert.ok(completed > 100);
    }
  });

  it('derives job statistics, CC trends and agent code counts from the attempts published before them', () => {
    interface Book { created: number; codes: Map<string, number>; sinceTrend: Map<string, number>; done: J[]; previous: J | null }
    for (const [minutes, opts] of STORIES) {
      const books = new Map<number, Book>();
      let current: Book | undefined;
      const agentCodes = new Map<string, Map<string, number>>();
      const count = (map: Map<string, number>, name: string): void => void map.set(name, (map.get(name) ?? 0) + 1);
      const book = (name: string): void => {
        count((current as Book).codes, name);
        count((current as Book).sinceTrend, name);
      };
      for (const r of story(minutes, opts)) {
        const v = r.v;
        if (r.family === 'JOB' && v.eventType === 'JOBQUEUED') {
          current = { created: 0, codes: new Map(), sinceTrend: new Map(), done: [], previous: null };
          books.set(v.jobId, current);
        }
        // Attempts carry no job id; they belong to the one job running at the time.
        if (r.family === 'ATTEMPT' && v.subtype === 'AttemptCreated') (current as Book).created += 1;
        if (r.family === 'ATTEMPT' && v.subtype === 'AttemptCompleted') book(v.systemCompletionCode);
        if (r.family === 'ENRICHED_ATTEMPT_RESULT' && v.awaiting === null) current?.done.push(v);
        if (r.family === 'AGENT' && v.agentEventType.jobState === 'JOBATTACHED') agentCodes.set(v.agentId, new Map());
        if (r.family === 'AGENT' && v.agentEventType.completionCode) {
          book(v.agentEventType.completionCode);
          count(agentCodes.get(v.agentId) as Map<string, number>, v.agentEventType.completionCode);
        }
        if (r.family === 'AGENT_STATISTICS' && v.currentAttachJobHandlerInfo) {
          const info = Object.values(v.currentAttachJobHandlerInfo.complnCodeInfo) as J[];
          assert.deepEqual(new Map(info.map((c) => [c.name, c.count])), agentCodes.get(v.agentId));
        }
        const job = books.get(v.jobId) as Book;
        if (r.family === 'CCTRENDS') {
          assert.ok(v.trendsData.every((t: J) => t.jobId === v.jobId && t.time === v.trendsData[0].time));
          assert.deepEqual(new Map(v.trendsData.map((t: J) => [t.name, t.count])), job.sinceTrend);
          job.sinceTrend = new Map();
        }
        if (r.family !== 'JOB_STATISTICS') continue;
        const handler = v.handlerInfoList[0];
        const map = Object.values(handler.completionCodeMap) as J[];
        assert.equal(v.totalAttemptCount, job.created);
        assert.deepEqual(new Map(map.map((c) => [c.name, c.count])), job.codes);
        for (const flag of ['rpc', 'success', 'closure']) {
          assert.equal(v[`${flag}Count`], map.filter((c) => c[flag]).reduce((sum, c) => sum + c.count, 0));
        }
        assert.equal(v.unAttemptedContactCount + v.contactListInfoList[0].uniqAtmpCnt, v.filteredContactCount);
        if (job.previous) {
          for (const k of ['totalAttemptCount', 'processedContactCount', 'connectCount', 'rpcCount', 'nuisanceCount', 'completedCallbackCount']) {
            assert.ok(v[k] >= job.previous[k], `${k} never decreases`);
          }
          assert.ok(handler.agentJobHandlerInfo.callCount >= job.previous.handlerInfoList[0].agentJobHandlerInfo.callCount);
        }
        job.previous = v;
        if (v.currentJobStatus === 'JOB_COMPLETED') {
          assert.ok(v.processedContactCount > 0);
          assert.equal(v.processedContactCount, job.done.length);
          assert.equal(v.connectCount, job.done.filter((d) => d.systemCompletionCode === 'Call Answered').length);
        }
      }
      assert.ok(books.size >= 5);
    }
  });

  it('writes Gson dates in the gson style, epoch numbers otherwise, and always in CCTRENDS', () => {
    assert.equal(gsonDate(Date.UTC(2022, 5, 13, 13, 59, 56)), 'Jun 13, 2022 1:59:56 PM');
    assert.equal(gsonDate(Date.UTC(2022, 0, 2, 0, 5, 9)), 'Jan 2, 2022 12:05:09 AM');
    assert.equal(gsonDate(Date.UTC(2022, 11, 31, 12, 0, 0)), 'Dec 31, 2022 12:00:00 PM');
    const styles = { epoch: 0, gson: 0 };
    for (const dateStyle of ['epoch', 'gson', 'mixed'] as const) {
      for (const r of story(15, { dateStyle })) {
        const dates: unknown[] = [];
        walk(r.v, (key, value) => void (DATE_FIELDS.has(key) && value !== null && dates.push(value)));
        assert.ok(dates.length > 0);
        // 'mixed' decides per record, so one record never mixes the two forms.
        const gson = r.family === 'CCTRENDS' || dateStyle === 'gson' || (dateStyle === 'mixed' && typeof dates[0] === 'string');
        if (dateStyle === 'mixed' && r.family !== 'CCTRENDS') styles[gson ? 'gson' : 'epoch'] += 1;
        for (const value of dates) {
          if (gson) assert.match(value as string, GSON, r.family);
          else assert.equal(typeof value, 'number', r.family);
        }
        const stamp = r.v.eventTimeStamp;
        if (stamp !== undefined) assert.equal(gson ? parseGson(stamp) : stamp, gson ? Math.floor(r.timestamp / 1000) * 1000 : r.timestamp);
      }
    }
    assert.ok(styles.epoch > 100 && styles.gson > 100, 'mixed uses both forms');
  });

  it('uses the tables\' spellings in the printed key style and the §7 camelCase otherwise, for the same story', () => {
    const camel = story(20);
    const printed = story(20, { keyStyle: 'printed' });
    assert.equal(printed.length, camel.length);
    const seen = new Set<string>();
    const toCamel = (v: any): any => Array.isArray(v) ? v.map(toCamel) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, c]) => [camelOf(k), toCamel(c)])) : v;
    printed.forEach((r, i) => {
      walk(r.v, (k) => { if (k in PRINTED_TO_CAMEL) seen.add(`${r.family}:${k}`); });
      walk(camel[i].v, (k) => assert.ok(!(k in PRINTED_TO_CAMEL), `camel style has no ${k}`));
      assert.deepEqual(toCamel(r.v), camel[i].v);
    });
    for (const [family, fields] of Object.entries(FIELDS)) {
      if (family === 'CCTRENDS') continue;
      const names = fields.flatMap(([, list]) => list).concat(family === 'AGENT_STATISTICS' ? CODE : []);
      for (const name of names.filter((n) => n in PRINTED_TO_CAMEL)) assert.ok(seen.has(`${family}:${name}`), `${family} prints ${name}`);
    }
  });

  it('inserts about malformedShare malformed records of every kind without changing the events', () => {
    const clean = new PomSimulator({ startTimeMs: START }).advanceTo(START + 30 * MIN);
    const dirty = new PomSimulator({ startTimeMs: START, malformedShare: 0.25 }).advanceTo(START + 30 * MIN);
    assert.deepEqual(dirty.filter((r) => r.kind === 'event'), clean);
    const bad = dirty.filter((r) => r.kind === 'malformed');
    assert.ok(Math.abs(bad.length / dirty.length - 0.25) < 0.02, `share ${bad.length / dirty.length}`);
    const kinds = new Set<string>();
    dirty.forEach((r, i) => {
      if (r.kind !== 'malformed') return;
      const real = dirty.slice(i).find((x) => x.kind === 'event') as PomRecord;
      assert.deepEqual([r.family, r.topic, r.key, r.timestamp], [real.family, real.topic, null, real.timestamp]);
      let v: unknown;
      try { v = JSON.parse(r.value); } catch { return void kinds.add('invalid-json'); }
      if (typeof v !== 'object' || v === null) kinds.add('scalar');
      else if (Array.isArray(v)) kinds.add('array');
      else {
        const expected: J = JSON.parse(real.value);
        const changed = Object.keys(expected).filter((k) => JSON.stringify((v as J)[k]) !== JSON.stringify(expected[k]));
        assert.equal(changed.length, 1, 'exactly one field differs from the real record');
        assert.deepEqual((v as J)[changed[0]], { value: expected[changed[0]] });
        assert.match(changed[0], /Id$|^serverName$/);
        kinds.add('wrong-type');
      }
    });
    assert.deepEqual([...kinds].sort(), ['array', 'invalid-json', 'scalar', 'wrong-type']);
    assert.equal(new PomSimulator({ startTimeMs: START }).advanceTo(START + 5 * MIN).filter((r) => r.kind === 'malformed').length, 0);
  });

  it('everyFamilyRecords gives each family on its default topic with every documented field', () => {
    const records = everyFamilyRecords();
    assert.deepEqual(everyFamilyRecords(), records);
    assert.deepEqual(new Set(records.map((r) => r.family)), new Set(POM_SIMULATED_FAMILIES));
    for (const r of records) {
      const v = JSON.parse(r.value);
      assert.equal(r.topic, pomTopic(r.family, 'Default'));
      for (const [path, names] of FIELDS[r.family]) {
        const owner = at(v, path);
        for (const name of names) assert.ok(owner && camelOf(name) in owner, `${r.family} ${path} ${name}`);
      }
      if (r.family === 'AGENT_STATISTICS') {
        for (const map of [v.allJobComplnCodeInfo, v.currentAttachJobHandlerInfo.complnCodeInfo]) {
          assert.ok(Object.keys(map).length > 0);
          for (const code of Object.values(map) as J[]) for (const name of CODE) assert.ok(camelOf(name) in code, name);
        }
      }
      if (r.family === 'AGENT') {
        const kind = Object.keys(SUB_FIELDS).find((k) => k in v.agentEventType) as string;
        assert.deepEqual(Object.keys(v.agentEventType), SUB_FIELDS[kind]);
      }
    }
    const jobInfos = records.filter((r) => r.family === 'JOB').map((r) => Object.keys(JSON.parse(r.value).jobEventInfo).slice(4).join());
    assert.deepEqual(jobInfos, ['', 'filteredContactCount,callbackCount,pendingRetryCount', 'callbackCount', 'totalJobTime,jobEndTime,finishReason']);
    assert.deepEqual(new Set(records.filter((r) => r.family === 'AGENT').map((r) => Object.keys(JSON.parse(r.value).agentEventType)[0])),
      new Set(Object.keys(SUB_FIELDS)));
    assert.ok(everyFamilyRecords({ org: 'Acme' }).every((r) => r.topic === pomTopic(r.family, 'Acme')));
  });

  it('rejects impossible options', () => {
    for (const bad of [{ org: '' }, { org: 'a.b' }, { agents: 0 }, { agents: 1.5 }, { servers: [] }, { malformedShare: 1 },
      { malformedShare: -0.1 }, { dateStyle: 'iso' }, { keyStyle: 'doc' }, { seed: 0.5 }]) {
      assert.throws(() => new PomSimulator(bad as PomSimulatorOptions), RangeError, JSON.stringify(bad));
    }
    assert.throws(() => startPomPublisher({ brokers: [] }), RangeError);
    assert.throws(() => startPomPublisher({ brokers: ['127.0.0.1:1'], speed: 0 }), RangeError);
    assert.throws(() => startPomPublisher({ brokers: ['127.0.0.1:1'], families: ['CALLS'] }), RangeError);
    assert.throws(() => startPomPublisher({ brokers: ['127.0.0.1:1'], topics: { HEART_BEAT: ' ' } }), RangeError);
  });

  it('parses the CLI flags', () => {
    const opts = parsePomCliArgs(['--org', 'Acme', '--servers=a,b', '--agents', '3', '--seed', '9', '--speed', '30', '--duration', '90',
      '--families', 'JOB,heart_beat', '--malformed', '0.1', '--date-style', 'gson', '--key-style', 'printed', '--print']);
    assert.deepEqual(opts, { org: 'Acme', servers: ['a', 'b'], agents: 3, seed: 9, speed: 30, durationMs: 90000, families: ['JOB', 'HEART_BEAT'],
      malformedShare: 0.1, dateStyle: 'gson', keyStyle: 'printed', print: true, help: false });
    for (const bad of [['--print'], ['--agents', '0'], ['--malformed', '1'], ['--families', 'CALLS'], ['--date-style', 'iso'], ['--bogus'], ['x']]) {
      assert.throws(() => parsePomCliArgs(bad), Error, bad.join(' '));
    }
  });

  describe('publisher against a broker (KAFKA_BROKERS)', () => {
    const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
    before(function () {
      if (brokers.length === 0) this.skip();
    });

    it('publishes at the given speed, drops heartbeats while paused, and stops promptly', async () => {
      const topic = `pom-sim-test-hb-${process.pid}-${Date.now()}`;
      const kafka = new Kafka({ brokers, clientId: 'pom-sim-test', logLevel: logLevel.NOTHING });
      const consumer = kafka.consumer({ groupId: `${topic}-g` });
      const arrivals: number[] = [];
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const until = async (ok: () => boolean, ms: number) => {
        for (const end = Date.now() + ms; !ok(); await sleep(100)) if (Date.now() > end) assert.fail('timed out');
      };
      const publisher = startPomPublisher({ brokers, speed: 30, families: ['HEART_BEAT'], topics: { HEART_BEAT: topic }, startTimeMs: START });
      try {
        await consumer.connect();
        await until(() => publisher.sent > 0, 10000);
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({ eachMessage: async ({ message }) => void arrivals.push(Number(message.timestamp)) });
        await until(() => arrivals.length >= 3, 20000);
        publisher.pauseHeartbeats(true);
        await sleep(3000);
        publisher.pauseHeartbeats(false);
        const before = arrivals.length;
        await until(() => arrivals.length >= before + 2, 10000);
        const g = gaps([...arrivals].sort((a, b) => a - b));
        assert.ok(g.every((x) => x > 0 && x % 30000 === 0), 'one heartbeat every 30 simulated seconds');
        assert.ok(g.some((x) => x >= 60000), 'heartbeats missing while paused');
      } finally {
        const t = Date.now();
        await publisher.stop();
        assert.ok(Date.now() - t < 5000);
        await consumer.disconnect();
      }
    });
  });
});
