import { EventEmitter } from 'events';
import WebSocket from 'ws';
import { Backoff, type BackoffOptions } from '../../shared/backoff';
import { parseFailure, type ParsedEvent, type ParseFailure } from '../../shared/parse-result';
import { frameBuffer } from '../../shared/ws-frame';
import { authenticationMessage, notificationId, parseAxpFrame, pingMessage, type AxpNotification, type AxpSubscription } from '../schema';
import { GaveUpWaiting, waitWithin } from './bounded-wait';
import { RecentIds } from './recent-ids';
import { checkEndpoint, lifetimeMsOf, renewDelay, stringOf } from './subscription-rules';
import { classifyStepFailure } from './stream-errors';
import { AxpStreamStateMachine, type AxpStreamChange, type AxpStreamState } from './stream-state';
import { AxpApiError, type AxpSubscriptionsApi } from './subscriptions-api';
import { AxpCredentialsError, type AxpTokenSource } from './token-source';

export interface AxpStreamOptions {
  /** Event names for the subscription; empty = ALL. */
  events: readonly string[];
  rejectUnauthorized: boolean;
  /** The vendor recommends a ping every 30 s; never later than half the server's pingInterval. */
  pingEveryMs?: number;
  pongTimeoutMs?: number;
  authTimeoutMs?: number;
  /** Frames above this go to the error output instead of being parsed. */
  maxFrameBytes?: number;
  reconnect?: BackoffOptions;
  /** How many delivered event ids are remembered to drop replays. */
  rememberIds?: number;
  /** ws:// endpoints on other machines are refused unless this is set (the account's "allow unencrypted"). */
  allowUnencrypted: boolean;
}

/** Where a message came from: msg.ws. */
export interface AxpOrigin {
  subscriptionId: string;
  endpoint: string;
}

export interface AxpDelivery extends AxpOrigin {
  text: string;
  receivedAt: string;
}

/** A hard ceiling for ws itself; frames between maxFrameBytes and this reach the error output. */
const SOCKET_MAX_PAYLOAD = 16 * 1024 * 1024;
const QUIET = () => undefined;
/**
 * How long stop() waits for a subscription still being created (to delete it rather than leave it to expire) and for
 * the delete itself: together well inside the pack's close deadline, whatever the server does.
 */
const CREATE_WAIT_MS = 2000;
const DELETE_TIMEOUT_MS = 4000;

/**
 * One AXP subscription streamed over its WebSocket (digest §4): token, subscription, socket, authentication,
 * pings, renewal before expiry, recovery from each failed authentication status, reconnects with capped backoff
 * and jitter, replays dropped by event id, and the subscription deleted on stop.
 *
 * Emits 'state' (AxpStreamChange), 'notification' (ParsedEvent, AxpDelivery), 'invalid' (ParseFailure,
 * AxpDelivery) and 'duplicate' (event id).
 */
export class AxpEventStream extends EventEmitter {
  readonly machine = new AxpStreamStateMachine();
  private subscription: AxpSubscription | undefined;
  private socket: WebSocket | undefined;
  private generation = 0;
  private stopping = false;
  private invalidTokens = 0;
  private unknownSubscriptions = 0;
  private readonly backoff: Backoff;
  private readonly renewBackoff = new Backoff({ initialMs: 1000, maxMs: 30000, jitter: 0.3 });
  private readonly seen: RecentIds;
  /** A subscription being created, so stop() can delete it even when it arrives after the node closed. */
  private creating: Promise<AxpSubscription> | undefined;
  /** Deletes of replaced subscriptions under way: stop() waits for them (each is bounded) so none is cut off. */
  private readonly deleting = new Set<Promise<void>>();
  /** Aborted by stop(): cancels this stream's requests and token waits still under way, so no socket outlives it. */
  private readonly life = new AbortController();
  /** Whether the current socket has answered a ping: only a connection that lasts resets the backoff. */
  private proven = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private authTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;

  constructor(private readonly tokens: AxpTokenSource, private readonly api: AxpSubscriptionsApi, private readonly options: AxpStreamOptions) {
    super();
    this.backoff = new Backoff(options.reconnect ?? { initialMs: 1000, maxMs: 60000, jitter: 0.5 });
    this.seen = new RecentIds(options.rememberIds ?? 5000);
    this.machine.on('change', (change: AxpStreamChange) => this.emit('state', change));
  }

