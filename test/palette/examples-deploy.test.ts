import assert from 'assert/strict';
import fs from 'fs';
import os from 'os';
import path from 'path';
import WebSocket from 'ws';
import { ROOT, startNodeRed, type RunningNodeRed } from '../support/node-red-process';
import { until } from '../support/wait';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDemoSimulators } = require(path.join(ROOT, 'scripts', 'lib', 'demo-simulators.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { prepareUserDir } = require(path.join(ROOT, 'scripts', 'lib', 'demo-userdir.js'));

const SOURCE_TYPES = new Set(['cc-genesys-agentstate', 'cc-pom-events', 'cc-finesse-events', 'cc-axp-events', 'cc-analytics-measures']);

interface FlowNode { id: string; type: string; name?: string; wires?: string[][] }
interface Status { fill?: string; text?: string }

/** Every source node of every example, with the nodes its event outputs (all but the last, unreadable one) feed. */
function sourcesOfExamples(): { node: FlowNode; file: string; fed: Set<string> }[] {
  const dir = path.join(ROOT, 'examples');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((file) => {
    const nodes = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as FlowNode[];
    return nodes.filter((n) => SOURCE_TYPES.has(n.type)).map((node) => ({ node, file, fed: new Set((node.wires ?? []).slice(0, -1).flat()) }));
  });
}

/**
 * Every example, imported into a running Node-RED with the simulators up (as `npm start` does): within a bounded
 * time each source node shows a connected status and sends at least one message, and no node reports an error.
 */
describe('Every example deploys against the simulators', function () {
  this.timeout(180000);
  let simulators: { startPom(): void; stop(): Promise<void>; endpoints: object; credentials: object };
  let red: RunningNodeRed;
  let userDir: string;

  before(async () => {
    if (!process.env.KAFKA_BROKERS || !process.env.ACTIVEMQ_STOMP) throw new Error('run with `npm test`, which starts Kafka and ActiveMQ');
    simulators = await startDemoSimulators({ kafkaBrokers: process.env.KAFKA_BROKERS, activemqStomp: process.env.ACTIVEMQ_STOMP, faults: false });
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-examples-'));
    prepareUserDir({ userDir, root: ROOT, port: 0, endpoints: simulators.endpoints, credentials: simulators.credentials });
  });
  after(async () => {
    await red?.stop();
    await simulators?.stop();
    if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
  });

  it('connects every source node of every example, each sends a message, and nothing reports an error', async () => {
    const sources = sourcesOfExamples();
    assert.ok(sources.length >= 5, `${sources.length} source nodes in examples/`);
    red = await startNodeRed(process.execPath, require.resolve('node-red/red.js'), userDir);
    const statuses = new Map<string, Status>();
    const reds: string[] = [];
    const debugFrom = new Set<string>();
    const comms = new WebSocket(`${red.base.replace('http', 'ws')}/comms`);
    await new Promise((resolve, reject) => {
      comms.once('open', resolve);
      comms.once('error', reject);
    });
    // A socket error later must fail this test, not take the whole mocha process down as an unhandled 'error' event.
    comms.on('error', (err) => reds.push(`comms: ${err.message}`));
    comms.send(JSON.stringify({ subscribe: 'status/#' }));
    comms.send(JSON.stringify({ subscribe: 'debug' }));
    comms.on('message', (data) => {
      for (const m of JSON.parse(String(data)) as { topic: string; data: { id?: string; fill?: string; text?: string } }[]) {
        if (m.topic === 'debug' && m.data.id) debugFrom.add(m.data.id);
        if (!m.topic.startsWith('status/')) continue;
        const id = m.topic.slice('status/'.length);
        statuses.set(id, m.data);
        if (m.data.fill === 'red') reds.push(`${id}: ${m.data.text}`);
      }
    });
    simulators.startPom();
    // A message out shows as a debug message from a node it feeds, or in the count on its status (a source feeding a function).
    const sent = (id: string, fed: Set<string>) => [...fed].some((d) => debugFrom.has(d)) || Number(/· (\d+) events?/.exec(statuses.get(id)?.text ?? '')?.[1] ?? 0) > 0;
    const pending = () => sources.filter(({ node, fed }) => !/^(connected|in service)/.test(statuses.get(node.id)?.text ?? '') || !sent(node.id, fed));
    try {
      await until('every source connected with a message out', () => pending().length === 0, 90000, 250);
    } catch (err) {
      throw new Error(`${(err as Error).message}; still waiting for ${pending().map(({ node, file }) => `${file}:${node.name ?? node.id} (${statuses.get(node.id)?.text ?? 'no status'})`).join(', ')}`);
    } finally {
      comms.close();
    }
    assert.deepEqual(reds, [], 'no node showed a red status');
    assert.doesNotMatch(red.log(), /\[error\]/, red.log().split('\n').filter((l) => /\[error\]/.test(l)).slice(0, 5).join('\n'));
  });
});
