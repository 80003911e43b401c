import assert from 'assert/strict';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { analyticsModules, Collector, helper, load } from '../support/flow';
import { SUPERVISOR, startAnalyticsSimulator } from '../support/analytics';

describe('Analytics cache at its bound, in Node-RED against the simulator', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  // A relaxed heartbeat: a burst of frames keeps the event loop busy, and a late echo must not drop the link here.
  beforeEach(async () => { simulator = await startAnalyticsSimulator({ heartbeatMs: 2000 }); });
  afterEach(async () => {
    await helper.unload();
    await simulator.stop();
  });

  it('keeps the newest rows of a contact-level producer at the server node\'s row limit, and warns once', async () => {
    await load(analyticsModules, [
      { id: 'server', type: 'cc-analytics-server', baseUrl: simulator.baseUrl, tenant: '0', rejectUnauthorized: true, maxRows: 50, contactIdleMinutes: 60 },
      { id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['ContactDetail'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] },
      { id: 'm-out', type: 'helper' }, { id: 'm-err', type: 'helper' },
    ], { server: SUPERVISOR });
    const out = new Collector(helper.getNode('m-out'));
    await out.waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    simulator.contactDetails(200);
    const updates = (await out.waitUntil('200 updates', (m) => m.filter((x) => x.event.type === 'update').length >= 200)).filter((x) => x.event.type === 'update');
    const newest = updates.slice(-50).map((x) => x.payload.dimension.segmentId);
    helper.getNode('m').receive({ topic: 'snapshot' });
    const snapshot = (await out.waitUntil('a snapshot', (m) => m.some((x) => x.event.type === 'snapshot'))).find((x) => x.event.type === 'snapshot')!;
    assert.equal(out.messages.filter((x) => x.event.type === 'pumpupComplete').length, 1, 'one pumpup: the link held, every row came as an update');
    assert.equal(snapshot.payload.length, 50);
    assert.deepEqual(snapshot.payload.map((row: { dimension: { segmentId: string } }) => row.dimension.segmentId).sort(), newest.sort(), 'the 50 most recent contacts');
    simulator.contactDetails(10);
    await out.waitUntil('210 updates', (m) => m.filter((x) => x.event.type === 'update').length >= 210);
    const warnings = helper.log().args.map((a: [{ msg?: unknown }]) => String(a[0]?.msg)).filter((line: string) => /reached the limit of 50 rows/.test(line));
    assert.deepEqual(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /producer ContactDetail_CDR_3\.5 reached the limit of 50 rows: the least recently updated rows are dropped from now on \(raise "Rows per producer" on the server node/);
  });
});
