import { randomUUID } from 'crypto';
import { EventEmitter } from 'events';
import type { Client } from 'stompit';
import { Backoff, type BackoffOptions } from '../../shared/backoff';
import { parseFinesseEvent } from '../schema/events';
import { GcCommandError } from './command-errors';
import type { GcIncoming } from './gc-incoming';
import { GcLinkStateMachine, type GcLinkChange, type GcLinkState } from './gc-link-state';
import { GcHandshake } from './gc-handshake';
import { DEFAULT_PENDING_LIMIT, PendingCommands, type CommandReply } from './pending-commands';
import { connectStomp, type StompEndpoint } from './stomp-connection';

export interface GcSessionOptions {
  endpoint: StompEndpoint;
  /** The queue GC consumes commands from (digest §1.1). */
  commandQueue: string;
  /** The topic GC publishes this client's events on; unique per client (digest §1.1). */
  clientDestination: string;
  /** CONNECT_TIMEOUT: how long to wait for System#IN_SERVICE before sending Hello again. */
  helloTimeoutMs: number;
  beatIntervalMs: number;
  /** Unanswered Beats in a row after which the link goes back to the Hello loop. */
  maxMissedBeats?: number;
  /** Command time-to-live (the expires header); 0 = commands never expire. */
  ttlMs: number;
  reconnect?: BackoffOptions;
  /** How long a STOMP CONNECT may take before the attempt counts as failed. */
  connectTimeoutMs?: number;
  /** How many commands may wait for GC's answer at once (default 1,000); more are refused with `too-many-pending`. */
  maxPendingCommands?: number;
  /** How long stop() waits for the broker's DISCONNECT receipt before it destroys the socket (default 2 s). */
  stopTimeoutMs?: number;
}

export interface GcCommand {
  type: string;
  body: string;
  /** The agent the command is for, so a reply without correlation-id can still be matched. */
  agentId?: string;
  expectsReply: boolean;
  /** Event types that answer the command (Error and State#RE_LOGIN always end the wait). */
  replyTypes?: readonly string[];
  timeoutMs: number;
  /** Shown in errors instead of the type (never the body: it may hold a password). */
  describe?: string;
  /** Aborted when the sender stops waiting (its node closed): the wait ends at once with `closed`. */
  signal?: AbortSignal;
}

const QUIET = () => undefined;
const STOMP_HEARTBEAT_MS = 10000;

/**
 * One client destination's session with the Generic Connector over one STOMP connection: subscribes the
 * client topic, runs the Hello/Beat handshake, sends commands with reply-to, expires and correlation-id,
 * matches their replies, and reconnects with capped backoff when the broker goes away.
 *
 * Emits 'link' (GcLinkChange), 'event' (GcIncoming, every message on the topic), 'in-service'
 * ({ resumed }: resumed is true when events may have been missed since the last time in service),
 * 'destination-reconnect' (GC asked for every agent to be connected and logged in again), and
 * 'pending-limit' (the limit of waiting commands, the first time a command was refused for it).
 *
 * stop() ends within stopTimeoutMs whatever the broker does, and leaves no socket or timer behind.
 */
export class GcSession extends EventEmitter {
  readonly link = new GcLinkStateMachine();
  private readonly pending: PendingCommands;
  private readonly backoff: Backoff;
  private readonly handshake: GcHandshake;
  private readonly replyTo: string;
  private readonly queue: string;
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  /** The connection attempt under way, so stop() can end it rather than wait out the connect timeout. */
  private connecting: AbortController | undefined;
  /** Commands GC never answers whose frame is still being written: they count towards the pending limit too. */
  private sendOnly = 0;
  private missedEvents = false;
  /** Commands whose frame is still being written, each with the way to fail it. */
  private readonly writing = new Set<(err: GcCommandError) => void>();

  constructor(private readonly options: GcSessionOptions) {
    super();
    // Every agent login and every node on the GC listens here: hundreds of agents are normal, not a leak.
    this.setMaxListeners(0);
    this.pending = new PendingCommands(options.maxPendingCommands ?? DEFAULT_PENDING_LIMIT, (limit) => this.emit('pending-limit', limit));
    this.replyTo = `/topic/${options.clientDestination}`;
    this.queue = `/queue/${options.commandQueue}`;
    this.backoff = new Backoff(options.reconnect ?? { initialMs: 500, maxMs: 30000, jitter: 0.5 });
    this.handshake = new GcHandshake({
      helloTimeoutMs: options.helloTimeoutMs,
      beatIntervalMs: options.beatIntervalMs,
      maxMissedBeats: options.maxMissedBeats ?? 3,
      sendHello: () => this.sendControl('Hello'),
      sendBeat: () => this.sendControl('Beat'),
      beatsMissed: (count) => {
        this.missedEvents = true;
        this.link.dispatch('beats-missed', `GC did not answer ${count} Beats in a row; sending Hello until it does`);
        this.handshake.startHello();
      },
    });
    this.link.on('change', (change: GcLinkChange) => this.emit('link', change));
  }

