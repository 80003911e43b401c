/**
 * One GC event body in, one ParseResult out (digest §1.4, §1.5, §1.8). Lenient by design: a body
 * is rejected only when it cannot be understood (empty, binary, no `#`, no agent or event type,
 * or a known event without its required field). Unknown event types and error names are
 * delivered; deviations the parser tolerates become warnings. It never throws.
 */
import { clip, jsonType } from '../../../shared/describe';
import { parseFailure, type ParseFailure, type ParseIssue, type ParseResult } from '../../../shared/parse-result';
import { isDocumentedError } from './error-names';
import { EventArgs } from './event-args';
import { eventSpecFor, PREFIXLESS_TYPES, SYSTEM_STATUSES, type EventSpec, type FinesseFamily } from './event-types';
import type { EventBody, FinesseEventPayload } from './payload-schema';

const BODY_LAYOUT = '<Event_For>#<Event_Type>[#<arguments>]';
// C0 controls other than tab, line feed and carriage return (which free text may hold), and DEL.
const CONTROL_RE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

export function parseFinesseEvent(body: string): ParseResult<FinesseEventPayload> {
  if (typeof body !== 'string') return failure(`GC event body must be text (got ${jsonType(body)})`, []);
  const text = body.trim();
  if (text === '') return failure(`GC event body is empty; expected ${BODY_LAYOUT}`, []);
  const control = CONTROL_RE.exec(body);
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return failure(`GC event body holds control character U+${code} at offset ${control.index}: binary data, not a GC text event`, []);
  }
  if (!text.includes('#')) return failure(`GC event body "${clip(text)}" has no "#"; expected ${BODY_LAYOUT}`, []);

  const warnings: string[] = text.length === body.length ? [] : ['Blanks around the body were ignored'];
  const segs = text.split('#');
  const head = segs[0].trim();
  if (isToken(segs[1], 'Error', warnings)) return errorEvent(head, segs.slice(2), body, warnings);
  if (head === 'System') return systemEvent(segs, body, warnings);
  if (head === 'DESTINATION') return destinationEvent(segs, body, warnings);
  if (PREFIXLESS_TYPES.has(head)) {
    warnings.push(`${head} event has no agent prefix (<agent_login_Id>#); delivered without an agent`);
    return agentEvent(null, head, segs.slice(1), body, warnings);
  }
  if (head === '') return failure(`GC event "${clip(text)}" names no agent before its first "#"; expected ${BODY_LAYOUT}`, ['eventFor']);
  return agentEvent(head, segs[1], segs.slice(2), body, warnings);
}

/** `<Error_For>#Error#<ERROR_NAME>[#…]` (§1.5); Error_For may be any text, usually the agent the command named. */
function errorEvent(errorFor: string, args: string[], raw: string, warnings: string[]): ParseResult<FinesseEventPayload> {
  const error = args[0]?.trim() ?? '';
  if (error === '') return failure(`GC error event "${clip(raw.trim())}" has no error name; expected <Error_For>#Error#<ERROR_NAME>`, ['error']);
  if (errorFor === '') warnings.push('Error event names nothing before "#Error"; delivered without an agent');
  const family = errorFor === 'System' ? 'system' : 'agent';
  const agentId = family === 'agent' && errorFor !== '' ? errorFor : undefined;
  const body: EventBody<'error'> = { kind: 'error', errorFor, error, extra: args.slice(1), documented: isDocumentedError(error) };
  return delivered('Error', family, true, { eventFor: errorFor, agentId, args, raw }, body, warnings);
}

/** `System#IN_SERVICE` / `System#OUT_OF_SERVICE`; another status is delivered as an unknown event. */
function systemEvent(segs: string[], raw: string, warnings: string[]): ParseResult<FinesseEventPayload> {
  const token = segs[1].trim();
  if (token === '') return failure('GC System event has no status; expected System#IN_SERVICE or System#OUT_OF_SERVICE', ['status']);
  const context = { eventFor: 'System', args: segs.slice(2), raw };
  const status = SYSTEM_STATUSES.find((known) => isToken(token, known, warnings));
  if (status === undefined) return delivered(token, 'system', false, context, { kind: 'unknown' }, warnings);
  return delivered(status, 'system', true, context, { kind: 'system', status }, warnings);
}

