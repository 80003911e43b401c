import type { AgentSim } from './agent';
import { Attempt, AttemptType, Awaiting, CallbackInfo, Contact } from './attempt';
import { CampaignDef, SYSTEM_CODES } from './catalogue';
import { JsonObject } from './encode';
import { JobCounters } from './job-counters';
import { cctrends, jobStatistics } from './job-stats';
import { Random } from '../../shared/simulator/random';
import { Scheduler } from './scheduler';

export type JobPhase = 'QUEUED' | 'FILTERING' | 'RUNNING' | 'PAUSED' | 'CALLBACK' | 'STOPPING' | 'STOP_CALLBACK' | 'HISTORY' | 'COMPLETED';
export type JobPlan = 'natural' | 'pause' | 'stop';
export type FinishReason = 'NATURAL_FINISH' | 'CAMPAIGN_ABORTED_MANUALLY';

/**
 * `currentJobStatus` per phase. The document names only the first four (§5.1); the others are invented in the
 * same style.
 */
const JOB_STATUS: Record<JobPhase, string> = {
  QUEUED: 'JOB_QUEUED',
  FILTERING: 'JOB_ACTIVE_FILTER_IN_PROGRESS',
  RUNNING: 'JOB_ACTIVE',
  PAUSED: 'JOB_PAUSING',
  CALLBACK: 'JOB_CALLBACK',
  STOPPING: 'JOB_STOPPING',
  STOP_CALLBACK: 'JOB_STOPPING_CALLBACK',
  HISTORY: 'JOB_COMPLETED_CREATING_HISTORY',
  COMPLETED: 'JOB_COMPLETED',
};

export interface JobHost {
  readonly sched: Scheduler;
  readonly org: string;
  emit(family: string, key: string, payload: JsonObject): void;
  importRunning(): boolean;
  nextPimSessionId(): string;
  nextCallbackId(): string;
  /** Dialling may (re)start: attach waiting agents, offer work to idle ones. */
  offerWork(job: JobRun): void;
  /** The job entered creating-history: agents detach. */
  jobFinishing(job: JobRun): void;
  jobCompleted(job: JobRun): void;
  /** Agent totals of the agents attached to this job, for `agentJobHandlerInfo`. */
  attachedAgents(job: JobRun): AgentSim[];
}

interface Pending {
  dueAt: number;
  contact: Contact;
  type: AttemptType;
  parent: Attempt;
  callbackInfo: CallbackInfo | null;
}

const MAX_ATTEMPTS_PER_CONTACT = 3;

/** One campaign job: the §5.1 state graph and the contacts, retries and callbacks it dials. */
export class JobRun {
  phase: JobPhase = 'QUEUED';
  queuedAt = 0;
  endedAt: number | null = null;
  finishReason: FinishReason | null = null;
  readonly active = new Set<Attempt>();
  readonly counters = new JobCounters();
  private nextFresh = 0;
  private readonly retries: Pending[] = [];
  private readonly callbacks: Pending[] = [];
  private lastStatus: string | null = null;
  private wakeAt: number | null = null;

  constructor(
    private readonly host: JobHost,
    private readonly rng: Random,
    readonly jobId: number,
    readonly campaign: CampaignDef,
    readonly contacts: readonly Contact[],
    private readonly plan: JobPlan,
  ) {}

  get status(): string {
    return JOB_STATUS[this.phase];
  }

  get pendingRetries(): number {
    return this.retries.length;
  }

  /** Agents may be attached while the job can still produce work for them. */
  get attachable(): boolean {
    return ['RUNNING', 'PAUSED', 'CALLBACK', 'STOPPING', 'STOP_CALLBACK'].includes(this.phase);
  }

  /** §5.1 transitions 1-3, the scenario's pause or stop, and the 6 s / 60 s statistics timers. */
  start(): void {
    const sched = this.host.sched;
    this.queuedAt = sched.now;
    this.transition('QUEUED', 'JOBQUEUED', 'JobQueuedEvent');
    sched.after(3000, () => this.transition('FILTERING', 'JOBRUNNING_FILTERINPROGRESS', 'JobRunningEvent'));
    sched.after(8000, () => {
      this.transition('RUNNING', 'JOBRUNNING', 'JobRunningEvent', this.runningInfo());
      this.host.offerWork(this);
      this.schedulePlan();
    });
    this.every(6000, () => this.host.emit('JOB_STATISTICS', String(this.jobId), jobStatistics(this, this.host, sched.now)));
    this.every(60000, () => this.host.emit('CCTRENDS', String(this.jobId), cctrends(this, this.counters.drainTrend(), sched.now)));
  }

