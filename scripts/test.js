'use strict';
// `npm test`: starts the real parts the suite needs, runs mocha over the compiled tests, stops them.
const path = require('path');
const { spawn } = require('child_process');
const { startKafka } = require('./lib/kafka-broker');

const root = path.resolve(__dirname, '..');

async function main() {
  const kafka = await startKafka();
  console.log(`[test] Kafka at ${kafka.brokers}${kafka.external ? ' (KAFKA_BROKERS)' : ' (librdkafka mock cluster via kcat)'}`);
  const env = { ...process.env, KAFKA_BROKERS: kafka.brokers, CC_KAFKA_MOCK_PID: kafka.pid ? String(kafka.pid) : '' };
  const mocha = spawn(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--config', path.join(root, 'test', '.mocharc.js'), ...process.argv.slice(2)], {
    cwd: root, env, stdio: 'inherit',
  });
  const stopAll = () => kafka.stop();
  process.on('SIGINT', () => mocha.kill('SIGINT'));
  const code = await new Promise((resolve) => mocha.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  await stopAll();
  process.exit(code);
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
