/**
 * The value kinds of the digest's field tables as zod schemas. The tables' types are inferred
 * (§3.3), so each kind accepts the renderings a producer plausibly sends and coerces them to one
 * form; only a value that cannot stand for its field (an object where a count belongs, text that
 * is no date) is an issue, and so a rejection.
 *
 * Identifiers are normalised, not kept as sent, and the same way in every family, so events of
 * different families can be joined on them:
 * - `numId`: ids the tables type as numbers (jobId, campaignId, actionId, …; the CCTrends sample
 *   confirms JSON numbers) become numbers; a numeric string is converted, any other string kept.
 * - `strId`: opaque ids (agentId, pimSessionId, sysContactId, handlerId, …) become strings.
 */
import { z } from 'zod';
import { normalizeDate } from './dates';
import { clip, describeValue } from '../../shared/describe';
import { foldIndex, foldName } from './keys';

/**
 * What the transforms tolerated while one record was parsed. zod has no channel for non-fatal
 * findings, and parsing is synchronous, so the parser lends one collector for the duration.
 */
export interface Findings {
  warnings: string[];
  /** Set when a date without a zone (Gson text, zone-less ISO) was read as UTC. */
  zonelessDate: boolean;
}

let findings: Findings | undefined;

export function collecting<T>(into: Findings, run: () => T): T {
  findings = into;
  try {
    return run();
  } finally {
    findings = undefined;
  }
}

function warn(message: string): void {
  findings?.warnings.push(message);
}

/** A field kind: builds the schema for one field; the label names the field in warnings. */
export type Kind<S extends z.ZodType = z.ZodType> = (label: string) => S;

