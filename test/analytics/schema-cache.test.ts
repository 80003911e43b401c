import assert from 'node:assert/strict';
import { isContactLevelProducer, MeasureCache, parseAnalyticsFrame, type AnalyticsFrame } from '../../nodes/analytics/schema';
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

const CONTACT = 'ContactDetail_CDR_3.5';
const segment = (i: number) => ({ segmentId: `seg-${i}` });
const agent = (i: number) => ({ agentId: `agent-${i}` });

describe('MeasureCache bounds', () => {
  it('keeps at most maxRows per producer, dropping the least recently updated, and warns once per producer', () => {
    const limits: string[] = [];
    const cache = new MeasureCache({ maxRows: 3, onLimit: (id, max) => limits.push(`${id}:${max}`) });
    for (let i = 0; i < 3; i++) cache.delta(AGENT, agent(i), { n: i }, 'UPSERT', T0);
    assert.deepEqual(limits, [], 'reaching the limit is fine; exceeding it is not');
    cache.delta(AGENT, agent(0), { n: 10 }, 'UPSERT', T1);
    cache.delta(AGENT, agent(3), { n: 3 }, 'UPSERT', T1);
    assert.deepEqual(cache.snapshot(AGENT).map((r) => r.dimension.agentId), ['agent-2', 'agent-0', 'agent-3'], 'agent-1 was the stalest: agent-0 was updated since');
    cache.delta(AGENT, agent(4), { n: 4 }, 'UPSERT', T2);
    cache.delta(VDN, { routingPointId: '1' }, { n: 1 }, 'UPSERT', T2);
    assert.equal(cache.size(AGENT), 3);
    assert.deepEqual(limits, [`${AGENT}:3`], 'one warning for the producer, however often it evicts');
    for (let i = 0; i < 4; i++) cache.delta(VDN, { routingPointId: String(i + 2) }, { n: i }, 'UPSERT', T2);
    assert.deepEqual(limits, [`${AGENT}:3`, `${VDN}:3`], 'each producer is warned about once');
    assert.equal(cache.size(VDN), 3);
  });

  it('bounds a pumpup too: the replacing table holds at most maxRows', () => {
    const cache = new MeasureCache({ maxRows: 5 });
    for (let i = 0; i < 12; i++) cache.pumpupRow(AGENT, agent(i), { n: i }, T0);
    cache.pumpupComplete(AGENT);
    assert.deepEqual(cache.snapshot(AGENT).map((r) => r.measures.n), [7, 8, 9, 10, 11]);
  });

  it('drops contact-level rows not updated for contactIdleMs (injected clock), and only those', () => {
    let now = 1_000_000;
    const cache = new MeasureCache({ contactIdleMs: 60_000, now: () => now });
    cache.delta(CONTACT, segment(1), { workType: 'DEFAULT' }, 'UPSERT', T0);
    cache.delta(AGENT, scollins, { agentReady: 1 }, 'UPSERT', T0);
    now += 30_000;
    cache.delta(CONTACT, segment(2), { workType: 'DEFAULT' }, 'UPSERT', T1);
    now += 29_999;
    assert.deepEqual(cache.snapshot(CONTACT).map((r) => r.dimension.segmentId), ['seg-1', 'seg-2'], 'seg-1 is 59.999 s old: kept');
    now += 1;
    assert.deepEqual(cache.snapshot(CONTACT).map((r) => r.dimension.segmentId), ['seg-2'], 'seg-1 is 60 s old: dropped');
    cache.delta(CONTACT, segment(2), { alertDuration: 4 }, 'UPSERT', T2);
    now += 59_000;
    assert.deepEqual(cache.snapshot(CONTACT).map((r) => r.dimension.segmentId), ['seg-2'], 'an update restarts the idle time');
    now += 10 * 60_000;
    assert.deepEqual(cache.snapshot(CONTACT), []);
    assert.equal(cache.snapshot(AGENT).length, 1, 'agent rows never expire');
  });

  it('expires contact rows on writes as well as reads, so an idle table does not grow', () => {
    let now = 0;
    const cache = new MeasureCache({ contactIdleMs: 1000, now: () => now });
    for (let i = 0; i < 100; i++) {
      cache.delta(CONTACT, segment(i), { n: i }, 'UPSERT', T0);
      now += 100;
    }
    assert.equal(cache.size(CONTACT), 10, 'only the last second of rows is held');
  });

  it('tells contact-level producers by name: ContactDetail only, of the document\'s list', () => {
    assert.equal(isContactLevelProducer({ producerId: 'ContactDetail_CDR_3.5' }), true);
    assert.equal(isContactLevelProducer({ producerId: 'x1', producerName: 'ContactDetail' }), true);
    for (const name of ['Agent', 'AgentByAccount', 'AgentGroup', 'Agent By Not Ready Reason Code', 'RoutingService', 'RoutingServiceByAgent', 'Site', 'VDN', 'RoutingServiceGroup']) {
      assert.equal(isContactLevelProducer({ producerId: `${name.replace(/\s+/g, '')}_SoD_3.5`, producerName: name }), false, name);
    }
  });

  it('refuses bounds that cannot work', () => {
    assert.throws(() => new MeasureCache({ maxRows: 0 }), /maxRows must be an integer >= 1/);
    assert.throws(() => new MeasureCache({ maxRows: 2.5 }), /maxRows/);
    assert.throws(() => new MeasureCache({ contactIdleMs: 0 }), /contactIdleMs must be a positive number/);
  });
});
