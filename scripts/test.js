'use strict';
// `npm test`: starts the real parts the suite needs, runs mocha over the compiled tests, stops them.
const path = require('path');
const { spawn } = require('child_process');
const { startKafka } = require('./lib/kafka-broker');
const { startActiveMq } = require('./lib/activemq-broker');
const { ensureFile } = require('./lib/system-packages');

const root = path.resolve(__dirname, '..');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

async function main() {
  // The editor tests drive Debian's Chromium: playwright-core never downloads a browser.
  ensureFile(CHROMIUM, 'chromium');
  const kafka = await startKafka();
  console.log(`[test] Kafka at ${kafka.brokers}${kafka.external ? ' (KAFKA_BROKERS)' : ' (librdkafka mock cluster via kcat)'}`);
  const activemq = await startActiveMq().catch(async (err) => { await kafka.stop(); throw err; });
  console.log(`[test] ActiveMQ STOMP at ${activemq.stomp}${activemq.external ? ' (ACTIVEMQ_STOMP)' : ' (Debian activemq)'}`);
  const env = {
    ...process.env,
    KAFKA_BROKERS: kafka.brokers, CC_KAFKA_MOCK_PID: kafka.pid ? String(kafka.pid) : '',
    ACTIVEMQ_STOMP: activemq.stomp, CHROMIUM,
  };
  const mocha = spawn(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--config', path.join(root, 'test', '.mocharc.js'), ...process.argv.slice(2)], {
    cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Mocha's own summary is not a closing line CI reads, so we restate its counts in the plain form.
  let output = '';
  mocha.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output = (output + chunk).slice(-4000);
  });
  // Ctrl-C, or a CI runner's timeout: mocha ends its run, then the brokers are stopped below.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => mocha.kill(signal));
  const code = await new Promise((resolve) => mocha.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  await Promise.all([kafka.stop(), activemq.stop()]);
  const count = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(output) || [0, 0])[1]);
  console.log(`tests: ${count('passing')} passed, ${count('failing')} failed, ${count('pending')} skipped`);
  process.exit(code);
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
