/**
 * Arbitraries for the parsers' property tests: text of every kind a socket or a Kafka topic could
 * hand over, and valid vendor records broken in the ways producers and transports break them. A
 * mutation starts from a valid record so that it gets past the first checks and into the field
 * readers, where an unexpected type is most likely to throw.
 */
import assert from 'node:assert/strict';
import fc, { toStringMethod } from 'fast-check';
import type { ParseResult } from '../../nodes/shared/parse-result';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Strings a parser may treat specially: prototype member names (a lookup in a plain object finds
 * them), numerals beyond a double's precision, separators of the vendors' text formats, a
 * byte-order mark, a lone surrogate, blanks.
 */
const AWKWARD_STRINGS = [
  '', ' ', '\t', '\r\n', '\uFEFF', '\uD800', '\uDFFF', '\u0000', '\u2028', '__proto__', 'constructor', 'prototype', 'toString',
  'hasOwnProperty', 'valueOf', 'null', 'undefined', 'true', 'NaN', 'Infinity', '-0', '0', '-1', '1e400', '1.5',
  '9223372036854775807', '99999999999999999999999', '0x1F', '#', '##', '|', ',', ':', '=', '{', '[', '"', '\\',
  '--heartbeat--', 'x'.repeat(300),
];

/** Numbers at the edges: negative, zero, fractions, beyond 2^53 (JSON.stringify writes 1e+21 as such). */
const AWKWARD_NUMBERS = [0, -0, -1, 1.5, 0.1, 2 ** 31, 2 ** 53 + 2, 9223372036854775807, 1e21, 1e300, -1e300, Number.MIN_VALUE];

const awkwardString = fc.constantFrom(...AWKWARD_STRINGS);

/** A UTF-16 code unit of any value, lone surrogates included, which `unit: 'binary'` never produces. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/**
 * Any text: every Unicode code point (`unit: 'binary'`, v4's replacement for fullUnicodeString),
 * graphemes, raw UTF-16 with lone surrogates, and the awkward strings.
 */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 80 }),
  awkwardString,
);

const anyNumber: fc.Arbitrary<number> = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...AWKWARD_NUMBERS));

/** Any JSON value, its strings drawn from the full code-point range. */
export const anyJsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.oneof<fc.Arbitrary<Json>[]>(awkwardString, anyNumber, fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({})) },
);

/** Bytes off the wire, decoded the two ways a consumer might: UTF-8 (invalid sequences become U+FFFD) and latin1. */
export const anyBytesAsText: fc.Arbitrary<string> = fc
  .tuple(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('utf8', 'latin1') as fc.Arbitrary<BufferEncoding>)
  .map(([bytes, encoding]) => Buffer.from(bytes).toString(encoding));

const RECORD_EDITS = ['drop', 'replace', 'null', 'to-string', 'to-number', 'to-array', 'to-object', 'to-boolean', 'empty', 'insert', 'rename'] as const;

interface RecordEdit {
  kind: (typeof RECORD_EDITS)[number];
  /** Which node of the record, counted modulo the number of candidates. */
  at: number;
  value: Json;
  key: string;
  number: number;
}

const recordEdit: fc.Arbitrary<RecordEdit> = fc.record({
  kind: fc.constantFrom(...RECORD_EDITS),
  at: fc.nat(),
  value: anyJsonValue,
  // The awkward names once more: a member lookup trips on them far more than on random text.
  key: fc.oneof(anyString, awkwardString),
  number: anyNumber,
});

/** One of `records` (deep-copied) with one to five edits: members dropped, retyped, replaced, added or renamed. */
export function mutatedRecord(records: readonly unknown[]): fc.Arbitrary<unknown> {
  assert.ok(records.length > 0);
  return fc
    .tuple(fc.nat({ max: records.length - 1 }), fc.array(recordEdit, { minLength: 1, maxLength: 5 }))
    .map(([index, edits]) => {
      let root = structuredClone(records[index]) as Json;
      // Copied: a generated value may be shared between runs (fc.constant), and later edits change the tree in place.
      for (const edit of edits) root = applyEdit(root, { ...edit, value: structuredClone(edit.value) });
      return root;
    });
}

const NESTED_PLACEHOLDER = '\u0000nested\u0000';

/** A record's text too long to print: a failure report shows it with the nesting abbreviated. */
export interface NestedRecordText {
  text: string;
  [toStringMethod]: () => string;
}

/**
 * The text of one of `records` with one member (or the whole record) replaced by arrays or
 * objects nested 10,000 to 20,000 deep: JSON.parse reads any depth, while recursive code
 * (JSON.stringify, structuredClone, a recursive walk) overflows the stack a few thousand levels down.
 */
