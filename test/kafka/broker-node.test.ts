import assert from 'assert/strict';
import { brokerConfig, brokerModule, genesysModule, helper, load, sourceWithOutputs, waitForStatus } from '../support/flow';

const PASSWORD = 'N0t-For-Your-Eyes';

describe('cc-kafka-broker', function () {
  this.timeout(30000);
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(() => helper.unload());

  it('shows a setting that cannot work on every node that uses the broker', async () => {
    const statuses = ['s1', 's2'].map(() => [] as string[]);
    const flow = [
      brokerConfig({ sasl: 'plain' }),
      ...sourceWithOutputs('cc-genesys-agentstate', 's1', { topic: 'voice-agentstate' }),
      ...sourceWithOutputs('cc-genesys-agentstate', 's2', { topic: 'voice-agentstate' }),
    ];
    const errors: string[] = [];
    const loaded = load([brokerModule, genesysModule], flow, { broker: { username: 'svc' } });
    await loaded;
    for (const [i, id] of ['s1', 's2'].entries()) {
      const node = helper.getNode(id);
      const status = node.status.getCalls().filter((c: { thisValue: unknown }) => c.thisValue === node).map((c: { args: [{ text: string }] }) => c.args[0].text);
      statuses[i].push(...status);
      errors.push(...node.error.getCalls().filter((c: { thisValue: unknown }) => c.thisValue === node).map((c: { args: [string] }) => String(c.args[0])));
    }
    for (const s of statuses) assert.ok(s.some((t) => /^error: SASL plain needs a username and a password/.test(t)), s.join(' | '));
    assert.equal(errors.length, 2);
    assert.match(errors[0], /SASL plain needs a username and a password/);
  });

  it('keeps the password out of status, logs and errors while it cannot connect', async () => {
    const flow = [
      brokerConfig({ brokers: '127.0.0.1:1', sasl: 'plain', connectionTimeout: 500 }),
      ...sourceWithOutputs('cc-genesys-agentstate', 's1', { topic: 'voice-agentstate' }),
    ];
    await load([brokerModule, genesysModule], flow, { broker: { username: 'svc', password: PASSWORD } });
    const node = helper.getNode('s1');
    const down = await waitForStatus(node, (s) => s.fill === 'red');
    assert.match(down.text ?? '', /^disconnected: broker refused the connection/);
    const everything = JSON.stringify([
      node.status.getCalls().map((c: { args: unknown[] }) => c.args),
      node.error.getCalls().map((c: { args: unknown[] }) => String(c.args[0])),
      node.warn.getCalls().map((c: { args: unknown[] }) => String(c.args[0])),
      node.log.getCalls().map((c: { args: unknown[] }) => String(c.args[0])),
      helper.log().args.map((a: unknown[]) => JSON.stringify(a)),
    ]);
    assert.ok(everything.length > 100);
    assert.ok(!everything.includes(PASSWORD));
    const broker = helper.getNode('broker');
    assert.equal(broker.password, undefined, 'the password is not a node property');
    assert.equal(broker.credentials.password, PASSWORD);
  });
});
