import assert from 'node:assert/strict';
import { MeasureCache, parseAnalyticsFrame, type AnalyticsFrame } from '../../nodes/analytics/schema';
import { AGENT_DELTAS, AGENT_PUMPUP, PUMPUP_COMPLETE } from './schema-samples';

const AGENT = 'Agent_SoD_3.5';
const VDN = 'VDN_SoD_3.5';
const T0 = '2024-01-01T10:00:00.000Z';
const T1 = '2024-01-01T10:00:01.000Z';
const T2 = '2024-01-01T10:00:02.000Z';

const scollins = { agentId: 'scollins' };
const jsmith = { agentId: 'jsmith' };

/** Feeds sample frames to the cache the way the client will: pumpup rows, complete markers, deltas. */
function feed(cache: MeasureCache, producerId: string, texts: string[], at: string): void {
  for (const text of texts) {
    const frame: AnalyticsFrame = parseAnalyticsFrame(text);
    if (frame.kind === 'pumpupComplete') cache.pumpupComplete(frame.producerId ?? producerId);
    else if (frame.kind === 'measures' && frame.pumpup) cache.pumpupRow(producerId, frame.dimension, frame.realtimeData, at);
    else if (frame.kind === 'measures') cache.delta(producerId, frame.dimension, frame.realtimeData, frame.eventAction, at);
    else assert.fail(`unexpected ${frame.kind}`);
  }
}