  get state(): AxpStreamState {
    return this.machine.state;
  }

  get subscriptionId(): string | undefined {
    return this.subscription?.subscriptionId;
  }

  start(): void {
    if (this.machine.state === 'idle') void this.attempt();
  }

  /**
   * Closes the socket, cancels whatever is under way and deletes the subscription (best effort), all within
   * CREATE_WAIT_MS + DELETE_TIMEOUT_MS whatever the server does; resolves with a warning when something was left behind.
   */
  async stop(): Promise<string | undefined> {
    if (this.stopping) return undefined;
    this.stopping = true;
    this.generation++;
    this.clearTimers();
    this.closeSocket(1000, 'node closed');
    this.machine.dispatch('stop', 'closed');
    let subscription = this.subscription;
    let warning: string | undefined;
    if (!subscription && this.creating) {
      subscription = await waitWithin(this.creating, { timeoutMs: CREATE_WAIT_MS }, 'the subscription being created').catch((err: Error) => {
        if (err instanceof GaveUpWaiting) warning = `a subscription being created when the node closed was not confirmed within ${CREATE_WAIT_MS / 1000} s; if the server made it, it expires on its own`;
        return undefined;
      });
    }
    this.life.abort();
    this.subscription = undefined;
    const id = subscription?.subscriptionId;
    const problem = id === undefined ? undefined : await this.api.delete(id, DELETE_TIMEOUT_MS).then(
      () => undefined,
      (err: Error) => `could not delete subscription ${id}: ${err.message}`,
    );
    await Promise.all(this.deleting);
    return problem ?? warning;
  }

  private async attempt(): Promise<void> {
    const generation = ++this.generation;
    const stale = () => this.stopping || generation !== this.generation;
    try {
      this.machine.dispatch('token', 'getting an access token');
      await this.tokens.get({ signal: this.life.signal });
      if (stale()) return;
      if (!this.subscription) {
        this.machine.dispatch('subscribe', `creating a subscription to ${this.options.events.length ? this.options.events.join(', ') : 'ALL'} events`);
        this.creating = this.api.create(this.options.events, this.life.signal);
        const created = await this.creating.finally(() => { this.creating = undefined; });
        // Closed meanwhile: stop() deletes it, having waited for it.
        if (this.stopping) return;
        this.adopt(created);
        if (stale()) return;
      }
      const endpoint = this.subscription!.transport.endpoint;
      checkEndpoint(endpoint, this.options.allowUnencrypted);
      // Creating may have needed a fresh token: authenticate with the one in force now.
      const token = await this.tokens.get({ signal: this.life.signal });
      if (stale()) return;
      this.machine.dispatch('connect', `connecting to ${endpoint}`);
      this.open(generation, token);
    } catch (err) {
      if (!stale()) this.failed(err);
    }
  }

  private adopt(subscription: AxpSubscription): void {
    const endpoint = subscription.transport.endpoint || this.subscription?.transport.endpoint;
    this.subscription = { ...subscription, transport: { ...subscription.transport, endpoint: endpoint ?? '' } };
    this.scheduleRenew();
  }

  private open(generation: number, token: string): void {
    const subscription = this.subscription!;
    const origin: AxpOrigin = { subscriptionId: subscription.subscriptionId, endpoint: subscription.transport.endpoint };
    const ws = new WebSocket(origin.endpoint, { maxPayload: SOCKET_MAX_PAYLOAD, rejectUnauthorized: this.options.rejectUnauthorized, handshakeTimeout: this.authTimeoutMs });
    this.socket = ws;
    let socketError = '';
    ws.on('open', () => {
      if (generation !== this.generation || this.stopping) return ws.close(1000);
      this.machine.dispatch('opened', 'authenticating');
      ws.send(authenticationMessage(origin.subscriptionId, token));
      this.authTimer = setTimeout(() => this.drop(ws, `no authenticationResponse within ${this.authTimeoutMs} ms`), this.authTimeoutMs);
    });
    ws.on('message', (data: WebSocket.RawData) => {
      // A throw here would escape into the socket's event loop and end Node-RED: the frame goes to the error output.
      try {
        this.receive(ws, token, data, origin);
      } catch (err) {
        const text = frameBuffer(data).subarray(0, 1024).toString('utf8');
        this.emit('invalid', parseFailure(`handling the frame failed: ${(err as Error).message}`), { ...origin, text, receivedAt: new Date().toISOString() });
      }
    });
    ws.on('error', (err: Error) => { socketError = err.message; });
    ws.on('close', (code: number, reason: Buffer) => {
      if (ws !== this.socket) return;
      const why = socketError || reason.toString('utf8') || `closed with code ${code}`;
      this.socketGone(`WebSocket ${why}`);
    });
  }

