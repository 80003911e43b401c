'use strict';
// GetState round trips through cc-finesse-command and the GC simulator, beside a plain stompit
// requester doing the same exchange (type, reply-to, correlation-id) with the same simulator on the
// same ActiveMQ in the same run. Latency is per command, sequential, from send to the reply in hand.
const net = require('net');
const path = require('path');
const { randomUUID } = require('crypto');
const stompit = require('stompit');
const { startActiveMq } = require('../lib/activemq-broker');
const { root, median, percentile, withTimeout, deploy } = require('./common');

const COMMANDS = Number(process.env.BENCH_COMMANDS) || 2000;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const WARMUP = 200;
const TIMEOUT_MS = 120000;
const QUEUE = `bench_gc_${process.pid}`;

function ms(from, to) {
  return Number(to - from) / 1e6;
}

/** A plain stompit client; noDelay as our session has it (stompit's own default stalls on Nagle, see README). */
function plainClient(host, port, noDelay) {
  const connect = (options, listener) => {
    const socket = net.connect(options, listener);
    if (noDelay) socket.setNoDelay(true);
    return socket;
  };
  return new Promise((resolve, reject) => {
    stompit.connect({ host, port, connect, connectHeaders: { host: '/', 'accept-version': '1.2' } }, (err, client) => (err ? reject(err) : resolve(client)));
  });
}

async function plainRequester(host, port, noDelay, agentId) {
  const client = await plainClient(host, port, noDelay);
  let closing = false;
  client.on('error', (err) => { if (!closing) console.error(`plain stompit client for agent ${agentId}: ${err.message}`); });
  const destination = `bench_plain_${process.pid}_${agentId}`;
  const replyTo = `/topic/${destination}`;
  const waiting = new Map();
  let onAny;
  client.subscribe({ destination: replyTo, ack: 'auto' }, (err, message) => {
    if (err) return;
    const correlation = message.headers['correlation-id'];
    message.readString('utf-8', (readErr, body) => {
      if (readErr) return;
      const resolve = waiting.get(correlation);
      waiting.delete(correlation);
      if (resolve) resolve(body);
      if (onAny) onAny(body);
    });
  });
  const send = (type, body = '') => {
    const correlation = randomUUID();
    const reply = new Promise((resolve) => waiting.set(correlation, resolve));
    client.send({ destination: `/queue/${QUEUE}`, type, 'reply-to': replyTo, 'correlation-id': correlation }).end(body);
    return reply;
  };
  const loggedIn = new Promise((resolve) => { onAny = (body) => { if (body.startsWith(`${agentId}#DialogStatus`)) resolve(); }; });
  await send(`Hello#${destination}`);
  client.send({ destination: `/queue/${QUEUE}`, type: `Connect#${agentId}`, 'reply-to': replyTo }).end(`${destination},pw${agentId}`);
  client.send({ destination: `/queue/${QUEUE}`, type: `Login#${agentId}`, 'reply-to': replyTo }).end(`pw${agentId},${Number(agentId) + 4000}`);
  await withTimeout(loggedIn, 10000, `plain login of agent ${agentId}`);
  return { getState: () => send(`GetState#${agentId}`), close: () => { closing = true; client.disconnect(); } };
}

async function timePlain(requester, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await requester.getState();
    samples.push(ms(start, process.hrtime.bigint()));
  }
  return samples;
}

async function nodeRequester(RED, host, port, agentId) {
  await deploy(RED, [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'gc', type: 'cc-finesse-gc', host, port, commandQueue: QUEUE, clientDestination: `bench_nr_${process.pid}`, helloTimeout: 3, beatInterval: 10, ttl: 10, credentials: { login: '', passcode: '' } },
    { id: 'agent', type: 'cc-finesse-agent', gc: 'gc', agentId, extension: String(Number(agentId) + 4000), autoLogin: true, credentials: { password: `pw${agentId}` } },
    { id: 'cmd', type: 'cc-finesse-command', z: 'tab', gc: 'gc', agent: 'agent', command: 'GetState', timeout: 10, wires: [['reply'], ['reply']] },
    { id: 'reply', type: 'cc-bench-latency', z: 'tab', wires: [] },
  ]);
  // setFlows resolves before the nodes exist: wait for the agent node and its login.
  const deadline = Date.now() + 20000;
  let agent;
  while (!((agent = RED.nodes.getNode('agent')) && agent.login && agent.login.state === 'logged-in')) {
    if (Date.now() > deadline) throw new Error(`cc-finesse-agent ${agentId} did not log in: ${agent && agent.login ? agent.login.machine.reason : 'no session'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const command = RED.nodes.getNode('cmd');
  return {
    getState: () => new Promise((resolve, reject) => {
      process.once('cc-bench-reply', (msg) => (msg.error ? reject(new Error(msg.error.message)) : resolve(msg)));
      command.receive({});
    }),
    close: () => deploy(RED, [{ id: 'tab', type: 'tab', label: 'bench' }]),
  };
}

function summary(label, samples) {
  return `${label}: median ${median(samples).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms (${samples.length} round trips)`;
}

async function benchFinesseRoundTrip(RED) {
  const broker = await startActiveMq();
  const [host, portText] = broker.stomp.split(':');
  const port = Number(portText);
  const { GcSimulator } = require(path.join(root, 'build', 'nodes', 'finesse', 'simulator'));
  const agents = ['1001', '1002', '1003'].map((id) => ({ id, password: `pw${id}` }));
  const simulator = new GcSimulator({ stomp: { host, port }, commandQueue: QUEUE, agents });
  await simulator.start();
  try {
    console.log(`ActiveMQ ${broker.stomp}${broker.external ? '' : ' (Debian activemq)'}; GC simulator on /queue/${QUEUE}; ${ROUNDS} rounds of ${COMMANDS} GetState`);
    const plain = await plainRequester(host, port, true, '1001');
    const nagle = await plainRequester(host, port, false, '1003');
    const node = await nodeRequester(RED, host, port, '1002');
    await timePlain(plain, WARMUP);
    await timePlain(node, WARMUP);
    const plainSamples = [];
    const nodeSamples = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const p = await withTimeout(timePlain(plain, COMMANDS), TIMEOUT_MS, 'plain stompit round');
      const n = await withTimeout(timePlain(node, COMMANDS), TIMEOUT_MS, 'cc-finesse-command round');
      plainSamples.push(...p);
      nodeSamples.push(...n);
      console.log(`round ${round}: plain stompit median ${median(p).toFixed(2)} ms, cc-finesse-command median ${median(n).toFixed(2)} ms`);
    }
    const nagleSamples = await withTimeout(timePlain(nagle, 50), TIMEOUT_MS, 'stompit with Nagle');
    console.log(summary('plain stompit request/reply (noDelay)    ', plainSamples));
    console.log(summary('cc-finesse-command -> downstream node    ', nodeSamples));
    console.log(summary('stompit defaults (Nagle on), for contrast', nagleSamples));
    console.log(`ratio cc-finesse-command/plain stompit: median ${(median(nodeSamples) / median(plainSamples)).toFixed(2)}, p99 ${(percentile(nodeSamples, 99) / percentile(plainSamples, 99)).toFixed(2)}`);
    plain.close();
    nagle.close();
    await node.close();
  } finally {
    await simulator.stop();
    await broker.stop();
  }
}

module.exports = { benchFinesseRoundTrip };
