import assert from 'assert/strict';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { brokerConfig, brokerModule, Collector, genesysModule, helper, load, sourceWithOutputs, waitForStatus, type StatusCall } from '../support/flow';
import { BROKERS, consumedAll, createTopic, MOCK_PID, partitionCount, produce, uniqueName } from '../support/kafka';

function ready(agent: number, seconds: number): string {
  return JSON.stringify({ id: 'EventAgentReady', Server: 1, ThisDN: String(5000 + agent), AgentID: String(1000 + agent), AgentWorkMode: 'ManualIn', time: { seconds, useconds: 0 } });
}

function agentsOf(msgs: { payload: { AgentID: string } }[]): string[] {
  return msgs.map((m) => m.payload.AgentID);
}

describe('cc-genesys-agentstate keeps going', function () {
  this.timeout(90000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('resumes after a redeploy from the last committed offset, losing and repeating nothing', async () => {
    const topic = uniqueName('redeploy');
    const groupId = uniqueName('grp');
    await createTopic(topic);
    const flow = [brokerConfig(), ...sourceWithOutputs('cc-genesys-agentstate', 'g1', { topic, start: 'earliest', groupId })];
    await load([brokerModule, genesysModule], flow);
    let out = new Collector(helper.getNode('g1-out'));
    await produce(topic, [1, 2, 3, 4, 5].map((i) => ({ key: `acme:${1000 + i}`, value: ready(i, i) })));
    assert.deepEqual(agentsOf(await out.waitFor(5)).sort(), ['1001', '1002', '1003', '1004', '1005']);
    await consumedAll(groupId, topic, 5);
    await helper.unload();

    await produce(topic, [6, 7, 8, 9, 10].map((i) => ({ key: `acme:${1000 + i}`, value: ready(i, i) })));
    await load([brokerModule, genesysModule], flow);
    out = new Collector(helper.getNode('g1-out'));
    await out.waitFor(5);
    await consumedAll(groupId, topic, 10);
    assert.deepEqual(agentsOf(out.messages).sort(), ['1006', '1007', '1008', '1009', '1010']);
  });

  it('splits a multi-partition topic between two nodes of one group, each record delivered once', async () => {
    const topic = uniqueName('split');
    const groupId = uniqueName('grp');
    await createTopic(topic, 4);
    const partitions = await partitionCount(topic);
    assert.ok(partitions > 1, `the test needs a multi-partition topic, got ${partitions}`);
    await load([brokerModule, genesysModule], [
      brokerConfig(),
      ...sourceWithOutputs('cc-genesys-agentstate', 'a', { topic, start: 'earliest', groupId }),
      ...sourceWithOutputs('cc-genesys-agentstate', 'b', { topic, start: 'earliest', groupId }),
    ]);
    const owned: Record<string, number> = { a: 0, b: 0 };
    const balanced = new Promise<void>((resolve) => {
      for (const id of ['a', 'b']) {
        helper.getNode(id).on('call:status', (call: { args: [StatusCall] }) => {
          const m = /connected · (\d+) partition/.exec(call.args[0]?.text ?? '');
          owned[id] = m ? Number(m[1]) : 0;
          if (owned.a > 0 && owned.b > 0 && owned.a + owned.b === partitions) resolve();
        });
      }
    });
    await balanced;
    const outA = new Collector(helper.getNode('a-out'));
    const outB = new Collector(helper.getNode('b-out'));
    const total = 60;
    await produce(topic, Array.from({ length: total }, (_, i) => ({ key: `acme:${2000 + i}`, value: ready(1000 + i, i) })));
    await consumedAll(groupId, topic, total);
    const all = [...agentsOf(outA.messages), ...agentsOf(outB.messages)];
    assert.ok(outA.messages.length > 0 && outB.messages.length > 0, `both members work: a=${outA.messages.length} b=${outB.messages.length}`);
    assert.equal(all.length, total, 'each record delivered exactly once');
    assert.equal(new Set(all).size, total);
  });

  it('shows a frozen broker as disconnected and delivers every record produced meanwhile', async function () {
    if (!MOCK_PID) this.skip(); // an external KAFKA_BROKERS broker is not ours to freeze
    const topic = uniqueName('freeze');
    const groupId = uniqueName('grp');
    await createTopic(topic);
    await load([brokerModule, genesysModule], [brokerConfig(), ...sourceWithOutputs('cc-genesys-agentstate', 'g1', { topic, start: 'earliest', groupId })]);
    const node = helper.getNode('g1');
    await waitForStatus(node, (s) => s.fill === 'green');
    const out = new Collector(helper.getNode('g1-out'));
    const kafka = new Kafka({ brokers: BROKERS, clientId: 'cc-test-freeze', logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const outage = waitForStatus(node, (s) => s.fill === 'red' && /disconnected/.test(s.text ?? ''), 16000);
    process.kill(MOCK_PID!, 'SIGSTOP');
    const frozenAt = Date.now();
    const sends: Promise<unknown>[] = [];
    try {
      for (let i = 1; i <= 10; i++) sends.push(producer.send({ topic, messages: [{ key: `acme:${3000 + i}`, value: ready(2000 + i, i) }] }));
      await outage;
      await new Promise((r) => setTimeout(r, Math.max(0, 15000 - (Date.now() - frozenAt))));
    } finally {
      process.kill(MOCK_PID!, 'SIGCONT');
    }
    const recovered = waitForStatus(node, (s) => s.fill === 'green', 60000);
    await Promise.all(sends);
    await producer.disconnect();
    // At-least-once: the rebalance after the freeze may hand a record over twice, never lose one.
    const expected = Array.from({ length: 10 }, (_, i) => String(3001 + i));
    const distinct = (msgs: { payload: { AgentID: string } }[]) => [...new Set(agentsOf(msgs))].sort();
    const msgs = await out.waitUntil('all 10 records', (m) => distinct(m as never).length >= 10, 60000);
    await recovered;
    assert.deepEqual(distinct(msgs as never), expected);
  });
});
