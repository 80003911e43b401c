'use strict';
// `npm start`: a broker, the vendor simulators and Node-RED on 127.0.0.1:1880 with the pack and the
// example flows deployed against them. Ctrl-C stops everything it started.
const path = require('path');
const { spawn } = require('child_process');
const { startKafka } = require('./lib/kafka-broker');
const { startActiveMq } = require('./lib/activemq-broker');
const { prepareUserDir } = require('./lib/demo-userdir');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT) || 1880;
const userDir = path.join(root, '.demo');
const stops = [];
const POM_START_DELAY_MS = 5000;
const STOP_STEP_MS = 5000;
let stopping = false;

function startPom(brokers) {
  if (stopping) return;
  const { startPomPublisher } = require(path.join(root, 'build', 'nodes', 'pom', 'simulator'));
  const pom = startPomPublisher({
    brokers: brokers.split(','), org: 'Default', servers: ['pom-primary', 'pom-secondary'], agents: 6, speed: 2,
    malformedShare: 0.01, seed: Date.now() % 100000,
    onError: (err) => console.error(`[demo] POM simulator: ${err.message}`),
  });
  stops.push(() => pom.stop());
  console.log('[demo] POM simulator publishing to POM.Default.* and the shared POM topics (twice real time)');
}


async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  while (stops.length) {
    const step = stops.pop();
    const limit = new Promise((resolve) => setTimeout(resolve, STOP_STEP_MS).unref());
    try { await Promise.race([step(), limit]); } catch (err) { console.error(`[demo] stopping: ${err.message}`); }
  }
  process.exit(code);
}

async function main() {
  const kafka = await startKafka();
  stops.push(() => kafka.stop());
  console.log(`[demo] Kafka at ${kafka.brokers}`);

  const { startGenesysPublisher } = require(path.join(root, 'build', 'nodes', 'genesys', 'simulator'));
  const genesys = startGenesysPublisher({
    brokers: kafka.brokers.split(','), topic: 'voice-agentstate', agents: 8, ratePerSecond: 2,
    malformedShare: 0.02, unknownShare: 0.01, seed: Date.now() % 100000,
    onError: (err) => console.error(`[demo] Genesys simulator: ${err.message}`),
  });
  stops.push(() => genesys.stop());
  console.log('[demo] Genesys simulator publishing to voice-agentstate');

  const activemq = await startActiveMq();
  stops.push(() => activemq.stop());
  const [amqHost, amqPort] = activemq.stomp.split(':');
  console.log(`[demo] ActiveMQ STOMP at ${activemq.stomp}`);
  const { GcSimulator, DEFAULT_ROSTER, startCallGenerator } = require(path.join(root, 'build', 'nodes', 'finesse', 'simulator'));
  const gc = new GcSimulator({ stomp: { host: amqHost, port: Number(amqPort) }, commandQueue: 'Connector1', agents: DEFAULT_ROSTER });
  await gc.start();
  stops.push(() => gc.stop());
  const calls = startCallGenerator(gc, DEFAULT_ROSTER.map((a) => a.id), 45000, (line) => console.log(`[demo] GC simulator: ${line}`));
  stops.push(() => calls.stop());
  console.log('[demo] GC simulator consuming /queue/Connector1 (agents 1001-1004, password "secret"; an inbound call for a READY agent every 45 s)');

  const { AxpSimulator, DEFAULT_CLIENT } = require(path.join(root, 'build', 'nodes', 'axp', 'simulator'));
  const axp = new AxpSimulator({ port: 0 });
  await axp.start();
  stops.push(() => axp.stop());
  axp.startTraffic(4000);
  console.log(`[demo] AXP simulator at ${axp.url} (account DYNNUG, client "${DEFAULT_CLIENT.clientId}")`);

  const { AnalyticsSimulator } = require(path.join(root, 'build', 'nodes', 'analytics', 'simulator'));
  const analytics = new AnalyticsSimulator({ port: 0, users: [{ username: 'supervisor', password: 'secret' }] });
  await analytics.start();
  stops.push(() => analytics.stop());
  analytics.startTraffic(3000);
  console.log(`[demo] Analytics simulator at ${analytics.baseUrl} (supervisor / secret)`);

  // The demo's broker is local and plain: the examples' TLS settings are for a real POM.
  const localKafka = { brokers: kafka.brokers, sessionTimeout: 10000, tls: false };
  // The simulators start while Node-RED is still joining its consumer groups: read the demo's topics from their start.
  prepareUserDir({
    userDir, root, port,
    endpoints: {
      'cc-kafka-broker': localKafka,
      'cc-pom-events': { onlyNew: false },
      'cc-finesse-gc': { host: amqHost, port: Number(amqPort), tls: false },
      'cc-axp-account': { apiHost: axp.url, accountId: 'DYNNUG' },
      'cc-analytics-server': { baseUrl: analytics.baseUrl, rejectUnauthorized: true },
    },
    credentials: {
      'cc-finesse-agent': { password: 'secret' },
      'cc-axp-account': { clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret },
      'cc-analytics-server': { username: 'supervisor', password: 'secret' },
    },
  });
  const red = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], {
    cwd: root, stdio: ['inherit', 'pipe', 'inherit'],
  });
  // The POM story (a job queued, started, ...) begins once the flows run, so the first events are seen live.
  let pomStarted = false;
  red.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!pomStarted && /Started flows/.test(String(chunk))) {
      pomStarted = true;
      setTimeout(() => startPom(kafka.brokers), POM_START_DELAY_MS);
    }
  });
  stops.push(() => new Promise((resolve) => {
    if (red.exitCode !== null) return resolve();
    red.once('exit', resolve);
    red.kill('SIGINT');
  }));
  red.once('exit', (code) => {
    console.log(`[demo] Node-RED exited (${code})`);
    stopAll(code || 0);
  });
  console.log(`[demo] Node-RED starting at http://127.0.0.1:${port} (Ctrl-C stops everything)`);
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
main().catch((err) => { console.error(err.message || err); stopAll(1); });
