'use strict';
// `npm test`: starts the real parts the suite needs, runs mocha over the compiled tests, stops them.
const path = require('path');
const { spawn } = require('child_process');
const { startKafka } = require('./lib/kafka-broker');
const { startActiveMq } = require('./lib/activemq-broker');
const { ensureFile } = require('./lib/system-packages');

const root = path.resolve(__dirname, '..');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Ctrl-C or a CI runner's timeout: set once the signal came, so a broker started after it is stopped again. */
let interrupted;
let mocha;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = signal;
    // Mocha runs in a process group of its own: the Node-RED processes, Chromium and simulators the tests started get
    // the signal too rather than outliving it. The brokers are stopped once mocha has gone.
    if (mocha && mocha.exitCode === null) {
      try { process.kill(-mocha.pid, signal); } catch { /* the group has just ended on its own */ }
    }
  });
}

function stopIfInterrupted(...brokers) {
  if (!interrupted) return Promise.resolve();
  return Promise.all(brokers.map((b) => b.stop())).then(() => { throw new Error(`stopped by ${interrupted}`); });
}

async function main() {
  // The editor tests drive Debian's Chromium: playwright-core never downloads a browser.
  ensureFile(CHROMIUM, 'chromium');
  const kafka = await startKafka();
  await stopIfInterrupted(kafka);
  console.log(`[test] Kafka at ${kafka.brokers}${kafka.external ? ' (KAFKA_BROKERS)' : ' (librdkafka mock cluster via kcat)'}`);
  const activemq = await startActiveMq().catch(async (err) => { await kafka.stop(); throw err; });
  await stopIfInterrupted(kafka, activemq);
  console.log(`[test] ActiveMQ STOMP at ${activemq.stomp}${activemq.external ? ' (ACTIVEMQ_STOMP)' : ' (Debian activemq)'}`);
  const env = {
    ...process.env,
    KAFKA_BROKERS: kafka.brokers, CC_KAFKA_MOCK_PID: kafka.pid ? String(kafka.pid) : '',
    ACTIVEMQ_STOMP: activemq.stomp, CHROMIUM,
  };
  mocha = spawn(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--config', path.join(root, 'test', '.mocharc.js'), ...process.argv.slice(2)], {
    cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true,
  });
  // Mocha's own summary is not a closing line CI reads, so we restate its counts in the plain form.
  let output = '';
  mocha.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output = (output + chunk).slice(-4000);
  });
  const code = await new Promise((resolve) => mocha.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  await Promise.all([kafka.stop(), activemq.stop()]);
  const count = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(output) || [0, 0])[1]);
  console.log(`tests: ${count('passing')} passed, ${count('failing')} failed, ${count('pending')} skipped`);
  process.exit(code);
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
