/**
 * One WebSocket text frame from the server in, one classified frame out (digest §4.3, §7.6):
 * by top-level `event` an authenticationResponse or a pong, otherwise a notification when it
 * has a `body`. It never throws. A frame that is not JSON, not an object, neither of those, or a
 * notification whose body has no string `event` is `invalid`; a notification whose body has a
 * field of an impossible type is a `notification` carrying a failure that names the field.
 */
import type { z } from 'zod';
import { clip, clipLong, isPlainObject, jsonType } from '../../shared/describe';
import { parseFailure, type ParseFailure, type ParseIssue, type ParseResult } from '../../shared/parse-result';
import { AXP_FAMILY, isAxpAuthStatus, isAxpEventType } from './event-types';
import { quoteLongNumbers } from './long-numbers';
import { AxpNotificationSchema, notificationId, type AxpNotification } from './notification';
import { notificationWarnings } from './notification-checks';

export type AxpFrame =
  | {
    kind: 'authenticationResponse';
    status: string;
    /** True when `status` is one of the five the document lists. */
    known: boolean;
    subscriptionId?: string;
    /** Seconds; the longest gap allowed between client pings. */
    pingInterval?: number;
    /** Seconds until the subscription is set INACTIVE. */
    expiresInterval?: number;
  }
  | { kind: 'pong' }
  | { kind: 'notification'; result: ParseResult<AxpNotification> }
  | { kind: 'invalid'; failure: ParseFailure };

const EXPECTED = 'expected an authenticationResponse, a pong or a notification with a body';
const NUMERIC_RE = /^\s*\d+(?:\.\d+)?\s*$/;

export function parseAxpFrame(text: string): AxpFrame {
  if (typeof text !== 'string') return invalid(`Frame is not text (got ${jsonType(text)})`, []);
  if (text.trim() === '') return invalid(`Frame is empty; ${EXPECTED}`, []);
  let root: unknown;
  try {
    root = JSON.parse(quoteLongNumbers(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (err) {
    return invalid(`Frame is not valid JSON: ${clipLong((err as Error).message)}`, []);
  }
  if (!isPlainObject(root)) return invalid(`Frame is not a JSON object (got ${jsonType(root)}); ${EXPECTED}`, []);

  const event = root.event;
  if (event === 'authenticationResponse') return authenticationResponse(root);
  if (event === 'pong') return { kind: 'pong' };
  if (root.body === undefined) {
    const what = typeof event === 'string' ? `has event "${clip(event)}" and no body` : 'has no body and no event';
    return invalid(`Frame ${what}; ${EXPECTED}`, [typeof event === 'string' ? 'event' : 'body']);
  }
  if (!isPlainObject(root.body)) return invalid(`Notification body must be an object (got ${jsonType(root.body)})`, ['body']);
  const type = root.body.event;
  if (typeof type !== 'string' || type === '') {
    const got = type === undefined ? 'none' : typeof type === 'string' ? 'an empty string' : jsonType(type);
    return invalid(`Notification body has no event name (body.event: got ${got}); expected e.g. "AgentState"`, ['body', 'event']);
  }
  return { kind: 'notification', result: notification(root, type) };
}

function notification(root: Record<string, unknown>, type: string): ParseResult<AxpNotification> {
  const checked = AxpNotificationSchema.safeParse(root);
  if (!checked.success) return rejected(type, checked.error.issues);
  const payload = checked.data;
  const eventId = notificationId(payload);
  return {
    ok: true,
    type,
    family: payload.family || AXP_FAMILY,
    known: isAxpEventType(type),
    payload,
    warnings: notificationWarnings(payload),
    ...(eventId === undefined ? {} : { details: { eventId } }),
  };
}

function authenticationResponse(root: Record<string, unknown>): AxpFrame {
  const { status } = root;
  if (typeof status !== 'string' || status === '') {
    const got = status === undefined ? 'none' : typeof status === 'string' ? 'an empty string' : jsonType(status);
    return invalid(`authenticationResponse has no status (got ${got}); expected e.g. "CONNECTION_CONFIRMED"`, ['status']);
  }
  const frame: AxpFrame = { kind: 'authenticationResponse', status, known: isAxpAuthStatus(status) };
  const subscriptionId = root.subscriptionId;
  if (typeof subscriptionId === 'string' || typeof subscriptionId === 'number') frame.subscriptionId = String(subscriptionId);
  const pingInterval = seconds(root.pingInterval);
  if (pingInterval !== undefined) frame.pingInterval = pingInterval;
  const expiresInterval = seconds(root.expiresInterval);
  if (expiresInterval !== undefined) frame.expiresInterval = expiresInterval;
  return frame;
}

/** A positive number of seconds, or a string holding one; anything else is left out (the client keeps its defaults). */
function seconds(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_RE.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function rejected(type: string, zodIssues: readonly z.core.$ZodIssue[]): ParseFailure {
  const issues = zodIssues.map(toParseIssue);
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return parseFailure(`${clip(type)} notification rejected: ${pathText(first.path)}: ${first.message}${more}`, issues);
}

/**
 * A union's own message is vague when the value had the right shape but a wrong part (an
 * attribute object whose `values` is an object): then the one branch that got past the shape
 * check speaks instead, with its deeper path.
 */
function toParseIssue(issue: z.core.$ZodIssue): ParseIssue {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const deeper = issue.errors.filter((branch) => !branch.every((inner) => inner.path.length === 0));
    if (deeper.length === 1) {
      const inner = toParseIssue(deeper[0][0]);
      return { path: [...path, ...inner.path], message: inner.message };
    }
  }
  return { path, message: issue.message };
}

function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(frame)' : out;
}

function invalid(message: string, path: (string | number)[]): AxpFrame {
  return { kind: 'invalid', failure: parseFailure(message, [{ path, message }]) };
}
