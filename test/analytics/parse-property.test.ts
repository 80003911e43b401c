import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MeasureCache, parseAnalyticsFrame, producerNamesForDimension, type AnalyticsFrame } from '../../nodes/analytics/schema';
import { anyBytesAsText, anyJsonValue, anyString, assertFailureMessage, deeplyNestedRecord, mutatedRecord, mutatedText } from '../support/mutations';
import { AGENT_DELTAS, AGENT_PUMPUP, HEARTBEAT, PRODUCER_EXAMPLES, PUMPUP_COMPLETE, ROUTING_SERVICE_COMPLETE_WITH_DATA, stringForm } from './schema-samples';

const RUNS = { numRuns: 500 };

/** The digest's sample frames in both wire forms, a status reply and the plain keep-alive. */
const VALID_FRAME_TEXTS = [
  ...AGENT_PUMPUP, ...AGENT_DELTAS, PUMPUP_COMPLETE, HEARTBEAT, ROUTING_SERVICE_COMPLETE_WITH_DATA,
  ...PRODUCER_EXAMPLES.map((example) => example.text),
  stringForm(AGENT_DELTAS[0], { producerId: 'Agent_SoD_3.5', sourceId: 'Oceana_Streams_{ip}_3.5', eventAction: 'DELETE' }),
  stringForm(PUMPUP_COMPLETE, { producerId: 'VDN_SoD_3.5', pumpupIdentifier: 'u_2_ROUTINGPOINTMEASURES_1613054564915' }),
  '{"status":400,"message":"Unknown producer","guid":"3f1e"}',
  '--heartbeat--',
];
const VALID_FRAMES = VALID_FRAME_TEXTS.filter((text) => text.startsWith('{')).map((text) => JSON.parse(text) as unknown);

const FRAME_KINDS: readonly string[] = ['keepalive', 'heartbeat', 'pumpupComplete', 'measures', 'status', 'other', 'invalid'];

/** A classified frame of a documented kind; an invalid one says why, a row holds a string-valued dimension. */
function assertFrame(frame: AnalyticsFrame): void {
  assert.ok(FRAME_KINDS.includes(frame.kind), `kind ${frame.kind}`);
  if (frame.kind === 'invalid') assertFailureMessage(frame.failure.message);
  if (frame.kind === 'measures' || frame.kind === 'pumpupComplete') {
    assert.ok(Object.values(frame.dimension).every((value) => typeof value === 'string'), 'dimension values are strings');
    assert.equal(typeof frame.realtimeData, 'object');
    assert.notEqual(frame.realtimeData, null);
  }
  if (frame.kind === 'measures') assert.ok(frame.warnings.every((warning) => typeof warning === 'string' && warning !== ''));
  if (frame.kind === 'status' && frame.status !== undefined) assert.ok(Number.isInteger(frame.status));
}

function framesWithoutThrowing(text: string): void {
  assertFrame(parseAnalyticsFrame(text));
}

/**
 * Feeds the frames into a cache as the server node's feed does (one socket, one producer unless
 * the frame names its own): a row comes back holding every measure the frame changed.
 */
function cachesWithoutThrowing(texts: readonly string[]): void {
  const cache = new MeasureCache();
  texts.forEach((text, index) => {
    const frame = parseAnalyticsFrame(text);
    assertFrame(frame);
    const at = new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString();
    if (frame.kind === 'pumpupComplete') cache.pumpupComplete(frame.producerId);
    if (frame.kind !== 'measures') return;
    const producerId = frame.producerId ?? 'Agent_SoD_3.5';
    assert.ok(Array.isArray(producerNamesForDimension(frame.dimension)));
    const row = frame.pumpup
      ? cache.pumpupRow(producerId, frame.dimension, frame.realtimeData, at)
      : cache.delta(producerId, frame.dimension, frame.realtimeData, frame.eventAction, at);
    assert.deepEqual(row.dimension, frame.dimension);
    if (frame.eventAction?.toLowerCase() === 'delete') return;
    for (const [measure, value] of Object.entries(frame.realtimeData)) {
      assert.ok(Object.hasOwn(row.measures, measure), `the row lacks measure "${measure}"`);
      assert.deepEqual(row.measures[measure], value);
    }
  });
  assert.ok(Array.isArray(cache.snapshot()));
}

describe('parseAnalyticsFrame: properties', () => {
  it('never throws on a valid frame with members dropped, retyped, replaced, added or renamed', () => {
    fc.assert(fc.property(mutatedRecord(VALID_FRAMES), (frame) => framesWithoutThrowing(JSON.stringify(frame))), RUNS);
  });

  it('never throws on a measure frame whose dimension and realtimeData hold arbitrary values, as objects or JSON strings', () => {
    const object = fc.dictionary(anyString, anyJsonValue, { maxKeys: 6 });
    const member = fc.oneof(object, object.map((value) => JSON.stringify(value)), anyJsonValue, anyJsonValue.map((value) => JSON.stringify(value)));
    const frame = fc.record({
      dimension: member, realtimeData: member, pumpup: anyJsonValue, pumpupComplete: fc.oneof(fc.boolean(), anyJsonValue),
      eventAction: anyJsonValue, pumpupIdentifier: anyJsonValue, producerId: anyJsonValue,
    }, { requiredKeys: ['dimension', 'realtimeData'] });
    fc.assert(fc.property(frame, (value) => framesWithoutThrowing(JSON.stringify(value))), RUNS);
  });

  it('never throws on the text of a valid frame cut short or with characters inserted, deleted or repeated', () => {
    fc.assert(fc.property(mutatedText(fc.constantFrom(...VALID_FRAME_TEXTS)), framesWithoutThrowing), RUNS);
  });

  it('never throws on a valid frame with a member nested thousands deep', () => {
    fc.assert(fc.property(deeplyNestedRecord(VALID_FRAMES), ({ text }) => framesWithoutThrowing(text)), { numRuns: 50 });
  });

  it('never throws on any JSON value', () => {
    fc.assert(fc.property(anyJsonValue, (value) => framesWithoutThrowing(JSON.stringify(value))), RUNS);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyString, framesWithoutThrowing), RUNS);
  });

  it('never throws on arbitrary bytes decoded as UTF-8 or latin1', () => {
    fc.assert(fc.property(anyBytesAsText, framesWithoutThrowing), RUNS);
  });
});

describe('MeasureCache fed parsed frames: properties', () => {
  it('never throws, and each row holds the measures its frame changed, over any sequence of valid and mutated frames', () => {
    const text = fc.oneof(
      fc.constantFrom(...VALID_FRAME_TEXTS),
      mutatedRecord(VALID_FRAMES).map((frame) => JSON.stringify(frame)),
      mutatedText(fc.constantFrom(...VALID_FRAME_TEXTS)),
    );
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 10 }), cachesWithoutThrowing), { numRuns: 300 });
  });
});
