import assert from 'assert/strict';
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { SUPERVISOR, startAnalyticsSimulator } from '../support/analytics';
import { until } from '../support/wait';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const bcrypt = require('bcryptjs');
const ROOT = path.resolve(__dirname, '..', '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Node-RED with admin authentication (the test helper has none): the editor's producer list must only
 * answer a user allowed to read the node type.
 */
describe('The editor\'s producer list (admin endpoint)', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator;
  let red: ChildProcess;
  let base: string;
  let userDir: string;

  before(async () => {
    simulator = await startAnalyticsSimulator();
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-admin-'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const link = path.join(userDir, 'node_modules', ...pkg.name.split('/'));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(ROOT, link, 'dir');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const users = [
      { username: 'reader', password: bcrypt.hashSync('reader-pass', 4), permissions: 'read' },
      { username: 'flowsonly', password: bcrypt.hashSync('flows-pass', 4), permissions: ['flows.read'] },
    ];
    fs.writeFileSync(path.join(userDir, 'settings.js'), `module.exports = ${JSON.stringify({
      uiHost: '127.0.0.1', uiPort: port, flowFile: 'flows.json', credentialSecret: false,
      adminAuth: { type: 'credentials', users }, logging: { console: { level: 'warn' } }, telemetry: { enabled: false, updateNotification: false },
    })};`);
    fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify([{ id: 'server', type: 'cc-analytics-server', baseUrl: simulator.baseUrl, tenant: '0', rejectUnauthorized: true }]));
    fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify({ server: SUPERVISOR }));
    red = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], { stdio: 'ignore' });
    await until('Node-RED answering', async () => (await fetch(`${base}/auth/login`).catch(() => undefined))?.ok === true, 30000, 200);
  });

  after(async () => {
    if (red && red.exitCode === null) {
      const exited = new Promise((resolve) => red.once('exit', resolve));
      red.kill('SIGINT');
      await exited;
    }
    await simulator.stop();
    fs.rmSync(userDir, { recursive: true, force: true });
  });

  async function tokenFor(username: string, password: string, scope: string): Promise<string> {
    const response = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'node-red-admin', grant_type: 'password', scope, username, password }).toString(),
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  it('refuses a caller who is not logged in', async () => {
    const response = await fetch(`${base}/cc-analytics/producers/server`);
    assert.equal(response.status, 401);
  });

  it('refuses a user without read permission for the node type', async () => {
    const token = await tokenFor('flowsonly', 'flows-pass', 'flows.read');
    const flows = await fetch(`${base}/flows`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(flows.status, 200, 'the token itself is good');
    const response = await fetch(`${base}/cc-analytics/producers/server`, { headers: { authorization: `Bearer ${token}` } });
    // Node-RED answers a missing permission with 401, like a missing login.
    assert.equal(response.status, 401);
    assert.equal((await response.text()).includes('producerId'), false);
  });

  it('lists the server\'s producers to a user allowed to read, without any credential in the answer', async () => {
    const token = await tokenFor('reader', 'reader-pass', 'read');
    const response = await fetch(`${base}/cc-analytics/producers/server`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    const text = await response.text();
    const { producers } = JSON.parse(text) as { producers: { producerId: string }[] };
    assert.ok(producers.some((p) => p.producerId === 'Agent_SoD_3.5'), text);
    assert.equal(text.includes(SUPERVISOR.password), false);
    const missing = await fetch(`${base}/cc-analytics/producers/not-a-node`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(missing.status, 404);
  });
});
