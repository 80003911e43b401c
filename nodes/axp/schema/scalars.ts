/**
 * Lenient scalar schemas for notification fields (digest §7.3). The vendor's own examples send
 * numbers where the schema says string (`reasonCode: 514`, `timestamp: 9223372036854776000`), so
 * string fields take a number and give a string; integer fields take a numeric string. JSON null
 * counts as absent. Only a value of a type that cannot stand for the field fails, and its message
 * says what was expected.
 */
import { z } from 'zod';
import { describeValue, jsonType } from '../../shared/describe';

const NUMERIC_RE = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;

/** null becomes undefined before `schema` sees it; a missing key stays missing. */
function nullAsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** A string-typed field: numbers are written out as JSON wrote them (after the long-number pre-pass). */
export const text = z
  .union([z.string(), z.number()], { error: (issue) => `expected a string (got ${jsonType(issue.input)})` })
  .transform(String);

export const optionalText = nullAsAbsent(text);

/** Integer-typed fields (priority, rank, waitTime, …): a number, or a string holding one. */
const notANumber = (issue: { input?: unknown }) => `expected a number (got ${describeValue(issue.input)})`;
const integer = z
  .union([z.number(), z.string().regex(NUMERIC_RE, { error: notANumber })], { error: notANumber })
  .transform(Number);

export const optionalInteger = nullAsAbsent(integer);

/** Boolean-typed fields; "true"/"false" in any case are read as the boolean. */
const flag = z
  .union([z.boolean(), z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'insensitive' })], {
    error: (issue) => `expected true or false (got ${describeValue(issue.input)})`,
  });

export const optionalFlag = nullAsAbsent(flag);

/** A list of strings; a lone string (or number) is read as a list of one. */
export const optionalTextList = nullAsAbsent(
  z.preprocess((value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value), z.array(text, {
    error: (issue) => `expected a list of strings (got ${jsonType(issue.input)})`,
  })),
);

/** An object field that may hold keys the document does not declare (kept). */
export function looseRecord<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape, { error: (issue) => `expected an object (got ${jsonType(issue.input)})` });
}

export function optionalRecord<S extends z.ZodRawShape>(shape: S) {
  return nullAsAbsent(looseRecord(shape));
}

/** A free-form object (`engagementParameters`): any keys, any values. */
export const optionalFreeForm = nullAsAbsent(
  z.record(z.string(), z.unknown(), { error: (issue) => `expected an object (got ${jsonType(issue.input)})` }),
);