  private receive(ws: WebSocket, token: string, data: WebSocket.RawData, origin: AxpOrigin): void {
    if (ws !== this.socket) return;
    const buffer = frameBuffer(data);
    const receivedAt = new Date().toISOString();
    const limit = this.options.maxFrameBytes ?? 1024 * 1024;
    if (buffer.length > limit) {
      const failure = parseFailure(`frame of ${buffer.length} bytes is larger than the ${limit}-byte limit; its first kilobyte is in msg.payload`);
      this.emit('invalid', failure, { ...origin, text: buffer.subarray(0, 1024).toString('utf8'), receivedAt });
      return;
    }
    const text = buffer.toString('utf8');
    const frame = parseAxpFrame(text);
    switch (frame.kind) {
      case 'authenticationResponse':
        return this.authenticated(ws, token, frame.status, frame.pingInterval);
      case 'pong':
        clearTimeout(this.pongTimer);
        this.pongTimer = undefined;
        if (!this.proven) {
          this.proven = true;
          this.backoff.reset();
        }
        return;
      case 'invalid':
        this.emit('invalid', frame.failure, { ...origin, text, receivedAt });
        return;
      case 'notification':
        return this.deliver(frame.result, { ...origin, text, receivedAt });
    }
  }

  private deliver(result: ParsedEvent<AxpNotification> | ParseFailure, delivery: AxpDelivery): void {
    if (!result.ok) {
      this.emit('invalid', result, delivery);
      return;
    }
    // Keyed with the type too: the vendor's own examples reuse one id across event types. Without a body id, the
    // notification's own correlation id still tells a replay from a new event.
    const id = notificationId(result.payload) ?? stringOf((result.payload.body as Record<string, unknown>).correlationId) ?? stringOf(result.payload.correlationId);
    if (id !== undefined && !this.seen.add(`${result.type}:${id}`)) {
      this.emit('duplicate', id);
      return;
    }
    this.emit('notification', result, delivery);
  }

