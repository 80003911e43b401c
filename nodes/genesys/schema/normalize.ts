/**
 * Brings one event object to the canonical dialect: vendor attribute names, identifiers as
 * strings, enums as canonical names, key-value lists as objects, `time` as `{ seconds, useconds }`.
 * Values that cannot be coerced are left in place for the zod schema to report, except where this
 * layer knows the more precise reason (time, key-value lists).
 */
import type { ParseIssue } from '../../shared/parse-result';
import { attributeOf, type AttributeKind, type CanonicalName } from './attributes';
import { clip } from '../../shared/describe';
import { normalizeEnum, normalizeInfo, type EnumAttribute } from './enums';
import { normalizeKeyValue, setOwn } from './key-value';
import { normalizeTime, timeFromParts, type TimeResult } from './time';

export interface NormalizeContext {
  eventId: string;
  /** The record's JSON text: the only place a 64-bit identifier written as a bare number is still exact. */
  text: string;
  warnings: string[];
  issues: ParseIssue[];
}

const NUMERIC_RE = /^\s*-?\d+(?:\.\d+)?\s*$/;
const REGEXP_SPECIALS = /[.*+?^${}()|[\]\\]/g;
const hasOwnProperty = Object.prototype.hasOwnProperty;

/** `idMember` is the member the event id was read from; it becomes `id` holding `ctx.eventId`. */
export function normalizeEvent(record: Record<string, unknown>, idMember: string, ctx: NormalizeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let timeParts: { seconds?: unknown; useconds?: unknown } | undefined;
  // for...in rather than Object.keys: no key array per record, and V8 reads `record[member]`
  // straight from the enumeration cache. The own-member test keeps Object.keys' semantics should
  // anything enumerable be inherited; V8 folds this form of it away inside for...in.
  for (const member in record) {
    if (!hasOwnProperty.call(record, member)) continue;
    const value = record[member];
    if (member === idMember) {
      out.id = ctx.eventId;
      continue;
    }
    const attribute = attributeOf(member);
    if (attribute === undefined || attribute.name === 'id') {
      setOwn(out, member, value);
      continue;
    }
    const { name, kind } = attribute;
    if (name !== member && (hasValue(record[name]) || Object.hasOwn(out, name))) {
      ctx.warnings.push(`Member "${clip(member)}" is another spelling of ${name}, which is already present; kept under its own name`);
      setOwn(out, member, value);
      continue;
    }
    if (value === null || value === '') continue;
    if (kind === 'time-part') {
      timeParts ??= {};
      timeParts[name === 'TimeinSecs' ? 'seconds' : 'useconds'] = value;
      continue;
    }
    const normalized = kind === 'key-value' || kind === 'time' || kind === 'info' || kind === 'struct'
      ? normalizeStructured(kind, name, value, ctx)
      : normalizeScalar(kind, name, member, value, ctx);
    if (normalized !== undefined) out[name] = normalized;
  }
  if (timeParts !== undefined) applyTimeParts(out, timeParts, ctx);
  return out;
}

function normalizeStructured(kind: AttributeKind, name: CanonicalName, value: unknown, ctx: NormalizeContext): unknown {
  switch (kind) {
    case 'time':
      return timeValue(normalizeTime(value), ctx);
    case 'key-value': {
      const result = normalizeKeyValue(name, value);
      if ('error' in result) {
        ctx.issues.push({ path: [name, ...result.path], message: result.error });
        return undefined;
      }
      if (result.warnings) ctx.warnings.push(...result.warnings);
      return result.value;
    }
    case 'info': {
      const result = normalizeInfo(name as 'InfoStatus' | 'InfoType', value);
      if (result.warning) ctx.warnings.push(result.warning);
      return result.value;
    }
    default:
      return value;
  }
}

function normalizeScalar(kind: AttributeKind, name: CanonicalName, member: string, value: unknown, ctx: NormalizeContext): unknown {
  // An empty structure where a scalar belongs carries no value, like null or "".
  if (typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length === 0 : isEmptyObject(value))) {
    return undefined;
  }
  switch (kind) {
    case 'text':
      if (typeof value !== 'number') return value;
      ctx.warnings.push(`${name} was the number ${value}; converted to a string (leading zeros, if any, were lost upstream)`);
      return numberText(name, member, value, ctx);
    case 'number-id':
      return typeof value === 'number' ? numberText(name, member, value, ctx) : value;
    case 'call-id':
      // T-Library sends CallID 0 when the switch supplies none.
      if (value === 0 || value === '0') return undefined;
      return typeof value === 'number' ? numberText(name, member, value, ctx) : value;
    case 'conn-id':
      if (typeof value === 'string') return value.toLowerCase();
      return typeof value === 'number' ? numberText(name, member, value, ctx) : value;
    case 'reference':
      if (typeof value !== 'string') return value;
      if (NUMERIC_RE.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
      ctx.warnings.push(`ReferenceID "${clip(value)}" is not an integer; kept as a string`);
      return value;
    case 'enum': {
      if (typeof value !== 'string' && typeof value !== 'number') return value;
      const result = normalizeEnum(name as EnumAttribute, value, ctx.eventId);
      if (result.warning) ctx.warnings.push(result.warning);
      return result.value;
    }
    default:
      return value;
  }
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function isEmptyObject(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

function timeValue(result: TimeResult, ctx: NormalizeContext): unknown {
  if ('error' in result) {
    ctx.issues.push({ path: ['time'], message: result.error });
    return undefined;
  }
  if (result.warning) ctx.warnings.push(result.warning);
  return result.time;
}

/** The protocol's flattened `TimeinSecs` / `TimeinuSecs` stand in for `time` only when it is absent. */
function applyTimeParts(out: Record<string, unknown>, parts: { seconds?: unknown; useconds?: unknown }, ctx: NormalizeContext): void {
  if (out.time !== undefined) {
    ctx.warnings.push('TimeinSecs/TimeinuSecs were ignored because the event also has time');
    return;
  }
  if (parts.seconds === undefined) {
    ctx.issues.push({ path: ['time'], message: 'TimeinuSecs is present without TimeinSecs' });
    return;
  }
  const time = timeValue(timeFromParts(parts.seconds, parts.useconds), ctx);
  if (time !== undefined) out.time = time;
}

/**
 * Numbers beyond 2^53 (a 64-bit ConnID written without quotes) were rounded by JSON.parse, so
 * the digits are read back from the record text.
 */
function numberText(name: CanonicalName, member: string, value: number, ctx: NormalizeContext): string {
  if (Number.isSafeInteger(value) || !Number.isInteger(value)) return String(value);
  const exact = exactDigits(ctx.text, member, value);
  if (exact !== undefined) return exact;
  ctx.warnings.push(`${name} ${value} is beyond 2^53 and may have lost digits in JSON parsing; producers should send it as a string`);
  return BigInt(value).toString();
}

function exactDigits(text: string, member: string, value: number): string | undefined {
  const pattern = new RegExp(`${JSON.stringify(member).replace(REGEXP_SPECIALS, '\\$&')}\\s*:\\s*(-?\\d+)(?=\\s*[,}\\]])`, 'g');
  let found: string | undefined;
  for (const match of text.matchAll(pattern)) {
    if (Number(match[1]) !== value) continue;
    // The same member name elsewhere in the record (e.g. inside UserData) with other digits that
    // round to the same number: nothing tells which one is ours.
    if (found !== undefined && found !== match[1]) return undefined;
    found = match[1];
  }
  return found;
}
