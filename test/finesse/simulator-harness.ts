/**
 * A raw GC client for the simulator tests: plain stompit through connectStomp, no project parser. Every test uses its
 * own command queue and topic so parallel suites on the shared broker never see each other's traffic.
 */
import assert from 'node:assert/strict';
import type { Client } from 'stompit';
import { connectStomp } from '../../nodes/finesse/client/stomp-connection';
import { GcSimulator, GcSimulatorOptions, SimAgent } from '../../nodes/finesse/simulator';

const [host, port] = (process.env.ACTIVEMQ_STOMP ?? '').split(':');
if (!host || !port) throw new Error('ACTIVEMQ_STOMP is not set: run the suite with `npm test`, which starts ActiveMQ');
export const endpoint = { host, port: Number(port) };

let seq = 0;
export const uniqueName = (what: string): string => `cc-sim-${process.pid}-${++seq}-${what}`;

export interface GcEvent {
  body: string;
  correlationId?: string;
  headers: Record<string, string>;
}

export type EventMatch = string | RegExp | ((event: GcEvent) => boolean);

const matches = (event: GcEvent, match: EventMatch): boolean =>
  typeof match === 'string' ? event.body === match : match instanceof RegExp ? match.test(event.body) : match(event);

export interface SendOptions {
  /** null = no correlation-id header. */
  correlationId?: string | null;
  expires?: number;
  /** null = no reply-to header. */
  replyTo?: string | null;
}

export class GcTestClient {
  /** Events received and not yet taken by a test, in arrival order. */
  private readonly inbox: GcEvent[] = [];
  private waiters: { match: EventMatch; resolve: (e: GcEvent) => void }[] = [];
  private nextId = 0;

  private constructor(private readonly client: Client, readonly queue: string, readonly destination: string) {}

  /** Connects and subscribes its topic (confirmed by a receipt) before anything is sent, as GC clients must. */
  static async open(queue: string, destination = uniqueName('dest')): Promise<GcTestClient> {
    const client = await connectStomp(endpoint);
    const gc = new GcTestClient(client, queue, destination);
    client.on('error', () => undefined);
    const id = `sub-${destination}`;
    client.setImplicitSubscription(id as unknown as number, 'auto', (err, message) => {
      if (err) return;
      const headers = (message as unknown as { headers: Record<string, string> }).headers;
      message.readString('utf-8', (readErr, body) => {
        if (!readErr) gc.receive({ body: body ?? '', correlationId: headers['correlation-id'], headers });
      });
    });
    await new Promise<void>((resolve, reject) => {
      client.sendFrame('SUBSCRIBE', { destination: `/topic/${destination}`, id, ack: 'auto' }, { onReceipt: () => resolve(), onError: reject }).end();
    });
    return gc;
  }

  get replyTo(): string {
    return `/topic/${this.destination}`;
  }

  /** Sends a command to the simulator's queue; returns the correlation id it carries. */
  send(type: string, body = '', options: SendOptions = {}): string {
    const correlationId = options.correlationId === undefined ? `${this.destination}-${++this.nextId}` : options.correlationId;
    const headers: Record<string, string> = { destination: `/queue/${this.queue}`, type };
    if (correlationId !== null) headers['correlation-id'] = correlationId;
    if (options.replyTo !== null) headers['reply-to'] = options.replyTo ?? this.replyTo;
    if (options.expires !== undefined) headers.expires = String(options.expires);
    this.client.send(headers).end(body);
    return correlationId ?? '';
  }

