import assert from 'assert/strict';
import path from 'path';
import { Kafka, logLevel } from 'kafkajs';
import { brokerConfig, brokerModule, catchModule, Collector, helper, load, waitForStatus } from '../support/flow';
import { BROKERS, uniqueName } from '../support/kafka';

const publishModule = require(path.resolve(__dirname, '..', '..', 'nodes', 'kafka', 'cc-kafka-publish'));

/** Reads a topic from its beginning until `count` records have come. */
async function readTopic(topic: string, count: number): Promise<{ key: string | null; value: string | null }[]> {
  const kafka = new Kafka({ brokers: BROKERS, clientId: 'cc-test-reader', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
  const records: { key: string | null; value: string | null }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${records.length} of ${count} records`)), 30000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null });
          if (records.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

describe('cc-kafka-publish', function () {
  this.timeout(90000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('publishes each payload as JSON with msg.key (else msg.topic) as key, and passes the message on once the broker has it', async () => {
    const topic = uniqueName('publish');
    await load([brokerModule, publishModule], [
      brokerConfig(),
      { id: 'pub', type: 'cc-kafka-publish', broker: 'broker', topic, wires: [['pub-out']] },
      { id: 'pub-out', type: 'helper' },
    ]);
    const out = new Collector(helper.getNode('pub-out'));
    const pub = helper.getNode('pub');
    const counted = waitForStatus(pub, (s) => /3 events/.test(s.text ?? ''));
    pub.receive({ topic: 'finesse/1001', payload: { state: 'READY', n: 1 } });
    pub.receive({ topic: 'ignored', key: 'explicit', payload: 'text' });
    pub.receive({ payload: null });
    await out.waitFor(3);
    const sorted = <T>(items: T[]) => items.map((i) => JSON.stringify(i)).sort();
    assert.deepEqual(sorted(out.messages.map((m) => m.payload)), sorted([{ state: 'READY', n: 1 }, 'text', null]), 'the message itself passes on');
    const records = await readTopic(topic, 3);
    assert.deepEqual(sorted(records), sorted([
      { key: 'finesse/1001', value: '{"state":"READY","n":1}' },
      { key: 'explicit', value: '"text"' },
      { key: null, value: 'null' },
    ]));
    assert.equal((await counted).fill, 'green');
  });

  it('ends a message that cannot be written as JSON with an error a Catch node sees, and publishes nothing for it', async () => {
    const topic = uniqueName('publish-bad');
    await load([brokerModule, publishModule, catchModule], [
      brokerConfig(),
      { id: 'pub', type: 'cc-kafka-publish', broker: 'broker', topic, wires: [['pub-out']] },
      { id: 'pub-out', type: 'helper' },
      { id: 'catcher', type: 'catch', scope: null, wires: [['caught']] },
      { id: 'caught', type: 'helper' },
    ]);
    const caught = new Collector(helper.getNode('caught'));
    helper.getNode('pub').receive({ payload: 10n });
    const [error] = await caught.waitFor(1);
    assert.match(error.error!.message, /msg\.payload cannot be written as JSON/);
  });

  it('refuses to start without a topic, saying so', async () => {
    await load([brokerModule, publishModule], [brokerConfig(), { id: 'pub', type: 'cc-kafka-publish', broker: 'broker', topic: ' ', wires: [[]] }]);
    const pub = helper.getNode('pub');
    const errors: string[] = [];
    pub.on('call:error', (call: { args: [string] }) => errors.push(String(call.args[0])));
    pub.receive({ payload: 1 });
    await new Promise((r) => setImmediate(r));
    assert.match(errors.join('\n'), /no topic set/);
  });
});
