import assert from 'assert/strict';
import path from 'path';
import { brokerConfig, brokerModule, catchModule, Collector, genesysModule, helper, load, sourceWithOutputs, waitForStatus, type Msg, type StatusCall } from '../support/flow';
import { committedOffsets, consumedAll, createTopic, MOCK_PID, produce, uniqueName } from '../support/kafka';

const ackModule = require(path.resolve(__dirname, '..', '..', 'nodes', 'kafka', 'cc-kafka-ack'));
const throwingModule = require(path.resolve(__dirname, '..', 'support', 'throwing-source'));

function ready(agent: number): string {
  return JSON.stringify({ id: 'EventAgentReady', Server: 1, ThisDN: String(5000 + agent), AgentID: String(1000 + agent), AgentWorkMode: 'ManualIn', time: { seconds: agent, useconds: 0 } });
}

/** The flow a user builds: an acked source whose events go through the "store" (the test) into cc-kafka-ack. */
function ackedFlow(topic: string, groupId: string, props: Record<string, unknown> = {}) {
  return [
    brokerConfig(),
    ...sourceWithOutputs('cc-genesys-agentstate', 'g1', { topic, start: 'earliest', groupId, commit: 'acked', ...props }),
    { id: 'ack', type: 'cc-kafka-ack', wires: [['ack-out']] },
    { id: 'ack-out', type: 'helper' },
    { id: 'catcher', type: 'catch', scope: null, wires: [['caught']] },
    { id: 'caught', type: 'helper' },
  ];
}

const offsetsOf = (msgs: Msg[]) => msgs.map((m) => Number(m.kafka.offset)).sort((a, b) => a - b);