  /** The first not-yet-taken event that matches, waiting for it if needed. */
  take(match: EventMatch, timeoutMs = 5000): Promise<GcEvent> {
    const index = this.inbox.findIndex((e) => matches(e, match));
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (e: GcEvent) => { clearTimeout(timer); resolve(e); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no event matching ${String(match)} within ${timeoutMs} ms; unread: ${JSON.stringify(this.inbox.map((e) => e.body))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Takes `count` events carrying this correlation id, in arrival order. */
  async takeCorrelated(correlationId: string, count: number): Promise<GcEvent[]> {
    const events: GcEvent[] = [];
    for (let i = 0; i < count; i++) events.push(await this.take((e) => e.correlationId === correlationId));
    return events;
  }

  /** Sends a command and returns the bodies of the `count` events correlated to it. */
  async request(type: string, body: string, count = 1): Promise<string[]> {
    const id = this.send(type, body);
    return (await this.takeCorrelated(id, count)).map((e) => e.body);
  }

  /**
   * Everything the simulator sent this client up to now: a Hello goes through the same queue, is handled after
   * every earlier command, and its answer arrives after every earlier event, so no waiting on time is needed.
   */
  async drain(): Promise<GcEvent[]> {
    const id = this.send(`Hello#${this.destination}`);
    await this.take((e) => e.correlationId === id);
    return this.inbox.splice(0);
  }

  async drainBodies(): Promise<string[]> {
    return (await this.drain()).map((e) => e.body);
  }

  close(): void {
    this.client.disconnect();
  }

  private receive(event: GcEvent): void {
    const waiter = this.waiters.find((w) => matches(event, w.match));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(event);
    } else {
      this.inbox.push(event);
    }
  }
}

export const ROSTER: SimAgent[] = [
  { id: '1001', password: 'pw1', firstName: 'Sara', lastName: 'Khan', loginName: 'skhan', teamId: '5000' },
  { id: '1002', password: 'pw2', firstName: 'Omar', lastName: 'Farooq', loginName: 'ofarooq', teamId: '5000', wrapUpMode: 'REQUIRED' },
  { id: '1003', password: 'pw3', firstName: 'Lena', lastName: 'Weber', loginName: 'lweber', teamId: '5000', wrapUpMode: 'NOT_ALLOWED' },
  { id: '1004', password: 'pw4', firstName: 'Ravi', lastName: 'Patel', loginName: 'rpatel', teamId: '5000', supervisor: true, teamName: 'Sales' },
];

/** Starts simulators on unique queues and stops them (and the clients) after each test. */
export class SimFixture {
  private readonly sims: GcSimulator[] = [];
  private readonly clients: GcTestClient[] = [];
  private readonly queues = new Map<GcSimulator, string>();

  async sim(options: Partial<GcSimulatorOptions> = {}): Promise<GcSimulator> {
    const commandQueue = options.commandQueue ?? uniqueName('gc');
    const sim = new GcSimulator({ stomp: endpoint, agents: ROSTER, ringMs: 20, answerMs: 20, ...options, commandQueue });
    this.sims.push(sim);
    this.queues.set(sim, commandQueue);
    await sim.start();
    return sim;
  }

  async client(sim: GcSimulator, destination?: string): Promise<GcTestClient> {
    const client = await GcTestClient.open(this.queues.get(sim) as string, destination);
    this.clients.push(client);
    return client;
  }

  async cleanup(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.sims.splice(0).map((s) => s.stop()));
    this.queues.clear();
  }
}

/** Connect + Login; returns the bodies of the three login events. */
export async function logIn(client: GcTestClient, agentId: string, password: string, extension: string): Promise<string[]> {
  client.send(`Connect#${agentId}`, `${client.destination},${password}`);
  return client.request(`Login#${agentId}`, `${password},${extension}`, 3);
}

export const GC_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface ExpectedState {
  id: string;
  state: string;
  reason: string;
  pending?: string;
  extension: string;
  label?: string;
  name: string;
  login: string;
}

/** The document's 13-field State layout, field by field; the two timestamps by their formats. */
export function assertState(body: string, e: ExpectedState): void {
  const f = body.split('#');
  assert.equal(f.length, 13, `State has 13 fields: ${body}`);
  assert.deepEqual(
    [f[0], f[1], f[2], f[3], f[5], f[7], f[8], f[9], f[10], f[11], f[12]],
    [e.id, 'State', e.state, e.reason, e.pending ?? '', e.name, e.id, e.extension, e.label ?? '', e.name, e.login],
    body,
  );
  assert.match(f[4], GC_TIME);
  assert.match(f[6], ISO_TIME);
}

/** Field 2 (the state) and field 5 (the pending state) of a State body. */
export const stateOf = (body: string): [string, string] => {
  const f = body.split('#');
  return [f[2], f[5]];
};
