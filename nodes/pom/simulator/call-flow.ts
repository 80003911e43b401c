import { AgentSim } from './agent';
import { CallDropBy, CallInfo, CallType } from './agent-events';
import { CallState } from './agent-ledger';
import { secs } from './agent-stats';
import { Attempt, attemptPayload, AttemptAction, AttemptSubtype, enrichedPayload, ProducerModule, StateTimeType } from './attempt';
import { AGENT_CODES, CodeDef, SYSTEM_CODES } from './catalogue';
import { JsonObject } from './encode';
import { JobRun } from './job';
import { Random } from '../../shared/simulator/random';
import { Scheduler } from './scheduler';

export interface FlowHost {
  readonly sched: Scheduler;
  readonly rng: Random;
  emit(family: string, key: string, payload: JsonObject): void;
  /** The agent is free again after the attempt (or after its reservation for an unanswered dial). */
  callEnded(agent: AgentSim): void;
}

type Outcome = 'answered' | 'busy' | 'noAnswer' | 'machine' | 'nuisance';
const UNANSWERED: Record<Exclude<Outcome, 'answered'>, CodeDef> = {
  busy: SYSTEM_CODES.busy,
  noAnswer: SYSTEM_CODES.noAnswer,
  machine: SYSTEM_CODES.machine,
  nuisance: SYSTEM_CODES.nuisance,
};
const NOTES = ['asked for email summary', 'wants callback', 'disputes amount', 'moving house next month'];

/** Steps at increasing offsets from now; each `then` is relative to the previous step. */
class Timeline {
  private at: number;
  constructor(private readonly sched: Scheduler) {
    this.at = sched.now;
  }

  then(delayMs: number, step: () => void): this {
    this.at += Math.round(delayMs);
    this.sched.at(this.at, step);
    return this;
  }
}

/**
 * One attempt from AttemptCreated to its enriched result, with the agent's §5.3 call sequence interleaved:
 * progressive attempts ring before an agent is involved, preview attempts start with the agent previewing.
 */
export class CallFlow {
  private readonly tl: Timeline;
  private readonly info: CallInfo;
  private connectedAt = 0;

  constructor(
    private readonly host: FlowHost,
    private readonly job: JobRun,
    private readonly a: Attempt,
    private readonly agent: AgentSim,
  ) {
    this.tl = new Timeline(host.sched);
    const calltype: CallType = a.type;
    this.info = { attempt: a, calltype };
  }

  start(): void {
    const { host, a, agent } = this;
    const rng = host.rng;
    agent.engaged = true;
    const preview = a.campaign.pacing === 'Preview';
    if (preview) a.agent = { agentId: agent.agentId, agentName: agent.agentName };
    this.publish('AttemptCreated', 'CampaignManager');
    const ring = rng.int(4000, 18000);
    if (!preview) {
      const outcome = rng.weighted<Outcome>([['answered', 45], ['busy', 12], ['noAnswer', 25], ['machine', 13], ['nuisance', 5]]);
      if (outcome !== 'answered') return void this.tl.then(ring, () => this.unansweredProgressive(outcome));
      this.tl.then(ring, () => {
        a.agent = { agentId: agent.agentId, agentName: agent.agentName };
        this.job.counters.queuedCalls += 1;
        this.job.counters.queuedCallMs += 1000;
        agent.setCall('PENDING_CALL', this.info);
      });
      return void this.tl.then(1000, () => this.connect()).then(0, () => this.conversation());
    }
    agent.setCall('PREVIEW', this.info);
    const previewMs = rng.int(5000, 25000);
    a.previewS = secs(previewMs);
    if (rng.chance(0.1)) {
      this.tl.then(previewMs, () => this.wrapUp('', 'PREVIEW_TIME', a.previewS));
      return this.finishWithoutTalk(SYSTEM_CODES.cancelled);
    }
    this.tl.then(previewMs, () => {
      agent.setCall('DIALING', this.info);
      this.publish('AttemptUpdated', 'AgentManager', 'AGENT_CALL_STATE_CHANGED', { type: 'PREVIEW_TIME', value: a.previewS });
    });
    const outcome = rng.weighted<Outcome>([['answered', 50], ['busy', 12], ['noAnswer', 25], ['machine', 13]]);
    if (outcome === 'answered') return void this.tl.then(ring, () => this.connect()).then(0, () => this.conversation());
    this.tl.then(ring, () => this.wrapUp('', null, 0));
    this.finishWithoutTalk(UNANSWERED[outcome]);
  }

  private unansweredProgressive(outcome: Exclude<Outcome, 'answered'>): void {
    if (outcome === 'nuisance') {
      this.a.nuisance = true;
      this.publish('AttemptUpdated', 'CampaignManager', 'NUISSANCE_MARKED');
    }
    this.a.systemCode = UNANSWERED[outcome];
    this.complete();
    this.release();
  }

  private connect(): void {
    this.connectedAt = this.host.sched.now;
    this.agent.setCall('ONCALL', this.info);
    this.agent.setState('BUSY');
    this.publish('AttemptUpdated', 'AgentManager', 'AGENT_CALL_STATE_CHANGED', { type: 'TALK_TIME', value: 0 });
  }

