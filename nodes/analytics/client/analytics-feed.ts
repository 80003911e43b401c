import { EventEmitter } from 'events';
import { Backoff, type BackoffOptions } from '../../shared/backoff';
import { withinDeadline } from '../../shared/deadline';
import { parseFailure, type ParseFailure } from '../../shared/parse-result';
import {
  isContactLevelProducer, MeasureCache, parseAnalyticsFrame, producerNamesForDimension, redactSecrets, redirectMessage,
  type AnalyticsFrame, type AnalyticsProducer, type AnalyticsSubscription, type MeasureCacheOptions, type MeasureRow,
} from '../schema';
import { AnalyticsLoginError, AnalyticsRestError, type AnalyticsSession } from './analytics-session';
import { AnalyticsFeedStateMachine, type AnalyticsFeedChange, type AnalyticsFeedState } from './feed-state';
import { UnencryptedLinkError } from '../../shared/http/unencrypted-links';
import { findProducer } from './producer-match';
import { PublisherSocket } from './publisher-socket';

export interface FeedEvent {
  type: 'update' | 'pumpup' | 'pumpupComplete';
  producerId: string;
  producerName?: string;
  sourceId: string;
  guid: string;
  /** The row after the event (merged measures), absent for pumpupComplete. */
  row?: MeasureRow;
  /** What the frame carried: the changed measures and the dimension keys. */
  dimension?: Record<string, string>;
  changed?: Record<string, unknown>;
  eventAction?: string;
  receivedAt: string;
}

export interface FeedOrigin { producerIds: string[]; sourceId?: string }

/** A user of the feed (a cc-analytics-measures node): the producers it wants and where their events go. */
export interface FeedListener {
  producers: readonly string[];
  event(event: FeedEvent): void;
  invalid(failure: ParseFailure, text: string, origin: FeedOrigin): void;
}

export interface AnalyticsFeedOptions {
  heartbeatMs?: number;
  livenessMs?: number;
  reconnect?: BackoffOptions;
  /** The cache's bounds (row limit, contact rows' idle expiry) and clock. */
  cache?: Pick<MeasureCacheOptions, 'maxRows' | 'contactIdleMs' | 'now'>;
}

/**
 * How long stop() waits for the step in progress and the unsubscriptions: a server that never answers must not
 * hold the closing node, and the shared connection gives up after 8 s in all.
 */
export const STOP_DEADLINE_MS = 5000;

interface Live { subscription: AnalyticsSubscription; producer: AnalyticsProducer; url: string }

/**
 * Every measure stream of one Analytics server, shared by the nodes that use it (digest §5.1: one WebSocket per
 * supervisor carries all its streams): subscribes each wanted producer once, sends the redirects, keeps a
 * per-producer cache that each pumpup replaces and each delta updates, and after a lost connection logs in
 * again, subscribes again and lets the new pumpup rebuild the cache. Producers no longer wanted are
 * unsubscribed in the document's three stages.
 *
 * Emits 'state' (AnalyticsFeedChange) and 'warning' (text).
 */
export class AnalyticsFeed extends EventEmitter {
  readonly machine = new AnalyticsFeedStateMachine();
  readonly cache: MeasureCache;
  private readonly users = new Set<FeedListener>();
  private readonly live = new Map<string, Live>();
  private readonly sockets = new Map<string, PublisherSocket>();
  private catalogue: { sourceId: string; producers: AnalyticsProducer[] } | undefined;
  private readonly backoff: Backoff;
  private work: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Bumped by every failure: a reconcile that started before it must not touch the new state. */
  private generation = 0;
  /** Producer names already reported as unknown (once each, not on every retry). */
  private readonly warned = new Set<string>();
  /** Producers redirected whose pumpup has not completed yet (an empty pumpup completes with no row at all). */
  private readonly awaitingPumpup = new Set<string>();
  private readonly resolved = new Map<FeedListener, string[]>();
  /** Unsubscriptions under way: their requests must not be cancelled. */
  private leaving = 0;
  /** Unencrypted endpoints already reported (once each, not on every retry). */
  private readonly refusedEndpoints = new Set<string>();

  constructor(private readonly session: AnalyticsSession, private readonly options: AnalyticsFeedOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.cache = new MeasureCache({
      ...options.cache,
      contactLevel: (id) => isContactLevelProducer(this.catalogue?.producers.find((p) => p.producerId === id) ?? { producerId: id }),
      onLimit: (id, maxRows) => this.emit('warning',
        `producer ${id} reached the limit of ${maxRows} rows: the least recently updated rows are dropped from now on (raise "Rows per producer" on the server node if it needs more)`),
    });
    this.backoff = new Backoff(options.reconnect ?? { initialMs: 1000, maxMs: 30000, jitter: 0.5 });
    this.machine.on('change', (change: AnalyticsFeedChange) => this.emit('state', change));
  }

