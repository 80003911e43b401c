/**
 * One Kafka record of `voice-agentstate` in, one ParseResult out. Lenient by design: a record is
 * rejected only when it is not a JSON object, has no usable event id, or holds a value of a type
 * that cannot stand for its attribute; every other deviation becomes a warning.
 */
import { jsonObject } from '../../shared/json-record';
import type { z } from 'zod';
import { parseFailure, type ParseFailure, type ParseIssue, type ParseResult } from '../../shared/parse-result';
import { canonicalName, foldName } from './attributes';
import { clip, clipLong, isPlainObject, jsonType } from '../../shared/describe';
import { eventNameForCode, genesysFamily, isGenesysEventId } from './event-ids';
import { conformsToSchema, EVENT_SCHEMAS, GenesysEventSchema, MANDATORY, type GenesysEvent } from './events';
import { normalizeEvent, type NormalizeContext } from './normalize';
import { epochMs, isoWithMicros, timeFromMillis, type GenesysTime } from './time';

export type GenesysDetails = {
  /** ISO 8601 UTC with microseconds. */
  eventTime: string;
  epochMs: number;
  /** `event`: the record's own time; `kafka`: the fallback timestamp given; `received`: parse time. */
  timeSource: 'event' | 'kafka' | 'received';
  /** Dotted member path the event was unwrapped from, e.g. "event". */
  envelope?: string;
  /** The seed's mandatory attributes this event lacks (also reported as warnings). */
  missingMandatory?: string[];
};

const MAX_ENVELOPE_DEPTH = 3;
const DIGITS_RE = /^\d+$/;
const VOWEL_START_RE = /^[aeiou]/;
// A Map: looking the event id up in the exported object is a megamorphic keyed load per record.
const MANDATORY_BY_ID: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(MANDATORY));

export function parseGenesysEvent(text: string, fallbackTimestampMs?: number): ParseResult<GenesysEvent> {
  const decoded = jsonObject(text);
  if (decoded.failure) return decoded.failure;
  const root = decoded.object;

  // A string `id` at the top is the usual case and wins outright (see findIdMember): no envelope.
  let record = root;
  let idMember = 'id';
  let envelope: string | undefined;
  if (typeof root.id !== 'string') {
    const located = locateEvent(root);
    if ('ok' in located) return located;
    ({ record, idMember, envelope } = located);
  }
  const eventId = resolveEventId(record[idMember], idMember);
  if (typeof eventId !== 'string') return eventId;

  const ctx: NormalizeContext = { eventId, text, warnings: [], issues: [] };
  if (envelope !== undefined) ctx.warnings.push(`The event was unwrapped from the envelope member "${envelope}"`);
  const payload = normalizeEvent(record, idMember, ctx);
  if (ctx.issues.length > 0) return rejected(eventId, ctx.issues);

  const known = isGenesysEventId(eventId);
  if (!conformsToSchema(payload, known ? eventId : undefined)) {
    const schema: z.ZodType = known ? EVENT_SCHEMAS[eventId] : GenesysEventSchema;
    const checked = schema.safeParse(payload);
    if (!checked.success) {
      return rejected(eventId, checked.error.issues.map((issue) => ({
        path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
        message: issue.message,
      })));
    }
  }

  const details = eventDetails(payload.time as GenesysTime | undefined, fallbackTimestampMs);
  if (envelope !== undefined) details.envelope = envelope;
  if (known) {
    for (const attribute of MANDATORY_BY_ID.get(eventId) as readonly string[]) {
      if (payload[attribute] !== undefined) continue;
      ctx.warnings.push(`${eventId} is missing mandatory attribute ${attribute}`);
      (details.missingMandatory ??= []).push(attribute);
    }
  }
  return {
    ok: true,
    type: eventId,
    family: genesysFamily(eventId),
    known,
    payload: payload as GenesysEvent,
    warnings: ctx.warnings,
    details,
  };
}

interface Located {
  record: Record<string, unknown>;
  idMember: string;
  envelope?: string;
}

