/**
 * What the client sends (digest §3.1, §4.2, §7.7). Strict, since the server's schemas forbid
 * extra properties and a wrong value costs a failed session: exactly the documented members, in
 * the documented order, and a clear Error for a value that cannot be sent. Errors never quote a token.
 */
import { clip, jsonType } from '../../shared/describe';
import { AXP_FAMILY } from './event-types';

/** SUPP: the Notification API takes 1–25 event names of 1–256 characters each. */
const MAX_EVENTS = 25;
const MAX_EVENT_NAME = 256;
const ALL_EVENTS = 'ALL';

/** The first message on a new socket: `{"event":"authentication","subscriptionId":…,"token":…}`. */
export function authenticationMessage(subscriptionId: string, token: string): string {
  requireText(subscriptionId, 'The authentication subscriptionId');
  requireText(token, 'The authentication token');
  return JSON.stringify({ event: 'authentication', subscriptionId, token });
}

/** The keep-alive: `{"event":"ping"}`, with the optional `subscriptionId` when given. */
export function pingMessage(subscriptionId?: string): string {
  if (subscriptionId === undefined) return '{"event":"ping"}';
  requireText(subscriptionId, 'The ping subscriptionId');
  return JSON.stringify({ event: 'ping', subscriptionId });
}

export interface AxpSubscriptionRequest {
  family: typeof AXP_FAMILY;
  events: string[];
  transport: { type: 'WEBSOCKET' };
}

/**
 * The Create Subscription body. No names (or "ALL" among them) asks for every event of the
 * family; repeated names are sent once. Names outside the 13 documented ones are allowed, since
 * the vendor adds events between versions.
 */
export function subscriptionRequest(events: readonly string[]): AxpSubscriptionRequest {
  if (!Array.isArray(events)) throw new Error(`Subscription events must be a list of event names (got ${jsonType(events)})`);
  const names: string[] = [];
  for (const [i, name] of events.entries()) {
    requireText(name, `Subscription event name #${i + 1}`);
    if (name.length > MAX_EVENT_NAME) throw new Error(`Subscription event name "${clip(name)}" is longer than ${MAX_EVENT_NAME} characters`);
    const trimmed = name.trim();
    if (!names.includes(trimmed)) names.push(trimmed);
  }
  if (names.length > MAX_EVENTS) throw new Error(`A subscription takes at most ${MAX_EVENTS} event names (got ${names.length}); use "ALL" instead`);
  return {
    family: AXP_FAMILY,
    events: names.length === 0 || names.includes(ALL_EVENTS) ? [ALL_EVENTS] : names,
    transport: { type: 'WEBSOCKET' },
  };
}

/** Names the type only, never the value: it may be a token. */
function requireText(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${what} must be a non-empty string (got ${typeof value === 'string' ? 'an empty string' : jsonType(value)})`);
  }
}