  /** Talk, with an occasional hold, consult, transfer or conference (§5.3), then wrap-up. */
  private conversation(): void {
    const { rng } = this.host;
    const talk = 15000 + rng.exp(75000, 240000);
    const call = (state: CallState, extra: Partial<CallInfo> = {}) => (): void =>
      this.agent.setCall(state, { ...this.info, ...extra });
    const number = `555${rng.int(1000, 9999)}`;
    const consult = { consultInfo: number };
    const conference = { calltype: 'CONFERENCE' as const, conferenceInfo: number };
    const hangUp = rng.pick<CallDropBy>(['CUSTOMER', 'AGENT']);
    const tl = this.tl;
    switch (rng.weighted([['plain', 70], ['hold', 10], ['abandon', 3], ['consult', 6], ['transfer', 5], ['conference', 6]])) {
      case 'hold':
        tl.then(talk * 0.4, call('CALL_HELD')).then(rng.int(10000, 40000), call('ONCALL'));
        tl.then(talk * 0.6, () => this.endCall(hangUp));
        break;
      case 'abandon':
        tl.then(talk * 0.5, call('CALL_HELD')).then(rng.int(10000, 40000), () => this.endCall('CUSTOMER'));
        break;
      case 'consult':
        tl.then(talk * 0.5, call('CONSULT_INITIATED', consult)).then(rng.int(5000, 15000), call('CONSULT_ANSWERED', consult));
        tl.then(rng.int(20000, 60000), call('ONCALL')).then(talk * 0.5, () => this.endCall(hangUp));
        break;
      case 'transfer':
        tl.then(talk * 0.6, call('CONSULT_INITIATED', consult)).then(rng.int(5000, 15000), call('CONSULT_ANSWERED', consult));
        tl.then(rng.int(10000, 30000), call('CALL_TRANSFERRED', consult)).then(1000, () => this.endCall('AGENT'));
        break;
      case 'conference':
        tl.then(talk * 0.5, call('CONSULT_INITIATED', consult)).then(rng.int(5000, 15000), call('CONSULT_ANSWERED', consult));
        tl.then(rng.int(5000, 10000), call('CONFERENCED', conference));
        if (rng.chance(0.5)) {
          tl.then(20000, call('CONFERENCE_HELD', conference)).then(rng.int(10000, 30000), call('CONFERENCED', conference));
        }
        tl.then(rng.int(30000, 90000), call('CONFERENCE_ENDED', conference)).then(1000, () => this.endCall('AGENT'));
        break;
      default:
        tl.then(talk, () => this.endCall(hangUp));
    }
    const acwMs = rng.int(5000, 25000);
    tl.then(acwMs, () => this.dispose(acwMs));
    tl.then(500, () => this.release());
  }

  private endCall(dropBy: CallDropBy): void {
    const a = this.a;
    a.talkS = secs(this.host.sched.now - this.connectedAt);
    a.callDurationS = a.talkS;
    this.wrapUp(dropBy, 'TALK_TIME', a.talkS);
  }

  private wrapUp(dropBy: CallDropBy, stateTime: StateTimeType | null, value: number): void {
    this.agent.setCall('WRAPUP', { ...this.info, callDropBy: dropBy });
    this.agent.setState('WORK_NOT_READY');
    if (stateTime) this.publish('AttemptUpdated', 'AgentManager', 'AGENT_CALL_STATE_CHANGED', { type: stateTime, value });
  }

  /** Wrap-up of an answered call: the agent's code, then whatever it implies, then the attempt completes. */
  private dispose(acwMs: number): void {
    const { a, agent, job } = this;
    const choices = AGENT_CODES.filter((c) => a.type !== 'CALLBACK' || c.effect !== 'callback');
    const code = this.host.rng.weighted(choices.map((c) => [c, c.weight] as const));
    a.agentCode = code;
    a.acwS = secs(acwMs);
    agent.tally(code);
    agent.setCall('WRAPUP_COMPLETE', { ...this.info, completionCode: code.name });
    this.publish('AttemptUpdated', 'AgentManager', 'AGENT_CALL_STATE_CHANGED', { type: 'ACW_TIME', value: a.acwS });
    if (this.host.rng.chance(0.3)) {
      a.notes = this.host.rng.pick(NOTES);
      this.publish('AttemptUpdated', 'AgentManager', 'AGENT_NOTES_ADDED');
    }
    if (code.effect === 'callback') {
      job.createCallback(a);
      this.publish('AttemptUpdated', 'AgentManager', 'CALLBACK_CREATED');
    }
    if (code.effect === 'dnc') {
      a.markedDNC = true;
      a.contact.isDNC = true;
      this.publish('AttemptUpdated', 'AgentManager', 'DNC_MARKED');
    }
    a.systemCode = SYSTEM_CODES.answered;
    this.complete();
  }

  /** A preview that was cancelled or not answered: short wrap-up without a code, then completion. */
  private finishWithoutTalk(code: CodeDef): void {
    const acwMs = this.host.rng.int(3000, 8000);
    this.tl.then(acwMs, () => {
      this.a.acwS = secs(acwMs);
      this.agent.setCall('WRAPUP_COMPLETE', this.info);
      this.a.systemCode = code;
      this.complete();
    });
    this.tl.then(500, () => this.release());
  }

  private release(): void {
    if (this.agent.callState !== 'IDLE') {
      this.agent.setCall('IDLE', null);
      this.agent.setState('READY');
    }
    this.agent.engaged = false;
    this.host.callEnded(this.agent);
  }

  private complete(): void {
    const { host, a } = this;
    this.job.completeAttempt(a);
    this.publish('AttemptCompleted', 'CampaignManager');
    host.sched.after(host.rng.int(300, 1500), () =>
      host.emit('ENRICHED_ATTEMPT_RESULT', a.pimSessionId, enrichedPayload(a, host.sched.now)));
  }

  private publish(subtype: AttemptSubtype, module: ProducerModule, action: AttemptAction | null = null,
    stateTime: { type: StateTimeType; value: number } | null = null): void {
    this.host.emit('ATTEMPT', this.a.pimSessionId, attemptPayload(this.a, this.host.sched.now, subtype, module, action, stateTime));
  }
}
