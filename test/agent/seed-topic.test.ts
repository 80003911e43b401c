import assert from 'assert/strict';
import path from 'path';
import { agentStateModule, brokerConfig, brokerModule, Collector, genesysModule, helper, load, type Msg, type StatusCall } from '../support/flow';
import { createTopic, partitionCount, produce, uniqueName } from '../support/kafka';
import { until } from '../support/wait';

const publishModule = require(path.resolve(__dirname, '..', '..', 'nodes', 'kafka', 'cc-kafka-publish'));

function ready(agent: number): string {
  return JSON.stringify({ id: 'EventAgentReady', Server: 1, ThisDN: String(5000 + agent), AgentID: String(agent), AgentWorkMode: 'ManualIn', time: { seconds: 1765100000 + agent, useconds: 0 } });
}

/** One "instance": a Genesys source in the shared group, its own cc-agent-state, its changes published to one topic. */
function instance(name: string, topic: string, groupId: string, changes: string) {
  return [
    { id: `${name}-src`, type: 'cc-genesys-agentstate', z: 'tab', broker: 'broker', topic, groupId, start: 'earliest', wires: [[`${name}-model`], []] },
    { id: `${name}-model`, type: 'cc-agent-state', z: 'tab', vendors: [], thresholds: [], rosterInterval: 0, forgetAfter: 86400, wires: [[`${name}-pub`], [`${name}-roster`], []] },
    { id: `${name}-pub`, type: 'cc-kafka-publish', z: 'tab', broker: 'broker', topic: changes, wires: [[`${name}-published`]] },
    { id: `${name}-published`, type: 'helper', z: 'tab' },
    { id: `${name}-roster`, type: 'helper', z: 'tab' },
  ];
}

async function rosterOf(name: string): Promise<Msg> {
  const out = new Collector(helper.getNode(`${name}-roster`));
  helper.getNode(`${name}-model`).receive({ topic: 'snapshot' });
  return (await out.waitFor(1))[0];
}

describe('cc-agent-state seeded from a topic of published changes', function () {
  this.timeout(120000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('builds the whole floor from what two members of one group published, each of which saw only its share', async () => {
    const topic = uniqueName('floor');
    const changes = uniqueName('agent-changes');
    const groupId = uniqueName('grp');
    await createTopic(topic, 4);
    assert.ok(await partitionCount(topic) > 1, 'the test needs a multi-partition topic');
    const base = [{ id: 'tab', type: 'tab', label: 'floor' }, brokerConfig(), ...instance('a', topic, groupId, changes), ...instance('b', topic, groupId, changes)];
    await load([brokerModule, genesysModule, agentStateModule, publishModule], base);
    const owned: Record<string, number> = { a: 0, b: 0 };
    await new Promise<void>((resolve) => {
      for (const name of ['a', 'b']) {
        helper.getNode(`${name}-src`).on('call:status', (call: { args: [StatusCall] }) => {
          owned[name] = Number(/connected · (\d+) partition/.exec(call.args[0]?.text ?? '')?.[1] ?? 0);
          if (owned.a > 0 && owned.b > 0) resolve();
        });
      }
    });
    const published = [new Collector(helper.getNode('a-published')), new Collector(helper.getNode('b-published'))];
    const agents = Array.from({ length: 24 }, (_, i) => 2001 + i);
    await produce(topic, agents.map((a) => ({ key: `acme:${a}`, value: ready(a) })));
    await until('every agent published by one of the two', () => published[0].messages.length + published[1].messages.length >= agents.length, 30000, 50);
    const [a, b] = [await rosterOf('a'), await rosterOf('b')];
    assert.ok(a.payload.length > 0 && b.payload.length > 0, `each member has its share: a=${a.payload.length} b=${b.payload.length}`);
    assert.equal(a.payload.length + b.payload.length, agents.length, 'and only its share');
    // An agent that left the floor: a tombstone keyed <vendor>/<agentId>, as a compacted topic keeps it.
    await produce(changes, [{ key: `genesys/${agents[0]}`, value: null }]);

    await helper.setFlows([...base, { id: 'c-model', type: 'cc-agent-state', z: 'tab', vendors: [], thresholds: [], rosterInterval: 0, forgetAfter: 86400, broker: 'broker', seedTopic: changes, wires: [[], ['c-roster'], []] }, { id: 'c-roster', type: 'helper', z: 'tab' }], 'nodes');
    // A roster request during the seed waits with the rest of the live input: the answer is the seeded floor.
    const c = await rosterOf('c');
    assert.deepEqual(c.payload.map((r: Msg) => r.agentId), agents.slice(1).map(String), 'the whole floor, less the agent removed by its tombstone');
    assert.ok(c.payload.every((r: Msg) => r.state === 'READY' && r.vendor === 'genesys'));
  });

  it('holds live input back until the seed is read, then applies it after the seed', async () => {
    const changes = uniqueName('agent-changes');
    await produce(changes, [{ key: 'genesys/7', value: JSON.stringify({ vendor: 'genesys', agentId: '7', state: 'READY', since: '2026-12-07T10:00:00.000Z', native: { type: 'EventAgentReady' } }) }]);
    await load([brokerModule, agentStateModule], [
      { id: 'tab', type: 'tab', label: 'seed' }, brokerConfig(),
      { id: 'model', type: 'cc-agent-state', z: 'tab', broker: 'broker', seedTopic: changes, thresholds: [], wires: [['changes'], ['roster'], []] },
      { id: 'changes', type: 'helper', z: 'tab' }, { id: 'roster', type: 'helper', z: 'tab' },
    ]);
    const out = new Collector(helper.getNode('changes'));
    helper.getNode('model').receive({
      topic: 'EventAgentNotReady',
      payload: { id: 'EventAgentNotReady', AgentID: '7', ThisDN: '5007', AgentWorkMode: 'AuxWork' },
      event: { vendor: 'genesys', family: 'agent', type: 'EventAgentNotReady', known: true, receivedAt: new Date().toISOString() },
    });
    const [change] = await out.waitFor(1);
    assert.equal(change.payload.state, 'NOT_READY');
    assert.equal(change.payload.previous?.state, 'READY', 'the live event came after the seeded state');
  });
});