  get state(): GcLinkState {
    return this.link.state;
  }

  get clientDestination(): string {
    return this.options.clientDestination;
  }

  get pendingCommands(): number {
    return this.pending.size;
  }

  start(): void {
    if (this.link.state !== 'idle') return;
    this.link.dispatch('start', `connecting to ${this.options.endpoint.host}:${this.options.endpoint.port}`);
    void this.connect();
  }

  /** Sends a command and, where GC answers it, waits for the answer (digest §1.6). */
  async command(command: GcCommand): Promise<CommandReply> {
    const describe = command.describe ?? command.type;
    const client = this.client;
    if (this.link.state !== 'in-service' || !client) {
      const why = this.link.state === 'out-of-service' ? 'GC is out of service (it has lost Finesse)' : `the GC link is ${this.link.state}`;
      throw new GcCommandError(`cannot send ${describe}: ${why}`, this.link.state === 'stopped' ? 'closed' : 'not-in-service');
    }
    const signal = command.signal;
    if (signal?.aborted) throw new GcCommandError(`${describe} was not sent: the node sending it was closed`, 'closed');
    this.pending.admit(describe, this.sendOnly);
    const correlationId = randomUUID();
    const startedAt = Date.now();
    const reply = command.expectsReply
      ? this.pending.wait(correlationId, command.agentId, command.replyTypes ?? [], command.timeoutMs, describe)
      : undefined;
    // The wait may end (broker lost, timeout) while the frame is still being written: the caller hears of it below.
    reply?.catch(QUIET);
    const abandon = () => this.pending.abandon(correlationId, `stopped waiting for GC's answer to ${describe}: the node that sent it was closed`);
    signal?.addEventListener('abort', abandon, { once: true });
    if (!reply) this.sendOnly++;
    try {
      try {
        await this.writeCommand(client, command.type, command.body, correlationId, describe);
      } catch (err) {
        this.pending.cancel(correlationId);
        throw err;
      } finally {
        if (!reply) this.sendOnly--;
      }
      return reply ? await reply : { correlationId, elapsedMs: Date.now() - startedAt };
    } finally {
      signal?.removeEventListener('abort', abandon);
    }
  }

  /** Fails every waiting command, ends a connection attempt under way and disconnects, within stopTimeoutMs. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.connecting?.abort();
    this.handshake.stop();
    this.pending.failAll('the GC session was closed', 'closed');
    this.failWrites('the GC session was closed', 'closed');
    const client = this.client;
    this.client = undefined;
    this.link.dispatch('stop', 'closed');
    if (client) await disconnect(client, this.options.stopTimeoutMs ?? 2000);
  }

  private async connect(): Promise<void> {
    const attempt = new AbortController();
    this.connecting = attempt;
    let client: Client;
    try {
      // STOMP heart-beats find a connection that died without a word (NAT, firewall, a crashed broker host) in
      // seconds rather than at the kernel's TCP timeout; GC's own Beat cannot, it only tells GC is silent.
      const endpoint = { heartbeatMs: STOMP_HEARTBEAT_MS, ...this.options.endpoint };
      client = await withTimeout(connectStomp(endpoint, attempt.signal), this.options.connectTimeoutMs ?? 10000, () => attempt.abort());
    } catch (err) {
      this.lost(err);
      return;
    } finally {
      if (this.connecting === attempt) this.connecting = undefined;
    }
    if (this.stopping) {
      client.on('error', QUIET);
      destroy(client);
      return;
    }
    this.client = client;
    client.on('error', (err: Error) => this.lost(err, client));
    client.on('end', () => this.lost(new Error('the broker closed the connection'), client));
    client.subscribe({ destination: this.replyTo, ack: 'auto' }, (err, message) => {
      if (!err) this.receive(message);
    });
    // The broker handles a connection's frames in order, so the topic exists before GC can answer Hello.
    this.link.dispatch('subscribed', `subscribed to ${this.replyTo}; sending Hello to ${this.queue}`);
    this.handshake.startHello();
  }

  private receive(message: Client.Message): void {
    const headers = (message as unknown as { headers: Record<string, string> }).headers;
    message.readString('utf-8', (err?: Error | null, body?: string) => {
      if (err) return;
      const text = body ?? '';
      const incoming: GcIncoming = { body: text, headers, receivedAt: new Date().toISOString(), parsed: parseFinesseEvent(text) };
      // A throw from here would escape into stompit's socket handling and end Node-RED: it becomes a warning.
      try {
        this.observe(incoming);
        this.pending.settle(incoming);
        this.emit('event', incoming);
      } catch (err) {
        this.emit('handling-failed', `handling a GC message failed and it was dropped: ${(err as Error).message}`, incoming);
      }
    });
  }

  /** System and DESTINATION events drive the link whether they answer Hello, Beat or nothing at all. */
  private observe(incoming: GcIncoming): void {
    const parsed = incoming.parsed;
    if (!parsed.ok) return;
    if (parsed.type === 'IN_SERVICE') {
      this.handshake.answered();
      if (this.link.state === 'in-service') return;
      this.link.dispatch('in-service', 'GC is in service');
      this.backoff.reset();
      this.handshake.startBeat();
      const resumed = this.missedEvents;
      this.missedEvents = false;
      this.emit('in-service', { resumed });
    } else if (parsed.type === 'OUT_OF_SERVICE') {
      this.handshake.answered();
      if (this.link.state === 'out-of-service') return;
      this.missedEvents = true;
      this.link.dispatch('out-of-service', 'GC is out of service: it has lost its connection to Finesse');
      this.handshake.startHello();
    } else if (parsed.type === 'RECONNECT') {
      this.handshake.answered();
      const destination = (parsed.payload as { destination?: string }).destination;
      if (destination === undefined || destination === this.options.clientDestination) this.emit('destination-reconnect');
    }
  }