/** Unwraps `{ "event": { … } }`-style envelopes: no id at this level, exactly one object member with one. */
function locateEvent(root: Record<string, unknown>): Located | ParseFailure {
  let record = root;
  const path: string[] = [];
  for (let depth = 0; depth <= MAX_ENVELOPE_DEPTH; depth++) {
    const idMember = findIdMember(record);
    if (idMember !== undefined) return path.length === 0 ? { record, idMember } : { record, idMember, envelope: path.join('.') };
    const inner = soleEventMember(record);
    if (inner === undefined) break;
    path.push(inner);
    record = record[inner] as Record<string, unknown>;
  }
  const members = Object.keys(root);
  const seen = members.length === 0 ? 'the object is empty' : `members present: ${clipLong(members.join(', '))}`;
  return failure(`Record has no string event id (\`id\`); ${seen}`, ['id']);
}

/**
 * `id` (any spelling) wins when it has a value; `event`, `eventName` or `messageName` stand in for
 * it only with a string or number, since an object under `event` is an envelope.
 */
function findIdMember(record: Record<string, unknown>): string | undefined {
  if (typeof record.id === 'string') return 'id';
  let alias: string | undefined;
  for (const member of Object.keys(record)) {
    if (canonicalName(member) !== 'id') continue;
    const value = record[member];
    if (value === null || value === '' || value === undefined) continue;
    if (foldName(member) === 'id') return member;
    if (alias === undefined && (typeof value === 'string' || typeof value === 'number')) alias = member;
  }
  return alias;
}

function soleEventMember(record: Record<string, unknown>): string | undefined {
  let found: string | undefined;
  for (const member of Object.keys(record)) {
    const value = record[member];
    if (!isPlainObject(value)) continue;
    const idMember = findIdMember(value);
    if (idMember === undefined) continue;
    const id = value[idMember];
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    if (found !== undefined) return undefined;
    found = member;
  }
  return found;
}

/** Names pass through; integers are read as T-Library message codes. */
function resolveEventId(value: unknown, member: string): string | ParseFailure {
  if (typeof value === 'string') {
    const name = value.trim();
    if (name === '') return failure(`Record has no string event id (\`${member}\` is empty)`, [member]);
    return isDigit(name.charCodeAt(0)) && DIGITS_RE.test(name) ? (eventNameForCode(Number(name)) ?? name) : name;
  }
  if (typeof value === 'number') {
    const name = Number.isInteger(value) ? eventNameForCode(value) : undefined;
    if (name !== undefined) return name;
    return failure(`Record's event id is the number ${value}, which is not a known T-Library message code; expected an event name such as "EventAgentReady"`, [member]);
  }
  return failure(`Record has no string event id (\`${member}\` is ${article(jsonType(value))}); expected an event name such as "EventAgentReady"`, [member]);
}

// Spares the regex for the usual event name, which starts with a letter.
function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function eventDetails(time: GenesysTime | undefined, fallbackMs: number | undefined): GenesysDetails {
  if (time !== undefined) return { eventTime: isoWithMicros(time), epochMs: epochMs(time), timeSource: 'event' };
  const kafka = fallbackMs === undefined ? undefined : timeFromMillis(fallbackMs);
  if (kafka !== undefined) return { eventTime: isoWithMicros(kafka), epochMs: epochMs(kafka), timeSource: 'kafka' };
  const now = Date.now();
  return { eventTime: new Date(now).toISOString().replace('Z', '000Z'), epochMs: now, timeSource: 'received' };
}

function rejected(eventId: string, issues: ParseIssue[]): ParseFailure {
  const [first] = issues;
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return parseFailure(`${clip(eventId)} was rejected: ${where}${first.message}${more}`, issues);
}

function failure(message: string, path: (string | number)[]): ParseFailure {
  return parseFailure(message, [{ path, message }]);
}


function article(typeName: string): string {
  return typeName === 'null' ? 'null' : `${VOWEL_START_RE.test(typeName) ? 'an' : 'a'} ${typeName}`;
}
