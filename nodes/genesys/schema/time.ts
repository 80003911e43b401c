/**
 * The event `time`: per the vendor a structure of seconds and microseconds since 1970-01-01 GMT.
 * The page does not say how it is serialised, so every common rendering is accepted and brought
 * to `{ seconds, useconds }`, the T-Library time-stamp structure.
 */
import { foldName } from './attributes';
import { clip, jsonType } from '../../shared/describe';

export interface GenesysTime {
  seconds: number;
  useconds: number;
}

export type TimeResult = { time: GenesysTime; warning?: string } | { error: string };

const MICROS = 1_000_000;
/** 9999-12-31T23:59:59Z: beyond it an ISO 8601 timestamp needs an expanded year. */
const MAX_SECONDS = 253_402_300_799;
const EPOCH_SECONDS_BELOW = 1e11;
const EPOCH_MILLIS_BELOW = 1e14;

const SECONDS_NAMES = new Set(['seconds', 'sec', 'secs', 's', 'timeinsecs', 'tvsec']);
const USECONDS_NAMES = new Set(['useconds', 'microseconds', 'usec', 'usecs', 'us', 'timeinusecs', 'tvusec']);
const NUMERIC_RE = /^\s*-?\d+(?:\.\d+)?\s*$/;
// Date.parse is not used: V8 accepts strings such as "1" or "May 3" and reads zone-less times as local.
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const SHAPES = 'expected {seconds, useconds}, epoch seconds/milliseconds/microseconds, or an ISO 8601 string';

/** Accepts the structure (any member spelling), an epoch number, a numeric string or ISO 8601 text. */
export function normalizeTime(raw: unknown): TimeResult {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw === 'string') {
    if (NUMERIC_RE.test(raw)) return fromEpoch(Number(raw));
    return fromIso(raw);
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return fromStructure(raw as Record<string, unknown>);
  return { error: `${SHAPES} (got ${jsonType(raw)})` };
}

/** The T-Library protocol's flattened pair `TimeinSecs` / `TimeinuSecs`. */
export function timeFromParts(seconds: unknown, useconds: unknown): TimeResult {
  return fromSecondsAndMicros(seconds, useconds, 'TimeinSecs', 'TimeinuSecs');
}

function fromStructure(obj: Record<string, unknown>): TimeResult {
  let seconds = obj.seconds;
  let useconds = obj.useconds;
  if (seconds === undefined || useconds === undefined) {
    for (const key of Object.keys(obj)) {
      const folded = foldName(key);
      if (seconds === undefined && SECONDS_NAMES.has(folded)) seconds = obj[key];
      else if (useconds === undefined && USECONDS_NAMES.has(folded)) useconds = obj[key];
    }
  }
  if (seconds === undefined) return { error: `has no seconds member (seconds, sec, TimeinSecs, tv_sec); ${SHAPES}` };
  return fromSecondsAndMicros(seconds, useconds, 'seconds', 'useconds');
}

function fromSecondsAndMicros(rawSeconds: unknown, rawMicros: unknown, secondsLabel: string, microsLabel: string): TimeResult {
  const seconds = toNumber(rawSeconds);
  if (seconds === undefined) return { error: `${secondsLabel} must be a number (got ${describe(rawSeconds)})` };
  if (seconds < 0) return { error: `${secondsLabel} must not be negative (got ${seconds})` };
  if (rawMicros === undefined || rawMicros === null) return fromEpochSeconds(seconds);
  const micros = toNumber(rawMicros);
  if (micros === undefined) return { error: `${microsLabel} must be a number (got ${describe(rawMicros)})` };
  if (micros < 0 || !Number.isInteger(micros)) return { error: `${microsLabel} must be a whole number of microseconds (got ${micros})` };
  if (!Number.isInteger(seconds)) return { error: `${secondsLabel} must be whole when microseconds are given (got ${seconds})` };
  if (micros < MICROS) return checked(seconds, micros);
  const result = checked(seconds + Math.floor(micros / MICROS), micros % MICROS);
  if ('error' in result) return result;
  return { ...result, warning: `${microsLabel} ${micros} is a million or more; the whole seconds were carried into ${secondsLabel}` };
}

