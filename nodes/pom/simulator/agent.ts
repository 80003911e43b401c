import {
  agentEvent, AgentIdentity, AttachedJob, callEvent, CallInfo, JobState, jobStateEvent, NailState, nailEvent, stateEvent,
} from './agent-events';
import { AgentLedger, AgentSnapshot, AgentState, CallState } from './agent-ledger';
import { agentStatistics } from './agent-stats';
import { CodeDef } from './catalogue';
import { JsonObject } from './encode';
import { Random } from '../../shared/simulator/random';
import { Scheduler } from './scheduler';

export interface AgentHost {
  readonly sched: Scheduler;
  readonly org: string;
  emit(family: string, key: string, payload: JsonObject): void;
}

const STATS_EVERY_MS = 6000;

/**
 * One agent's four state models (§5.2). Every change publishes the AGENT event and then an agent statistics
 * event, as Agent Manager does; a 6 s timer publishes statistics in between while the agent is logged in.
 */
export class AgentSim implements AgentIdentity {
  sessionId = '';
  loggedIn = false;
  state: AgentState = 'LOGGED_OUT';
  callState: CallState = 'IDLE';
  jobState: JobState = 'JOBDETACHED';
  nailState: NailState = 'UNNAILED';
  stateAt = 0;
  callAt = 0;
  jobAt = 0;
  nailAt = 0;
  loginAt = 0;
  logoutAt: number | null = null;
  job: AttachedJob | null = null;
  attachAt: number | null = null;
  lastAttachAt: number | null = null;
  lastDetachAt: number | null = null;
  /** Reserved by a dial, in a call, or in the middle of an attach/detach/break/logout sequence. */
  engaged = false;
  conferenceOwner = false;
  ledger = new AgentLedger(0);
  private session = 0;

  constructor(
    private readonly host: AgentHost,
    private readonly rng: Random,
    readonly agentId: string,
    readonly agentName: string,
    readonly stationId: string,
    readonly skills: Record<string, number>,
  ) {}

  get available(): boolean {
    return this.loggedIn && !this.engaged && this.jobState === 'JOBATTACHED' && this.state === 'READY' && this.callState === 'IDLE';
  }

  get now(): number {
    return this.host.sched.now;
  }

  /** §5.2 transition 1: AGENTLOGON and its defaults UNNAILED, NOT_READY, JOBDETACHED. */
  login(): void {
    const now = this.now;
    const session = ++this.session;
    this.sessionId = Array.from({ length: 8 }, () => this.rng.int(0, 15).toString(16)).join('');
    this.loggedIn = true;
    this.loginAt = now;
    this.logoutAt = null;
    this.lastAttachAt = null;
    this.lastDetachAt = null;
    this.ledger = new AgentLedger(now);
    this.callState = 'IDLE';
    this.callAt = now;
    this.setState('LOGGED_IN');
    this.setNail('UNNAILED');
    this.setState('NOT_READY', 'Login');
    this.setJob('JOBDETACHED', null);
    const tick = (): void => {
      if (this.session !== session || !this.loggedIn) return;
      this.publishStats();
      this.host.sched.after(STATS_EVERY_MS, tick);
    };
    this.host.sched.after(STATS_EVERY_MS, tick);
  }

  /** `reason` is the not-ready reason code, or the logout reason code for LOGGED_OUT. */
  setState(state: AgentState, reason: string | null = null): void {
    const previous = this.state;
    this.change(() => {
      this.state = state;
      this.stateAt = this.now;
      if (state === 'LOGGED_OUT') this.logoutAt = this.now;
    }, stateEvent(state, previous, this.now, reason));
    if (state === 'LOGGED_OUT') this.loggedIn = false;
  }

  setCall(callState: CallState, info: CallInfo | null): void {
    const previous = this.callState;
    this.change(() => {
      this.callState = callState;
      this.callAt = this.now;
      this.conferenceOwner = callState === 'CONFERENCED' || callState === 'CONFERENCE_HELD';
      this.countCall(previous, callState);
    }, callEvent(callState, previous, this.now, info));
  }

  /** `job` is the job being attached to or ended; on JOBDETACHED the agent forgets its job, so the event names none. */
  setJob(jobState: JobState, job: AttachedJob | null): void {
    const now = this.now;
    this.change(() => {
      this.jobState = jobState;
      this.jobAt = now;
      if (jobState === 'JOBATTACHED' && job) {
        this.job = job;
        this.attachAt = now;
        this.lastAttachAt = now;
        this.ledger.attach(job.campaign.actionId);
      }
      if (jobState === 'JOBDETACHED' && this.job) {
        this.ledger.detach();
        this.job = null;
        this.attachAt = null;
        this.lastDetachAt = now;
      }
    }, jobStateEvent(jobState, jobState === 'JOBDETACHED' ? null : job?.campaign.pacing ?? null, now));
  }

  setNail(nailState: NailState): void {
    this.change(() => {
      this.nailState = nailState;
      this.nailAt = this.now;
    }, nailEvent(nailState, this.now));
  }

  /** The agent gave this code in wrap-up: it counts in both completion-code maps of its statistics. */
  tally(code: CodeDef): void {
    this.ledger.tally(code);
  }

  publishStats(): void {
    this.ledger.accrue(this.now, this.snapshot());
    this.host.emit('AGENT_STATISTICS', this.agentId, agentStatistics(this, this.host.org, this.now));
  }

  snapshot(): AgentSnapshot {
    return { state: this.state, callState: this.callState, attached: this.jobState === 'JOBATTACHED' && this.job !== null };
  }

  private change(mutate: () => void, sub: JsonObject): void {
    const before = this.snapshot();
    this.ledger.accrue(this.now, before);
    mutate();
    this.ledger.edges(before, this.snapshot());
    this.host.emit('AGENT', this.agentId, agentEvent(this, this.host.org, this.now, sub));
    // The LOGGED_OUT change still reports (with its logout time); the UNNAILED that follows a logout does not.
    if (this.loggedIn) this.publishStats();
  }

  private countCall(from: CallState, to: CallState): void {
    const bump = this.ledger.bump.bind(this.ledger);
    if (to === 'ONCALL' && (from === 'PENDING_CALL' || from === 'DIALING')) bump('callCount');
    if (to === 'DIALING') bump('previewAcceptCount');
    if (to === 'WRAPUP' && from === 'PREVIEW') bump('previewRejectCount');
    if (to === 'WRAPUP' && from === 'CALL_HELD') bump('abandonedHoldCount');
    if (to === 'WRAPUP') bump('acwCount');
    if (to === 'CALL_HELD') bump('holdCount');
    if (to === 'CONSULT_INITIATED') bump('consultCount');
    if (to === 'CONFERENCED' && from === 'CONSULT_ANSWERED') bump('conferenceCount');
    if (to === 'CONFERENCE_HELD') bump('holdInConfCount');
    if (to === 'CALL_TRANSFERRED') bump('transferCount');
  }
}
