/**
 * Reading a cc-axp-events message for the agent-state mapper. Every reader returns undefined for what is not there
 * or not as the node sends it, and none throws: a foreign or malformed message then maps to nothing.
 */
import type { AgentSourceMessage } from '../agent/model';
import { isPlainObject } from '../shared/describe';

export interface AxpNotificationRead {
  /** body.event, e.g. AgentState. */
  event: string;
  envelope: Record<string, unknown>;
  body: Record<string, unknown>;
  eventTime?: string;
}

const ISO_DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** The largest epoch a Date holds (ECMAScript time range); beyond it toISOString throws. */
const MAX_DATE_MS = 8.64e15;

export function readNotification(msg: AgentSourceMessage): AxpNotificationRead | undefined {
  if (!isPlainObject(msg) || !isPlainObject(msg.event) || msg.event.vendor !== 'axp') return undefined;
  const envelope = msg.payload;
  if (!isPlainObject(envelope) || !isPlainObject(envelope.body)) return undefined;
  const body = envelope.body;
  const event = text(body.event);
  if (event === undefined) return undefined;
  return { event, envelope, body, eventTime: eventTime(envelope, body) };
}

/** A non-empty string, or a number written out (the schema turns numbers into strings; a hand-built message may not). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/**
 * The body's `timestamp` ("milliseconds since epoch when the event was generated", the vendor document, schema
 * Timestamp) as the schema layer read it into `timestampMs`; else the envelope's `sentAt`. The vendor's example
 * timestamp 9223372036854776000 is a placeholder the schema gives no `timestampMs`, so such an event is ordered by
 * when it was sent.
 */
function eventTime(envelope: Record<string, unknown>, body: Record<string, unknown>): string | undefined {
  const ms = body.timestampMs;
  if (typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS) return new Date(ms).toISOString();
  const sentAt = envelope.sentAt;
  if (typeof sentAt !== 'string' || !ISO_DATE_TIME_RE.test(sentAt)) return undefined;
  const sentMs = Date.parse(sentAt);
  return Number.isNaN(sentMs) ? undefined : new Date(sentMs).toISOString();
}

/**
 * The agents a MatchOffered names: the document gives no top-level agent, only `offeredAgentData.agentId` in
 * `offeredQueue` and `offeredService` and `offeredSpecifiedAgentData.agentId` in `offeredSpecifiedAgent`, and does not
 * say whether they exclude each other; each distinct agent named is offered the engagement.
 */
export function offeredAgentIds(body: Record<string, unknown>): string[] {
  const ids = [
    field(body, 'offeredQueue', 'offeredAgentData', 'agentId'),
    field(body, 'offeredService', 'offeredAgentData', 'agentId'),
    field(body, 'offeredSpecifiedAgent', 'offeredSpecifiedAgentData', 'agentId'),
  ];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

function field(root: Record<string, unknown>, ...path: string[]): string | undefined {
  let value: unknown = root;
  for (const key of path) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return text(value);
}