describe('Acknowledged delivery (commit "acked", cc-kafka-ack)', function () {
  this.timeout(120000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('commits only up to the lowest unacknowledged offset, whatever the order of acks; the rest comes again after a redeploy', async () => {
    const topic = uniqueName('acked');
    const groupId = uniqueName('grp');
    await createTopic(topic);
    const modules = [brokerModule, genesysModule, ackModule, catchModule];
    await load(modules, ackedFlow(topic, groupId));
    let out = new Collector(helper.getNode('g1-out'));
    await produce(topic, Array.from({ length: 10 }, (_, i) => ({ key: 'acme:1', value: ready(i), partition: 0 })));
    const first = await out.waitFor(10);
    assert.deepEqual(offsetsOf(first), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const m of first) assert.deepEqual(Object.keys(m.kafka.ack).sort(), ['epoch', 'source'], 'the message carries what the ack node needs, nothing more');
    const acked = new Collector(helper.getNode('ack-out'));
    const ack = helper.getNode('ack');
    // The "store" finishes out of order and never finishes offset 2.
    for (const offset of [4, 3, 1, 0, 9, 8, 7, 6, 5]) ack.receive(first.find((m) => Number(m.kafka.offset) === offset));
    await acked.waitFor(9);
    assert.deepEqual(offsetsOf(acked.messages), [0, 1, 3, 4, 5, 6, 7, 8, 9], 'cc-kafka-ack passes each message on');
    await helper.unload();
    assert.deepEqual(await committedOffsets(groupId, topic), { 0: '2', 1: '-1', 2: '-1', 3: '-1' }, 'committed by close, not past offset 2');

    await load(modules, ackedFlow(topic, groupId));
    out = new Collector(helper.getNode('g1-out'));
    const again = await out.waitFor(8);
    assert.deepEqual(offsetsOf(again), [2, 3, 4, 5, 6, 7, 8, 9], 'the unacknowledged record and those after it come again; 0 and 1 do not');
    for (const m of again) helper.getNode('ack').receive(m);
    await consumedAll(groupId, topic, 10);
  });

  it('keeps at most maxUnacked messages out with a slow store, pauses and says so, and resumes as acks arrive', async () => {
    const topic = uniqueName('bound');
    const groupId = uniqueName('grp');
    await createTopic(topic);
    const maxUnacked = 20;
    const total = 300;
    await load([brokerModule, genesysModule, ackModule, catchModule], ackedFlow(topic, groupId, { maxUnacked }));
    const source = helper.getNode('g1');
    const ack = helper.getNode('ack');
    const shown: StatusCall[] = [];
    source.on('call:status', (call: { args: [StatusCall] }) => shown.push(call.args[0]));
    await waitForStatus(source, (s) => s.fill === 'green');
    const out = new Collector(helper.getNode('g1-out'));
    let outstanding = 0;
    let most = 0;
    let store = Promise.resolve();
    out.on('message', (msg: Msg) => {
      outstanding++;
      most = Math.max(most, outstanding);
      // A database that takes a few milliseconds per write, one write at a time.
      store = store.then(() => new Promise<void>((resolve) => setTimeout(() => {
        outstanding--;
        ack.receive(msg);
        resolve();
      }, 3)));
    });
    const paused = waitForStatus(source, (s) => s.text === `paused · ${maxUnacked} unacknowledged`, 60000);
    await produce(topic, Array.from({ length: total }, (_, i) => ({ key: `acme:${i}`, value: ready(i) })));
    const pausedStatus = await paused;
    assert.equal(pausedStatus.fill, 'yellow');
    await out.waitFor(total, 60000);
    await consumedAll(groupId, topic, total);
    assert.ok(most <= maxUnacked, `never more than ${maxUnacked} out at once, saw ${most}`);
    assert.equal(most, maxUnacked, 'the bound was reached (the store is slower than the broker)');
    const pausedAt = shown.findIndex((s) => s.text === pausedStatus.text);
    assert.ok(shown.slice(pausedAt).some((s) => s.fill === 'green' && /^connected/.test(s.text ?? '')), 'connected again once acks freed room');
  });

  it('refuses a message that did not come from a source in acknowledged mode, with a sentence a Catch node sees', async () => {
    await load([ackModule, catchModule], [
      { id: 'ack', type: 'cc-kafka-ack', wires: [['ack-out']] },
      { id: 'ack-out', type: 'helper' },
      { id: 'catcher', type: 'catch', scope: null, wires: [['caught']] },
      { id: 'caught', type: 'helper' },
    ]);
    const caught = new Collector(helper.getNode('caught'));
    const passed = new Collector(helper.getNode('ack-out'));
    helper.getNode('ack').receive({ payload: 'from an inject node' });
    helper.getNode('ack').receive({ payload: {}, kafka: { topic: 't', partition: 0, offset: '1' } });
    const errors = await caught.waitFor(2);
    for (const e of errors) assert.match(e.error!.message, /did not come from a Kafka source set to commit "after cc-kafka-ack received it"/);
    assert.equal(passed.messages.length, 0);
  });

  it('passes on but does not count a message whose source was redeployed since', async () => {
    const topic = uniqueName('stale');
    const groupId = uniqueName('grp');
    await createTopic(topic);
    const modules = [brokerModule, genesysModule, ackModule, catchModule];
    await load(modules, ackedFlow(topic, groupId));
    const out = new Collector(helper.getNode('g1-out'));
    await produce(topic, [{ key: 'acme:1', value: ready(1), partition: 0 }]);
    const [old] = await out.waitFor(1);
    await helper.unload();
    await load(modules, ackedFlow(topic, groupId));
    const again = await new Collector(helper.getNode('g1-out')).waitFor(1);
    assert.equal(again[0].kafka.offset, old.kafka.offset, 'unacknowledged, so delivered again');
    assert.notEqual(again[0].kafka.ack.epoch, old.kafka.ack.epoch);
    const passed = new Collector(helper.getNode('ack-out'));
    const status = waitForStatus(helper.getNode('ack'), () => true);
    helper.getNode('ack').receive(old);
    await passed.waitFor(1);
    assert.equal((await status).text, '0 acknowledged · 1 to come again');
    assert.deepEqual(await committedOffsets(groupId, topic), { 0: '-1', 1: '-1', 2: '-1', 3: '-1' });
  });

  it('closes within 10 s with messages outstanding while the broker is frozen', async function () {
    if (!MOCK_PID) this.skip(); // an external KAFKA_BROKERS broker is not ours to freeze
    const topic = uniqueName('frozen-close');
    const groupId = uniqueName('grp');
    await createTopic(topic);
    await load([brokerModule, genesysModule, ackModule, catchModule], ackedFlow(topic, groupId));
    const out = new Collector(helper.getNode('g1-out'));
    await produce(topic, [1, 2, 3].map((i) => ({ key: 'acme:1', value: ready(i), partition: 0 })));
    const [first] = await out.waitFor(3);
    helper.getNode('ack').receive(first);
    process.kill(MOCK_PID!, 'SIGSTOP');
    const started = Date.now();
    try {
      await helper.unload();
    } finally {
      process.kill(MOCK_PID!, 'SIGCONT');
    }
    const took = Date.now() - started;
    assert.ok(took < 10000, `close took ${took} ms`);
  });
});

describe('No record loop can poison a partition', function () {
  this.timeout(90000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  for (const commit of ['sent', 'acked']) {
    it(`sends a record its parser throws on to the error output and moves on (commit ${commit})`, async () => {
      const topic = uniqueName('poison');
      const groupId = uniqueName('grp');
      await createTopic(topic);
      await load([brokerModule, throwingModule, ackModule, catchModule], [
        brokerConfig(),
        ...sourceWithOutputs('cc-test-throwing-source', 's', { topic, groupId, commit }),
        { id: 'catcher', type: 'catch', scope: null, wires: [['caught']] },
        { id: 'caught', type: 'helper' },
        { id: 'ack', type: 'cc-kafka-ack', wires: [[]] },
      ]);
      const out = new Collector(helper.getNode('s-out'));
      const err = new Collector(helper.getNode('s-err'));
      const caught = new Collector(helper.getNode('caught'));
      if (commit === 'acked') out.on('message', (m: Msg) => helper.getNode('ack').receive(m));
      const values = [ready(1), '{"id":"EventAgentReady","boom":1}', ready(2), 'boom', ready(3)];
      await produce(topic, values.map((value) => ({ key: 'acme:1', value, partition: 0 })));
      await out.waitFor(3);
      const failures = await err.waitFor(2);
      assert.deepEqual(failures.map((m) => m.payload), [values[1], values[3]], 'the raw text of each record the parser threw on');
      for (const f of failures) {
        assert.equal(f.error!.message, 'Reading the record failed: parser exploded on boom');
        assert.equal(typeof f.kafka.offset, 'string');
      }
      await caught.waitFor(2);
      await consumedAll(groupId, topic, 5);
      assert.equal(out.messages.length, 3, 'each good record once: the batch was not fetched again');
      assert.equal(err.messages.length, 2);
    });
  }
});