  get state(): AnalyticsFeedState {
    return this.machine.state;
  }

  /** The producers the server offers (after the first connection), for the editor's list. */
  get producers(): readonly AnalyticsProducer[] {
    return this.catalogue?.producers ?? [];
  }

  add(listener: FeedListener): void {
    this.users.add(listener);
    this.schedule();
  }

  /**
   * Stops the listener's streams no other listener wants: unsubscriptionRedirect, DELETE, and the socket closed
   * when empty. Waits for that only while others still use the feed: after the last one the feed is stopped
   * next, and waiting here for a step the server may never answer would only eat into stop()'s time.
   */
  async remove(listener: FeedListener): Promise<void> {
    this.users.delete(listener);
    this.resolved.delete(listener);
    // Worked out when the step runs, not now: a subscription may still be on its way.
    const dropping = this.serial(() => this.dropUnwanted());
    if (this.users.size === 0) return;
    await withinDeadline(dropping, STOP_DEADLINE_MS, 'unsubscribing').catch(() => undefined);
  }

  /** Where a producer's data comes from now: msg.ws of a snapshot. */
  originOf(id: string): { producerId: string; producerName?: string; sourceId: string; guid: string } {
    const live = this.live.get(id);
    return { producerId: id, producerName: live?.producer.producerName, sourceId: live?.subscription.sourceId ?? this.catalogue?.sourceId ?? '', guid: live?.subscription.guid ?? '' };
  }

  snapshot(producerIds: readonly string[]): MeasureRow[] {
    return producerIds.flatMap((id) => this.cache.snapshot(id));
  }

  /** Which producer ids a listener's names stand for (known once the catalogue is read). */
  resolve(names: readonly string[]): string[] {
    const producers = this.catalogue?.producers ?? [];
    return names.map((name) => findProducer(producers, name)?.producerId).filter((id): id is string => id !== undefined);
  }

  /** A user's producer ids, worked out once per catalogue rather than for every frame. */
  private idsOf(listener: FeedListener): string[] {
    let ids = this.resolved.get(listener);
    if (!ids) {
      ids = this.resolve(listener.producers);
      if (this.catalogue) this.resolved.set(listener, ids);
    }
    return ids;
  }

  /**
   * Unsubscribes everything, within STOP_DEADLINE_MS whatever the server does. A socket still in its handshake is
   * given up at once (nothing streams on it yet), and so are the session's requests when nothing is live (they
   * can only be a login or subscription nobody needs now; the feed stops when its server node's connection
   * closes, so no other user is waiting for them). Unsubscriptions get the deadline. Requests still running after
   * it are the session's to end (AnalyticsSession.close).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.users.clear();
    this.resolved.clear();
    for (const [url, socket] of this.sockets) {
      if (socket.open) continue;
      this.sockets.delete(url);
      socket.close();
    }
    if (this.live.size === 0 && this.leaving === 0) this.session.cancel('the measure feed stopped');
    await withinDeadline(this.serial(() => this.dropUnwanted()), STOP_DEADLINE_MS, 'unsubscribing').catch(() => undefined);
    const sockets = [...this.sockets.values()];
    this.sockets.clear();
    for (const socket of sockets) socket.close();
    this.machine.dispatch('stop', 'closed');
  }

  private async dropUnwanted(): Promise<void> {
    const wanted = this.stopped ? new Set<string>() : this.wantedIds();
    await Promise.all([...this.live.keys()].filter((id) => !wanted.has(id)).map((id) => this.unsubscribe(id)));
  }

  private schedule(): void {
    const generation = this.generation;
    void this.serial(async () => {
      try {
        await this.reconcile();
      } catch (err) {
        // A step overtaken by a failure has nothing more to report.
        if (generation === this.generation) throw err;
      }
    });
  }

  /** Runs one change at a time: subscriptions, redirects and unsubscriptions never interleave. */
  private serial(step: () => Promise<void>): Promise<void> {
    this.work = this.work.then(step, step).catch((err) => this.failed(err));
    return this.work;
  }

  private wantedIds(): Set<string> {
    return new Set([...this.users].flatMap((l) => this.idsOf(l)));
  }

