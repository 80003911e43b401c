/**
 * Raw clients for the AXP simulator tests: global fetch for REST and a plain `ws` socket, no project client, so the
 * simulator is checked against the digest rather than against the code that will talk to it.
 */
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { AxpSimulator, AxpSimulatorOptions } from '../../nodes/axp/simulator';

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const CREATE_BODY = { family: 'AGENT_ENGAGEMENT', events: ['ALL'], transport: { type: 'WEBSOCKET' } };

export interface RestAnswer {
  status: number;
  contentType: string;
  body: any;
}

export async function rest(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<RestAnswer> {
  const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers };
  let body: string | undefined;
  if (typeof init.body === 'string') body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text === '' ? undefined : JSON.parse(text) };
}

export function subscriptionsUrl(sim: AxpSimulator, accountId = 'DYNNUG'): string {
  return `${sim.url}/api/notification/v1/accounts/${accountId}/subscriptions`;
}

export async function token(sim: AxpSimulator, clientId = 'node-red', clientSecret = 'secret', headers: Record<string, string> = {}): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const answer = await rest(sim.tokenUrl, { body: form.toString(), headers: { ...FORM, ...headers } });
  assert.equal(answer.status, 200, `token request failed: ${JSON.stringify(answer.body)}`);
  return answer.body.access_token;
}

export async function subscribe(sim: AxpSimulator, accessToken: string, body: unknown = CREATE_BODY): Promise<any> {
  const answer = await rest(subscriptionsUrl(sim), { token: accessToken, body });
  assert.equal(answer.status, 201, `create failed: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface Closed {
  code: number;
  reason: string;
}

/** A raw socket whose frames queue up until a test takes them. */
export class WsTestClient {
  readonly frames: any[] = [];
  private waiters: { match: (f: any) => boolean; resolve: (f: any) => void }[] = [];
  readonly closed: Promise<Closed>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      const text = data.toString();
      let frame: unknown = text;
      if (!isBinary) {
        try {
          frame = JSON.parse(text);
        } catch {
          frame = text;
        }
      }
      const waiter = this.waiters.find((w) => w.match(frame));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(frame);
      } else this.frames.push(frame);
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string): Promise<WsTestClient> {
    const socket = new WebSocket(url);
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
    const index = this.frames.findIndex(match);
    if (index >= 0) return Promise.resolve(this.frames.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no ${what} within ${timeoutMs} ms; queued: ${JSON.stringify(this.frames).slice(0, 300)}`));
      }, timeoutMs);
      const done = (frame: any): void => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  takeNotifications(count: number): Promise<any[]> {
    return Promise.all(Array.from({ length: count }, () => this.take((f) => typeof f === 'object' && f.body !== undefined, 'a notification')));
  }

  authenticate(subscriptionId: string, accessToken: string): Promise<any> {
    this.send({ event: 'authentication', subscriptionId, token: accessToken });
    return this.take((f) => f?.event === 'authenticationResponse', 'an authenticationResponse');
  }

  close(): void {
    this.socket.terminate();
  }
}

export interface Stream {
  client: WsTestClient;
  subscription: any;
  token: string;
}

/** Simulators and sockets a test opened, all closed afterwards. */
export class SimFixture {
  private readonly sims: AxpSimulator[] = [];
  private readonly clients: WsTestClient[] = [];

  async sim(options: AxpSimulatorOptions = {}): Promise<AxpSimulator> {
    const sim = new AxpSimulator({ seed: 7, ...options });
    await sim.start();
    this.sims.push(sim);
    return sim;
  }

  async connect(url: string): Promise<WsTestClient> {
    const client = await WsTestClient.open(url);
    this.clients.push(client);
    return client;
  }

  /** Token, subscription, socket and a confirmed authentication. */
  async stream(sim: AxpSimulator, body: unknown = CREATE_BODY): Promise<Stream> {
    const accessToken = await token(sim);
    const subscription = await subscribe(sim, accessToken, body);
    const client = await this.connect(subscription.transport.endpoint);
    const response = await client.authenticate(subscription.subscriptionId, accessToken);
    assert.equal(response.status, 'CONNECTION_CONFIRMED');
    return { client, subscription, token: accessToken };
  }

  async cleanup(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.sims.splice(0).map((s) => s.stop()));
  }
}
