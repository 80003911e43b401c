import assert from 'assert/strict';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Kafka, logLevel } from 'kafkajs';
import WebSocket from 'ws';
import { agentStateModule, brokerConfig, brokerModule, Collector, helper, load, type Msg } from '../support/flow';
import { BROKERS, createTopic, produce, uniqueName } from '../support/kafka';
import { ROOT, startNodeRed, type RunningNodeRed } from '../support/node-red-process';
import { until } from '../support/wait';

const kafka = new Kafka({ brokers: BROKERS, clientId: 'cc-test-two-runtimes', logLevel: logLevel.NOTHING });

function ready(agent: number): string {
  return JSON.stringify({ id: 'EventAgentReady', Server: 1, ThisDN: String(5000 + agent), AgentID: String(agent), AgentWorkMode: 'ManualIn', time: { seconds: 1765100000 + agent, useconds: 0 } });
}

/** A Node-RED user directory with the pack linked in and one flow: a Genesys source in the shared group, a model, its changes published. */
function userDirFor(topic: string, groupId: string, changes: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-runtime-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
  const link = path.join(dir, 'node_modules', ...pkg.name.split('/'));
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(ROOT, link, 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'cc-runtime', private: true, dependencies: { [pkg.name]: `file:${ROOT}` } }));
  fs.writeFileSync(path.join(dir, 'flows.json'), JSON.stringify([
    { id: 't', type: 'tab', label: 'floor' },
    { ...brokerConfig(), id: 'b' },
    { id: 'src', type: 'cc-genesys-agentstate', z: 't', broker: 'b', topic, groupId, start: 'earliest', wires: [['model'], []] },
    { id: 'model', type: 'cc-agent-state', z: 't', thresholds: [], wires: [['pub'], [], []] },
    { id: 'pub', type: 'cc-kafka-publish', z: 't', broker: 'b', topic: changes, wires: [[]] },
  ]));
  fs.writeFileSync(path.join(dir, 'flows_cred.json'), '{}');
  return dir;
}

/** Resolves once the runtime's Genesys source shows partitions of its own (read over the editor's comms socket). */
function ownsPartitions(runtime: RunningNodeRed): Promise<void> {
  const comms = new WebSocket(`${runtime.base.replace('http', 'ws')}/comms`);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { comms.close(); reject(new Error(`${runtime.base}: the source owns no partition within 60 s`)); }, 60000);
    comms.on('error', reject);
    comms.on('open', () => comms.send(JSON.stringify({ subscribe: 'status/src' })));
    comms.on('message', (data) => {
      for (const m of JSON.parse(String(data)) as { topic: string; data: { text?: string } }[]) {
        if (Number(/connected · (\d+) partition/.exec(m.data?.text ?? '')?.[1] ?? 0) > 0) {
          clearTimeout(timer);
          comms.close();
          resolve();
        }
      }
    });
  });
}

async function recordsIn(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('Beyond one Node-RED: two runtimes split a Genesys topic, a third builds the whole floor', function () {
  this.timeout(180000);
  const runtimes: RunningNodeRed[] = [];
  const dirs: string[] = [];
  before(() => helper.startServer());
  after(async () => {
    await helper.stopServer();
    await Promise.all(runtimes.map((r) => r.stop()));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a third cc-agent-state from the compacted topic the two runtimes publish their changes to', async () => {
    const topic = uniqueName('floor');
    const changes = uniqueName('agent-changes');
    const groupId = uniqueName('grp');
    await createTopic(topic, 4);
    for (let i = 0; i < 2; i++) {
      dirs.push(userDirFor(topic, groupId, changes));
      runtimes.push(await startNodeRed(process.execPath, require.resolve('node-red/red.js'), dirs[i]));
    }
    // Each runtime's source shows the partitions it owns: both own some once the group has split the topic.
    await Promise.all(runtimes.map((runtime) => ownsPartitions(runtime)));
    const agents = Array.from({ length: 24 }, (_, i) => 3001 + i);
    await produce(topic, agents.map((a) => ({ key: `acme:${a}`, value: ready(a) })));
    await until(`${agents.length} changes published by the two runtimes`, async () => (await recordsIn(changes)) >= agents.length, 60000, 500);

    await load([brokerModule, agentStateModule], [
      { id: 'tab', type: 'tab', label: 'whole floor' }, brokerConfig(),
      { id: 'model', type: 'cc-agent-state', z: 'tab', thresholds: [], broker: 'broker', seedTopic: changes, wires: [[], ['roster'], []] },
      { id: 'roster', type: 'helper', z: 'tab' },
    ]);
    const out = new Collector(helper.getNode('roster'));
    helper.getNode('model').receive({ topic: 'snapshot' });
    const [roster] = await out.waitFor(1, 60000);
    assert.deepEqual(roster.payload.map((r: Msg) => r.agentId), agents.map(String));
    assert.ok(roster.payload.every((r: Msg) => r.state === 'READY'));
    for (const runtime of runtimes) assert.doesNotMatch(runtime.log(), /\[error\]/);
    await helper.unload();
  });
});
