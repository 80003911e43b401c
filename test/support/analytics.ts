import { AnalyticsFeed, type FeedEvent, type FeedListener, type AnalyticsFeedOptions } from '../../nodes/analytics/client/analytics-feed';
import { AnalyticsSession } from '../../nodes/analytics/client/analytics-session';
import type { ParseFailure } from '../../nodes/shared/parse-result';
import { AnalyticsSimulator, type AnalyticsSimulatorOptions } from '../../nodes/analytics/simulator';
import { nextEmitted } from './wait';

export const SUPERVISOR = { username: 'supervisor', password: 'sup-pass-3c9d' };

export async function startAnalyticsSimulator(options: AnalyticsSimulatorOptions = {}): Promise<AnalyticsSimulator> {
  const simulator = new AnalyticsSimulator({
    users: [{ ...SUPERVISOR, supervisor: true }, { username: 'agentuser', password: 'agent-pass', supervisor: false }],
    heartbeatMs: 300, seed: 11, ...options,
  });
  await simulator.start();
  return simulator;
}

export function sessionOf(simulator: AnalyticsSimulator, overrides: Partial<{ username: string; password: string }> = {}): AnalyticsSession {
  return new AnalyticsSession({ baseUrl: simulator.baseUrl, tenant: '0', rejectUnauthorized: true, ...SUPERVISOR, ...overrides });
}

/** A feed user collecting what it receives. */
export class FeedUser implements FeedListener {
  readonly events: FeedEvent[] = [];
  readonly invalids: { failure: ParseFailure; text: string }[] = [];

  constructor(readonly producers: string[]) {}

  event(event: FeedEvent): void {
    this.events.push(event);
  }

  invalid(failure: ParseFailure, text: string): void {
    this.invalids.push({ failure, text });
  }

  count(type: FeedEvent['type']): number {
    return this.events.filter((e) => e.type === type).length;
  }
}

export function feedOf(session: AnalyticsSession, options: AnalyticsFeedOptions = {}): AnalyticsFeed {
  return new AnalyticsFeed(session, { heartbeatMs: 200, livenessMs: 3000, reconnect: { initialMs: 100, maxMs: 500, jitter: 0.2 }, ...options });
}

export async function feedReaches(feed: AnalyticsFeed, state: string, timeoutMs = 10000): Promise<void> {
  if (feed.state === state) return;
  await nextEmitted(feed, 'state', `feed state ${state}`, (c: { to: string }) => c.to === state, timeoutMs, () => `it is ${feed.state}: ${feed.machine.reason ?? ''}`);
}
