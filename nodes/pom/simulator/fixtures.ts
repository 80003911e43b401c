import { PomRecord, PomSimulator } from './simulator';

type Json = Record<string, any>;

/**
 * The variants worth showing per family, each as a predicate over the decoded value. The fullest record of a
 * family needs a long enough story: agent statistics carry `allJobInfo` only after a first detach, and a
 * JobCallbackEventInfo appears only when a job ends with callbacks pending.
 */
const VARIANTS: readonly [string, (v: Json) => boolean][] = [
  ['HEART_BEAT', () => true],
  ['JOB', (v) => v.eventType === 'JOBQUEUED'],
  ['JOB', (v) => v.eventType === 'JOBRUNNING'],
  ['JOB', (v) => 'callbackCount' in v.jobEventInfo && !('filteredContactCount' in v.jobEventInfo)],
  ['JOB', (v) => v.jobEventInfo.jobStateEventType === 'JobCompletedEvent'],
  ['AGENT', (v) => v.agentEventType.state === 'NOT_READY'],
  ['AGENT', (v) => v.agentEventType.callState === 'WRAPUP_COMPLETE'],
  ['AGENT', (v) => v.agentEventType.jobState === 'JOBATTACHED'],
  ['AGENT', (v) => v.agentEventType.nailState === 'NAILED'],
  ['ATTEMPT', (v) => v.subtype === 'AttemptCreated'],
  ['ATTEMPT', (v) => v.subtype === 'AttemptUpdated' && v.agentCallStateTimes !== null],
  ['ATTEMPT', (v) => v.subtype === 'AttemptCompleted' && v.agentId !== null],
  ['ENRICHED_ATTEMPT_RESULT', (v) => v.agentCompletionCode !== null && v.callbackInfo !== null && v.agentNotes !== ''],
  ['JOB_STATISTICS', (v) => v.processedContactCount > 0 && v.jobNotes !== null && v.agentCount > 0],
  ['AGENT_STATISTICS', (v) => v.allJobInfo !== null && v.currentAttachJobHandlerInfo !== null
    && Object.keys(v.currentAttachJobHandlerInfo.complnCodeInfo).length > 0],
  ['IMPORT_STATISTICS', (v) => v.status === 'RUNNING' && v.stats[0] > 0],
  ['INBOUND_SKILL', () => true],
  ['CCTRENDS', (v) => v.trendsData.length > 1],
];

const DEFAULT_START = Date.UTC(2024, 5, 13, 13, 59, 56);
const STEP_MS = 10 * 60000;
const LIMIT_MS = 24 * 3600000;

/**
 * At least one realistic record of each of the ten families, on its default topic, with every documented field
 * present (null where it does not apply): the first record of each variant above in a fixed-seed run, in
 * variant order. Deterministic for the same options.
 */
export function everyFamilyRecords(opts: { org?: string; startTimeMs?: number } = {}): PomRecord[] {
  const sim = new PomSimulator({ org: opts.org, startTimeMs: opts.startTimeMs ?? DEFAULT_START, seed: 1 });
  const start = sim.now;
  const found: (PomRecord | undefined)[] = VARIANTS.map(() => undefined);
  while (found.includes(undefined)) {
    if (sim.now - start >= LIMIT_MS) throw new Error('everyFamilyRecords: the story did not produce every variant');
    for (const record of sim.advanceBy(STEP_MS)) {
      const value = JSON.parse(record.value) as Json;
      VARIANTS.forEach(([family, wanted], i) => {
        if (!found[i] && record.family === family && wanted(value)) found[i] = record;
      });
    }
  }
  return found as PomRecord[];
}
