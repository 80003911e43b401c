import assert from 'assert/strict';
import type { AxpSimulator } from '../../nodes/axp/simulator';
import { axpModules, catchModule, Collector, helper, load, type Msg } from '../support/flow';
import { axpFlow, CLIENT_SECRET, startAxpSimulator } from '../support/axp';
import { until } from '../support/wait';

describe('cc-axp-events in Node-RED against the AXP simulator', function () {
  this.timeout(60000);
  let simulator: AxpSimulator;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  beforeEach(async () => { simulator = await startAxpSimulator(); });
  afterEach(async () => {
    await helper.unload();
    await simulator.stop();
  });

  async function deploy(nodes: { id: string; events?: string[]; loginId?: string }[], secret?: string): Promise<Record<string, Collector>> {
    const { flow, credentials } = axpFlow(simulator, nodes, { secret });
    await load([...axpModules, catchModule], flow, credentials);
    const out: Record<string, Collector> = { 'catch-out': new Collector(helper.getNode('catch-out')) };
    for (const node of nodes) for (const suffix of ['out', 'err']) out[`${node.id}-${suffix}`] = new Collector(helper.getNode(`${node.id}-${suffix}`));
    return out;
  }

  const streaming = (count: number) => until(`${count} authenticated sockets`, () => simulator.sockets().filter((s) => s.authenticated).length === count, 10000, 20);

  it('sends every event type with the message contract and the field values as sent', async () => {
    const out = await deploy([{ id: 'ev' }]);
    await streaming(1);
    const sent = simulator.everyEventBody().flatMap((body) => simulator.emit(body) as { body: Record<string, unknown>; correlationId: string; subscriptionId: string }[]);
    const msgs = await out['ev-out'].waitFor(13);
    for (const notification of sent) {
      const msg = msgs.find((m) => m.payload.correlationId === notification.correlationId) as Msg;
      assert.ok(msg, `${notification.body.event} delivered`);
      assert.equal(msg.topic, notification.body.event);
      assert.deepEqual({ vendor: msg.event.vendor, family: msg.event.family, type: msg.event.type, known: msg.event.known }, { vendor: 'axp', family: 'AGENT_ENGAGEMENT', type: notification.body.event, known: true });
      assert.ok(!Number.isNaN(Date.parse(msg.event.receivedAt)));
      assert.equal(msg.ws.subscriptionId, notification.subscriptionId);
      assert.match(msg.ws.endpoint, /^ws:\/\/127\.0\.0\.1:\d+\/ws\/notification\/v1\/agent-engagement/);
      for (const [field, value] of Object.entries(notification.body)) {
        if (typeof value === 'object' && value !== null) continue;
        assert.equal(String(msg.payload.body[field]), String(value), `${notification.body.event}.${field}`);
      }
    }
  });

  it('filters by event type (on the subscription too) and by login id', async () => {
    const agent = 'maria.lopez@example.com';
    const out = await deploy([{ id: 'states', events: ['AgentState'] }, { id: 'maria', loginId: agent.toUpperCase() }]);
    await streaming(2);
    const subscriptions = simulator.subscriptions();
    assert.ok(subscriptions.some((s) => s.events.join() === 'AgentState'), JSON.stringify(subscriptions));
    assert.ok(subscriptions.some((s) => s.events.join() === 'ALL'));
    await simulator.runScenario('agentShift', { stepMs: 0 });
    await simulator.runScenario('inboundCall', { stepMs: 0 });
    await until('the scenarios delivered', () => out['maria-out'].messages.length > 0 && out['states-out'].messages.length > 0, 5000, 20);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(out['states-out'].messages.every((m) => m.topic === 'AgentState'));
    assert.ok(out['maria-out'].messages.every((m) => Object.entries(m.payload).some(([k, v]) => /LoginId$/i.test(k) && String(v).toLowerCase() === agent)), JSON.stringify(out['maria-out'].messages.map((m) => m.payload.loginId)));
  });

  it('sends unreadable frames to output 2 and to a Catch node', async () => {
    const out = await deploy([{ id: 'ev' }]);
    await streaming(1);
    simulator.sendRaw('{"body": {"event": "AgentState", "state": {"nested": true}}}');
    simulator.sendRaw('not json at all');
    const errors = await out['ev-err'].waitFor(2);
    assert.equal(errors[1].payload, 'not json at all');
    assert.match(errors[0].error!.message, /state/);
    assert.equal(typeof errors[0].ws.subscriptionId, 'string');
    await out['catch-out'].waitFor(2);
  });

  it('deletes its subscription when the node is removed', async () => {
    await deploy([{ id: 'ev' }]);
    await streaming(1);
    const [subscription] = simulator.subscriptions();
    await helper.unload();
    assert.equal(simulator.subscriptions().find((s) => s.subscriptionId === subscription.subscriptionId)?.deleted, true);
  });

  it('never shows the client secret or a token in messages, statuses, logs or errors', async () => {
    const out = await deploy([{ id: 'ev' }, { id: 'bad' }], CLIENT_SECRET);
    await streaming(2);
    simulator.expireTokens();
    simulator.dropSockets();
    await streaming(2);
    simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'x1' });
    await out['ev-out'].waitFor(1);
    const statuses = ['ev', 'bad'].flatMap((id) => helper.getNode(id).status.getCalls().map((c: { args: unknown[] }) => c.args));
    const everything = JSON.stringify([Object.values(out).map((c) => c.messages), statuses, helper.log().args]);
    assert.equal(everything.includes(CLIENT_SECRET), false);
    // The simulator's tokens are JWT-shaped, like AXP's: none may appear anywhere.
    assert.doesNotMatch(everything, /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/, 'a token leaked');
  });

  it('shows refused credentials as an error on every node using the account', async () => {
    await deploy([{ id: 'one' }, { id: 'two' }], 'wrong-secret');
    const shown = (id: string) => helper.getNode(id).status.getCalls().map((c: { args: [{ text?: string; fill?: string }] }) => c.args[0]);
    await until('both nodes red', () => ['one', 'two'].every((id) => shown(id).some((s: { fill?: string; text?: string }) => s.fill === 'red' && /refused the client credentials/.test(s.text ?? ''))), 10000, 20);
    assert.equal(JSON.stringify(['one', 'two'].map(shown)).includes('wrong-secret'), false);
  });
});
