'use strict';
// `npm start`: the brokers, the vendor simulators and Node-RED on 127.0.0.1:1880 with the pack and the
// example flows deployed against them. Ctrl-C stops everything it started.
const path = require('path');
const { spawn } = require('child_process');
const { startKafka } = require('./lib/kafka-broker');
const { startActiveMq } = require('./lib/activemq-broker');
const { prepareUserDir } = require('./lib/demo-userdir');
const { startDemoSimulators } = require('./lib/demo-simulators');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT) || 1880;
const userDir = path.join(root, '.demo');
const stops = [];
const POM_START_DELAY_MS = 5000;
const STOP_STEP_MS = 5000;
let stopping = false;

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
  const activemq = await startActiveMq();
  stops.push(() => activemq.stop());
  console.log(`[demo] ActiveMQ STOMP at ${activemq.stomp}`);
  const simulators = await startDemoSimulators({ kafkaBrokers: kafka.brokers, activemqStomp: activemq.stomp, log: (line) => console.log(`[demo] ${line}`) });
  stops.push(() => simulators.stop());

  prepareUserDir({ userDir, root, port, endpoints: simulators.endpoints, credentials: simulators.credentials });
  const red = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], {
    cwd: root, stdio: ['inherit', 'pipe', 'inherit'],
  });
  let pomStarted = false;
  red.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!pomStarted && /Started flows/.test(String(chunk))) {
      pomStarted = true;
      setTimeout(() => { if (!stopping) simulators.startPom(); }, POM_START_DELAY_MS);
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
