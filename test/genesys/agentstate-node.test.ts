import assert from 'assert/strict';
import { everyEventRecords } from '../../nodes/genesys/simulator';
import { brokerConfig, brokerModule, Collector, genesysModule, helper, load, sourceWithOutputs, type Msg } from '../support/flow';
import { consumedAll, createTopic, produce, uniqueName, type TestRecord } from '../support/kafka';

const DOCUMENTED = [
  'EventAgentLogin', 'EventAgentLogout', 'EventAgentReady', 'EventAgentNotReady', 'EventDNOutOfService',
  'EventDNBackInService', 'EventDNDOn', 'EventDNDOff', 'EventForwardSet', 'EventForwardCancel',
  'EventOffHook', 'EventOnHook', 'EventMuteOn', 'EventMuteOff',
];
const UNTIMED = new Set(['EventDNOutOfService', 'EventDNBackInService', 'EventMuteOn', 'EventMuteOff']);

function at(id: string, attrs: Record<string, unknown>, seconds: number): string {
  return JSON.stringify({ id, Server: 65200, time: { seconds, useconds: 0 }, ...attrs });
}

describe('cc-genesys-agentstate against a Kafka broker', function () {
  this.timeout(60000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('delivers each of the 14 documented events with the message contract', async () => {
    const topic = uniqueName('agentstate');
    await createTopic(topic);
    await load([brokerModule, genesysModule], [brokerConfig(), ...sourceWithOutputs('cc-genesys-agentstate', 'g1', { topic, start: 'earliest', groupId: uniqueName('grp') })]);
    const out = new Collector(helper.getNode('g1-out'));
    const records = everyEventRecords({ tenant: 'acme' });
    await produce(topic, records.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp, headers: { source: 'sim' } })));
    const msgs = await out.waitFor(14);
    assert.deepEqual(msgs.map((m) => m.topic).sort(), [...DOCUMENTED].sort());
    for (const msg of msgs) {
      assert.equal(msg.payload.id, msg.topic);
      assert.equal(typeof msg.payload.ThisDN, 'string');
      assert.equal(msg.event.vendor, 'genesys');
      assert.equal(msg.event.type, msg.topic);
      assert.equal(msg.event.known, true);
      assert.ok(!Number.isNaN(Date.parse(msg.event.receivedAt)));
      assert.equal(msg.kafka.topic, topic);
      assert.equal(typeof msg.kafka.partition, 'number');
      assert.match(msg.kafka.offset, /^\d+$/);
      assert.match(msg.kafka.key, /^acme:\d+$/);
      if (msg.payload.AgentID) assert.equal(msg.kafka.key, `acme:${msg.payload.AgentID}`);
      assert.equal(typeof msg.kafka.timestamp, 'number');
      assert.deepEqual(msg.kafka.headers, { source: 'sim' });
      const record = records.find((r) => r.id === msg.topic)!;
      if (UNTIMED.has(msg.topic!)) {
        assert.equal(msg.event.timeSource, 'kafka');
        assert.equal(Date.parse(msg.event.eventTime), record.timestamp);
      } else {
        assert.equal(msg.event.timeSource, 'event');
        assert.deepEqual(Object.keys(msg.payload.time).sort(), ['seconds', 'useconds']);
      }
    }
    const families = Object.fromEntries(msgs.map((m) => [m.topic, m.event.family]));
    assert.equal(families.EventAgentReady, 'agent');
    assert.equal(families.EventMuteOn, 'mute');
    assert.equal(families.EventDNOutOfService, 'dn-service');
  });

  it('reads the vendor page dialects: "Agent ID", epoch time, pair lists, 64-bit ConnID, envelope', async () => {
    const topic = uniqueName('dialects');
    await createTopic(topic);
    await load([brokerModule, genesysModule], [brokerConfig(), ...sourceWithOutputs('cc-genesys-agentstate', 'g1', { topic, start: 'earliest', groupId: uniqueName('grp') })]);
    const out = new Collector(helper.getNode('g1-out'));
    await produce(topic, [
      { partition: 0, value: '{"id":"EventAgentReady","Server":"65200","ThisDN":5001,"Agent ID":"1001","AgentWorkMode":"AgentManualIn","time":1732186805123}' },
      { partition: 0, value: '{"id":"EventOffHook","Server":65200,"ThisDN":"5001","time":{"TimeinSecs":"1732186830","TimeinuSecs":"250000"},"ConnID":18446744073709551615,"UserData":[{"key":"Segment","value":"Gold"}]}' },
      { partition: 0, value: '{"event":{"id":"EventDNDOn","Server":65200,"ThisDN":"5001","time":"2024-11-21T11:00:00.000Z"}}' },
    ]);
    const [ready, offHook, dnd] = await out.waitFor(3);
    assert.equal(ready.payload.AgentID, '1001');
    assert.equal(ready.payload.ThisDN, '5001');
    assert.equal(ready.payload.AgentWorkMode, 'ManualIn');
    assert.equal(ready.event.eventTime, '2024-11-21T11:00:05.123000Z');
    assert.equal(offHook.payload.ConnID, '18446744073709551615');
    assert.deepEqual(offHook.payload.UserData, { Segment: 'Gold' });
    assert.deepEqual(offHook.payload.time, { seconds: 1732186830, useconds: 250000 });
    assert.equal(dnd.topic, 'EventDNDOn');
  });

  it('filters by event, agent, DN and queue, resolving DN events through the agent seen on that DN', async () => {
    const topic = uniqueName('filters');
    await createTopic(topic);
    const nodes = [
      ...sourceWithOutputs('cc-genesys-agentstate', 'fEvents', { topic, start: 'earliest', groupId: uniqueName('grp'), events: ['EventAgentReady', 'EventOffHook'] }),
      ...sourceWithOutputs('cc-genesys-agentstate', 'fAgent', { topic, start: 'earliest', groupId: uniqueName('grp'), agentId: '1001' }),
      ...sourceWithOutputs('cc-genesys-agentstate', 'fDn', { topic, start: 'earliest', groupId: uniqueName('grp'), dn: '5002' }),
      ...sourceWithOutputs('cc-genesys-agentstate', 'fQueue', { topic, start: 'earliest', groupId: uniqueName('grp'), queue: '8001, 8009' }),
    ];
    await load([brokerModule, genesysModule], [brokerConfig(), ...nodes]);
    const collectors = Object.fromEntries(['fEvents', 'fAgent', 'fDn', 'fQueue'].map((id) => [id, new Collector(helper.getNode(`${id}-out`))]));
    const stream: string[] = [
      at('EventAgentLogin', { ThisDN: '5001', AgentID: '1001', ThisQueue: '8000' }, 1), // 0
      at('EventAgentLogin', { ThisDN: '5001', AgentID: '1001', ThisQueue: '8001' }, 2), // 1
      at('EventAgentLogin', { ThisDN: '5002', AgentID: '1002', ThisQueue: '8000' }, 3), // 2
      at('EventAgentReady', { ThisDN: '5001', AgentID: '1001', AgentWorkMode: 'ManualIn' }, 4), // 3
      at('EventAgentReady', { ThisDN: '5002', AgentID: '1002', AgentWorkMode: 'ManualIn' }, 5), // 4
      at('EventOffHook', { ThisDN: '5001', ConnID: '006f02a1b3c40001' }, 6), // 5
      at('EventOffHook', { ThisDN: '5002', ConnID: '006f02a1b3c40002' }, 7), // 6
      JSON.stringify({ id: 'EventMuteOn', ThisDN: '5001', ConnID: '006f02a1b3c40001', ThisDNRole: 'Destination' }), // 7
      at('EventOnHook', { ThisDN: '5001', ConnID: '006f02a1b3c40001' }, 9), // 8
      at('EventAgentLogout', { ThisDN: '5001', AgentID: '1001' }, 10), // 9
      at('EventOffHook', { ThisDN: '5001', ConnID: '006f02a1b3c40003' }, 11), // 10: nobody bound to 5001 any more
    ];
    await produce(topic, stream.map((value) => ({ partition: 0, key: null, value })));
    const expected: Record<string, number[]> = {
      fEvents: [3, 4, 5, 6, 10],
      fAgent: [0, 1, 3, 5, 7, 8, 9],
      fDn: [2, 4, 6],
      fQueue: [1, 3, 5, 7, 8, 9],
    };
    for (const [id, indexes] of Object.entries(expected)) {
      await collectors[id].waitFor(indexes.length);
      await consumedAll(String(nodes.find((n) => n.id === id)!.groupId), topic, stream.length);
      assert.deepEqual(collectors[id].messages.map((m: Msg) => Number(m.kafka.offset)), indexes, `${id} passed the wrong records`);
    }
  });

  it('sends unreadable records out of output 2 with the raw text and loses nothing', async () => {
    const topic = uniqueName('malformed');
    await createTopic(topic);
    const groupId = uniqueName('grp');
    await load([brokerModule, genesysModule], [brokerConfig(), ...sourceWithOutputs('cc-genesys-agentstate', 'g1', { topic, start: 'earliest', groupId })]);
    const out = new Collector(helper.getNode('g1-out'));
    const err = new Collector(helper.getNode('g1-err'));
    const source = helper.getNode('g1');
    const caught: unknown[] = [];
    source.on('call:error', (call: { args: unknown[] }) => caught.push(call.args[1]));
    const good = at('EventAgentReady', { ThisDN: '5001', AgentID: '1001', AgentWorkMode: 'ManualIn' }, 1);
    const bad: TestRecord[] = [
      { value: '{"id":"EventAgentReady", "ThisDN": ' },
      { value: '[1,2,3]' },
      { value: '"EventAgentReady"' },
      { value: '{"ThisDN":"5001"}' },
      { value: '{"id":{"name":"EventAgentReady"},"ThisDN":"5001"}' },
      { value: '{"id":"EventAgentReady","ThisDN":{"dn":"5001"},"time":1}' },
      { value: '{"id":"EventOffHook","ThisDN":"5001","time":"banana"}' },
      { value: null },
    ];
    const unknown = at('EventQueueLogout', { ThisDN: '5001', AgentID: '1001', ThisQueue: '8000' }, 2);
    const records: TestRecord[] = [{ value: good }, ...bad, { value: unknown }, { value: good }].map((r) => ({ ...r, partition: 0, key: 'acme:1001' }));
    await produce(topic, records);
    const errors = await err.waitFor(bad.length);
    const events = await out.waitFor(3);
    await consumedAll(groupId, topic, records.length);
    assert.equal(out.messages.length, 3);
    assert.equal(err.messages.length, bad.length);
    assert.deepEqual(errors.map((m) => m.payload), bad.map((b) => b.value ?? ''));
    for (const msg of errors) {
      assert.equal(typeof msg.error!.message, 'string');
      assert.ok(msg.error!.message.length > 10, msg.error!.message);
      assert.ok(Array.isArray(msg.error!.issues));
      assert.equal(msg.kafka.topic, topic);
      assert.equal(msg.kafka.key, 'acme:1001');
    }
    assert.match(errors[0].error!.message, /JSON/);
    assert.match(errors[1].error!.message, /object/);
    assert.deepEqual(errors[5].error!.issues[0].path, ['ThisDN']);
    assert.deepEqual(errors[6].error!.issues[0].path, ['time']);
    assert.deepEqual(events.map((m) => [m.topic, m.event.known]), [['EventAgentReady', true], ['EventQueueLogout', false], ['EventAgentReady', true]]);
    await new Promise((r) => setImmediate(r));
    assert.equal(caught.length, bad.length, 'each unreadable record is reported to Catch nodes');
    assert.deepEqual(caught.map((m) => (m as Msg).payload), bad.map((b) => b.value ?? ''));
  });
});
