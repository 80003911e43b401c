import assert from 'assert/strict';
import type { AxpAccountNode } from '../../nodes/axp/account-node';
import type { AxpSimulator } from '../../nodes/axp/simulator';
import { axpModules, catchModule, helper, load, type StatusCall } from '../support/flow';
import { axpFlow, spyOnNetwork, startAxpSimulator, type EventsNodeSpec } from '../support/axp';
import { until } from '../support/wait';

/** What Node-RED logged, one line per call, for the log level given (30 warn, 20 error). */
function logged(level: number): string[] {
  return helper.log().args.map((a: [{ level: number; msg: unknown }]) => a[0]).filter((e: { level: number }) => e.level === level).map((e: { msg: unknown }) => String(e.msg));
}

const statuses = (id: string): StatusCall[] => helper.getNode(id).status.getCalls().map((c: { args: [StatusCall] }) => c.args[0]);

describe('cc-axp-account in Node-RED: one shared connection, its caveat, and no unencrypted secrets', function () {
  this.timeout(60000);
  let simulator: AxpSimulator | undefined;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(async () => {
    await helper.unload();
    await simulator?.stop();
    simulator = undefined;
  });

  const deploy = (nodes: EventsNodeSpec[], account: Record<string, unknown>) => {
    const { flow, credentials } = axpFlow(simulator, nodes, { account });
    return load([...axpModules, catchModule], flow, credentials);
  };

  it('refuses an http:// API host on another machine before any lookup or request, on the node and in the log', async () => {
    const spy = spyOnNetwork();
    try {
      await deploy([{ id: 'ev' }], { apiHost: 'http://api.example.invalid' });
      assert.deepEqual(statuses('ev').at(-1), { fill: 'red', shape: 'dot', text: 'error: refused unencrypted http:// to api.example.invalid (…' });
      const errors = logged(20);
      assert.ok(errors.some((e) => /AXP account "account": refused unencrypted http:\/\/ to api\.example\.invalid \(the API host\): it would expose the client secret and the bearer token/.test(e)), errors.join('\n'));
      // Give a wrongly started request time to show.
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(spy.lookups, [], 'no DNS lookup');
      assert.deepEqual(spy.requests, [], 'no request');
    } finally {
      spy.restore();
    }
  });

  it('goes ahead over http:// to another machine when the account allows unencrypted connections', async () => {
    const spy = spyOnNetwork();
    try {
      await deploy([{ id: 'ev' }], { apiHost: 'http://api.example.invalid', allowUnencrypted: true });
      await until('a lookup of the API host', () => spy.lookups.includes('api.example.invalid'), 10000, 20);
      assert.ok(!statuses('ev').some((s) => /refused unencrypted/.test(s.text ?? '')));
    } finally {
      spy.restore();
    }
  });

  it('shows "certificate NOT verified" on every node using the account, yellow, logs it once, and shares one token', async () => {
    simulator = await startAxpSimulator();
    await deploy([{ id: 'one' }, { id: 'two' }], { rejectUnauthorized: false });
    const caveat = (s: StatusCall) => s.fill === 'yellow' && /^certificate NOT verified · connected/.test(s.text ?? '');
    await until('both nodes connected, with the caveat', () => ['one', 'two'].every((id) => statuses(id).some(caveat)), 10000, 20);
    assert.ok(['one', 'two'].every((id) => !statuses(id).some((s) => s.fill === 'green')), 'never green while the certificate is not checked');
    assert.equal(logged(30).filter((w) => /AXP account "account": certificate NOT verified/.test(w)).length, 1);
    assert.equal(simulator.tokenRequests, 1, 'one token for both nodes');
  });

  it('shows green without the caveat when the certificate is checked', async () => {
    simulator = await startAxpSimulator();
    await deploy([{ id: 'ev' }], {});
    await until('connected', () => statuses('ev').some((s) => s.fill === 'green' && /^connected/.test(s.text ?? '')), 10000, 20);
    assert.equal(logged(30).filter((w) => /certificate NOT verified/.test(w)).length, 0);
  });

  it('keeps the account open until its nodes have deleted their subscriptions, when Node-RED closes them all at once', async () => {
    simulator = await startAxpSimulator();
    await deploy([{ id: 'one' }, { id: 'two' }], {});
    await until('both streaming', () => simulator!.sockets().filter((s) => s.authenticated).length === 2, 10000, 20);
    // The deletes need a fresh token: the account must not close its token source under them.
    (helper.getNode('account') as AxpAccountNode).connection.client!.tokens.invalidate();
    const requestsBefore = simulator.tokenRequests;
    // As Node-RED stops a flow: every node's close is called at once, the flow's nodes before its config nodes.
    await Promise.all(['one', 'two', 'account'].map((id) => helper.getNode(id).close(true)));
    assert.deepEqual(simulator.subscriptions().map((s) => s.deleted), [true, true]);
    assert.equal(simulator.tokenRequests, requestsBefore + 1, 'one fresh token, shared by both deletes');
    assert.equal(logged(30).filter((w) => /could not delete/.test(w)).length, 0);
  });
});
