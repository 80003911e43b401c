/**
 * POM timestamps arrive in two dialects (digest §2.2, §3.2): most tables say "UTC EPOCH" (ms),
 * while the document's only JSON sample (CCTrends) carries Gson's default `java.util.Date` text,
 * `Jun 13, 2022 1:59:56 PM`. Both, plus ISO 8601 (what this layer emits, so a normalised payload
 * parses again), become one ISO 8601 UTC string.
 *
 * Gson text has no zone. The document says nothing about it beyond "UTC EPOCH" for the numeric
 * fields, so zone-less text is read as UTC and the result says so (`zoneless`), which the parser
 * records in `details.assumedZone`.
 */
import { clip } from '../../shared/describe';

type DateResult = { iso: string; zoneless?: true; seconds?: true } | { error: string };

/** Below this an epoch number is taken for seconds: as milliseconds it would be before March 1973. */
const EPOCH_SECONDS_BELOW = 1e11;
/** The ECMAScript Date range. */
export const MAX_EPOCH_MS = 8.64e15;

const NUMERIC_RE = /^-?\d+(?:\.\d+)?$/;
// Date.parse is not used: V8 reads zone-less text as local time and accepts strings such as "1".
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Gson 2.6 on Java 8 writes `MMM d, yyyy h:mm:ss a`; JDK 9+ CLDR data adds a comma after the year
// and JDK 20+ a narrow no-break space before AM/PM (`\s` covers it). Full month names are accepted.
const GSON_RE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP])\.?M\.?$/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_BY_PREFIX: ReadonlyMap<string, number> = new Map(MONTHS.map((name, index) => [name.slice(0, 3), index]));

const SHAPES = 'expected epoch milliseconds, ISO 8601 or a date such as "Jun 13, 2022 1:59:56 PM"';

export function normalizeDate(raw: number | string): DateResult {
  if (typeof raw === 'number') return fromEpoch(raw);
  const text = raw.trim();
  if (NUMERIC_RE.test(text)) return fromEpoch(Number(text));
  const iso = ISO_RE.exec(text);
  if (iso !== null) return fromIso(iso, raw);
  const gson = GSON_RE.exec(text);
  if (gson !== null) return fromGson(gson, raw);
  return { error: `"${clip(raw)}" is not a date; ${SHAPES}` };
}

function fromEpoch(value: number): DateResult {
  if (!Number.isFinite(value) || value < 0) return { error: `${value} is not an epoch time; ${SHAPES}` };
  if (value !== 0 && value < EPOCH_SECONDS_BELOW) return at(value * 1000, String(value), { seconds: true });
  return at(value, String(value));
}

function fromIso(m: RegExpExecArray, raw: string): DateResult {
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = m;
  const ms = calendar(+year, +month - 1, +day, +hour, +minute, +second);
  if (ms === undefined) return invalid(raw);
  const local = ms + Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (zone === undefined) return at(local, raw, { zoneless: true });
  return at(local - zoneOffsetMs(zone), raw);
}

function fromGson(m: RegExpExecArray, raw: string): DateResult {
  const [, monthName, day, year, hour12, minute, second = '0', meridiem] = m;
  const name = monthName.toLowerCase();
  const month = MONTH_BY_PREFIX.get(name.slice(0, 3));
  if (month === undefined || !MONTHS[month].startsWith(name) || +hour12 < 1 || +hour12 > 12) return invalid(raw);
  const hour = (+hour12 % 12) + (meridiem.toUpperCase() === 'P' ? 12 : 0);
  const ms = calendar(+year, month, +day, hour, +minute, +second);
  return ms === undefined ? invalid(raw) : at(ms, raw, { zoneless: true });
}

/** Epoch ms of a UTC wall-clock time, or undefined when a part is out of range (Jun 31, 25:00). */
function calendar(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(ms);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day ? ms : undefined;
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return (zone[0] === '-' ? -minutes : minutes) * 60_000;
}

function at(ms: number, raw: string, flags?: { zoneless?: true; seconds?: true }): DateResult {
  if (!(Math.abs(ms) <= MAX_EPOCH_MS)) return { error: `"${clip(raw)}" is outside the representable date range` };
  return { iso: new Date(ms).toISOString(), ...flags };
}

function invalid(raw: string): DateResult {
  return { error: `"${clip(raw)}" is not a valid calendar date and time` };
}
