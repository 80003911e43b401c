import assert from 'assert/strict';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { GcSimulator } from '../../nodes/finesse/simulator';
import { launchChromium, openEditor, openNodeDialog } from '../support/editor-page';
import { STOMP, extensionOf, startSimulator, uniqueName } from '../support/finesse';
import { ROOT, startNodeRed, type RunningNodeRed } from '../support/node-red-process';
import { until } from '../support/wait';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { prepareUserDir } = require(path.join(ROOT, 'scripts', 'lib', 'demo-userdir.js'));

interface SentCommand { type: string; body: string }

/** A GC on the test broker, agent 1001, and a command node fed by an Inject node, as a flow author starts. */
function flow(queue: string): object[] {
  return [
    { id: 'tab', type: 'tab', label: 'dialog' },
    { id: 'gc', type: 'cc-finesse-gc', name: 'GC', host: STOMP.host, port: STOMP.port, tls: false, vhost: '', commandQueue: queue, clientDestination: uniqueName('cc_nr'), helloTimeout: '0.3', beatInterval: '1', ttl: '10' },
    { id: 'a1', type: 'cc-finesse-agent', name: 'agent 1001', gc: 'gc', agentId: '1001', extension: extensionOf('1001'), autoLogin: true },
    { id: 'go', type: 'inject', z: 'tab', name: 'go', props: [{ p: 'payload' }], payload: '', payloadType: 'date', repeat: '', crontab: '', once: false, onceDelay: 0.1, topic: '', x: 120, y: 80, wires: [['cmd']] },
    { id: 'cmd', type: 'cc-finesse-command', z: 'tab', gc: 'gc', agent: 'a1', command: '', args: {}, timeout: '5', x: 340, y: 80, wires: [[], []] },
  ];
}

/**
 * The argument fields of the command dialog, in a real editor: a value typed there is stored in the node's `args`,
 * deployed, and sent with every command, whatever the message carries; a field left empty is stored as nothing.
 */
describe('cc-finesse-command dialog: arguments set in the node', function () {
  this.timeout(180000);
  let simulator: GcSimulator;
  let red: RunningNodeRed;
  let chromium: { browser: Browser; stop(): Promise<void> };
  let userDir: string;

  before(async () => {
    if (!process.env.ACTIVEMQ_STOMP) throw new Error('run with `npm test`, which starts ActiveMQ');
    const queue = uniqueName('cc_gc');
    simulator = await startSimulator({ commandQueue: queue });
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-finesse-dialog-'));
    prepareUserDir({ userDir, root: ROOT, port: 0, endpoints: {} });
    fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flow(queue)));
    fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify({ a1: { password: 'pw1001' } }));
    red = await startNodeRed(process.execPath, require.resolve('node-red/red.js'), userDir);
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.stop();
    await red?.stop();
    await simulator?.stop();
    if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
  });

  async function chooseCommand(page: Page, name: string): Promise<void> {
    await page.waitForFunction((n) => document.querySelector(`#node-input-command optgroup option[value="${n}"]`) !== null, name, { timeout: 15000 });
    await page.locator('#node-input-command').selectOption(name);
  }

  const storedArgs = (page: Page) => page.evaluate(() => RED.nodes.node('cmd').args as Record<string, string>);

  it('stores a typed argument, deploys it, and sends it with every command', async () => {
    const session = await openEditor(chromium.browser, red.base, 'en-US', 2);
    const { page } = session;
    try {
      await openNodeDialog(page, 'cmd');
      await chooseCommand(page, 'MakeNotReadyWithReason');
      assert.equal(await page.locator('input.cc-finesse-command-arg').count(), 1);
      await page.locator('input.cc-finesse-command-arg[data-arg="reason_code"]').fill('12');
      await page.locator('#node-dialog-ok').click();
      assert.deepEqual(await storedArgs(page), { reason_code: '12' });

      // The deploy restarts the GC session: its agent login, sent only once GC is in service, says it is ready.
      const sent: SentCommand[] = [];
      let logins = 0;
      simulator.on('command', (c: SentCommand) => {
        if (c.type.startsWith('MakeNotReadyWithReason#')) sent.push(c);
        if (c.type === 'Login#1001') logins++;
      });
      await page.locator('#red-ui-header-button-deploy').click();
      await page.waitForFunction(() => !RED.nodes.dirty(), undefined, { timeout: 15000 });
      await until('agent 1001 logged in again by the deployed flow', () => logins > 0, 15000, 50);
      // An Inject timestamp is no argument: the node's reason code goes out.
      const injected = await fetch(`${red.base}/inject/go`, { method: 'POST' });
      assert.equal(injected.status, 200);
      await until('the command at GC', () => sent.length === 1, 10000, 20);
      assert.deepEqual({ type: sent[0].type, body: sent[0].body }, { type: 'MakeNotReadyWithReason#1001', body: '12' });

      // Reopened, the field shows the stored value; another command keeps none of it.
      await openNodeDialog(page, 'cmd');
      assert.equal(await page.locator('input.cc-finesse-command-arg[data-arg="reason_code"]').inputValue(), '12');
      await chooseCommand(page, 'MakeReady');
      await page.locator('#node-dialog-ok').click();
      assert.deepEqual(await storedArgs(page), {});
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('offers no field for a password, and none for the GC node\'s client destination', async () => {
    const session = await openEditor(chromium.browser, red.base, 'en-US', 2);
    const { page } = session;
    try {
      await openNodeDialog(page, 'cmd');
      await chooseCommand(page, 'Connect');
      const fields = await page.locator('input.cc-finesse-command-arg').evaluateAll((els) => els.map((el) => el.getAttribute('data-arg')));
      assert.deepEqual(fields, []);
      await chooseCommand(page, 'Login');
      const login = await page.locator('input.cc-finesse-command-arg').evaluateAll((els) => els.map((el) => el.getAttribute('data-arg')));
      assert.deepEqual(login, ['agent_extension']);
    } finally {
      await session.close();
    }
  });
});
