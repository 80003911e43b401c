import assert from 'assert/strict';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { analyticsModules, catchModule, Collector, helper, load } from '../support/flow';
import { SUPERVISOR, startAnalyticsSimulator } from '../support/analytics';
import { until } from '../support/wait';

const LOCALES = ['de', 'en-us', 'es', 'fr', 'it', 'ja', 'ko', 'pt_BR', 'ru', 'zh-cn', 'zh-tw'];
const DIMENSION_TYPES = ['Agent', 'Account', 'Group', 'GroupMember', 'GroupPrivilege', 'ReasonCode', 'RoutingPoint', 'RoutingService', 'Channel'];

describe('Analytics nodes in Node-RED against the simulator', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator;
  let out: Record<string, Collector>;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  beforeEach(async () => { simulator = await startAnalyticsSimulator(); });
  afterEach(async () => {
    await helper.unload();
    await simulator.stop();
  });

  async function deploy(nodes: Record<string, unknown>[], password = SUPERVISOR.password, rejectUnauthorized = true, server: Record<string, unknown> = {}): Promise<void> {
    const flow: Record<string, unknown>[] = [
      { id: 'server', type: 'cc-analytics-server', baseUrl: simulator.baseUrl, tenant: '0', rejectUnauthorized, ...server },
      { id: 'catcher', type: 'catch', scope: null, wires: [['catch-out']] },
      { id: 'catch-out', type: 'helper' },
      ...nodes,
    ];
    const helpers = nodes.flatMap((n) => (n.wires as string[][]).flat());
    for (const id of helpers) flow.push({ id, type: 'helper' });
    await load([...analyticsModules, catchModule], flow, { server: { username: SUPERVISOR.username, password } });
    out = Object.fromEntries(['catch-out', ...helpers].map((id) => [id, new Collector(helper.getNode(id))]));
  }

  it('answers each query: sources, producers, a dictionary, and dimension data of all nine types', async () => {
    await deploy([{ id: 'q', type: 'cc-analytics-query', server: 'server', query: '', wires: [['q-out']] }]);
    const q = helper.getNode('q');
    q.receive({ query: 'sources' });
    q.receive({ query: 'producers', locale: 'fr' });
    for (const locale of LOCALES) q.receive({ query: 'dictionary', producerId: 'Agent_SoD_3.5', locale });
    for (const [i, type] of DIMENSION_TYPES.entries()) q.receive(i % 2 ? { query: 'dimensionData', dimDataType: type } : { query: 'dimensionData', payload: type });
    const msgs = await out['q-out'].waitFor(22);
    assert.equal(msgs[0].topic, 'sources');
    assert.equal(typeof msgs[0].payload[0].sourceId, 'string');
    const producers = msgs.find((m) => m.topic === 'producers')!.payload;
    assert.equal(producers.length >= 10, true);
    assert.ok(producers.every((p: { producerId: string; measures: unknown[] }) => typeof p.producerId === 'string' && Array.isArray(p.measures)));
    assert.equal(msgs.filter((m) => m.topic === 'dictionary' && m.payload).length, LOCALES.length, 'a dictionary for each documented locale');
    const dims = msgs.filter((m) => m.topic === 'dimensionData');
    assert.equal(dims.length, 9);
    assert.ok(dims.every((m) => Array.isArray(m.payload) && m.payload.length > 0));
    assert.ok(simulator.pacingViolations === 0, `${simulator.pacingViolations} requests closer than 100 ms`);
  });

  it('refuses an unknown locale or dimension type, and reports a server error with its status, through done(err)', async () => {
    await deploy([{ id: 'q', type: 'cc-analytics-query', server: 'server', query: '', wires: [['q-out']] }]);
    const q = helper.getNode('q');
    q.receive({ query: 'dimensionData', dimDataType: 'Planet' });
    q.receive({ query: 'producers', locale: 'tlh' });
    await out['catch-out'].waitFor(2);
    simulator.failNextRest(500);
    q.receive({ query: 'dimensionData', dimDataType: 'Agent' });
    const caught = await out['catch-out'].waitFor(3);
    const messages = caught.map((m) => m.error!.message).join(' | ');
    assert.match(messages, /dimension data type "Planet" is not one of Agent/);
    assert.match(messages, /locale "tlh" is not one of de, en-us/);
    assert.match(messages, /500/);
  });

  it('does what it is set to: a node set to producers refuses msg.query "dictionary", and its own settings win', async () => {
    await deploy([
      { id: 'q', type: 'cc-analytics-query', server: 'server', query: 'producers', locale: 'fr', wires: [['q-out']] },
      { id: 't', type: 'cc-analytics-query', server: 'server', query: 'dimensionData', dimDataType: 'ReasonCode', wires: [['t-out']] },
    ]);
    const requests = () => simulator.requests.filter((r) => !r.path.endsWith('/login')).map((r) => r.path);
    helper.getNode('q').receive({ query: 'dictionary', producerId: 'Agent_SoD_3.5' });
    const [caught] = await out['catch-out'].waitFor(1);
    assert.match(caught.error!.message, /this node is set to query "producers", but msg\.query asks for "dictionary"/);
    assert.deepEqual(requests(), [], 'nothing was asked of the server');
    helper.getNode('q').receive({ query: 'PRODUCERS' });
    helper.getNode('t').receive({ payload: 1712345678901 });
    const [producers] = await out['q-out'].waitFor(1);
    const [types] = await out['t-out'].waitFor(1);
    assert.equal(producers.topic, 'producers');
    assert.ok(simulator.requests.some((r) => /\/producers$/.test(r.path)), 'the producers were read');
    assert.ok(types.payload.length > 0 && types.payload.every((r: Record<string, unknown>) => 'nrReasonCode' in r), 'the node\'s type, not the Inject timestamp in msg.payload');
    helper.getNode('t').receive({ dimDataType: 'Agent' });
    const caughtType = await out['catch-out'].waitFor(2);
    assert.match(caughtType[1].error!.message, /set to dimension data type "ReasonCode", but msg\.dimDataType asks for "Agent"/);
  });

  it('shows turned-off certificate verification on the query node too, and logs it once', async () => {
    await deploy([
      { id: 'q', type: 'cc-analytics-query', server: 'server', query: 'sources', wires: [['q-out']] },
      { id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] },
    ], SUPERVISOR.password, false);
    helper.getNode('q').receive({});
    await out['q-out'].waitFor(1);
    await out['m-out'].waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    const q = helper.getNode('q');
    // The helper spies on the prototype: every node's calls are in one spy.
    const last = q.status.getCalls().filter((c: { thisValue: unknown }) => c.thisValue === q).at(-1).args[0];
    assert.equal(last.fill, 'yellow');
    assert.match(last.text, /^certificate NOT verified · sources: 1 items$/);
    const logged = helper.log().args.filter((a: [{ msg?: unknown }]) => /certificate NOT verified/.test(String(a[0]?.msg)));
    assert.equal(logged.length, 1, JSON.stringify(logged));
  });

  it('streams merged rows, filters by dimension, answers a snapshot, and unsubscribes in three stages on removal', async () => {
    const [first, second] = simulator.agentIds();
    await deploy([{
      id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'merged',
      dimensionFilters: JSON.stringify([{ name: 'agentId', filters: [first] }]), measureFilters: '[]', wires: [['m-out'], ['m-err']],
    }]);
    await out['m-out'].waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    const pumpup = out['m-out'].messages.filter((m) => m.event.type === 'pumpup');
    assert.ok(pumpup.length > 0 && pumpup.every((m) => m.payload.dimension.agentId === first), 'only the filtered agent');
    simulator.setAgentState(first, 'NOT_READY', '12');
    simulator.setAgentState(second, 'NOT_READY', '12');
    const update = (await out['m-out'].waitUntil('an update', (m) => m.some((x) => x.event.type === 'update'))).find((m) => m.event.type === 'update')!;
    assert.equal(update.topic, 'Agent');
    assert.deepEqual({ vendor: update.event.vendor, family: update.event.family, known: update.event.known }, { vendor: 'analytics', family: 'Agent', known: true });
    assert.equal(update.ws.producer, 'Agent_SoD_3.5');
    assert.equal(typeof update.ws.guid, 'string');
    assert.equal(update.payload.measures.agentState, 'NOT_READY');
    assert.ok(Object.keys(update.payload.measures).length > 5, 'the merged row, not just the delta');
    helper.getNode('m').receive({ topic: 'snapshot' });
    const snapshot = await out['m-out'].waitUntil('a snapshot', (m) => m.some((x) => x.event.type === 'snapshot'));
    const rows = snapshot.find((m) => m.event.type === 'snapshot')!.payload;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].dimension.agentId, first);
    const steps: string[] = [];
    simulator.on('redirect', (r: { eventName: string }) => steps.push(r.eventName));
    simulator.on('request', (r: { method: string }) => { if (r.method === 'DELETE') steps.push('DELETE'); });
    simulator.on('socket-closed', () => steps.push('closed'));
    await helper.unload();
    await until('the socket closed', () => steps.includes('closed'), 5000, 10);
    assert.deepEqual(steps, ['unsubscriptionRedirect', 'DELETE', 'closed']);
  });

  it('sends malformed frames to output 2 and to a Catch node', async () => {
    await deploy([{ id: 'm', type: 'cc-analytics-measures', server: 'server', producers: 'Agent', mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] }]);
    await out['m-out'].waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    simulator.sendRaw('{"dimension": 42}');
    const [bad] = await out['m-err'].waitFor(1);
    assert.equal(bad.payload, '{"dimension": 42}');
    assert.equal(typeof bad.error!.message, 'string');
    await out['catch-out'].waitFor(1);
  });

  it('never shows the password or the JWT in messages, statuses or logs', async () => {
    await deploy([
      { id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] },
      { id: 'q', type: 'cc-analytics-query', server: 'server', query: 'sources', wires: [['q-out']] },
    ]);
    await out['m-out'].waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    simulator.expireTokens();
    helper.getNode('q').receive({});
    await out['q-out'].waitFor(1);
    const statuses = ['m', 'q'].flatMap((id) => helper.getNode(id).status.getCalls().map((c: { args: unknown[] }) => c.args));
    const everything = JSON.stringify([Object.values(out).map((c) => c.messages), statuses, helper.log().args]);
    assert.equal(everything.includes(SUPERVISOR.password), false);
    assert.doesNotMatch(everything, /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{10,}/, 'a JWT leaked');
  });

  it('says on the status when it lost the connection, and when the new pumpup has rebuilt it', async () => {
    await deploy([{ id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] }]);
    await out['m-out'].waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    simulator.dropSockets({ closeFrame: false });
    await out['m-out'].waitUntil('a second pumpup complete', (m) => m.filter((x) => x.event.type === 'pumpupComplete').length === 2, 20000);
    const texts = helper.getNode('m').status.getCalls().map((c: { args: [{ text?: string }] }) => c.args[0].text ?? '');
    const lost = texts.findIndex((t: string) => /^disconnected: WebSocket closed/.test(t));
    assert.ok(lost >= 0, texts.join(' | '));
    assert.ok(texts.slice(lost).some((t: string) => /^connected/.test(t)), texts.join(' | '));
  });

  it('shows turned-off certificate verification on the status', async () => {
    await deploy([{ id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] }], SUPERVISOR.password, false);
    await out['m-out'].waitUntil('pumpup complete', (m) => m.some((x) => x.event.type === 'pumpupComplete'));
    const shown = helper.getNode('m').status.getCalls().map((c: { args: [{ fill?: string; text?: string }] }) => c.args[0]);
    assert.ok(shown.some((s: { fill?: string; text?: string }) => s.fill === 'yellow' && /certificate NOT verified/.test(s.text ?? '')), JSON.stringify(shown));
  });

  it('shows a refused login as an error on the node', async () => {
    await deploy([{ id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] }], 'not-the-password');
    const shown = () => helper.getNode('m').status.getCalls().map((c: { args: [{ fill?: string; text?: string }] }) => c.args[0]);
    await until('a red status', () => shown().some((s: { fill?: string; text?: string }) => s.fill === 'red' && /refused supervisor/.test(s.text ?? '')), 10000, 20);
    assert.equal(JSON.stringify(shown()).includes('not-the-password'), false);
  });
});
