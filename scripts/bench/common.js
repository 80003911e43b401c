'use strict';
// What the benches share: statistics, time limits, and a Node-RED runtime with the pack and the bench's
// own downstream nodes, started in-process so a measurement sees no editor or HTTP traffic.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');

const root = path.resolve(__dirname, '..', '..');

function median(values) {
  return percentile(values, 50);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function withTimeout(promise, ms, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms).unref())]);
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
    userDir, flowFile: 'flows.json', nodesDir: [__dirname], httpAdminRoot: false, httpNodeRoot: false,
    credentialSecret: false, logging: { console: { level: 'warn', metrics: false, audit: false } },
  });
  await RED.start();
  return { RED, stop: async () => { await RED.stop(); fs.rmSync(userDir, { recursive: true, force: true }); } };
}

/** Deploys flows (with credentials set on the nodes that need them) and returns once they run. */
async function deploy(RED, flows) {
  await RED.runtime.flows.setFlows({ flows: { flows }, deploymentType: 'full' });
}

module.exports = { root, median, percentile, withTimeout, startNodeRed, deploy };