  /** The next attempt for an idle agent: due callbacks first, then due retries, then fresh contacts. */
  takeWork(): Attempt | null {
    const now = this.host.sched.now;
    const callbacksOnly = this.phase === 'CALLBACK' || this.phase === 'STOP_CALLBACK';
    if (this.phase !== 'RUNNING' && !callbacksOnly) return null;
    const callback = takeDue(this.callbacks, now);
    if (callback) return this.attempt(callback.contact, 'CALLBACK', callback.parent, callback.callbackInfo);
    if (callbacksOnly) return this.scheduleWake();
    const retry = takeDue(this.retries, now);
    if (retry) return this.attempt(retry.contact, retry.type, retry.parent, null);
    if (this.nextFresh < this.contacts.length) return this.attempt(this.contacts[this.nextFresh++], 'REGULAR', null, null);
    return this.scheduleWake();
  }

  /** An agent chose a callback code in wrap-up (published as CALLBACK_CREATED before the attempt completes). */
  createCallback(a: Attempt): void {
    a.callbackInfo = { type: 'AGENT', callbackId: this.host.nextCallbackId() };
    this.counters.openCallbacks += 1;
    const dueAt = this.host.sched.now + this.rng.int(60000, 180000);
    this.callbacks.push({ dueAt, contact: a.contact, type: 'CALLBACK', parent: a, callbackInfo: a.callbackInfo });
  }

  /** Books the outcome just before AttemptCompleted is published; decides what the contact awaits. */
  completeAttempt(a: Attempt): void {
    const now = this.host.sched.now;
    const code = a.systemCode;
    if (!code) throw new Error(`attempt ${a.pimSessionId} completed without a system completion code`);
    this.active.delete(a);
    this.counters.completed(a, code);
    const retryable = a.type !== 'CALLBACK' && a.contact.attempts < MAX_ATTEMPTS_PER_CONTACT;
    let awaiting: Awaiting | null = null;
    if (a.agentCode?.effect === 'callback') awaiting = 'AWAITING_CALLBACK';
    else if (retryable && code.id === SYSTEM_CODES.busy.id) {
      awaiting = 'AWAITING_REDIAL';
      this.retries.push({ dueAt: now + this.rng.int(30000, 60000), contact: a.contact, type: 'REDIAL', parent: a, callbackInfo: null });
    } else if (retryable && code.id === SYSTEM_CODES.noAnswer.id) {
      awaiting = 'AWAITING_RETRY';
      this.retries.push({ dueAt: now + this.rng.int(60000, 120000), contact: a.contact, type: 'REGULAR', parent: a, callbackInfo: null });
    } else {
      this.counters.contactDone(code);
    }
    a.awaiting = awaiting;
    // After the AttemptCompleted record that the caller publishes next.
    this.host.sched.after(0, () => this.progress());
  }

  jobNotes(): string | null {
    switch (this.phase) {
      case 'QUEUED': return this.host.importRunning() ? 'DIALING_PAUSED_AWAITING_IMPORT_TO_COMPLETE' : null;
      case 'FILTERING': return 'DIALING_PAUSED_AWAITING_RECORD_FILTERING_TO_COMPLETE';
      case 'RUNNING': return this.host.importRunning() ? 'CONTACT_LIST_IMPORT_AND_DIALING_IN_PROGRESS' : 'DIALING_IN_PROGRESS';
      case 'PAUSED': return null;
      case 'CALLBACK': return 'DIALING_COMPLETED_PENDING_CALLBACKS';
      case 'STOPPING': return 'CAMPAIGN_ABORTED_MANUALLY';
      case 'STOP_CALLBACK': return 'DIALING_STOPPED_ONLY_CALLBACK_TO_PROCESS';
      default: return this.finishReason;
    }
  }

  private attempt(contact: Contact, type: AttemptType, parent: Attempt | null, callbackInfo: CallbackInfo | null): Attempt {
    this.counters.attempted(contact.attempts === 0);
    contact.attempts += 1;
    const a: Attempt = {
      pimSessionId: this.host.nextPimSessionId(), jobId: this.jobId, campaign: this.campaign, contact, type,
      parentPimSessionId: parent ? parent.pimSessionId : null, createdAt: this.host.sched.now,
      ucid: `${this.rng.int(1000000000, 9999999999)}${String(this.host.sched.now).slice(-10)}`,
      agent: null, systemCode: null, agentCode: null, notes: '', markedDNC: false, nuisance: false,
      callDurationS: 0, talkS: 0, acwS: 0, previewS: 0, callbackInfo, awaiting: null,
    };
    this.active.add(a);
    return a;
  }

