'use strict';
// Events per second through cc-genesys-agentstate into a downstream node, beside a plain kafkajs
// consumer (eachMessage + JSON.parse) reading the same records from the same broker in the same
// run. Each side is timed from its first record to its last, so group joins do not count.
const path = require('path');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { startKafka } = require('../lib/kafka-broker');
const { root, median, withTimeout, deploy } = require('./common');

const RECORDS = Number(process.env.BENCH_RECORDS) || 40000;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const TIMEOUT_MS = 120000;

function rate(first, last) {
  return (RECORDS - 1) / (Number(last - first) / 1e9);
}

async function produceRecords(kafka, topic) {
  const { GenesysSimulator } = require(path.join(root, 'build', 'nodes', 'genesys', 'simulator'));
  const sim = new GenesysSimulator({ agents: 40, seed: 7 });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  for (let sent = 0; sent < RECORDS; sent += 1000) {
    const batch = sim.take(Math.min(1000, RECORDS - sent)).map((r) => ({ key: r.key, value: r.value, timestamp: String(r.timestamp) }));
    await producer.send({ topic, messages: batch });
  }
  await producer.disconnect();
}

async function plainConsumerRate(kafka, topic, round) {
  const consumer = kafka.consumer({ groupId: `bench-plain-${process.pid}-${round}`, sessionTimeout: 10000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  let first = 0n;
  const done = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        if (count === 0) first = process.hrtime.bigint();
        JSON.parse(message.value.toString('utf8'));
        if (++count === RECORDS) resolve(process.hrtime.bigint());
      },
    });
  });
  const last = await withTimeout(done, TIMEOUT_MS, `plain consumer reading ${RECORDS} records`);
  await consumer.disconnect();
  return rate(first, last);
}

async function nodeRate(RED, brokers, topic, round) {
  const counted = new Promise((resolve) => process.once('cc-bench-counted', resolve));
  await deploy(RED, [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'broker', type: 'cc-kafka-broker', brokers, sessionTimeout: 10000 },
    { id: 'src', type: 'cc-genesys-agentstate', z: 'tab', broker: 'broker', topic, start: 'earliest', groupId: `bench-node-${process.pid}-${round}`, wires: [['count'], []] },
    { id: 'count', type: 'cc-bench-counter', z: 'tab', expect: RECORDS, wires: [] },
  ]);
  const { first, last } = await withTimeout(counted, TIMEOUT_MS, `cc-genesys-agentstate reading ${RECORDS} records`);
  await deploy(RED, [{ id: 'tab', type: 'tab', label: 'bench' }]);
  return rate(first, last);
}

async function benchKafkaThroughput(RED) {
  const broker = await startKafka();
  const kafka = new Kafka({ brokers: broker.brokers.split(','), clientId: 'cc-bench', logLevel: logLevel.NOTHING });
  const topic = `bench-agentstate-${Date.now()}`;
  try {
    console.log(`broker ${broker.brokers}${broker.external ? '' : ' (librdkafka mock cluster)'}; producing ${RECORDS} Genesys records`);
    await produceRecords(kafka, topic);
    const plain = [];
    const node = [];
    for (let round = 1; round <= ROUNDS; round++) {
      plain.push(await plainConsumerRate(kafka, topic, round));
      node.push(await nodeRate(RED, broker.brokers, topic, round));
      console.log(`round ${round}: plain kafkajs ${plain.at(-1).toFixed(0)}/s, cc-genesys-agentstate ${node.at(-1).toFixed(0)}/s`);
    }
    const p = median(plain);
    const n = median(node);
    console.log(`plain kafkajs consumer (eachMessage + JSON.parse): ${p.toFixed(0)} events/s (median of ${ROUNDS})`);
    console.log(`cc-genesys-agentstate -> downstream node:         ${n.toFixed(0)} events/s (median of ${ROUNDS})`);
    const paired = plain.map((r, i) => node[i] / r);
    console.log(`per-round ratios: ${paired.map((r) => r.toFixed(2)).join(' ')} (median ${median(paired).toFixed(2)})`);
    console.log(`ratio node/plain: ${(n / p).toFixed(2)} (aim >= 0.75)`);
  } finally {
    await broker.stop();
  }
}

module.exports = { benchKafkaThroughput };