  private async reconcile(): Promise<void> {
    if (this.stopped || this.users.size === 0 || this.state === 'waiting' || this.state === 'refused') return;
    const generation = this.generation;
    const stale = () => this.stopped || generation !== this.generation;
    if (this.state === 'idle') this.machine.dispatch('start', `logging in as ${this.session.username}`);
    if (!this.catalogue) {
      const [source] = await this.session.sources();
      if (!source) throw new AnalyticsRestError('the server lists no source', 404);
      const producers = await this.session.producers(source.sourceId);
      if (stale()) return;
      this.catalogue = { sourceId: source.sourceId, producers };
      this.resolved.clear();
    }
    for (const listener of this.users) {
      const unknown = listener.producers.filter((name) => !findProducer(this.catalogue!.producers, name) && !this.warned.has(name));
      for (const name of unknown) this.warned.add(name);
      if (unknown.length) this.emit('warning', `unknown producer ${unknown.join(', ')}; the server offers ${this.catalogue.producers.map((p) => p.producerId).join(', ')}`);
    }
    for (const id of this.wantedIds()) {
      if (this.live.has(id)) continue;
      const producer = this.catalogue.producers.find((p) => p.producerId === id)!;
      this.machine.dispatch('subscribe', `subscribing to ${id}`);
      const subscription = await this.session.subscribe(this.catalogue.sourceId, id);
      // Closed, failed or no longer wanted meanwhile: the server must not keep a subscription nobody reads.
      const abandon = () => this.session.unsubscribe(subscription.sourceId, id).catch(() => undefined);
      if (stale() || !this.wantedIds().has(id)) return void (await abandon());
      let url: string;
      try {
        url = this.session.socketUrl(subscription.endpoint);
      } catch (err) {
        if (err instanceof UnencryptedLinkError && !this.refusedEndpoints.has(subscription.endpoint)) {
          this.refusedEndpoints.add(subscription.endpoint);
          this.emit('warning', err.message);
        }
        await abandon();
        throw err;
      }
      const token = await this.session.currentToken();
      let socket: PublisherSocket;
      try {
        socket = await this.socketFor(url, token);
      } catch (err) {
        await abandon();
        throw err;
      }
      if (stale() || !this.wantedIds().has(id)) return void (await abandon());
      this.live.set(id, { subscription, producer, url });
      this.awaitingPumpup.add(id);
      socket.send(redirectMessage('subscriptionRedirect', subscription, token));
    }
    if (this.live.size > 0) {
      this.machine.dispatch('streaming', `streaming ${[...this.live.keys()].join(', ')}`);
    }
  }

