import { CallFactory, SimulatedCall } from './calls';
import { CanonicalEvent, isTimed } from './catalogue';
import { Random } from '../../shared/simulator/random';

export interface PlannedEvent {
  /** Simulated instant in microseconds since the epoch; also the source of `time` and the Kafka timestamp. */
  atUs: number;
  event: CanonicalEvent;
}

export interface AgentSetup {
  agentId: string;
  dn: string;
  /** Stands for the agent desktop's connection with VM; ReferenceIDs count up per connection. */
  server: number;
  queues: readonly string[];
  tenant: string;
  /** Colleagues' DNs, used as forwarding targets. */
  otherDns: readonly string[];
}

type Attrs = Record<string, unknown>;
interface AgentEventOptions {
  workMode?: string;
  /** Request-driven (the agent or desktop asked for it), as opposed to switch- or hardware-driven. */
  request?: boolean;
  queue?: boolean;
  reasons?: Attrs;
  extensions?: Attrs;
}

const MINUTE = 60;
const HARDWARE_REASON = { ReasonCode: 'DeviceOutOfService' };
const BREAKS: readonly (readonly [string, number, number, number])[] = [
  // reason, weight, min minutes, max minutes
  ['Break', 0.6, 5, 15],
  ['Meeting', 0.2, 15, 30],
  ['Lunch', 0.2, 30, 45],
];

/**
 * One agent with one DN. Behaviour is planned an episode at a time (a whole call, a break, an outage), so the
 * rules that span several events — mute only inside its call, nothing between out-of-service and back-in-service,
 * one logout after all queue logins — hold by construction rather than by after-the-fact checks.
 */
export class AgentModel {
  private readonly pending: PlannedEvent[] = [];
  private clockUs: number;
  private sessionOpen = false;
  private shiftEndUs = 0;
  private offGapS: number;
  private referenceId = 0;
  private readonly readyMode: string;
  private emittedLogin = false;
  private emittedOutage = false;

  constructor(
    readonly setup: AgentSetup,
    private readonly rng: Random,
    private readonly calls: CallFactory,
    startUs: number,
  ) {
    this.clockUs = startUs;
    this.readyMode = rng.chance(0.75) ? 'ManualIn' : 'AutoIn';
    // Staggered first logins make the opening of a stream look like a shift start, not a synchronised burst.
    this.offGapS = rng.float() * 5 * MINUTE;
  }

  /** Instant of this agent's next event; plans the next episode when nothing is queued. */
  get nextAtUs(): number {
    if (this.pending.length === 0) this.plan();
    return this.pending[0].atUs;
  }

  take(): PlannedEvent {
    if (this.pending.length === 0) this.plan();
    const next = this.pending.shift() as PlannedEvent;
    const id = next.event.id;
    if (id === 'EventAgentLogin') this.emittedLogin = true;
    if (id === 'EventAgentLogout') this.emittedLogin = false;
    if (id === 'EventDNOutOfService') this.emittedOutage = true;
    if (id === 'EventDNBackInService') this.emittedOutage = false;
    return next;
  }

  /** Whether an extra event about this agent now would contradict nothing already sent (logged in, DN in service). */
  get acceptsExtraEvents(): boolean {
    return this.emittedLogin && !this.emittedOutage;
  }

  private plan(): void {
    if (!this.sessionOpen) return this.planLogin();
    if (this.clockUs >= this.shiftEndUs) return this.planLogout();
    this.wait(this.rng.exp(45));
    const episode = this.rng.weighted<() => void>([
      [() => this.planCall(), 0.8],
      [() => this.planBreak(), 0.06],
      [() => this.planShortNotReady(), 0.02],
      [() => this.planDnd(), 0.03],
      [() => this.planForward(), 0.03],
      [() => this.planDialTone(), 0.02],
      [() => this.planOutage(), 0.012],
    ]);
    episode();
  }

  private planLogin(): void {
    this.wait(this.offGapS);
    for (const queue of this.setup.queues) {
      this.agentEvent('EventAgentLogin', { request: true }, { ThisQueue: queue });
      this.wait(this.rng.float() * 0.3);
    }
    if (this.rng.chance(0.7)) {
      this.agentEvent('EventAgentNotReady', { workMode: 'AuxWork', request: true, queue: true });
      this.wait(5 + this.rng.float() * 55);
    }
    this.ready(true);
    this.sessionOpen = true;
    this.shiftEndUs = this.clockUs + (2 + this.rng.float() * 3) * 3600 * 1e6;
  }

