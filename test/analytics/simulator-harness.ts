/**
 * Raw clients for the Analytics simulator tests: global fetch for REST and a plain `ws` socket, no project client, so
 * the simulator is checked against the digest rather than against the code that will talk to it.
 */
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { AnalyticsSimulator, DEFAULT_SOURCE_ID } from '../../nodes/analytics/simulator';

export const SOURCE = DEFAULT_SOURCE_ID;

export interface RestAnswer {
  status: number;
  body: any;
}

export async function rest(url: string, init: { method?: string; token?: string; body?: unknown; authorization?: string } = {}): Promise<RestAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.authorization) headers.authorization = init.authorization;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

export async function login(sim: AnalyticsSimulator, username = 'supervisor', password = 'secret'): Promise<string> {
  const query = new URLSearchParams({ tenant: '0', username, password });
  const answer = await rest(`${sim.baseUrl}/users/login?${query}`);
  assert.equal(answer.status, 200, `login failed: ${JSON.stringify(answer.body)}`);
  return answer.body.authdata;
}

export function subscriptionsUrl(sim: AnalyticsSimulator, producerId: string): string {
  return `${sim.baseUrl}/sources/${encodeURIComponent(SOURCE)}/producers/${producerId}/subscriptions`;
}

export function subscriptionRequest(sim: AnalyticsSimulator, producerId: string, username = 'supervisor'): Record<string, unknown> {
  return {
    sourceId: SOURCE, producerId, streamType: 'SoD', transport: 'websocket', tenantId: '0', username,
    dimensionFilters: [], measureFilters: [],
  };
}

export async function subscribe(sim: AnalyticsSimulator, token: string, producerId: string, username = 'supervisor'): Promise<any> {
  const answer = await rest(subscriptionsUrl(sim, producerId), { token, body: subscriptionRequest(sim, producerId, username) });
  assert.equal(answer.status, 200, `subscribe failed: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The SubscriptionRedirectRequest: every SubscriptionResponse field copied, plus the token and the eventName. */
export function redirect(response: Record<string, unknown>, token: string, eventName = 'subscriptionRedirect'): Record<string, unknown> {
  return { authorization: token, eventName, ...response };
}

export interface Closed {
  code: number;
  reason: string;
}

/** A data frame with dimension and realtimeData as objects, whichever wire form carried them. */
export function decoded(frame: any): any {
  if (typeof frame !== 'object' || frame === null) return frame;
  const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
  return { ...frame, dimension: parse(frame.dimension), realtimeData: parse(frame.realtimeData) };
}

export const isData = (f: any): boolean => typeof f === 'object' && f !== null && 'realtimeData' in f && f.heartbeat === false;
export const isComplete = (f: any): boolean => isData(f) && f.pumpupComplete === true;
export const isDelta = (f: any): boolean => isData(f) && f.pumpup === false;
export const isStatus = (f: any): boolean => typeof f === 'object' && f !== null && typeof f.status === 'number';

/** A raw socket whose frames queue up until a test takes them; frames are JSON-parsed when they can be. */
export class WsTestClient {
  readonly frames: any[] = [];
  private waiters: { match: (f: any) => boolean; resolve: (f: any) => void; keep: boolean }[] = [];
  readonly closed: Promise<Closed>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      let frame: unknown = text;
      try {
        frame = JSON.parse(text);
      } catch {
        frame = text;
      }
      const waiter = this.waiters.find((w) => w.match(frame));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (waiter.keep) this.frames.push(frame);
        waiter.resolve(frame);
      } else this.frames.push(frame);
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<WsTestClient> {
    const socket = new WebSocket(url, { headers });
    const client = new WsTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(value: unknown): void {
    this.socket.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** The first frame (already queued or still to come) that matches. */
  take(match: (frame: any) => boolean = () => true, what = 'a frame', timeoutMs = 5000): Promise<any> {
    return this.await(match, what, timeoutMs, false);
  }

  /** Like take, but the frame stays queued (to wait for the end of a burst, then drain it whole). */
  seen(match: (frame: any) => boolean, what = 'a frame', timeoutMs = 5000): Promise<any> {
    return this.await(match, what, timeoutMs, true);
  }

  private await(match: (frame: any) => boolean, what: string, timeoutMs: number, keep: boolean): Promise<any> {
    const index = this.frames.findIndex(match);
    if (index >= 0) return Promise.resolve(keep ? this.frames[index] : this.frames.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no ${what} within ${timeoutMs} ms; queued: ${JSON.stringify(this.frames).slice(0, 400)}`));
      }, timeoutMs);
      const done = (frame: any): void => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push({ match, resolve: done, keep });
    });
  }

  /** Frames up to and including the pumpupComplete marker. */
  async pumpup(timeoutMs = 5000): Promise<any[]> {
    await this.take(isComplete, 'a pumpupComplete marker', timeoutMs);
    const frames = this.frames.filter((f) => isData(f) && f.pumpup === true);
    this.frames.splice(0, this.frames.length, ...this.frames.filter((f) => !frames.includes(f)));
    return frames;
  }

  /** Takes every queued delta frame (after the sender has finished a synchronous burst). */
  drainDeltas(): any[] {
    const deltas = this.frames.filter(isDelta);
    this.frames.splice(0, this.frames.length, ...this.frames.filter((f) => !deltas.includes(f)));
    return deltas.map(decoded);
  }

  close(): void {
    this.socket.close();
  }
}

/** Login, subscribe to the producers, open the endpoint and redirect each guid; resolves after every pumpup completed. */
export async function streaming(sim: AnalyticsSimulator, producerIds: string[], token?: string): Promise<{ token: string; client: WsTestClient; responses: any[] }> {
  const jwt = token ?? (await login(sim));
  const responses: any[] = [];
  for (const producerId of producerIds) responses.push(await subscribe(sim, jwt, producerId));
  const client = await WsTestClient.open(responses[0].endpoint);
  for (const response of responses) {
    client.send(redirect(response, jwt));
    await client.take(isComplete, `the pumpupComplete of ${response.producerId}`);
  }
  return { token: jwt, client, responses };
}
