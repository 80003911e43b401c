/**
 * A stand-in for the Cisco Finesse Generic Connector: a STOMP client on a real ActiveMQ that consumes the command
 * queue and answers on the clients' topics the way GC does (digest §6), plus a control API for tests and demos.
 * Each command is handled synchronously as it arrives, so thousands of round trips a second are no strain.
 */
import { EventEmitter } from 'events';
import { maskedBody, parseCommandType } from './command-table';
import { SimContext } from './context';
import * as control from './control';
import { dispatch } from './dispatch';
import { Faults } from './faults';
import { GcSimulatorOptions, resolveOptions } from './options';
import { Registry } from './registry';
import { Outbox, topicOf } from './reply';
import { Timers } from '../../shared/simulator/timers';
import { CommandTransport } from './transport';

export interface GcCommandRecord {
  /** The JMS-Type as sent. */
  type: string;
  /** The body; Connect / Login / MOBILEAGENTLOGIN passwords are masked. */
  body: string;
  headers: Record<string, string>;
  /** Canonical command name; undefined for a command GC does not know. */
  command?: string;
  target: string;
  /** Its `expires` header had passed when it was taken off the queue; it was dropped. */
  expired: boolean;
}

export interface SimAgentView {
  state: string;
  pendingState: string;
  reasonCode: string;
  destination?: string;
  loggedIn: boolean;
  extension: string;
  dialogs: string[];
}

export interface SimDialogView {
  state: string;
  callType: string;
  fromAddress: string;
  associatedId?: string;
  participants: { address: string; state: string; agentId?: string }[];
  variables: Record<string, string>;
  wrapUpReason?: string;
  live: boolean;
}

export class GcSimulator extends EventEmitter {
  private readonly sim: SimContext;
  private readonly faults = new Faults();
  private readonly transport: CommandTransport;
  private unresponsive = false;
  private replyDrop = false;
  private latencyMs = 0;
  private handled = 0;

  constructor(options: GcSimulatorOptions) {
    super();
    const opts = resolveOptions(options);
    const { host, port, login, passcode } = opts.stomp;
    this.transport = new CommandTransport({ host, port, login, passcode }, opts.commandQueue, (h, b) => this.onCommand(h, b), opts.log);
    this.transport.on('connected', () => this.emit('connected'));
    this.transport.on('disconnected', (err: Error) => this.emit('disconnected', err));
    const outbox = new Outbox((destination, body, correlationId) => {
      if (!this.transport.publish(destination, body, correlationId)) opts.log(`broker unreachable: event to ${destination} lost`);
    });
    this.sim = {
      opts,
      registry: new Registry(opts.agents),
      timers: new Timers(),
      outbox,
      format: { variables: opts.callVariableFormat, omitPrefix: opts.omitAgentPrefixOnCallEvents },
      inService: true,
      log: opts.log,
    };
  }

  get commandsHandled(): number {
    return this.handled;
  }

  /** Connects and subscribes `/queue/<commandQueue>`; resolves when the broker has confirmed the subscription. */
  start(): Promise<void> {
    return this.transport.start();
  }

  async stop(): Promise<void> {
    this.sim.timers.clearAll();
    await this.transport.stop();
  }

  setInService(inService: boolean): void {
    this.sim.inService = inService;
  }

  /** GC dead: commands are taken off the queue and nothing at all happens or is sent. */
  setUnresponsive(silent: boolean): void {
    this.unresponsive = silent;
    this.sim.outbox.silent = this.unresponsive || this.replyDrop;
  }

  /** Commands are carried out, but no event leaves (replies lost on the way). */
  dropReplies(drop: boolean): void {
    this.replyDrop = drop;
    this.sim.outbox.silent = this.unresponsive || this.replyDrop;
  }

  setLatency(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError('latency must be a non-negative number of ms');
    this.latencyMs = ms;
  }

  /** A GC restart: sessions, destinations and dialogs are gone; Beat then answers RECONNECT, agent commands RE_LOGIN. */
  restart(): void {
    this.sim.timers.clearAll();
    this.sim.registry.reset();
  }

  failNext(command: string, error: string, agentId?: string): void {
    this.faults.add(command, error, agentId);
  }

  injectInboundCall(agentId: string, call?: control.InboundCallSpec): string {
    return control.injectInboundCall(this.sim, agentId, call);
  }

  hangUp(dialogId: string): void {
    control.hangUp(this.sim, dialogId);
  }

  offerPreview(agentId: string, offer?: control.PreviewOfferSpec): string {
    return control.offerPreview(this.sim, agentId, offer);
  }

  printStatusBar(agentId: string, text: string): void {
    control.printStatusBar(this.sim, agentId, text);
  }

  /** Re-sends DialogStatus to every logged-in agent, as GC does after a failover. */
  failover(): void {
    control.failover(this.sim);
  }

  /** Publishes any body on /topic/<destination>, bypassing every simulation rule (for unparseable-body tests). */
  sendRaw(destination: string, body: string, headers?: Record<string, string>): void {
    if (!this.transport.publish(topicOf(destination), body, undefined, headers)) throw new Error('not connected to the broker');
  }

  agent(id: string): SimAgentView | undefined {
    const a = this.sim.registry.agents.get(id);
    if (!a) return undefined;
    return {
      state: a.state, pendingState: a.pendingState, reasonCode: a.reasonCode, destination: a.destinationName,
      loggedIn: a.loggedIn, extension: a.extension, dialogs: [...a.dialogs],
    };
  }

  dialog(id: string): SimDialogView | undefined {
    const d = this.sim.registry.findDialog(id);
    if (!d) return undefined;
    return {
      state: d.state, callType: d.callType, fromAddress: d.fromAddress, associatedId: d.associatedId,
      participants: d.participants.map((p) => ({ address: p.address, state: p.state, agentId: p.agentId })),
      variables: Object.fromEntries(d.variables), wrapUpReason: d.wrapUpReason, live: this.sim.registry.dialogs.has(id),
    };
  }

  private onCommand(headers: Record<string, string>, body: string): void {
    if (this.latencyMs > 0) this.sim.timers.after(this.latencyMs, () => this.handle(headers, body));
    else this.handle(headers, body);
  }

  private handle(headers: Record<string, string>, body: string): void {
    const type = headers.type ?? '';
    const parsed = parseCommandType(type);
    const expires = Number(headers.expires);
    // Checked when the command is carried out, so a command that waited (latency) past its TTL is not run late.
    const expired = expires > 0 && expires < Date.now();
    if (!expired) this.handled++;
    if (this.listenerCount('command') > 0) {
      const record: GcCommandRecord = {
        type, body: maskedBody(parsed.command, body), headers: { ...headers }, command: parsed.command, target: parsed.target, expired,
      };
      this.emit('command', record);
    }
    if (expired) {
      this.sim.log(`${type}: expired before it could be carried out; dropped`);
      return;
    }
    if (this.unresponsive) return;
    try {
      dispatch(this.sim, this.faults, parsed, headers, body);
    } catch (err) {
      if (this.listenerCount('error') > 0) this.emit('error', err);
      else this.sim.log(`${type}: ${(err as Error).message}`);
    }
  }
}