  private planLogout(): void {
    if (this.rng.chance(0.5)) {
      this.agentEvent('EventAgentNotReady', { workMode: 'AuxWork', request: true });
      this.wait(10 + this.rng.float() * 110);
    }
    const reasons = this.rng.chance(0.3) ? { ReasonCode: 'EndOfShift' } : undefined;
    this.agentEvent('EventAgentLogout', { request: true, reasons }, { ThisQueue: this.setup.queues[0] });
    this.endSession((20 + this.rng.float() * 40) * MINUTE);
  }

  private planCall(): void {
    const call = this.calls.create();
    this.emit('EventOffHook', {
      ConnID: call.ConnID,
      CallID: call.CallID,
      CallType: call.CallType,
      CallState: 'Ok',
      ...call.network,
      CustomerID: this.maybeCustomer(0.3),
      UserData: call.UserData,
    });
    const handleS = Math.max(20, this.rng.exp(180, 1200));
    const endUs = this.clockUs + handleS * 1e6;
    if (this.rng.chance(0.012)) {
      this.wait(this.rng.float() * handleS);
      return this.planOutage(call);
    }
    if (this.rng.chance(0.25)) this.planMutes(call, handleS);
    this.clockUs = Math.max(this.clockUs, Math.round(endUs));
    this.onHook(call);
    this.wait(0.05 + this.rng.float() * 0.35);
    this.agentEvent('EventAgentNotReady', { workMode: 'AfterCallWork', queue: true });
    this.wait(Math.max(5, this.rng.exp(30, 180)));
    // AutoIn agents return to Ready when the wrap-up timer expires, so nobody sent a request.
    this.ready(this.readyMode === 'ManualIn');
  }

  private planMutes(call: SimulatedCall, handleS: number): void {
    const pairs = this.rng.int(1, 2);
    const slotS = handleS / (pairs * 2 + 1);
    for (let i = 0; i < pairs; i++) {
      this.wait(slotS * (0.5 + this.rng.float() * 0.5));
      this.mute('EventMuteOn', call);
      // Now and then the call ends while muted: the vendor never says a MuteOff must follow (spec Q18).
      if (i === pairs - 1 && this.rng.chance(0.1)) return;
      this.wait(slotS * (0.5 + this.rng.float() * 0.5));
      this.mute('EventMuteOff', call);
    }
  }

  private planBreak(): void {
    const [reason, , minMin, maxMin] = this.rng.weighted(BREAKS.map((b) => [b, b[1]] as const));
    const workMode = this.rng.chance(0.9) ? 'AuxWork' : undefined;
    this.agentEvent('EventAgentNotReady', { workMode, request: true, queue: true, reasons: { ReasonCode: reason } });
    this.wait((minMin + this.rng.float() * (maxMin - minMin)) * MINUTE);
    this.ready(true);
  }

  private planShortNotReady(): void {
    // NoCallDisconnect is the switch's reaction to an unanswered ACD call; WalkAway is the agent's own choice.
    const walkAway = this.rng.chance(0.6);
    this.agentEvent('EventAgentNotReady', { workMode: walkAway ? 'WalkAway' : 'NoCallDisconnect', request: walkAway });
    this.wait((1 + this.rng.float() * 4) * MINUTE);
    this.ready(true);
  }

  private planDnd(): void {
    this.emit('EventDNDOn', { CustomerID: this.maybeCustomer(0.2), ReferenceID: this.nextReferenceId() });
    this.wait((2 + this.rng.float() * 8) * MINUTE);
    this.emit('EventDNDOff', { CustomerID: this.maybeCustomer(0.2), ReferenceID: this.nextReferenceId() });
  }

  private planForward(): void {
    const target = this.setup.otherDns.length > 0 && this.rng.chance(0.6)
      ? this.rng.pick(this.setup.otherDns)
      : '0' + String(this.rng.int(600_000_000, 799_999_999));
    this.emit('EventForwardSet', {
      OtherDN: target,
      InfoStatus: this.rng.chance(0.8) ? 'CallForwardingStatus' : 'SendAllCallsStatus',
      CustomerID: this.maybeCustomer(0.2),
      ReferenceID: this.nextReferenceId(),
    });
    this.wait((3 + this.rng.float() * 17) * MINUTE);
    this.emit('EventForwardCancel', { CustomerID: this.maybeCustomer(0.2), ReferenceID: this.nextReferenceId() });
  }

