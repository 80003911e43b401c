'use strict';
// `npm run bench`: events per second through cc-genesys-agentstate into a downstream node, beside a
// plain kafkajs consumer (eachMessage + JSON.parse) reading the same records from the same broker
// in the same run. Each side is timed from its first record to its last, so group joins do not count.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { startKafka } = require('./lib/kafka-broker');

const root = path.resolve(__dirname, '..');
const RECORDS = Number(process.env.BENCH_RECORDS) || 40000;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const TIMEOUT_MS = 120000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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
  const last = await withTimeout(done, 'plain consumer');
  await consumer.disconnect();
  return rate(first, last);
}

function withTimeout(promise, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not see ${RECORDS} records in ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref())]);
}

async function startNodeRed() {
  const RED = require('node-red');
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-'));
  const pkg = require(path.join(root, 'package.json'));
  const link = path.join(userDir, 'node_modules', ...pkg.name.split('/'));
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(root, link, 'dir');
  const server = http.createServer();
  RED.init(server, {
    userDir, flowFile: 'flows.json', nodesDir: [path.join(__dirname, 'bench')], httpAdminRoot: false, httpNodeRoot: false,
    credentialSecret: false, logging: { console: { level: 'warn', metrics: false, audit: false } },
  });
  await RED.start();
  return { RED, stop: async () => { await RED.stop(); fs.rmSync(userDir, { recursive: true, force: true }); } };
}

async function nodeRate(RED, brokers, topic, round) {
  const counted = new Promise((resolve) => process.once('cc-bench-counted', resolve));
  const flows = [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'broker', type: 'cc-kafka-broker', brokers, sessionTimeout: 10000 },
    { id: 'src', type: 'cc-genesys-agentstate', z: 'tab', broker: 'broker', topic, start: 'earliest', groupId: `bench-node-${process.pid}-${round}`, wires: [['count'], []] },
    { id: 'count', type: 'cc-bench-counter', z: 'tab', expect: RECORDS, wires: [] },
  ];
  await RED.runtime.flows.setFlows({ flows: { flows }, deploymentType: 'full' });
  const { first, last } = await withTimeout(counted, 'cc-genesys-agentstate');
  await RED.runtime.flows.setFlows({ flows: { flows: [{ id: 'tab', type: 'tab', label: 'bench' }] }, deploymentType: 'full' });
  return rate(first, last);
}

async function main() {
  const broker = await startKafka();
  const kafka = new Kafka({ brokers: broker.brokers.split(','), clientId: 'cc-bench', logLevel: logLevel.NOTHING });
  const topic = `bench-agentstate-${Date.now()}`;
  let red;
  try {
    console.log(`broker ${broker.brokers}${broker.external ? '' : ' (librdkafka mock cluster)'}; producing ${RECORDS} Genesys records`);
    await produceRecords(kafka, topic);
    red = await startNodeRed();
    const plain = [];
    const node = [];
    for (let round = 1; round <= ROUNDS; round++) {
      plain.push(await plainConsumerRate(kafka, topic, round));
      node.push(await nodeRate(red.RED, broker.brokers, topic, round));
      console.log(`round ${round}: plain kafkajs ${plain.at(-1).toFixed(0)}/s, cc-genesys-agentstate ${node.at(-1).toFixed(0)}/s`);
    }
    const p = median(plain);
    const n = median(node);
    console.log(`plain kafkajs consumer (eachMessage + JSON.parse): ${p.toFixed(0)} events/s (median of ${ROUNDS})`);
    console.log(`cc-genesys-agentstate -> downstream node:         ${n.toFixed(0)} events/s (median of ${ROUNDS})`);
    const paired = plain.map((rate, i) => node[i] / rate);
    console.log(`per-round ratios: ${paired.map((r) => r.toFixed(2)).join(' ')} (median ${median(paired).toFixed(2)})`);
    console.log(`ratio node/plain: ${(n / p).toFixed(2)} (aim >= 0.75)`);
  } finally {
    if (red) await red.stop();
    await broker.stop();
  }
  process.exit(0);
}

main().catch((err) => { console.error(err.stack || err); process.exit(1); });