/** `DESTINATION#<Destination_Name>#RECONNECT`: the second field is a name, the third the event type. */
function destinationEvent(segs: string[], raw: string, warnings: string[]): ParseResult<FinesseEventPayload> {
  const destination = segs[1].trim();
  const action = segs[2]?.trim() ?? '';
  if (action === '') {
    return failure(`GC DESTINATION event "${clip(raw.trim())}" has no action; expected DESTINATION#<Destination_Name>#RECONNECT`, ['action']);
  }
  if (destination === '') warnings.push('DESTINATION event names no destination');
  const context = { eventFor: 'DESTINATION', args: segs.slice(3), raw };
  if (!isToken(action, 'RECONNECT', warnings)) return delivered(action, 'destination', false, context, { kind: 'unknown' }, warnings);
  return delivered('RECONNECT', 'destination', true, context, { kind: 'destination', destination, action: 'RECONNECT' }, warnings);
}

/** `<agent_login_Id>#<Event_Type>#…`, or a prefix-less body (eventFor null). */
function agentEvent(eventFor: string | null, token: string, args: string[], raw: string, warnings: string[]): ParseResult<FinesseEventPayload> {
  const type = token.trim();
  if (type === '') {
    return failure(`GC event "${clip(raw.trim())}" has no event type after "${clip(eventFor ?? '')}#"; expected ${BODY_LAYOUT}`, ['type']);
  }
  const context = { eventFor, agentId: eventFor ?? undefined, args, raw };
  const found = eventSpecFor(token);
  if (found === undefined) return delivered(type, 'agent', false, context, { kind: 'unknown' }, warnings);
  const { spec } = found;
  if (!found.exact) warnings.push(`Event type "${clip(token)}" read as ${spec.type}`);
  const reader = new EventArgs(spec.type, args, warnings);
  const body = spec.build(reader);
  if (reader.issues.length > 0) return rejected(spec, eventFor, reader.issues);
  return delivered(spec.type, spec.family, true, context, body, warnings);
}

/** Exact match, else a match ignoring blanks and case (with a warning). */
function isToken(field: string, token: string, warnings: string[]): boolean {
  if (field === token) return true;
  const trimmed = field.trim();
  if (trimmed === token) return true;
  if (trimmed.toLowerCase() !== token.toLowerCase()) return false;
  warnings.push(`"${clip(trimmed)}" read as ${token}`);
  return true;
}

interface PayloadContext {
  eventFor: string | null;
  agentId?: string;
  args: string[];
  raw: string;
}

function delivered(
  type: string,
  family: FinesseFamily,
  known: boolean,
  context: PayloadContext,
  body: EventBody,
  warnings: string[],
): ParseResult<FinesseEventPayload> {
  // Fields the body ended before are left out rather than set to undefined.
  const payload: Record<string, unknown> = { kind: body.kind, eventFor: context.eventFor };
  if (context.agentId !== undefined) payload.agentId = context.agentId;
  const fields = body as Record<string, unknown>;
  for (const key in fields) {
    if (key !== 'kind' && fields[key] !== undefined) payload[key] = fields[key];
  }
  payload.args = context.args;
  payload.raw = context.raw;
  return { ok: true, type, family, known, payload: payload as FinesseEventPayload, warnings };
}

function rejected(spec: EventSpec, eventFor: string | null, issues: ParseIssue[]): ParseFailure {
  const whose = eventFor === null ? '' : ` for "${clip(eventFor)}"`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return parseFailure(`${spec.type} event${whose} rejected: ${issues[0].message}${more}; expected <Event_For>#${spec.type}#${spec.layout}`, issues);
}

function failure(message: string, path: string[]): ParseFailure {
  return parseFailure(message, [{ path, message }]);
}