export function expected(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what} (got ${describeValue(issue.input)})` };
}

/** Kinds whose warnings name the field get one schema per label, built once. */
function labelled<S extends z.ZodType>(build: (label: string) => S): Kind<S> {
  const built = new Map<string, S>();
  return (label) => {
    let schema = built.get(label);
    if (schema === undefined) built.set(label, (schema = build(label)));
    return schema;
  };
}

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const INTEGER_RE = /^-?\d+$/;

/**
 * A failed coercion inside a union option: marked to continue, so the union reports this issue
 * (the only one from an option whose type matched) rather than its generic "expected …" message.
 */
function invalid(ctx: z.core.$RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message, continue: true });
  return z.NEVER;
}

// Each kind is a union whose first options take the usual values as they are, so the common path
// runs no transform; null is one of the options rather than a wrapper, for the same reason.
const TEXT = z
  .union([z.string(), z.null(), z.number().transform(String), z.boolean().transform(String)], expected('a string'))
  .optional();
export const text: Kind<typeof TEXT> = () => TEXT;

/** Counts, durations, percentages, rates. An empty string carries no value, like null. */
const NUM = z
  .union(
    [
      z.number(),
      z.null(),
      z.string().transform((value, ctx) => {
        const trimmed = value.trim();
        if (trimmed === '') return null;
        if (NUMBER_RE.test(trimmed)) return Number(trimmed);
        return invalid(ctx, `expected a number (got ${describeValue(value)})`);
      }),
    ],
    expected('a number'),
  )
  .optional();
export const num: Kind<typeof NUM> = () => NUM;

export const numId = labelled((label) =>
  z
    .union(
      [
        z.number(),
        z.null(),
        z.string().transform((value) => {
          const trimmed = value.trim();
          if (trimmed === '') return null;
          if (INTEGER_RE.test(trimmed)) {
            const id = Number(trimmed);
            if (Number.isSafeInteger(id)) return id;
            warn(`${label} "${clip(value)}" is beyond 2^53; kept as a string so no digit is lost`);
          } else {
            warn(`${label} "${clip(value)}" is not a whole number; kept as a string`);
          }
          return value;
        }),
      ],
      expected('a number or string'),
    )
    .optional(),
);

export const strId = labelled((label) =>
  z
    .union(
      [
        z.string(),
        z.null(),
        z.number().transform((value) => {
          if (Number.isSafeInteger(value) || !Number.isInteger(value)) return String(value);
          const digits = BigInt(value).toString();
          warn(`${label} ${digits} is beyond 2^53 and may have lost digits in JSON parsing; producers should send it as a string`);
          return digits;
        }),
      ],
      expected('a number or string'),
    )
    .optional(),
);

const FLAG_WORDS: ReadonlyMap<string | number, boolean> = new Map<string | number, boolean>([
  ['true', true], ['yes', true], ['y', true], ['1', true], [1, true],
  ['false', false], ['no', false], ['n', false], ['0', false], [0, false],
]);
const FLAG_SHAPES = 'true/false or "Yes"/"No"';

const FLAG = z
  .union(
    [
      z.boolean(),
      z.null(),
      z.union([z.string(), z.number()]).transform((value, ctx) => {
        const key = typeof value === 'string' ? value.trim().toLowerCase() : value;
        if (key === '') return null;
        const flag = FLAG_WORDS.get(key);
        if (flag !== undefined) return flag;
        return invalid(ctx, `expected ${FLAG_SHAPES} (got ${describeValue(value)})`);
      }),
    ],
    expected(FLAG_SHAPES),
  )
  .optional();
export const flag: Kind<typeof FLAG> = () => FLAG;

/** Timestamps become ISO 8601 UTC strings in place (see dates.ts). */
export const date = labelled((label) =>
  z
    .union(
      [
        z.null(),
        z.union([z.number(), z.string()]).transform((value, ctx) => {
          if (typeof value === 'string' && value.trim() === '') return null;
          const result = normalizeDate(value);
          if ('error' in result) return invalid(ctx, result.error);
          if (result.zoneless && findings !== undefined) findings.zonelessDate = true;
          if (result.seconds) warn(`${label} ${value} was read as epoch seconds; the document gives milliseconds`);
          return result.iso;
        }),
      ],
      expected('an epoch time in milliseconds or a date string'),
    )
    .optional(),
);

const MAX_LISTED = 12;

/**
 * An enumeration as the document lists it. Spellings that differ by case or separators, and the
 * document's own variant spellings in `aliases`, become the listed value; anything else is kept
 * as given with a warning, since newer POM releases may add values. An empty string is the
 * document's "no value" (e.g. `logoutReasonCode`) and passes unchanged.
 */
export function oneOf<const V extends readonly [string, ...string[]]>(values: V, aliases: Readonly<Record<string, string>> = {}) {
  const folded = foldIndex(values.join('|'), values, aliases);
  const listed = values.length <= MAX_LISTED ? `(${values.join(', ')})` : `(it lists ${values.length})`;
  return labelled((label) =>
    z
      .union(
        [
          z.enum(values),
          z.null(),
          z.union([z.string(), z.number()]).transform((value): string | number => {
            if (value === '') return value;
            const name = typeof value === 'string' ? folded.get(foldName(value)) : undefined;
            if (name !== undefined) return name;
            warn(`${label} value ${describeValue(value)} is not one the document lists ${listed}; kept as given`);
            return value;
          }),
        ],
        expected('a string'),
      )
      .optional(),
  );
}

/** Members whose shape the document leaves open (maps, lists, "string/object"): kept as sent. */
const ANY = z.unknown().optional();
export const anything: Kind<typeof ANY> = () => ANY;

/** A fixed-length counter array such as import statistics' `Stats` (15 counters by index). */
export function numberList(length: number) {
  return labelled((label) =>
    z
      .array(NUM, expected('an array of numbers'))
      .transform((list) => {
        if (list.length !== length) warn(`${label} has ${list.length} entries; the document lists ${length}`);
        return list;
      })
      .nullish(),
  );
}

/** A map from open keys (channel types, …) to counts. */
const NUMBER_MAP = z.record(z.string(), NUM, expected('an object')).nullish();
export const numberMap: Kind<typeof NUMBER_MAP> = () => NUMBER_MAP;