/** Magnitude tells the unit: seconds until 1e11 (year 5138), then milliseconds, then microseconds. */
function fromEpoch(value: number): TimeResult {
  if (!Number.isFinite(value)) return { error: `must be a finite number (got ${value})` };
  if (value < 0) return { error: `must not be negative (got ${value})` };
  if (value < EPOCH_SECONDS_BELOW) return fromEpochSeconds(value);
  if (value < EPOCH_MILLIS_BELOW) return split(value, 1000);
  return split(value, MICROS);
}

function fromEpochSeconds(seconds: number): TimeResult {
  const whole = Math.floor(seconds);
  return carried(whole, Math.round((seconds - whole) * MICROS));
}

/** Integer arithmetic where the input allows it, so epoch ms/µs values keep every digit. */
function split(value: number, perSecond: number): TimeResult {
  const seconds = Math.floor(value / perSecond);
  return carried(seconds, Math.round((value - seconds * perSecond) * (MICROS / perSecond)));
}

/** Rounding a fraction can reach a full second. */
function carried(seconds: number, micros: number): TimeResult {
  return micros >= MICROS ? checked(seconds + 1, micros - MICROS) : checked(seconds, micros);
}

function fromIso(text: string): TimeResult {
  const m = ISO_RE.exec(text.trim());
  if (m === null) return { error: `"${clip(text)}" is not a date or time; ${SHAPES}` };
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = m;
  const ms = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const date = new Date(ms);
  if (date.getUTCMonth() !== +month - 1 || date.getUTCDate() !== +day || +hour > 23 || +minute > 59 || +second > 60) {
    return { error: `"${clip(text)}" is not a valid calendar date and time` };
  }
  const seconds = ms / 1000 - zoneOffsetSeconds(zone);
  if (seconds < 0) return { error: `"${clip(text)}" is before 1970-01-01` };
  return checked(seconds, Number(fraction.slice(0, 6).padEnd(6, '0')));
}

function zoneOffsetSeconds(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return (zone[0] === '-' ? -minutes : minutes) * 60;
}

function checked(seconds: number, useconds: number): TimeResult {
  if (seconds > MAX_SECONDS) return { error: `${seconds} seconds since 1970 is after the year 9999; ${SHAPES}` };
  return { time: { seconds, useconds } };
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC_RE.test(value)) return Number(value);
  return undefined;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${clip(value)}"` : jsonType(value);
}

const MINUTES_PER_DAY = 1440;
// Date#toISOString costs about as much as the rest of a parse, and consecutive events share the
// minute, so the text up to the minute is cached; a new minute goes through Date only on a new
// day. Digits come from tables, which spares a number-to-string conversion per field.
let cachedDay = -1;
let cachedDayPrefix = '';
let cachedMinute = -1;
let cachedMinutePrefix = '';
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const SECOND_DOT = TWO_DIGITS.map((digits) => `${digits}.`);
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * ISO 8601 in UTC with all six microsecond digits, e.g. 2024-11-21T11:00:00.250000Z. `time` must
 * hold whole numbers in range, as every GenesysTime this module produces does.
 */
export function isoWithMicros(time: GenesysTime): string {
  const minute = Math.floor(time.seconds / 60);
  if (minute !== cachedMinute) {
    cachedMinutePrefix = minutePrefix(minute);
    cachedMinute = minute;
  }
  const micros = time.useconds;
  const second = time.seconds - minute * 60;
  return cachedMinutePrefix + SECOND_DOT[second] + THREE_DIGITS[Math.floor(micros / 1000)] + THREE_DIGITS[micros % 1000] + 'Z';
}

/** "YYYY-MM-DDTHH:MM:" of a minute since 1970. */
function minutePrefix(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  if (day !== cachedDay) {
    cachedDayPrefix = new Date(day * MINUTES_PER_DAY * 60_000).toISOString().slice(0, 11);
    cachedDay = day;
  }
  const ofDay = minute - day * MINUTES_PER_DAY;
  return `${cachedDayPrefix}${TWO_DIGITS[Math.floor(ofDay / 60)]}:${TWO_DIGITS[ofDay % 60]}:`;
}

export function epochMs(time: GenesysTime): number {
  return time.seconds * 1000 + Math.floor(time.useconds / 1000);
}

/** The Kafka record timestamp (ms) or the receive time, in the same structure as an event time. */
export function timeFromMillis(ms: number): GenesysTime | undefined {
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const result = split(ms, 1000);
  return 'time' in result ? result.time : undefined;
}