  private authenticated(ws: WebSocket, token: string, status: string, pingIntervalS?: number): void {
    clearTimeout(this.authTimer);
    if (status === 'CONNECTION_CONFIRMED') {
      this.invalidTokens = 0;
      this.unknownSubscriptions = 0;
      this.proven = false;
      this.machine.dispatch('confirmed', `streaming subscription ${this.subscription?.subscriptionId}`);
      this.startPings(ws, pingIntervalS ?? this.subscription?.transport.pingInterval);
      return;
    }
    this.detach(ws);
    if (status === 'CONNECTION_FAILED_INVALID_TOKEN') {
      this.tokens.invalidate(token);
      // A fresh token at once; a second refusal in a row waits out the backoff like any failure.
      if (++this.invalidTokens === 1) return void this.attempt();
      return this.failed(new AxpCredentialsError('the server refused a fresh access token too (CONNECTION_FAILED_INVALID_TOKEN): check the client\'s rights for the Notification API'));
    }
    if (status === 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION') return void this.recoverSubscription();
    if (status === 'CONNECTION_FAILED_CONSTRAINT_VIOLATION') {
      return this.failed(Object.assign(new AxpApiError('the server found the authentication message malformed (CONNECTION_FAILED_CONSTRAINT_VIOLATION)', 400)));
    }
    this.failed(new Error(`authentication failed: ${status}`));
  }

  /** The server no longer knows the subscription (expired, or set INACTIVE by a missed ping): renew it, else make a new one. */
  private async recoverSubscription(): Promise<void> {
    const generation = this.generation;
    const subscription = this.subscription;
    if (!subscription || ++this.unknownSubscriptions > 1) {
      this.forgetSubscription();
      if (this.unknownSubscriptions > 2) return this.failed(new Error('the server keeps refusing the subscription (CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION)'));
      return void this.attempt();
    }
    const current = () => generation === this.generation && !this.stopping;
    try {
      const renewed = await this.api.renew(subscription.subscriptionId, this.life.signal);
      if (!current()) return;
      this.adopt(renewed);
    } catch (err) {
      if (!current()) return;
      if (!(err instanceof AxpApiError && err.status === 404)) return this.failed(err);
      this.forgetSubscription();
    }
    void this.attempt();
  }

  /** Drops the subscription for a new one, deleting it on the server on the way (best effort) so none is left behind. */
  private forgetSubscription(): void {
    const old = this.subscription;
    this.subscription = undefined;
    clearTimeout(this.renewTimer);
    if (!old) return;
    const deleting = this.api.delete(old.subscriptionId, DELETE_TIMEOUT_MS).catch(QUIET).finally(() => this.deleting.delete(deleting));
    this.deleting.add(deleting);
  }

  private startPings(ws: WebSocket, pingIntervalS?: number): void {
    const serverMax = pingIntervalS && pingIntervalS > 0 ? (pingIntervalS * 1000) / 2 : Infinity;
    const every = Math.max(100, Math.min(this.options.pingEveryMs ?? 30000, serverMax));
    const pongTimeout = Math.min(this.options.pongTimeoutMs ?? 10000, every);
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      ws.send(pingMessage());
      if (!this.pongTimer) this.pongTimer = setTimeout(() => this.drop(ws, `no pong within ${pongTimeout} ms`), pongTimeout);
    }, every);
  }

  private scheduleRenew(): void {
    clearTimeout(this.renewTimer);
    const subscription = this.subscription;
    if (!subscription) return;
    this.renewTimer = setTimeout(() => void this.renew(), renewDelay(lifetimeMsOf(subscription)));
  }

  private async renew(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription || this.stopping) return;
    try {
      const renewed = await this.api.renew(subscription.subscriptionId, this.life.signal);
      if (this.subscription === subscription && !this.stopping) {
        this.renewBackoff.reset();
        this.adopt(renewed);
      }
    } catch (err) {
      if (this.stopping || this.subscription !== subscription) return;
      if (err instanceof AxpApiError && err.status === 404) {
        // Gone on the server: the socket is of no use any more; the next attempt creates a new subscription.
        this.subscription = undefined;
        if (this.socket) this.drop(this.socket, 'the subscription was deleted on the server');
        return;
      }
      this.emit('warning', `renewing subscription ${subscription.subscriptionId}: ${(err as Error).message}; trying again`);
      this.renewTimer = setTimeout(() => void this.renew(), this.renewBackoff.next());
    }
  }

  private get authTimeoutMs(): number {
    return this.options.authTimeoutMs ?? 10000;
  }

  /** A dead or useless socket: close it; its close event schedules the next attempt. */
  private drop(ws: WebSocket, reason: string): void {
    if (ws !== this.socket) return;
    this.detach(ws);
    this.failed(new Error(reason));
  }

  private socketGone(reason: string): void {
    this.socket = undefined;
    this.clearSocketTimers();
    if (!this.stopping) this.failed(new Error(reason));
  }

  /** Forgets the socket without treating its close as news. */
  private detach(ws: WebSocket): void {
    if (ws === this.socket) this.socket = undefined;
    this.clearSocketTimers();
    ws.removeAllListeners('message');
    ws.on('error', QUIET);
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
  }

  private failed(err: unknown): void {
    if (this.stopping) return;
    this.generation++;
    const { kind, reason } = classifyStepFailure(err);
    const delay = this.backoff.next();
    this.machine.dispatch(kind, `${reason}; retrying in ${Math.round(delay / 100) / 10} s`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.machine.dispatch('retry');
      void this.attempt();
    }, delay);
  }

  private closeSocket(code: number, reason: string): void {
    const ws = this.socket;
    this.socket = undefined;
    if (!ws) return;
    ws.removeAllListeners();
    ws.on('error', QUIET);
    if (ws.readyState === WebSocket.OPEN) ws.close(code, reason);
    else ws.terminate();
  }

  private clearSocketTimers(): void {
    clearTimeout(this.authTimer);
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.authTimer = this.pingTimer = this.pongTimer = undefined;
  }

  private clearTimers(): void {
    this.clearSocketTimers();
    clearTimeout(this.retryTimer);
    clearTimeout(this.renewTimer);
  }
}