  private socketFor(url: string, token: string): Promise<PublisherSocket> {
    const existing = this.sockets.get(url);
    if (existing?.open) return Promise.resolve(existing);
    const socket = new PublisherSocket({
      url, token, rejectUnauthorized: this.session.settings.rejectUnauthorized, heartbeatMs: this.options.heartbeatMs ?? 8000, livenessMs: this.options.livenessMs ?? 24000,
    });
    this.sockets.set(url, socket);
    socket.on('frame', (text: string) => this.receive(url, text));
    // A socket that closes while it opens fails the step waiting for it, which reports it once; after that its close is news.
    let opened = false;
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        opened = true;
        resolve(socket);
      });
      socket.on('closed', (reason: string) => {
        if (!opened) reject(new Error(`WebSocket ${url}: ${reason}`));
        else this.socketClosed(url, socket, reason);
      });
    });
  }

  private async unsubscribe(id: string): Promise<void> {
    const live = this.live.get(id);
    if (!live) return;
    this.live.delete(id);
    this.awaitingPumpup.delete(id);
    this.cache.clear(id);
    const socket = this.sockets.get(live.url);
    this.leaving++;
    try {
      const token = await this.session.currentToken();
      socket?.send(redirectMessage('unsubscriptionRedirect', live.subscription, token));
      await this.session.unsubscribe(live.subscription.sourceId, id);
    } catch (err) {
      this.emit('warning', `unsubscribing from ${id}: ${(err as Error).message}`);
    } finally {
      this.leaving--;
    }
    if (socket && ![...this.live.values()].some((l) => l.url === live.url)) {
      this.sockets.delete(live.url);
      socket.removeAllListeners();
      socket.close();
    }
  }

  private socketClosed(url: string, socket: PublisherSocket, reason: string): void {
    if (this.sockets.get(url) !== socket) return;
    this.sockets.delete(url);
    if (this.stopped) return;
    this.failed(new Error(`WebSocket closed: ${reason}`));
  }

  /** Anything that breaks the feed starts it over: the server wants a new login, subscriptions and redirects. */
  private failed(err: unknown): void {
    if (this.stopped) return;
    this.generation++;
    // Forgotten first, closed after: a close reported now belongs to no socket the feed still knows.
    const sockets = [...this.sockets.values()];
    this.sockets.clear();
    for (const socket of sockets) socket.close();
    this.live.clear();
    this.awaitingPumpup.clear();
    this.cache.abandonPumpup();
    this.session.invalidate();
    if (err instanceof AnalyticsRestError && err.status === 404) {
      this.catalogue = undefined;
      this.resolved.clear();
    }
    const message = (err as Error)?.message ?? String(err);
    const refused = err instanceof AnalyticsLoginError || err instanceof UnencryptedLinkError || (err instanceof AnalyticsRestError && [400, 403, 409, 429].includes(err.status));
    const delay = this.backoff.next();
    this.machine.dispatch(refused ? 'refuse' : 'lost', `${message}; trying again in ${Math.round(delay / 100) / 10} s`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.machine.dispatch('retry', 'logging in again');
      this.schedule();
    }, delay);
  }

  private receive(url: string, text: string): void {
    const here = [...this.live.entries()].filter(([, l]) => l.url === url);
    const origin = { producerIds: here.map(([id]) => id), sourceId: this.catalogue?.sourceId };
    // A throw here would escape into the socket's event loop and end Node-RED: the frame goes to the error output.
    try {
      this.handleFrame(text, here, origin);
    } catch (err) {
      this.invalid(parseFailure(`handling the frame failed: ${(err as Error).message}`), text, origin);
    }
  }

  private handleFrame(text: string, here: [string, Live][], origin: FeedOrigin): void {
    const receivedAt = new Date().toISOString();
    const frame = parseAnalyticsFrame(text);
    switch (frame.kind) {
      case 'heartbeat':
        // The server sends these only once a subscription streams: the link works.
        this.backoff.reset();
        return;
      case 'invalid':
        return this.invalid(frame.failure, text, origin);
      case 'other':
        return this.invalid(parseFailure('the server sent a frame that is neither measures, a heartbeat nor a status'), text, origin);
      case 'status':
        if ((frame.status ?? 200) < 400) return;
        this.invalid(parseFailure(redactSecrets(`the server reported status ${frame.status}: ${frame.message ?? ''}`.trim())), text, origin);
        // A refused redirect streams nothing: start over rather than look connected (digest §5.3).
        return this.failed(new AnalyticsRestError(`the server refused a subscription on the WebSocket: status ${frame.status}`, 500));
      case 'pumpupComplete': {
        if (frame.producerId !== undefined && !this.live.has(frame.producerId)) return;
        // The object form names no producer: it completes what this socket was pumping or still owed a pumpup.
        const ids = frame.producerId !== undefined ? [frame.producerId] : here.map(([id]) => id).filter((id) => this.awaitingPumpup.has(id) || this.cache.isPumping(id));
        this.backoff.reset();
        for (const id of ids) {
          this.cache.pumpupComplete(id);
          this.awaitingPumpup.delete(id);
          this.deliver(id, { type: 'pumpupComplete', receivedAt });
        }
        return;
      }
      case 'measures':
        return this.measures(frame, here, text, origin, receivedAt);
    }
  }

  private measures(frame: Extract<AnalyticsFrame, { kind: 'measures' }>, here: [string, Live][], text: string, origin: FeedOrigin, receivedAt: string): void {
    // A producer unsubscribed a moment ago may still have frames on the way: they are nobody's now.
    if (frame.producerId !== undefined && !this.live.has(frame.producerId) && here.length > 0) return;
    const id = this.producerOf(frame, here);
    if (!id) return this.invalid(parseFailure(`cannot tell which producer sent dimension ${JSON.stringify(frame.dimension)}: give each such producer its own server node`), text, origin);
    const row = frame.pumpup
      ? this.cache.pumpupRow(id, frame.dimension, frame.realtimeData, receivedAt)
      : this.cache.delta(id, frame.dimension, frame.realtimeData, frame.eventAction, receivedAt);
    this.deliver(id, { type: frame.pumpup ? 'pumpup' : 'update', row, dimension: frame.dimension, changed: frame.realtimeData, eventAction: frame.eventAction, receivedAt });
  }

  /** The frame's producerId, else the only producer on the socket whose dimension keys fit (digest §7.1). */
  private producerOf(frame: Extract<AnalyticsFrame, { kind: 'measures' }>, here: [string, Live][]): string | undefined {
    if (frame.producerId && this.live.has(frame.producerId)) return frame.producerId;
    if (here.length === 1) return here[0][0];
    const names = new Set(producerNamesForDimension(frame.dimension).map((n) => n.toLowerCase()));
    const fits = here.filter(([, l]) => names.has((l.producer.producerName ?? '').replace(/\s+/g, '').toLowerCase()));
    return fits.length === 1 ? fits[0][0] : undefined;
  }

  private deliver(id: string, event: Omit<FeedEvent, 'producerId' | 'producerName' | 'sourceId' | 'guid'>): void {
    const full: FeedEvent = { ...event, ...this.originOf(id) };
    // Each node gets its own copy: a flow changing its message must not change another node's.
    for (const listener of this.users) if (this.idsOf(listener).includes(id)) listener.event(structuredClone(full));
  }

  private invalid(failure: ParseFailure, text: string, origin: FeedOrigin): void {
    for (const listener of this.users) {
      const ids = this.idsOf(listener);
      if (origin.producerIds.length === 0 || origin.producerIds.some((id) => ids.includes(id))) listener.invalid(failure, redactSecrets(text), origin);
    }
  }
}
