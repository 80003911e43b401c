import assert from 'assert/strict';
import { agentStateModule, brokerConfig, brokerModule, catchModule, Collector, genesysModule, helper, load, waitForStatus, type Msg } from '../support/flow';
import { createTopic, produce, uniqueName } from '../support/kafka';

const AGENT = { Server: 65200, ThisDN: '5001', AgentID: '1001' };
const at = (seconds: number) => ({ seconds, useconds: 0 });
const T0 = 1765100000;

/** Genesys records of one agent's shift, each a second apart by the vendor's clock. */
function shift(): Record<string, unknown>[] {
  return [
    { id: 'EventAgentLogin', ...AGENT, ThisQueue: '8000', time: at(T0) },
    { id: 'EventAgentReady', ...AGENT, AgentWorkMode: 'ManualIn', time: at(T0 + 1) },
    { id: 'EventAgentReady', ...AGENT, AgentWorkMode: 'ManualIn', time: at(T0 + 2) },
    { id: 'EventAgentNotReady', ...AGENT, AgentWorkMode: 'AfterCallWork', time: at(T0 + 3) },
    // Out of order: older than the wrap-up by the vendor's clock, so it must not move the agent back.
    { id: 'EventAgentReady', ...AGENT, AgentWorkMode: 'ManualIn', time: at(T0 + 2) },
    { id: 'EventAgentNotReady', ...AGENT, AgentWorkMode: 'AuxWork', Reasons: { ReasonCode: 'Break' }, time: at(T0 + 4) },
    { id: 'EventAgentLogout', ...AGENT, ThisQueue: '8000', time: at(T0 + 5) },
  ];
}

