import fc from 'fast-check';
import { GENESYS_ATTRIBUTES, GENESYS_EVENT_IDS, parseGenesysEvent } from '../../nodes/genesys/schema';
import { anyBytesAsText, anyJsonValue, anyString, assertParseResult, deeplyNestedRecord, mutatedRecord, mutatedText } from '../support/mutations';
import { ENUM_FORMS, TIME_FORMS, USER_DATA_FORMS } from './fixtures/dialects';
import { CANONICAL_STREAM, DIGEST_EXAMPLES, FULL_EVENTS } from './fixtures/records';

const RUNS = { numRuns: 500 };

/** Valid records in the canonical dialect and in the others the parser reads: mutations start from these. */
const VALID_RECORDS: readonly unknown[] = [
  ...Object.values(FULL_EVENTS),
  ...[...CANONICAL_STREAM, ...DIGEST_EXAMPLES].map((text) => JSON.parse(text) as unknown),
  ...TIME_FORMS.map(([, time]) => ({ ...FULL_EVENTS.EventAgentReady, time })),
  ...USER_DATA_FORMS.map(([, UserData]) => ({ ...FULL_EVENTS.EventOffHook, UserData })),
  ...ENUM_FORMS.map(([attribute, value]) => ({ ...FULL_EVENTS.EventOffHook, [attribute]: value })),
  { id: 12, ThisDN: '5001', TimeinSecs: '1732186800', TimeinuSecs: 7 },
  { schema: 'v1', payload: { event: { Event_Name: 'EventAgentLogin', agent_id: '1001', 'This DN': '5001' } } },
];

/** Kafka record timestamps as a consumer may hand them over, absent included. */
const fallbackMs = fc.option(fc.oneof(fc.nat(), fc.double(), fc.constantFrom(1732186815123, -1, 2 ** 60)), { nil: undefined });

/** Attribute names in the spellings the parser folds, and the names of the event. */
const memberName = fc.oneof(
  fc.constantFrom(...GENESYS_ATTRIBUTES, 'Agent ID', 'agent_id', 'WorkMode', 'event', 'eventName', 'timestamp', 'TimeinSecs', 'TimeinuSecs', 'InfoType'),
  anyString,
);

function parsesWithoutThrowing(text: string, fallback?: number): void {
  assertParseResult(parseGenesysEvent(text, fallback));
}

describe('parseGenesysEvent: properties', () => {
  it('never throws on any JSON value', () => {
    fc.assert(fc.property(anyJsonValue, fallbackMs, (value, fallback) => parsesWithoutThrowing(JSON.stringify(value), fallback)), RUNS);
  });

  it('never throws on a record of known attributes holding arbitrary values', () => {
    const record = fc.tuple(
      fc.constantFrom<unknown>(...GENESYS_EVENT_IDS, 'EventQueueLogout', 71, '71', 0, -3, 1.5),
      fc.dictionary(memberName, anyJsonValue, { maxKeys: 8 }),
    ).map(([id, members]) => ({ id, ...members }));
    fc.assert(fc.property(record, fallbackMs, (value, fallback) => parsesWithoutThrowing(JSON.stringify(value), fallback)), RUNS);
  });

  it('never throws on a valid record with members dropped, retyped, replaced, added or renamed', () => {
    fc.assert(fc.property(mutatedRecord(VALID_RECORDS), fallbackMs, (value, fallback) => parsesWithoutThrowing(JSON.stringify(value), fallback)), RUNS);
  });

  it('never throws on the text of a valid record cut short or with characters inserted, deleted or repeated', () => {
    const texts = mutatedText(fc.constantFrom(...VALID_RECORDS.map((record) => JSON.stringify(record))));
    fc.assert(fc.property(texts, (text) => parsesWithoutThrowing(text)), RUNS);
  });

  it('never throws on a valid record with a member nested thousands deep', () => {
    fc.assert(fc.property(deeplyNestedRecord(VALID_RECORDS), ({ text }) => parsesWithoutThrowing(text)), { numRuns: 50 });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyString, (text) => parsesWithoutThrowing(text)), RUNS);
  });

  it('never throws on arbitrary bytes decoded as UTF-8 or latin1', () => {
    fc.assert(fc.property(anyBytesAsText, (text) => parsesWithoutThrowing(text)), RUNS);
  });
});
