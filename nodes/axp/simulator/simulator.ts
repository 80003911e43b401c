/**
 * A stand-in for Avaya Experience Platform's agent & engagement notifications: the A&A token endpoint, the
 * Notification REST API and the WebSocket on one HTTP port, plus scripted traffic and fault injection (digest §9).
 */
import { closeServer, listen } from '../../shared/simulator/http-server';
import { EventEmitter } from 'events';
import { createServer, Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { Random } from '../../shared/simulator/random';
import { Body, BodyFactory } from './body-factory';
import { TRANSFER_TARGETS, TransferTo } from './bodies/transfer';
import { unknownEvent } from './bodies/unknown';
import { CLOSE } from './close-codes';
import { SimContext, SimEvents } from './context';
import { ControlTarget } from './control-routes';
import { deliver, SentNotification } from './delivery';
import { everyEventBody } from './every-event';
import { Faults, HangTarget } from './faults';
import { HeldConnections } from './held-connections';
import { Ids } from './ids';
import { AxpSimulatorOptions, resolveAxpOptions } from './options';
import { handleRequest, RequestRecord } from './rest-router';
import { AxpScenarioName, isScenarioName, SCENARIOS } from './scenarios';
import { WsSession } from './session';
import { SessionHub } from './session-hub';
import { SubscriptionStore } from './subscriptions';
import { Timers } from '../../shared/simulator/timers';
import { TokenStore } from './tokens';
import { Traffic } from './traffic';
import { wsPathIds } from './paths';
import { buildWorld } from './world';

export interface SimSubscriptionView {
  subscriptionId: string;
  status: string;
  events: string[];
  expiresAt: string;
  deleted: boolean;
}

export interface SimSocketView {
  subscriptionId?: string;
  authenticated: boolean;
}

export interface ScenarioOptions {
  /** Pause between the scenario's events (default 0: all at once). */
  stepMs?: number;
  /** transfer / transferError: the target type (default a seeded pick). */
  transferTo?: TransferTo;
}

/** How long stop() lets peers answer the close handshake before it drops their connections. */
const CLOSE_GRACE_MS = 1000;

export class AxpSimulator extends EventEmitter {
  readonly requests: RequestRecord[] = [];
  private tokenCount = 0;
  private readonly ctx: SimContext;
  private readonly factory: BodyFactory;
  private readonly scenarioRng: Random;
  private readonly traffic: Traffic;
  private readonly held = new HeldConnections();
  private server?: Server;
  private wss?: WebSocketServer;
  private port?: number;

  constructor(options: AxpSimulatorOptions = {}) {
    super();
    const opts = resolveAxpOptions(options);
    const rng = new Random(opts.seed);
    const ids = new Ids(rng.fork(1));
    this.scenarioRng = rng.fork(2);
    const timers = new Timers();
    const hub = new SessionHub();
    const subscriptions = new SubscriptionStore(opts.now, timers, opts.subscriptionLifetimeS, (record) => {
      opts.log(`subscription ${record.subscriptionId} expired`);
      hub.closeBound(record.subscriptionId, CLOSE.expired);
    });
    this.ctx = {
      opts, now: opts.now, ids, timers, hub, subscriptions,
      tokens: new TokenStore(ids, opts.now, opts.tokenLifetimeS),
      faults: new Faults(),
      world: buildWorld(opts),
      log: opts.log,
      notify: <E extends keyof SimEvents>(event: E, payload: SimEvents[E]) => void super.emit(event, payload),
      origin: () => opts.publicUrl ?? this.url,
    };
    this.factory = new BodyFactory(ids, opts.now, opts);
    this.traffic = new Traffic(timers, (name, stepMs, signal) => this.play(name, { stepMs }, signal), opts.log);
  }

  /** Token endpoint calls received, failed ones included. */
  get tokenRequests(): number {
    return this.tokenCount;
  }

  get url(): string {
    if (this.port === undefined) throw new Error('the AXP simulator is not started');
    const host = ['0.0.0.0', '::', ''].includes(this.ctx.opts.host) ? '127.0.0.1' : this.ctx.opts.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  get tokenUrl(): string {
    return `${this.url}/api/auth/v1/${this.ctx.opts.accountId}/protocol/openid-connect/token`;
  }

  async start(): Promise<void> {
    if (this.server) throw new Error('the AXP simulator is already started');
    const control = this.controlTarget();
    const server = createServer((req, res) =>
      handleRequest(this.ctx, {
        control,
        onTokenRequest: () => this.tokenCount++,
        hold: (req, target) => {
          this.held.hold(req.socket);
          this.ctx.notify('hanging', target);
        },
        onAnswered: (record) => {
          this.requests.push(record);
          this.ctx.notify('request', record);
        },
      }, req, res),
    );
    const wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: 1 << 20 });
    server.on('upgrade', (req, socket, head) => {
      // A peer resetting mid-handshake must not take the process down.
      socket.on('error', () => undefined);
      if (this.ctx.faults.takeHang('upgrade')) {
        this.held.hold(socket);
        this.ctx.notify('hanging', 'upgrade');
        return;
      }
      const ids = wsPathIds(new URL(req.url ?? '/', 'http://simulator').pathname);
      if (!ids) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.ctx.hub.add(new WsSession(this.ctx, ws, ids)));
    });
    this.port = await listen(server, this.ctx.opts.port, this.ctx.opts.host);
    this.server = server;
    this.wss = wss;
    this.ctx.log(`listening on ${this.url}`);
  }

  /** Connections held unanswered by the hang fault that their clients have not closed yet. */
  get heldConnections(): number {
    return this.held.count;
  }

  /** Closes every socket (1000), then the server; clears every timer. */
  async stop(): Promise<void> {
    this.traffic.stop();
    this.held.releaseAll();
    await this.ctx.hub.closeAll(CLOSE.normal, CLOSE_GRACE_MS);
    this.ctx.timers.clearAll();
    const { server, wss } = this;
    this.server = undefined;
    this.wss = undefined;
    await closeServer(server, wss);
  }

  /** Sends a notification with this body to every streaming socket whose filter matches; returns what went out. */
  emit(body: Record<string, unknown>, envelope?: Record<string, unknown>): SentNotification[];
  emit(event: string | symbol, ...args: unknown[]): boolean;
  emit(first: Record<string, unknown> | string | symbol, ...rest: unknown[]): SentNotification[] | boolean {
    if (typeof first === 'string' || typeof first === 'symbol') return super.emit(first, ...rest);
    return deliver(this.ctx, first, rest[0] as Record<string, unknown> | undefined);
  }

  runScenario(name: AxpScenarioName, opts: ScenarioOptions = {}): Promise<SentNotification[]> {
    return this.play(name, opts);
  }

  everyEventBody(): Record<string, unknown>[] {
    return everyEventBody(this.factory, this.ctx.world);
  }

  startTraffic(everyMs: number): void {
    this.traffic.start(everyMs);
  }

  stopTraffic(): void {
    this.traffic.stop();
  }

  expireSubscription(subscriptionId: string): void {
    const record = this.ctx.subscriptions.find(subscriptionId);
    if (!record) throw new RangeError(`no subscription ${subscriptionId}`);
    this.ctx.subscriptions.expire(record);
  }

  expireTokens(): void {
    this.ctx.tokens.expireAll();
    if (this.ctx.opts.closeOnTokenExpiry) for (const session of this.ctx.hub.sessions()) session.tokenExpired();
  }

  /** closeFrame false drops the TCP connections without a close frame. */
  dropSockets(opts: { closeFrame?: boolean } = {}): void {
    for (const session of this.ctx.hub.sessions()) {
      if (opts.closeFrame === false) session.terminate();
      else session.close(CLOSE.goingAway);
    }
  }

  stopPongs(stop: boolean): void {
    this.ctx.faults.pongsStopped = stop;
  }

  failNextAuth(status: string): void {
    this.ctx.faults.failNextAuth(status);
  }

  failNextRest(status: number, times?: number): void {
    this.ctx.faults.failNextRest(status, times);
  }

  failNextToken(status: number, times?: number): void {
    this.ctx.faults.failNextToken(status, times);
  }

  /** Holds the next token request, Notification REST request or WebSocket upgrade unanswered ('hanging' is emitted then). */
  hangNext(target: HangTarget): void {
    this.ctx.faults.hangNext(target);
  }

  /** Sends the text as is to every authenticated socket. */
  sendRaw(text: string): void {
    for (const session of this.ctx.hub.sessions()) if (session.authenticated) session.sendText(text);
  }

  /** Notifications leave ms after they are produced (0 = at once). */
  delayMessages(ms: number): void {
    this.ctx.faults.setDelay(ms);
  }

  /** Forgets subscriptions, tokens, faults and the request log, closing every socket (1000). */
  reset(): void {
    this.traffic.stop();
    for (const session of this.ctx.hub.sessions()) session.close(CLOSE.normal);
    this.ctx.subscriptions.clear();
    this.ctx.tokens.clear();
    this.ctx.faults.clear();
    this.held.releaseAll();
    this.requests.length = 0;
    this.tokenCount = 0;
  }

  subscriptions(): SimSubscriptionView[] {
    return this.ctx.subscriptions.all().map((r) => ({
      subscriptionId: r.subscriptionId, status: r.status, events: [...r.events], expiresAt: new Date(r.expiresAt).toISOString(), deleted: r.deleted,
    }));
  }

  sockets(): SimSocketView[] {
    return this.ctx.hub.sessions().map((s) => {
      const id = s.subscription?.subscriptionId;
      return { ...(id === undefined ? {} : { subscriptionId: id }), authenticated: s.authenticated };
    });
  }

  private async play(name: AxpScenarioName, opts: ScenarioOptions, signal?: AbortSignal): Promise<SentNotification[]> {
    if (!isScenarioName(name)) throw new RangeError(`unknown scenario ${String(name)}`);
    if (opts.transferTo !== undefined && !TRANSFER_TARGETS.includes(opts.transferTo)) {
      throw new RangeError(`transferTo must be one of ${TRANSFER_TARGETS.join(', ')}`);
    }
    const stepMs = opts.stepMs ?? 0;
    if (!(Number.isFinite(stepMs) && stepMs >= 0)) throw new RangeError('stepMs must be a number of ms >= 0');
    const world = this.ctx.world;
    const bodies: Body[] = SCENARIOS[name]({ f: this.factory, world, rng: this.scenarioRng, transferTo: opts.transferTo });
    if (this.ctx.opts.includeUnknownFields) bodies.push(unknownEvent(this.factory, this.scenarioRng.pick(world.agents)));
    const sent: SentNotification[] = [];
    for (const [i, body] of bodies.entries()) {
      if (i > 0 && stepMs > 0 && !(await this.ctx.timers.sleep(stepMs, signal))) break;
      sent.push(...deliver(this.ctx, body));
    }
    return sent;
  }

  private controlTarget(): ControlTarget {
    return {
      inject: (body, envelope) => deliver(this.ctx, body, envelope),
      runScenario: (name, opts) => this.runScenario(name, opts),
      expireSubscription: (id) => this.expireSubscription(id),
      expireTokens: () => this.expireTokens(),
      dropSockets: (opts) => this.dropSockets(opts),
      stopPongs: (stop) => this.stopPongs(stop),
      failNextAuth: (status) => this.failNextAuth(status),
      failNextRest: (status, times) => this.failNextRest(status, times),
      failNextToken: (status, times) => this.failNextToken(status, times),
      hangNext: (target) => this.ctx.faults.hangNext(target),
      sendRaw: (text) => this.sendRaw(text),
      delayMessages: (ms) => this.delayMessages(ms),
      startTraffic: (everyMs) => this.startTraffic(everyMs),
      stopTraffic: () => this.stopTraffic(),
      reset: () => this.reset(),
      subscriptions: () => this.subscriptions(),
      sockets: () => this.sockets(),
      requests: this.requests,
    };
  }
}