function flow(topic: string, groupId: string, props: Record<string, unknown> = {}) {
  // A tab, as in the editor: the roster is kept in the flow's context, which a redeploy of the node keeps.
  const onTab = (nodes: Record<string, unknown>[]) => nodes.map((n) => ({ z: 'tab', ...n }));
  return [
    { id: 'tab', type: 'tab', label: 'agents' },
    brokerConfig(),
    ...onTab([{ id: 'src', type: 'cc-genesys-agentstate', broker: 'broker', topic, groupId, start: 'earliest', wires: [['model'], []] },
    { id: 'model', type: 'cc-agent-state', vendors: [], agents: '', thresholds: [], rosterInterval: 0, forgetAfter: 86400, wires: [['changes'], ['roster'], ['alerts']], ...props },
    { id: 'changes', type: 'helper' },
    { id: 'roster', type: 'helper' },
    { id: 'alerts', type: 'helper' },
    { id: 'catcher', type: 'catch', scope: null, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
  ]),
  ];
}

describe('cc-agent-state in Node-RED, fed by a real Genesys source', function () {
  this.timeout(90000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('sends one change per state, none for a repeat or an older event, with the previous state and its duration', async () => {
    const topic = uniqueName('agent-model');
    await createTopic(topic);
    await load([brokerModule, genesysModule, agentStateModule, catchModule], flow(topic, uniqueName('grp')));
    const changes = new Collector(helper.getNode('changes'));
    await produce(topic, shift().map((r) => ({ key: 'acme:1001', value: JSON.stringify(r), partition: 0 })));
    const got = await changes.waitFor(5);
    assert.deepEqual(got.map((m) => [m.topic, m.payload.state, m.payload.reason?.code]), [
      ['genesys/1001', 'UNKNOWN', undefined],
      ['genesys/1001', 'READY', undefined],
      ['genesys/1001', 'WRAP_UP', undefined],
      ['genesys/1001', 'NOT_READY', 'Break'],
      ['genesys/1001', 'LOGGED_OUT', undefined],
    ]);
    assert.equal(got[2].payload.since, new Date((T0 + 3) * 1000).toISOString().replace('.000Z', '.000000Z'));
    assert.deepEqual(got[2].payload.previous, { state: 'READY', since: got[1].payload.since, durationMs: 2000 }, 'the repeat at +2 s did not restart READY');
    assert.equal(got[1].payload.extension, '5001');
    helper.getNode('model').receive({ topic: 'snapshot' });
    const [roster] = await new Collector(helper.getNode('roster')).waitFor(1);
    assert.deepEqual(roster.payload.map((r: Msg) => [r.vendor, r.agentId, r.state]), [['genesys', '1001', 'LOGGED_OUT']]);
    assert.equal(roster.counts.LOGGED_OUT, 1);
    assert.deepEqual(roster.countsByVendor, { genesys: { LOGGED_OUT: 1 } });
    assert.equal(changes.messages.length, 5, 'nothing more');
  });

  it('refuses a message that is not from the pack, saying what it expects, and passes vendor messages of no interest silently', async () => {
    const topic = uniqueName('agent-model-bad');
    await load([brokerModule, genesysModule, agentStateModule, catchModule], flow(topic, uniqueName('grp')));
    const caught = new Collector(helper.getNode('caught'));
    const model = helper.getNode('model');
    model.receive({ payload: { state: 'READY' } });
    model.receive({ payload: {}, event: { vendor: 'avaya-cm' } });
    model.receive({ payload: { id: 'EventDNDOn', ThisDN: '5001' }, event: { vendor: 'genesys', type: 'EventDNDOn', receivedAt: new Date().toISOString() } });
    const errors = await caught.waitFor(2);
    assert.match(errors[0].error!.message, /expects messages from the pack's source and command nodes .*no msg\.event\.vendor/);
    assert.match(errors[1].error!.message, /msg\.event\.vendor "avaya-cm"/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(caught.messages.length, 2, 'the DN event passed silently');
  });

  it('raises an alert once the threshold passes and another when the episode ends', async () => {
    const topic = uniqueName('agent-model-alert');
    await createTopic(topic);
    await load([brokerModule, genesysModule, agentStateModule, catchModule], flow(topic, uniqueName('grp'), { thresholds: [{ state: 'NOT_READY', reason: 'Break', seconds: 1 }] }));
    const alerts = new Collector(helper.getNode('alerts'));
    const record = shift()[5];
    await produce(topic, [{ key: 'acme:1001', value: JSON.stringify(record), partition: 0 }]);
    const [raised] = await alerts.waitFor(1);
    assert.equal(raised.topic, 'genesys/1001');
    assert.equal(raised.payload.alert, 'raised');
    assert.equal(raised.payload.state, 'NOT_READY');
    assert.ok(raised.payload.durationMs >= 1000);
    assert.deepEqual(raised.payload.threshold, { state: 'NOT_READY', reason: 'Break', seconds: 1 });
    await produce(topic, [{ key: 'acme:1001', value: JSON.stringify({ id: 'EventAgentReady', ...AGENT, time: at(T0 + 100) }), partition: 0 }]);
    const [, ended] = await alerts.waitFor(2);
    assert.equal(ended.payload.alert, 'ended');
    assert.equal(ended.payload.reason.code, 'Break');
  });

  it('keeps its roster across a redeploy (in the flow context), and shows agents and READY on its status', async () => {
    const topic = uniqueName('agent-model-redeploy');
    await createTopic(topic);
    const groupId = uniqueName('grp');
    await load([brokerModule, genesysModule, agentStateModule, catchModule], flow(topic, groupId));
    const ready = waitForStatus(helper.getNode('model'), (s) => s.text === '1 agents · 1 READY');
    await produce(topic, shift().slice(0, 2).map((r) => ({ key: 'acme:1001', value: JSON.stringify(r), partition: 0 })));
    await new Collector(helper.getNode('changes')).waitFor(2);
    await ready;
    const before = helper.getNode('model');
    // Redeploy the model alone (a changed property), as the editor's "modified nodes" deploy does.
    await helper.setFlows(flow(topic, groupId, { forgetAfter: 86401 }), 'nodes');
    const after = helper.getNode('model');
    assert.notEqual(after, before, 'a new node instance');
    const rosterOut = new Collector(helper.getNode('roster'));
    after.receive({ topic: 'snapshot' });
    const [roster] = await rosterOut.waitFor(1);
    assert.deepEqual(roster.payload.map((r: Msg) => [r.agentId, r.state]), [['1001', 'READY']], 'the roster came back from the context');
  });
});
