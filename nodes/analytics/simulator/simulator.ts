/**
 * A stand-in for Avaya Analytics' REST & WebSocket Open Interface (digest §14): orca-streams-rest and the data
 * publisher on one HTTP port, a floor of agents whose measures move consistently, and fault injection.
 */
import { closeServer, listen } from '../../shared/simulator/http-server';
import { EventEmitter } from 'events';
import { createServer, Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { Random } from '../../shared/simulator/random';
import { setAgentState } from './agent-states';
import { CLOSE } from './close-codes';
import { offerContact, writeContactDetails } from './contacts';
import { RequestRecord, SimContext, SimEvents } from './context';
import { ControlTarget } from './control-routes';
import { deliver } from './delivery';
import { Faults, HangPoint } from './faults';
import { AgentState, Floor } from './floor';
import { seededUuid } from './ids';
import { removeAgentFromGroup } from './membership';
import { AnalyticsSimulatorOptions, resolveAnalyticsOptions } from './options';
import { Pacing } from './pacing';
import { REST_BASE } from './paths';
import { handleRequest } from './rest-router';
import { PublisherSession } from './session';
import { SessionHub } from './session-hub';
import { SubscriptionStore } from './subscriptions';
import { Timers } from '../../shared/simulator/timers';
import { TokenStore } from './tokens';
import { randomStep, Traffic } from './traffic';
import { acceptUpgrade } from './upgrade';
import { buildWorld } from './world';

export interface SimSubscriptionView {
  username: string;
  producerId: string;
  guid: string;
  redirected: boolean;
  live: boolean;
}

export interface SimSocketView {
  username?: string;
  guids: string[];
  lastClientHeartbeatAt?: number;
}

/** How long stop() lets peers answer the close handshake before it drops their connections. */
const CLOSE_GRACE_MS = 1000;

export class AnalyticsSimulator extends EventEmitter {
  readonly requests: RequestRecord[] = [];
  private readonly ctx: SimContext;
  private readonly trafficRng: Random;
  private readonly traffic: Traffic;
  private server?: Server;
  private wss?: WebSocketServer;
  private port?: number;

  constructor(options: AnalyticsSimulatorOptions = {}) {
    super();
    const opts = resolveAnalyticsOptions(options);
    const rng = new Random(opts.seed);
    const idRng = rng.fork(1);
    this.trafficRng = rng.fork(2);
    const floor = new Floor(buildWorld(opts.agents), opts.now, rng.fork(3));
    const timers = new Timers();
    const sequences = new Map<string, number>();
    this.ctx = {
      opts, now: opts.now, timers, floor,
      tokens: new TokenStore(opts.now, opts.tokenLifetimeS),
      subscriptions: new SubscriptionStore(opts.maxSupervisors, opts.maxSubscriptions, () => seededUuid(idRng)),
      hub: new SessionHub(),
      faults: new Faults(opts.now),
      pacing: new Pacing(opts.now),
      pumpupSequence: (username) => {
        const next = (sequences.get(username) ?? 0) + 1;
        sequences.set(username, next);
        return next;
      },
      log: opts.log,
      notify: <E extends keyof SimEvents>(event: E, payload: SimEvents[E]) => void super.emit(event, payload),
      wsOrigin: () => opts.endpointOrigin ?? this.baseUrl.replace(/^http/, 'ws').slice(0, -REST_BASE.length),
    };
    this.startOfDay();
    this.traffic = new Traffic(timers, () => randomStep(floor, this.trafficRng, this), opts.log);
  }

  get baseUrl(): string {
    if (this.port === undefined) throw new Error('the Analytics simulator is not started');
    const host = ['0.0.0.0', '::', ''].includes(this.ctx.opts.host) ? '127.0.0.1' : this.ctx.opts.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}${REST_BASE}`;
  }

  /** REST requests less than 100 ms after the previous one with the same token. */
  get pacingViolations(): number {
    return this.ctx.pacing.violations;
  }

  async start(): Promise<void> {
    if (this.server) throw new Error('the Analytics simulator is already started');
    const control = this.controlTarget();
    const server = createServer((req, res) =>
      handleRequest(this.ctx, control, (method, path, status) => {
        const record = { method, path, status, at: this.ctx.now() };
        this.requests.push(record);
        this.ctx.notify('request', { method, path, status });
      }, req, res),
    );
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
    server.on('upgrade', (req, socket, head) => acceptUpgrade(this.ctx, wss, req, socket, head, (ws) => this.ctx.hub.add(new PublisherSession(this.ctx, ws))));
    this.port = await listen(server, this.ctx.opts.port, this.ctx.opts.host);
    this.server = server;
    this.wss = wss;
    this.ctx.log(`listening on ${this.baseUrl}`);
  }

  /** Closes every socket (1000), then the server; clears every timer. */
  async stop(): Promise<void> {
    this.traffic.stop();
    this.ctx.faults.releaseHeld();
    await this.ctx.hub.closeAll(CLOSE.normal, CLOSE_GRACE_MS);
    this.ctx.timers.clearAll();
    const { server, wss } = this;
    this.server = undefined;
    this.wss = undefined;
    await closeServer(server, wss);
  }

  agentIds(): string[] {
    return this.ctx.floor.world.agents.map((a) => a.agentId);
  }

  /** Changes the agent's state and sends the deltas of every producer it affects. */
  setAgentState(agentId: string, state: AgentState, reasonCode?: string): void {
    setAgentState(this.ctx.floor, agentId, state, reasonCode);
    this.flush();
  }

  /** An inbound contact from arrival to wrap-up for this agent (default a READY one), which must be READY. */
  offerContact(agentId?: string): void {
    offerContact(this.ctx.floor, seededUuid(this.ctx.floor.rng), agentId);
    this.flush();
  }

  /** `count` contact detail records at once, each a new segment (many rows for a client's bounds). */
  contactDetails(count: number): void {
    writeContactDetails(this.ctx.floor, count, () => seededUuid(this.ctx.floor.rng));
    this.flush();
  }

  startTraffic(everyMs: number): void {
    this.traffic.start(everyMs);
  }

  stopTraffic(): void {
    this.traffic.stop();
  }

  /** closeFrame false drops the TCP connections without a close frame. */
  dropSockets(opts: { closeFrame?: boolean } = {}): void {
    for (const session of this.ctx.hub.sessions()) {
      if (opts.closeFrame === false) session.terminate();
      else session.close(CLOSE.goingAway);
    }
  }

  /** A pod failover: open sockets close (1001), then REST and WebSocket upgrades answer 503 for ms. */
  refuseConnections(ms: number): void {
    this.ctx.faults.refuseFor(ms);
    this.dropSockets();
  }

  /** Every token issued so far is expired: REST answers 401 and redirects get a status 500 frame; open streams go on. */
  expireTokens(): void {
    this.ctx.tokens.expireAll();
  }

  failNextRest(status: number, times?: number): void {
    this.ctx.faults.failNextRest(status, times);
  }

  /**
   * From now on requests at `point` (the login, a subscription request, the WebSocket handshake) are accepted and
   * never answered, like a frozen server; on = false answers them again. Emits 'hung' for each one held.
   */
  hang(point: HangPoint, on = true): void {
    this.ctx.faults.hang(point, on);
  }

  /** Connections of hung requests the client has not closed yet. */
  get heldConnections(): number {
    return this.ctx.faults.heldCount;
  }

  /** Sends the text as is to every open socket (malformed or unknown frames). */
  sendRaw(text: string): void {
    for (const session of this.ctx.hub.sessions()) session.sendText(text);
  }

  /** The agent leaves its Analytics groups: a DELETE frame for each of its rows, then nothing more about it. */
  removeAgentFromGroup(agentId: string): void {
    removeAgentFromGroup(this.ctx.floor, agentId);
    this.flush();
  }

  subscriptions(): SimSubscriptionView[] {
    return this.ctx.subscriptions.all().map((r) => ({ username: r.username, producerId: r.producer.producerId, guid: r.guid, redirected: r.redirected, live: r.live }));
  }

  sockets(): SimSocketView[] {
    return this.ctx.hub.sessions().map((s) => ({
      ...(s.username === undefined ? {} : { username: s.username }),
      guids: s.guids,
      ...(s.lastClientHeartbeatAt === undefined ? {} : { lastClientHeartbeatAt: s.lastClientHeartbeatAt }),
    }));
  }

  private flush(): void {
    deliver(this.ctx, this.ctx.floor.take());
  }

  /** Every agent logged in, alternately NOT_READY and READY, before anyone subscribes. */
  private startOfDay(): void {
    const { floor } = this.ctx;
    floor.world.agents.forEach((agent, i) => setAgentState(floor, agent.agentId, i % 2 === 0 ? 'NOT_READY' : 'READY', '0'));
    floor.take();
  }

  private controlTarget(): ControlTarget {
    return {
      setAgentState: (id, state, reason) => this.setAgentState(id, state, reason),
      offerContact: (id) => this.offerContact(id),
      contactDetails: (count) => this.contactDetails(count),
      hang: (point, on) => this.hang(point, on),
      startTraffic: (ms) => this.startTraffic(ms),
      stopTraffic: () => this.stopTraffic(),
      dropSockets: (o) => this.dropSockets(o),
      refuseConnections: (ms) => this.refuseConnections(ms),
      expireTokens: () => this.expireTokens(),
      failNextRest: (status, times) => this.failNextRest(status, times),
      sendRaw: (text) => this.sendRaw(text),
      removeAgentFromGroup: (id) => this.removeAgentFromGroup(id),
      state: () => ({
        users: this.ctx.opts.users.map((u) => ({ username: u.username, supervisor: u.supervisor })),
        subscriptions: this.subscriptions(), sockets: this.sockets(), pacingViolations: this.pacingViolations, requests: this.requests.length,
      }),
      jwks: () => ({ keys: [this.ctx.tokens.publicJwk()] }),
      publicKeyPem: () => this.ctx.tokens.publicKeyPem(),
    };
  }
}