  /** Nothing is due yet: come back when the earliest retry or callback is. Always returns null. */
  private scheduleWake(): null {
    const pending = this.phase === 'RUNNING' ? [...this.callbacks, ...this.retries] : this.callbacks;
    if (pending.length === 0) return null;
    const due = Math.min(...pending.map((p) => p.dueAt));
    if (this.wakeAt !== null && this.wakeAt <= due && this.wakeAt > this.host.sched.now) return null;
    this.wakeAt = due;
    this.host.sched.at(due, () => {
      this.wakeAt = null;
      this.host.offerWork(this);
    });
    return null;
  }

  private progress(): void {
    const idle = this.active.size === 0;
    if (this.phase === 'RUNNING' && idle && this.nextFresh >= this.contacts.length && this.retries.length === 0) {
      if (this.callbacks.length === 0) this.finish('NATURAL_FINISH');
      else {
        this.transition('CALLBACK', 'JOBCALLBACK', 'JobCallbackEvent', { callbackCount: this.counters.openCallbacks });
        this.host.offerWork(this);
      }
    } else if (this.phase === 'CALLBACK' && idle && this.callbacks.length === 0) this.finish('NATURAL_FINISH');
    else if (this.phase === 'STOP_CALLBACK' && idle && this.callbacks.length === 0) this.finish('CAMPAIGN_ABORTED_MANUALLY');
    else if (this.phase === 'STOPPING' && idle) this.finish('CAMPAIGN_ABORTED_MANUALLY');
  }

  private schedulePlan(): void {
    const sched = this.host.sched;
    if (this.plan === 'pause') {
      sched.after(this.rng.int(60000, 240000), () => {
        if (this.phase !== 'RUNNING') return;
        this.transition('PAUSED', 'JOBPAUSED', 'JobPauseEvent');
        sched.after(this.rng.int(30000, 90000), () => {
          this.transition('RUNNING', 'JOBRUNNING', 'JobRunningEvent', this.runningInfo());
          this.host.offerWork(this);
          this.progress();
        });
      });
    } else if (this.plan === 'stop') {
      sched.after(this.rng.int(300000, 600000), () => {
        if (this.phase !== 'RUNNING') return;
        if (this.callbacks.length > 0) {
          this.transition('STOP_CALLBACK', 'JOBSTOP_CALLBACK', 'JobStopEvent', { callbackCount: this.counters.openCallbacks });
          this.host.offerWork(this);
        } else this.transition('STOPPING', 'JOBSTOP', 'JobStopEvent');
        this.progress();
      });
    }
  }

  /** §5.1 transition 8 and the creating-history step the document's `JobCompletedCreatingHistoryEvent` implies. */
  private finish(reason: FinishReason): void {
    this.finishReason = reason;
    this.transition('HISTORY', 'JOBCOMPLETED', 'JobCompletedCreatingHistoryEvent');
    this.host.jobFinishing(this);
    this.host.sched.after(this.rng.int(2000, 4000), () => {
      const now = this.host.sched.now;
      this.endedAt = now;
      const info = { totalJobTime: now - this.queuedAt, jobEndTime: now, finishReason: reason };
      this.transition('COMPLETED', 'JOBCOMPLETED', 'JobCompletedEvent', info);
      this.host.jobCompleted(this);
    });
  }

  private runningInfo(): JsonObject {
    return {
      filteredContactCount: this.contacts.length,
      callbackCount: this.counters.openCallbacks,
      pendingRetryCount: this.retries.length,
    };
  }

  private transition(phase: JobPhase, eventType: string, jobStateEventType: string, extra: JsonObject = {}): void {
    this.phase = phase;
    const now = this.host.sched.now;
    const info = {
      jobEventType: 'JobStateEvent', jobStateEventType, currentJobStatus: this.status, lastJobStatus: this.lastStatus, ...extra,
    };
    this.lastStatus = this.status;
    this.host.emit('JOB', String(this.jobId), {
      orgName: this.host.org, jobId: this.jobId, campaignName: this.campaign.campaignName, campaignType: 'FINITE',
      agentSelectionType: 'DEFAULT', jobEventInfo: info, eventType, eventTimeStamp: now,
    });
  }

  /** A timer that publishes until (and including) its first tick after the job completed. */
  private every(periodMs: number, publish: () => void): void {
    const tick = (): void => {
      publish();
      if (this.phase !== 'COMPLETED') this.host.sched.after(periodMs, tick);
    };
    this.host.sched.after(periodMs, tick);
  }
}

function takeDue(queue: Pending[], now: number): Pending | null {
  let best = -1;
  queue.forEach((p, i) => {
    if (p.dueAt <= now && (best < 0 || p.dueAt < queue[best].dueAt)) best = i;
  });
  return best < 0 ? null : queue.splice(best, 1)[0];
}
