import dns from 'dns';
import http from 'http';
import https from 'https';
import { AxpEventStream, type AxpDelivery, type AxpStreamOptions } from '../../nodes/axp/client/event-stream';
import { AxpSubscriptionsApi } from '../../nodes/axp/client/subscriptions-api';
import { AxpTokenSource } from '../../nodes/axp/client/token-source';
import type { AxpAccountSettings } from '../../nodes/axp/client/account-settings';
import type { ParsedEvent, ParseFailure } from '../../nodes/shared/parse-result';
import { AxpSimulator, type AxpSimulatorOptions } from '../../nodes/axp/simulator';
import { nextEmitted } from './wait';

export const CLIENT_SECRET = 'sim-client-secret-7f3a';

export async function startAxpSimulator(options: AxpSimulatorOptions = {}): Promise<AxpSimulator> {
  const simulator = new AxpSimulator({ clients: [{ clientId: 'node-red', clientSecret: CLIENT_SECRET }], pingIntervalS: 2, seed: 7, ...options });
  await simulator.start();
  return simulator;
}

export function accountOf(simulator: AxpSimulator, overrides: Partial<AxpAccountSettings> = {}): AxpAccountSettings {
  return { apiHost: simulator.url, accountId: 'DYNNUG', clientId: 'node-red', clientSecret: CLIENT_SECRET, rejectUnauthorized: true, allowUnencrypted: false, ...overrides };
}

/** A stream on the simulator, collecting what it delivers. */
export class StreamUnderTest {
  readonly tokens: AxpTokenSource;
  readonly api: AxpSubscriptionsApi;
  readonly stream: AxpEventStream;
  readonly delivered: ParsedEvent<Record<string, unknown>>[] = [];
  readonly invalid: { failure: ParseFailure; delivery: AxpDelivery }[] = [];
  readonly states: string[] = [];

  constructor(settings: AxpAccountSettings, options: Partial<AxpStreamOptions> = {}) {
    this.tokens = new AxpTokenSource(settings);
    this.api = new AxpSubscriptionsApi(settings, this.tokens);
    this.stream = new AxpEventStream(this.tokens, this.api, {
      events: [], rejectUnauthorized: true, allowUnencrypted: settings.allowUnencrypted, reconnect: { initialMs: 100, maxMs: 500, jitter: 0.2 }, authTimeoutMs: 2000, ...options,
    });
    this.stream.on('notification', (parsed: ParsedEvent<Record<string, unknown>>) => this.delivered.push(parsed));
    this.stream.on('invalid', (failure: ParseFailure, delivery: AxpDelivery) => this.invalid.push({ failure, delivery }));
    this.stream.on('state', (change: { to: string }) => this.states.push(change.to));
  }

  start(): this {
    this.stream.start();
    return this;
  }

  /** Resolves when the stream next reaches the state (at once if it is there). */
  async reaches(state: string, timeoutMs = 10000): Promise<void> {
    if (this.stream.state === state) return;
    await nextEmitted(this.stream, 'state', `stream state ${state}`, (c: { to: string }) => c.to === state, timeoutMs, () => `it is ${this.stream.state}: ${this.stream.machine.reason ?? ''}`);
  }

  /** Resolves when the stream leaves streaming and comes back to it. */
  async reconnects(timeoutMs = 15000): Promise<void> {
    await nextEmitted(this.stream, 'state', 'the stream leaving streaming', (c: { from: string; to: string }) => c.from === 'streaming', timeoutMs);
    await this.reaches('streaming', timeoutMs);
  }

  ids(): string[] {
    return this.delivered.map((p) => String((p.payload.body as Record<string, unknown>).id ?? (p.payload.body as Record<string, unknown>).correlationId));
  }
}

/** What the process tried to reach: names looked up in DNS and hosts asked over http(s) or a WebSocket. */
export interface NetworkSpy {
  readonly lookups: string[];
  readonly requests: string[];
  restore(): void;
}

/**
 * Records every DNS lookup and every http/https request of this process (WebSockets open through http.request too)
 * until restored. Names under `.invalid` fail at once with ENOTFOUND, as a resolver answers them, so a test never
 * waits on the machine's resolver; everything else goes through unchanged.
 */
export function spyOnNetwork(): NetworkSpy {
  const lookups: string[] = [];
  const requests: string[] = [];
  const lookup = dns.lookup;
  const requestOf = { http: http.request, https: https.request };
  (dns as { lookup: unknown }).lookup = function spiedLookup(hostname: string, ...rest: unknown[]) {
    lookups.push(hostname);
    const callback = rest[rest.length - 1] as (err: Error) => void;
    if (/\.invalid\.?$/i.test(hostname)) {
      process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })));
      return {};
    }
    return (lookup as (...args: unknown[]) => unknown).call(dns, hostname, ...rest);
  };
  for (const [name, module] of [['http', http], ['https', https]] as const) {
    const original = requestOf[name];
    (module as { request: unknown }).request = function spiedRequest(this: unknown, ...args: unknown[]) {
      const [first] = args;
      const target = typeof first === 'string' || first instanceof URL ? new URL(String(first)).host : String((first as { host?: string; hostname?: string }).hostname ?? (first as { host?: string }).host);
      requests.push(`${name}://${target}`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return {
    lookups,
    requests,
    restore: () => {
      (dns as { lookup: unknown }).lookup = lookup;
      (http as { request: unknown }).request = requestOf.http;
      (https as { request: unknown }).request = requestOf.https;
    },
  };
}

/** Sockets and timers this process holds open (what a closed node must not leave behind). */
export function openHandles(): { sockets: number; timers: number } {
  const resources = process.getActiveResourcesInfo();
  return { sockets: resources.filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length, timers: resources.filter((r) => r === 'Timeout').length };
}

export interface EventsNodeSpec {
  id: string;
  events?: string[];
  loginId?: string;
}

/**
 * A cc-axp-account (`account`, on the simulator unless `account` overrides its settings) and cc-axp-events nodes
 * wired to helper nodes `<id>-out` / `<id>-err`, with a Catch node feeding `catch-out`.
 */
export function axpFlow(simulator: AxpSimulator | undefined, nodes: EventsNodeSpec[], options: { secret?: string; account?: Record<string, unknown> } = {}) {
  const flow: Record<string, unknown>[] = [
    { id: 'account', type: 'cc-axp-account', apiHost: simulator?.url ?? '', accountId: 'DYNNUG', tokenUrl: '', rejectUnauthorized: true, allowUnencrypted: false, ...options.account },
    { id: 'catcher', type: 'catch', scope: null, wires: [['catch-out']] },
    { id: 'catch-out', type: 'helper' },
  ];
  for (const node of nodes) {
    flow.push({ id: node.id, type: 'cc-axp-events', account: 'account', events: node.events ?? [], loginId: node.loginId ?? '', wires: [[`${node.id}-out`], [`${node.id}-err`]] });
    flow.push({ id: `${node.id}-out`, type: 'helper' }, { id: `${node.id}-err`, type: 'helper' });
  }
  return { flow, credentials: { account: { clientId: 'node-red', clientSecret: options.secret ?? CLIENT_SECRET, appKey: '' } } };
}
