'use strict';
// Starts a Kafka-protocol broker for tests, the demo and the bench: KAFKA_BROKERS when set,
// else librdkafka's mock cluster hosted by Debian's kcat. kcat keeps the cluster alive while its
// standard input stays open, so we hold a pipe to it and close it to stop.
const { spawn } = require('child_process');
const { ensureCommand } = require('./system-packages');

const BOOTSTRAP = /(?:bootstrap\.servers=|replaced with )(\S+)/;

async function startKafka({ timeoutMs = 15000 } = {}) {
  if (process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS, pid: null, external: true, stop: async () => {} };
  }
  ensureCommand('kcat', 'kcat');
  const child = spawn('kcat', ['-P', '-X', 'test.mock.num.brokers=1', '-b', '127.0.0.1:1', '-t', 'cc-mock-keepalive'], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const brokers = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`kcat did not announce the mock cluster within ${timeoutMs} ms: ${seen.slice(-500)}`)), timeoutMs);
    function fail(err) { clearTimeout(timer); child.kill('SIGKILL'); reject(err); }
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`kcat exited (${code}) before the mock cluster started: ${seen.slice(-500)}`)));
    child.stderr.on('data', function onData(chunk) {
      seen += chunk;
      const m = BOOTSTRAP.exec(seen);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      resolve(m[1]);
    });
  });
  // Keep draining stderr so the mock never blocks on a full pipe.
  child.stderr.on('data', () => {});
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGCONT');
    child.stdin.end();
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
  return { brokers, pid: child.pid, external: false, stop };
}

module.exports = { startKafka };