  private lost(err: unknown, client?: Client): void {
    if (this.stopping || (client && client !== this.client)) return;
    if (client) {
      client.removeAllListeners('error');
      client.removeAllListeners('end');
      client.on('error', QUIET);
      destroy(client);
    }
    this.client = undefined;
    this.handshake.stop();
    this.missedEvents = true;
    const reason = `broker ${this.options.endpoint.host}:${this.options.endpoint.port}: ${describeError(err)}`;
    this.pending.failAll(`the connection to the broker was lost (${reason})`, 'disconnected');
    this.failWrites(`the connection to the broker was lost (${reason})`, 'disconnected');
    const delay = this.backoff.next();
    this.link.dispatch('broker-lost', `${reason}; retrying in ${Math.round(delay / 100) / 10} s`);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private sendControl(command: 'Hello' | 'Beat'): void {
    const client = this.client;
    if (!client) return;
    // Hello and Beat outlive one handshake period at most (a stale one would only confuse the link state), unless
    // expiry is off altogether: a broker clock ahead of ours would then drop every one of them.
    const ttlMs = this.options.ttlMs > 0 ? this.options.helloTimeoutMs : 0;
    this.write(client, `${command}#${this.options.clientDestination}`, '', randomUUID(), ttlMs, QUIET);
  }

  /**
   * Resolves once the frame is written. stompit never calls back for frames still queued when the socket dies,
   * so every write in flight is also failed by lost() and stop().
   */
  private writeCommand(client: Client, type: string, body: string, correlationId: string, describe: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (err: GcCommandError) => {
        this.writing.delete(fail);
        reject(err);
      };
      this.writing.add(fail);
      this.write(client, type, body, correlationId, this.options.ttlMs, (err) => {
        if (!this.writing.delete(fail)) return;
        if (err) reject(new GcCommandError(`could not send ${describe}: ${describeError(err)}`, 'disconnected', correlationId));
        else resolve();
      });
    });
  }

  private failWrites(message: string, failure: 'disconnected' | 'closed'): void {
    for (const fail of [...this.writing]) fail(new GcCommandError(message, failure));
  }

  private write(client: Client, type: string, body: string, correlationId: string, ttlMs: number, written: (err?: Error | null) => void): void {
    const headers: Record<string, string> = { destination: this.queue, type, 'reply-to': this.replyTo, 'correlation-id': correlationId };
    if (ttlMs > 0) headers.expires = String(Date.now() + ttlMs);
    const frame = client.send(headers);
    frame.end(body, written);
  }
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

/** Rejects after `ms`, calling `giveUp` so the attempt's socket goes with it. */
function withTimeout<T>(promise: Promise<T>, ms: number, giveUp: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no STOMP CONNECTED frame within ${ms} ms`));
      giveUp();
    }, ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (err) => { clearTimeout(timer); reject(err); });
  });
}

/**
 * A graceful STOMP DISCONNECT, bounded: a broker that never sends the receipt (frozen, or gone without closing
 * the socket) would otherwise hold the close forever, so the socket is destroyed after `ms`.
 */
function disconnect(client: Client, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { destroy(client); resolve(); }, ms);
    const done = () => { clearTimeout(timer); resolve(); };
    client.on('error', QUIET);
    try {
      client.disconnect(done);
    } catch {
      destroy(client);
      done();
    }
  });
}

/** stompit's declarations want an error for destroy(); a deliberate close has none. */
function destroy(client: Client): void {
  (client as unknown as { destroy(): void }).destroy();
}
