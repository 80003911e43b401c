import { CodeDef } from './catalogue';

export type AgentState = 'LOGGED_IN' | 'READY' | 'BUSY' | 'WORK_NOT_READY' | 'NOT_READY' | 'LOGGED_OUT';
export type CallState =
  | 'IDLE' | 'PENDING_CALL' | 'ONCALL' | 'WRAPUP' | 'WRAPUP_COMPLETE' | 'PREVIEW' | 'DIALING' | 'CALL_HELD'
  | 'CONSULT_INITIATED' | 'CONSULT_ANSWERED' | 'CONFERENCED' | 'CONFERENCE_ENDED' | 'CONFERENCE_HELD' | 'CALL_TRANSFERRED';

/** Per-job totals behind AgentCurrentJobStatistics / AgentAllJobStatistics and the job's AgentJobHandlerInfo. */
export interface JobTotals {
  attachedMs: number;
  talkMs: number;
  callCount: number;
  acwMs: number;
  acwCount: number;
  breakMs: number;
  breakCount: number;
  idleMs: number;
  idleCount: number;
  holdMs: number;
  holdCount: number;
  conferenceMs: number;
  conferenceCount: number;
  transferCount: number;
  transferRecvCount: number;
  consultMs: number;
  consultCount: number;
  previewMs: number;
  previewAcceptCount: number;
  previewRejectCount: number;
  abandonedHoldCount: number;
  holdInConfCount: number;
  holdInConfMs: number;
}

export type CountKey = { [K in keyof JobTotals]: K extends `${string}Count` ? K : never }[keyof JobTotals];

export function emptyTotals(): JobTotals {
  return {
    attachedMs: 0, talkMs: 0, callCount: 0, acwMs: 0, acwCount: 0, breakMs: 0, breakCount: 0, idleMs: 0, idleCount: 0,
    holdMs: 0, holdCount: 0, conferenceMs: 0, conferenceCount: 0, transferCount: 0, transferRecvCount: 0, consultMs: 0,
    consultCount: 0, previewMs: 0, previewAcceptCount: 0, previewRejectCount: 0, abandonedHoldCount: 0,
    holdInConfCount: 0, holdInConfMs: 0,
  };
}

export function sumTotals(a: JobTotals, b: JobTotals): JobTotals {
  const out = emptyTotals();
  for (const key of Object.keys(out) as (keyof JobTotals)[]) out[key] = a[key] + b[key];
  return out;
}

export interface CodeTally extends CodeDef {
  count: number;
}

export interface AgentSnapshot {
  state: AgentState;
  callState: CallState;
  attached: boolean;
}

/** Which in-call time bucket a call state feeds; states absent here (DIALING, WRAPUP_COMPLETE ...) feed none. */
const CALL_BUCKET: Partial<Record<CallState, keyof JobTotals>> = {
  ONCALL: 'talkMs',
  CALL_HELD: 'holdMs',
  CONSULT_INITIATED: 'consultMs',
  CONSULT_ANSWERED: 'consultMs',
  CONFERENCED: 'conferenceMs',
  CONFERENCE_HELD: 'holdInConfMs',
  WRAPUP: 'acwMs',
  PREVIEW: 'previewMs',
};

const idle = (s: AgentSnapshot): boolean => s.attached && s.state === 'READY' && s.callState === 'IDLE';
const onBreak = (s: AgentSnapshot): boolean => s.attached && s.state === 'NOT_READY';

/**
 * Time and count accounting for one login session. Time is accrued from whatever the agent was doing since the
 * last change, so every statistic is an exact consequence of the agent events already published.
 */
export class AgentLedger {
  current: JobTotals | null = null;
  /** Sum over the jobs detached from this session; null until the first detach, as §4.7 describes `allJobInfo`. */
  finished: JobTotals | null = null;
  offJobIdleMs = 0;
  offJobBreakMs = 0;
  readonly sessionCodes = new Map<number, CodeTally>();
  readonly jobCodes = new Map<number, CodeTally>();
  private readonly attaches = new Map<number, number>();
  private lastAt: number;

  constructor(loginAt: number) {
    this.lastAt = loginAt;
  }

  accrue(now: number, s: AgentSnapshot): void {
    const dt = Math.max(0, now - this.lastAt);
    this.lastAt = now;
    const job = this.current;
    if (!job || !s.attached) {
      if (s.state === 'READY') this.offJobIdleMs += dt;
      if (s.state === 'NOT_READY') this.offJobBreakMs += dt;
      return;
    }
    job.attachedMs += dt;
    if (idle(s)) job.idleMs += dt;
    if (onBreak(s)) job.breakMs += dt;
    const bucket = CALL_BUCKET[s.callState];
    if (bucket) job[bucket] += dt;
  }

  /** Counts the idle periods and breaks that a change has just started. */
  edges(before: AgentSnapshot, after: AgentSnapshot): void {
    if (!idle(before) && idle(after)) this.bump('idleCount');
    if (!onBreak(before) && onBreak(after)) this.bump('breakCount');
  }

  bump(key: CountKey): void {
    if (this.current) this.current[key] += 1;
  }

  attach(actionId: number): void {
    this.current = emptyTotals();
    this.jobCodes.clear();
    this.attaches.set(actionId, (this.attaches.get(actionId) ?? 0) + 1);
  }

  detach(): void {
    if (!this.current) return;
    this.finished = sumTotals(this.finished ?? emptyTotals(), this.current);
    this.current = null;
  }

  sessionCount(actionId: number): number {
    return this.attaches.get(actionId) ?? 0;
  }

  totalAttaches(): number {
    return [...this.attaches.values()].reduce((sum, n) => sum + n, 0);
  }

  tally(code: CodeDef): void {
    for (const map of [this.sessionCodes, this.jobCodes]) {
      const entry = map.get(code.id) ?? { ...code, count: 0 };
      entry.count += 1;
      map.set(code.id, entry);
    }
  }

  /** Outbound time of the session: the attached time of finished jobs plus the current one. */
  outboundMs(): number {
    return (this.finished?.attachedMs ?? 0) + (this.current?.attachedMs ?? 0);
  }
}
