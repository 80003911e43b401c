/**
 * One Kafka record of a POM topic in, one ParseResult out. The caller names the family from the
 * topic (digest §3.1). Lenient by design: a record is rejected only when it is not a JSON object
 * or holds a value that cannot stand for its field (an object where a count belongs, text that is
 * no date); unknown members, unknown enum values and alias spellings are kept or renamed, with
 * warnings where a person may care.
 */
import { jsonObject } from '../../shared/json-record';
import { parseFailure, type ParseFailure, type ParseIssue, type ParseResult } from '../../shared/parse-result';
import { clip, clipLong } from '../../shared/describe';
import { MAX_EPOCH_MS } from './dates';
import { POM_FAMILIES, type PomFamily } from './families';
import type { FamilySpec } from './family-spec';
import { collecting, type Findings } from './fields';
import { normalizeKeys } from './keys';
import { FAMILY_SPECS } from './schemas';

/** A normalised record of any family; `PomEventOf<F>` has the field types of one family. */
export type PomEvent = Record<string, unknown>;

// A type alias, not an interface: it must be assignable to ParsedEvent's `details` record.
export type PomDetails = {
  /** ISO 8601 UTC. */
  eventTime: string;
  /** `event`: the record's own time; `kafka`: the fallback timestamp given; `received`: parse time. */
  timeSource: 'event' | 'kafka' | 'received';
  /** The org the record names (`orgName`, or `agentOrg` in agent statistics), when it names one. */
  org?: string;
  /**
   * Set when a date without a zone (Gson text such as `Jun 13, 2022 1:59:56 PM`) was read. The
   * document does not say which zone POM writes them in; they are taken as UTC.
   */
  assumedZone?: 'UTC';
  /** Inferred class of each polymorphic member (§3.5), by dotted path: `{ jobEventInfo: 'JobRunningEventInfo' }`. */
  subclasses?: Record<string, string>;
};

// A Map: the family varies per call, and a Map lookup beats a megamorphic keyed load.
const SPECS: ReadonlyMap<string, FamilySpec> = new Map(Object.entries(FAMILY_SPECS));

export function parsePomEvent(family: PomFamily, text: string, fallbackTimestampMs?: number): ParseResult<PomEvent> {
  const spec = SPECS.get(family);
  if (spec === undefined) return failure(`"${clip(String(family))}" is not a POM event family; expected one of ${POM_FAMILIES.join(', ')}`);
  const decoded = jsonObject(text);
  if (decoded.failure) return decoded.failure;
  const root = decoded.object;

  const findings: Findings = { warnings: [], zonelessDate: false };
  const record = normalizeKeys(root, spec.table, findings.warnings);
  const checked = collecting(findings, () => spec.schema.safeParse(record));
  if (!checked.success) {
    return rejected(family, checked.error.issues.map((issue) => ({
      path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
      message: issue.message,
    })));
  }
  const payload = checked.data;
  const { warnings } = findings;

  if (!spec.identifying.some((member) => hasValue(payload[member]))) {
    warnings.push(`${family} record has no ${spec.identifying.join(' or ')}`);
  }
  const subType = spec.subType?.(payload);
  if (subType?.warning !== undefined) warnings.push(subType.warning);

  let now: number | undefined;
  const stamp = spec.stampedOnReceipt;
  if (stamp !== undefined && !hasValue(payload[stamp])) payload[stamp] = new Date((now ??= Date.now())).toISOString();

  const details = eventDetails(spec.eventTime(payload), fallbackTimestampMs, now);
  const org = spec.org?.(payload);
  if (typeof org === 'string' && org !== '') details.org = org;
  if (findings.zonelessDate) details.assumedZone = 'UTC';
  const subclasses = spec.subclasses?.(payload);
  if (subclasses !== undefined && Object.keys(subclasses).length > 0) details.subclasses = subclasses;

  return {
    ok: true,
    type: subType?.type ?? family,
    topic: family,
    family,
    known: subType?.known ?? true,
    payload,
    warnings,
    details,
  };
}

function eventDetails(eventTime: unknown, fallbackMs: number | undefined, now: number | undefined): PomDetails {
  if (typeof eventTime === 'string' && eventTime !== '') return { eventTime, timeSource: 'event' };
  // A Kafka timestamp is any int64 the producer set (nanoseconds sent as milliseconds among them);
  // beyond the Date range it is no time, and the receive time stands in as when there is none.
  if (fallbackMs !== undefined && fallbackMs >= 0 && fallbackMs <= MAX_EPOCH_MS) {
    return { eventTime: new Date(fallbackMs).toISOString(), timeSource: 'kafka' };
  }
  return { eventTime: new Date(now ?? Date.now()).toISOString(), timeSource: 'received' };
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function rejected(family: PomFamily, issues: ParseIssue[]): ParseFailure {
  const [first] = issues;
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return parseFailure(`${family} record rejected: ${clipLong(where + first.message)}${more}`, issues);
}

function failure(message: string): ParseFailure {
  return parseFailure(message, [{ path: [], message }]);
}