describe('MeasureCache', () => {
  it('keys a dimension by its sorted pairs, whatever their order', () => {
    assert.equal(MeasureCache.keyOf({ siteName: 'traffic2', siteId: '4981' }), MeasureCache.keyOf({ siteId: '4981', siteName: 'traffic2' }));
    assert.notEqual(MeasureCache.keyOf({ a: 'b,c' }), MeasureCache.keyOf({ a: 'b', c: '' }));
  });

  it('merges the §8.1 pumpup frames of one key into one row, shown only once the pumpup completes', () => {
    const cache = new MeasureCache();
    feed(cache, AGENT, AGENT_PUMPUP, T0);
    assert.equal(cache.isPumping(AGENT), true);
    assert.deepEqual(cache.snapshot(AGENT), []);
    feed(cache, AGENT, [PUMPUP_COMPLETE], T0);
    assert.equal(cache.isPumping(AGENT), false);
    const [row] = cache.snapshot(AGENT);
    assert.equal(cache.snapshot(AGENT).length, 1);
    assert.deepEqual(row.dimension, scollins);
    assert.equal(row.measures.agentNotReadyTimeDuration, 4025);
    assert.equal(row.measures.active, 0);
    assert.equal(row.measures.agentState, 'NOT_READY');
  });

  it('merges live deltas: only the changed measures change, the rest stay', () => {
    const cache = new MeasureCache();
    feed(cache, AGENT, [...AGENT_PUMPUP, PUMPUP_COMPLETE], T0);
    feed(cache, AGENT, AGENT_DELTAS.slice(0, 2), T1);
    const merged = cache.delta(AGENT, scollins, { agentNotReady: 5 }, 'UPSERT', T2);
    assert.deepEqual(
      [merged.measures.agentNotReadyTimeDuration, merged.measures.agentReady, merged.measures.agentState, merged.measures.agentNotReady, merged.measures.agentFirstName, merged.measures.idleTimeDuration],
      [4352, 4, 'READY', 5, 'Siobhan', 62],
    );
    assert.equal(merged.updatedAt, T2);
    assert.deepEqual(cache.snapshot(AGENT), [merged]);
  });

  it('keeps a measure named __proto__ that a later delta adds, as a measure', () => {
    const cache = new MeasureCache();
    cache.delta(AGENT, scollins, { agentReady: 1 }, undefined, T0);
    const frame = parseAnalyticsFrame('{"dimension":{"agentId":"scollins"},"realtimeData":{"__proto__":{"agentState":"READY"}},"pumpup":false}');
    assert.equal(frame.kind, 'measures');
    const row = cache.delta(AGENT, scollins, (frame as Extract<AnalyticsFrame, { kind: 'measures' }>).realtimeData, undefined, T1);
    assert.deepEqual(Object.entries(row.measures), [['agentReady', 1], ['__proto__', { agentState: 'READY' }]]);
    assert.deepEqual(cache.snapshot(AGENT).map((kept) => Object.entries(kept.measures)), [Object.entries(row.measures)]);
  });

  it('creates a row for a delta on a new key, and returns copies the caller cannot corrupt', () => {
    const cache = new MeasureCache();
    const row = cache.delta(AGENT, jsmith, { agentReady: 1 }, undefined, T0);
    assert.deepEqual(row, { producerId: AGENT, dimension: jsmith, measures: { agentReady: 1 }, updatedAt: T0 });
    row.measures.agentReady = 99;
    cache.snapshot(AGENT)[0].measures.agentReady = 98;
    assert.equal(cache.snapshot(AGENT)[0].measures.agentReady, 1);
  });

  it('replaces the table on a new pumpup: a row absent from it disappears', () => {
    const cache = new MeasureCache();
    cache.pumpupRow(AGENT, scollins, { agentReady: 3 }, T0);
    cache.pumpupRow(AGENT, jsmith, { agentReady: 1 }, T0);
    cache.pumpupComplete(AGENT);
    assert.equal(cache.snapshot(AGENT).length, 2);
    cache.pumpupRow(AGENT, scollins, { agentReady: 4 }, T1);
    assert.equal(cache.snapshot(AGENT).length, 2, 'the old table stays visible while the new one is built');
    assert.deepEqual(cache.pumpupComplete(AGENT), [AGENT]);
    assert.deepEqual(cache.snapshot(AGENT), [{ producerId: AGENT, dimension: scollins, measures: { agentReady: 4 }, updatedAt: T1 }]);
  });

  it('removes a row on a DELETE delta and returns it as it was', () => {
    const cache = new MeasureCache();
    cache.delta(AGENT, scollins, { agentReady: 3 }, 'UPSERT', T0);
    cache.delta(AGENT, jsmith, { agentReady: 1 }, 'UPSERT', T0);
    const removed = cache.delta(AGENT, jsmith, {}, 'DELETE', T1);
    assert.deepEqual(removed, { producerId: AGENT, dimension: jsmith, measures: { agentReady: 1 }, updatedAt: T0 });
    assert.deepEqual(cache.snapshot(AGENT).map((row) => row.dimension), [scollins]);
    assert.deepEqual(cache.delta(AGENT, { agentId: 'ghost' }, {}, 'delete', T1), { producerId: AGENT, dimension: { agentId: 'ghost' }, measures: {}, updatedAt: T1 });
  });

  it('keeps deltas that arrive during a pumpup, in the live table and in the one replacing it', () => {
    const cache = new MeasureCache();
    cache.pumpupRow(AGENT, scollins, { agentReady: 3 }, T0);
    cache.pumpupComplete(AGENT);
    cache.pumpupRow(AGENT, scollins, { agentReady: 3, agentState: 'NOT_READY' }, T1);
    const live = cache.delta(AGENT, scollins, { agentState: 'READY' }, 'UPSERT', T1);
    assert.deepEqual(live.measures, { agentReady: 3, agentState: 'READY' });
    cache.delta(AGENT, jsmith, { agentReady: 1 }, 'UPSERT', T1);
    cache.pumpupRow(AGENT, scollins, { active: 0 }, T2);
    assert.equal(cache.isPumping(AGENT), true, 'a delta does not end the pumpup');
    cache.pumpupComplete(AGENT);
    const rows = Object.fromEntries(cache.snapshot(AGENT).map((row) => [row.dimension.agentId, row.measures]));
    assert.deepEqual(rows, { scollins: { agentReady: 3, agentState: 'READY', active: 0 }, jsmith: { agentReady: 1 } });
  });

  it('drops a row deleted during a pumpup from the replacing table too', () => {
    const cache = new MeasureCache();
    cache.pumpupRow(AGENT, jsmith, { agentReady: 1 }, T0);
    cache.delta(AGENT, jsmith, {}, 'DELETE', T1);
    cache.pumpupComplete(AGENT);
    assert.deepEqual(cache.snapshot(AGENT), []);
  });

  it('completes every producer that is pumping when the marker names none, and only those', () => {
    const cache = new MeasureCache();
    cache.delta('Site_SoD_3.5', { siteId: '4981', siteName: 'traffic2' }, { replied: 1 }, 'UPSERT', T0);
    cache.pumpupRow(AGENT, scollins, { agentReady: 3 }, T0);
    cache.pumpupRow(VDN, { routingPointId: '5003' }, { routingDuration: 1 }, T0);
    assert.deepEqual(cache.pumpupComplete(undefined).sort(), [AGENT, VDN]);
    assert.equal(cache.isPumping(AGENT) || cache.isPumping(VDN), false);
    assert.equal(cache.snapshot().length, 3);
    assert.deepEqual(cache.pumpupComplete(undefined), []);
    assert.equal(cache.snapshot().length, 3);
  });

  it('empties a producer whose named pumpup had no rows', () => {
    const cache = new MeasureCache();
    cache.delta(AGENT, scollins, { agentReady: 3 }, 'UPSERT', T0);
    assert.deepEqual(cache.pumpupComplete(AGENT), [AGENT]);
    assert.deepEqual(cache.snapshot(AGENT), []);
  });

  it('clears one producer or all, a pumpup in progress included', () => {
    const cache = new MeasureCache();
    cache.delta(AGENT, scollins, { agentReady: 3 }, 'UPSERT', T0);
    cache.pumpupRow(AGENT, jsmith, { agentReady: 1 }, T0);
    cache.delta(VDN, { routingPointId: '5003' }, { routingDuration: 1 }, 'UPSERT', T0);
    cache.clear(AGENT);
    assert.equal(cache.isPumping(AGENT), false);
    assert.deepEqual(cache.snapshot().map((row) => row.producerId), [VDN]);
    cache.clear();
    assert.deepEqual(cache.snapshot(), []);
  });
});