  /** Handset lifted and put back without a call: hook events need not belong to a call. */
  private planDialTone(): void {
    this.emit('EventOffHook', {});
    this.wait(2 + this.rng.float() * 6);
    this.emit('EventOnHook', {});
  }

  /**
   * The vendor reports an outage's consequences through ordinary events and promises nothing for the DN until
   * it is back, so the consequences go first and the DN stays silent apart from a repeated out-of-service
   * (a newly registering client) until back-in-service.
   */
  private planOutage(call?: SimulatedCall): void {
    if (call) {
      this.onHook(call);
      this.wait(0.01 + this.rng.float() * 0.2);
    }
    const logout = this.rng.chance(0.4);
    if (logout) {
      this.agentEvent('EventAgentLogout', { extensions: HARDWARE_REASON }, { ThisQueue: this.setup.queues[0] });
    } else {
      this.agentEvent('EventAgentNotReady', { extensions: HARDWARE_REASON });
    }
    this.wait(0.001 + this.rng.float() * 0.05);
    this.emit('EventDNOutOfService', {});
    const outageS = (2 + this.rng.float() * 18) * MINUTE;
    const repeatAtS = this.rng.chance(0.3) ? outageS * (0.3 + this.rng.float() * 0.4) : 0;
    if (repeatAtS > 0) {
      this.wait(repeatAtS);
      this.emit('EventDNOutOfService', {});
    }
    this.wait(outageS - repeatAtS);
    this.emit('EventDNBackInService', {});
    if (logout) return this.endSession((1 + this.rng.float() * 4) * MINUTE);
    this.wait(5 + this.rng.float() * 55);
    this.ready(true);
  }

  private endSession(offGapS: number): void {
    this.sessionOpen = false;
    this.offGapS = offGapS;
  }

  private onHook(call: SimulatedCall): void {
    this.emit('EventOnHook', {
      ConnID: call.ConnID,
      CallID: call.CallID,
      ThisDNRole: call.ThisDNRole,
      ...call.network,
      CustomerID: this.maybeCustomer(0.3),
      UserData: call.UserData,
    });
  }

  private mute(id: 'EventMuteOn' | 'EventMuteOff', call: SimulatedCall): void {
    this.emit(id, {
      ConnID: call.ConnID,
      ThisDNRole: call.ThisDNRole,
      NetworkCallID: call.network?.NetworkCallID,
      NetworkNodeID: call.network?.NetworkNodeID,
      CustomerID: this.maybeCustomer(0.2),
      ReferenceID: this.nextReferenceId(),
      UserData: this.rng.chance(0.3) ? call.UserData : undefined,
    });
  }

  private ready(request: boolean): void {
    this.agentEvent('EventAgentReady', { workMode: this.readyMode, request, queue: true });
  }

  private agentEvent(id: string, opts: AgentEventOptions, fixed: Attrs = {}): void {
    const queue = opts.queue && this.rng.chance(0.3) ? this.setup.queues[0] : undefined;
    this.emit(id, {
      ThisQueue: queue,
      ...fixed,
      AgentID: this.setup.agentId,
      AgentWorkMode: opts.workMode,
      CustomerID: id === 'EventAgentLogin' ? this.setup.tenant : this.maybeCustomer(0.2),
      ReferenceID: opts.request ? this.nextReferenceId() : undefined,
    }, { Reasons: opts.reasons, Extensions: opts.extensions });
  }

  private nextReferenceId(): number {
    this.referenceId += 1;
    return this.referenceId;
  }

  private maybeCustomer(p: number): string | undefined {
    return this.rng.chance(p) ? this.setup.tenant : undefined;
  }

  /** Canonical member order of spec §3.3: identity first, then attributes, `time`, then the KV lists. */
  private emit(id: string, attrs: Attrs, tail: Attrs = {}): void {
    const timed = isTimed(id);
    const event: CanonicalEvent = { id, ...(timed ? { Server: this.setup.server } : {}), ThisDN: this.setup.dn };
    for (const [name, value] of Object.entries(attrs)) if (value !== undefined) event[name] = value;
    if (timed) event.time = { seconds: Math.floor(this.clockUs / 1e6), useconds: this.clockUs % 1e6 };
    for (const [name, value] of Object.entries(tail)) if (value !== undefined) event[name] = value;
    this.pending.push({ atUs: this.clockUs, event });
  }

  private wait(seconds: number): void {
    this.clockUs += Math.round(seconds * 1e6);
  }
}