export function deeplyNestedRecord(records: readonly unknown[]): fc.Arbitrary<NestedRecordText> {
  assert.ok(records.length > 0);
  return fc
    .tuple(fc.nat({ max: records.length - 1 }), fc.nat(), fc.integer({ min: 10_000, max: 20_000 }), fc.boolean())
    .map(([index, at, depth, asArrays]) => {
      const edit: RecordEdit = { kind: 'replace', at, value: NESTED_PLACEHOLDER, key: '', number: 0 };
      const text = JSON.stringify(applyEdit(structuredClone(records[index]) as Json, edit));
      const placeholder = JSON.stringify(NESTED_PLACEHOLDER);
      const nested = asArrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
      return {
        text: text.replace(placeholder, nested),
        [toStringMethod]: () => JSON.stringify(text.replace(placeholder, `<${asArrays ? 'arrays' : 'objects'} nested ${depth} deep>`)),
      };
    });
}

type Slot = { parent: Json[] | Record<string, Json>; key: string | number };

function applyEdit(root: Json, edit: RecordEdit): Json {
  if (edit.kind === 'insert') {
    const containers = containersOf(root);
    if (containers.length === 0) return edit.value;
    const target = containers[edit.at % containers.length];
    if (Array.isArray(target)) target.splice(edit.at % (target.length + 1), 0, edit.value);
    else setOwn(target, edit.key, edit.value);
    return root;
  }
  const slots = slotsOf(root);
  if (slots.length === 0) return retyped(root, edit);
  const { parent, key } = slots[edit.at % slots.length];
  if (Array.isArray(parent)) {
    const index = key as number;
    if (edit.kind === 'drop') parent.splice(index, 1);
    else if (edit.kind !== 'rename') parent[index] = retyped(parent[index], edit);
    return root;
  }
  const name = key as string;
  if (edit.kind === 'drop') delete parent[name];
  else if (edit.kind === 'rename') {
    const value = parent[name];
    delete parent[name];
    setOwn(parent, renamed(name, edit), value);
  } else setOwn(parent, name, retyped(parent[name], edit));
  return root;
}

function retyped(value: Json, edit: RecordEdit): Json {
  switch (edit.kind) {
    case 'null':
      return null;
    case 'to-string':
      return typeof value === 'string' ? edit.key : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    case 'to-number': {
      const n = typeof value === 'string' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : edit.number;
    }
    case 'to-array':
      return [value];
    case 'to-object':
      return { value };
    case 'to-boolean':
      return !value;
    case 'empty':
      return Array.isArray(value) ? [] : typeof value === 'object' && value !== null ? {} : '';
    default:
      return edit.value;
  }
}

/** Another spelling (the parsers fold case and separators), or an awkward name. */
function renamed(name: string, edit: RecordEdit): string {
  const spellings = [name.toUpperCase(), name.toLowerCase(), ` ${name}`, `${name}_`, name.replace(/([a-z])([A-Z])/g, '$1 $2'), edit.key];
  return spellings[edit.at % spellings.length];
}

/** A member named `__proto__` must become an own member, as JSON.parse makes it, not replace the prototype. */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function slotsOf(root: Json): Slot[] {
  const slots: Slot[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        slots.push({ parent: node, key: index });
        visit(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        slots.push({ parent: node, key });
        visit(node[key]);
      }
    }
  };
  visit(root);
  return slots;
}

function containersOf(root: Json): (Json[] | Record<string, Json>)[] {
  const found: (Json[] | Record<string, Json>)[] = [];
  const visit = (node: Json): void => {
    if (typeof node !== 'object' || node === null) return;
    found.push(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child);
  };
  visit(root);
  return found;
}

const TEXT_EDITS = ['truncate', 'insert', 'delete', 'replace', 'duplicate'] as const;

const textEdit = fc.record({
  kind: fc.constantFrom(...TEXT_EDITS),
  at: fc.nat(),
  length: fc.nat({ max: 12 }),
  insert: anyString,
});

/** `text` with one to four edits: cut short, characters inserted, deleted, replaced or repeated. */
export function mutatedText(texts: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(texts, fc.array(textEdit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    let out = text;
    for (const { kind, at, length, insert } of edits) {
      const i = at % (out.length + 1);
      const j = Math.min(out.length, i + length);
      if (kind === 'truncate') out = out.slice(0, i);
      else if (kind === 'insert') out = out.slice(0, i) + insert + out.slice(i);
      else if (kind === 'delete') out = out.slice(0, i) + out.slice(j);
      else if (kind === 'replace') out = out.slice(0, i) + insert + out.slice(j);
      else out = out.slice(0, j) + out.slice(i, j) + out.slice(j);
    }
    return out;
  });
}

/** The property every parser returning a ParseResult must keep, whatever it was given. */
export function assertParseResult(result: ParseResult<unknown>): void {
  if (result.ok === true) {
    assert.equal(typeof result.type, 'string');
    assert.equal(typeof result.family, 'string');
    assert.equal(typeof result.known, 'boolean');
    assert.equal(typeof result.payload, 'object');
    assert.notEqual(result.payload, null);
    assert.ok(result.warnings.every((warning) => typeof warning === 'string' && warning !== ''), 'warnings are non-empty strings');
    return;
  }
  assert.equal(result.ok, false);
  assertFailureMessage(result.message);
  assert.ok(Array.isArray(result.issues));
}

export function assertFailureMessage(message: unknown): void {
  assert.equal(typeof message, 'string');
  assert.notEqual((message as string).trim(), '', 'a failure says what was wrong');
}
