import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePomEvent, POM_FAMILIES, type PomFamily } from '../../nodes/pom/schema';
import { anyBytesAsText, anyJsonValue, anyString, assertParseResult, deeplyNestedRecord, mutatedRecord, mutatedText } from '../support/mutations';
import { FULL_RECORDS } from './fixtures/full-records';
import { DATE_FORMS, minimal, TOP_LEVEL_ALIASES } from './fixtures/variants';

const RUNS = { numRuns: 300 };

/** Valid records of one family: the full documented ones, a minimal one, and its member spellings and date forms. */
function validRecords(family: PomFamily): unknown[] {
  const full = FULL_RECORDS.filter(([of]) => of === family).map(([, record]) => (typeof record === 'string' ? JSON.parse(record) : record) as unknown);
  const aliases = TOP_LEVEL_ALIASES.filter(([of]) => of === family).map(([, member]) => minimal(family, { [member]: 'x' }));
  const dates = DATE_FORMS.map(([date]) => minimal(family, { eventTimeStamp: date }));
  return [...full, minimal(family), ...aliases, ...dates];
}

const family = fc.constantFrom(...POM_FAMILIES);

/** Kafka record timestamps as a consumer may hand them over, absent included. */
const fallbackMs = fc.option(fc.oneof(fc.nat(), fc.double(), fc.constantFrom(1718287200123, -1, 8.64e15 + 1)), { nil: undefined });

describe('parsePomEvent: properties', () => {
  it('never throws on any JSON value, for every family', () => {
    fc.assert(fc.property(family, anyJsonValue, fallbackMs, (f, value, fallback) => assertParseResult(parsePomEvent(f, JSON.stringify(value), fallback))), RUNS);
  });

  for (const f of POM_FAMILIES) {
    it(`${f}: never throws on a valid record with members dropped, retyped, replaced, added or renamed`, () => {
      fc.assert(fc.property(mutatedRecord(validRecords(f)), fallbackMs, (value, fallback) => assertParseResult(parsePomEvent(f, JSON.stringify(value), fallback))), RUNS);
    });

    it(`${f}: never throws on the text of a valid record cut short or with characters inserted, deleted or repeated`, () => {
      const texts = mutatedText(fc.constantFrom(...validRecords(f).map((record) => JSON.stringify(record))));
      fc.assert(fc.property(texts, (text) => assertParseResult(parsePomEvent(f, text))), RUNS);
    });
  }

  it('never throws on a valid record of one family read as another', () => {
    const records = POM_FAMILIES.flatMap(validRecords);
    fc.assert(fc.property(family, mutatedRecord(records), (f, value) => assertParseResult(parsePomEvent(f, JSON.stringify(value)))), RUNS);
  });

  it('never throws on a valid record with a member nested thousands deep, for every family', () => {
    const nested = family.chain((f) => deeplyNestedRecord(validRecords(f)).map((record) => [f, record] as const));
    fc.assert(fc.property(nested, ([f, { text }]) => assertParseResult(parsePomEvent(f, text))), { numRuns: 50 });
  });

  it('never throws on arbitrary text, for every family', () => {
    fc.assert(fc.property(family, anyString, (f, text) => assertParseResult(parsePomEvent(f, text))), RUNS);
  });

  it('never throws on arbitrary bytes decoded as UTF-8 or latin1, for every family', () => {
    fc.assert(fc.property(family, anyBytesAsText, (f, text) => assertParseResult(parsePomEvent(f, text))), RUNS);
  });

  it('answers a name that is no family with a failure, not a throw', () => {
    const notFamily = anyString.filter((name) => !(POM_FAMILIES as readonly string[]).includes(name));
    fc.assert(fc.property(notFamily, (name) => {
      const result = parsePomEvent(name as PomFamily, JSON.stringify(minimal('JOB')));
      assertParseResult(result);
      assert.equal(result.ok, false, `"${name}" was read as a family`);
    }), RUNS);
  });
});
