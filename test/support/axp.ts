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
  return { apiHost: simulator.url, accountId: 'DYNNUG', clientId: 'node-red', clientSecret: CLIENT_SECRET, rejectUnauthorized: true, ...overrides };
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
      events: [], rejectUnauthorized: true, apiIsTls: false, reconnect: { initialMs: 100, maxMs: 500, jitter: 0.2 }, authTimeoutMs: 2000, ...options,
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
