import type { AxpSubscription } from '../schema';
import { checkEncrypted } from './encrypted-links';
import { AxpApiError } from './subscriptions-api';

const DEFAULT_LIFETIME_S = 900;
/** setTimeout's ceiling: a longer delay fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Renew at 80% of the lifetime, but at least a minute (half a short lifetime) before it ends (digest §4.5). */
export function renewDelay(lifetimeMs: number): number {
  const margin = Math.max(lifetimeMs * 0.2, Math.min(60000, lifetimeMs / 2));
  return Math.min(MAX_TIMER_MS, Math.max(500, lifetimeMs - margin));
}

/**
 * The bearer token travels in the socket's first frame, to whatever endpoint the server named: wss://, or ws:// on
 * this machine (the simulator) or where a person allowed unencrypted links. Checked on the URL alone, before any
 * lookup or connection.
 */
export function checkEndpoint(endpoint: string, allowUnencrypted: boolean): void {
  let protocol: string;
  try {
    protocol = new URL(endpoint).protocol;
  } catch {
    throw new AxpApiError(`the subscription's endpoint "${endpoint}" is not a URL`, 400);
  }
  if (protocol !== 'wss:' && protocol !== 'ws:') throw new AxpApiError(`the subscription's endpoint ${endpoint} is not a ws:// or wss:// URL`, 400);
  checkEncrypted(endpoint, "the subscription's endpoint", 'the bearer token', allowUnencrypted);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** How long the subscription lives: expiresIn, else what is left until expiresAt, else the usual 900 s. */
export function lifetimeMsOf(subscription: AxpSubscription): number {
  const given = subscription.expiresIn !== undefined && subscription.expiresIn > 0 ? subscription.expiresIn : undefined;
  return (given ?? remainingSeconds(subscription.expiresAt) ?? DEFAULT_LIFETIME_S) * 1000;
}

function remainingSeconds(expiresAt: string | undefined): number | undefined {
  if (!expiresAt) return undefined;
  const ms = Date.parse(expiresAt) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : undefined;
}
