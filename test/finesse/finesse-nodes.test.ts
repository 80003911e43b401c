import assert from 'assert/strict';
import type { GcSimulator } from '../../nodes/finesse/simulator';
import { Collector, catchModule, finesseModules, helper, load, type Msg } from '../support/flow';
import { STOMP, extensionOf, startSimulator, uniqueName } from '../support/finesse';
import { closeServer, tlsProxy } from '../support/finesse-tls';
import { makeTestPki } from '../support/certificates';
import type { AddressInfo } from 'net';
import type { FinesseGcNode } from '../../nodes/finesse/gc-node';
import type { FinesseAgentNode } from '../../nodes/finesse/agent-node';
import { until } from '../support/wait';

interface Flow { nodes: Record<string, unknown>[]; credentials: Record<string, unknown> }

/**
 * A GC config node on the test broker, agent config nodes 1001 and 1002 logging in on deploy, an events
 * node, and one command node per agent; every output goes to a helper node `<id>-out` / `<id>-err`.
 */
function finesseFlow(queue: string, destination: string, extra: Record<string, unknown> = {}, commandNodes: Record<string, unknown>[] = []): Flow {
  const nodes: Record<string, unknown>[] = [
    { id: 'gc', type: 'cc-finesse-gc', name: 'test gc', host: STOMP.host, port: STOMP.port, tls: false, vhost: '', commandQueue: queue, clientDestination: destination, helloTimeout: 0.3, beatInterval: 0.5, ttl: 10, ...extra },
    { id: 'a1', type: 'cc-finesse-agent', gc: 'gc', agentId: '1001', extension: extensionOf('1001'), autoLogin: true },
    { id: 'a2', type: 'cc-finesse-agent', gc: 'gc', agentId: '1002', extension: extensionOf('1002'), autoLogin: true },
    { id: 'ev', type: 'cc-finesse-events', gc: 'gc', agents: '', events: [], wires: [['ev-out'], ['ev-err']] },
    { id: 'c1', type: 'cc-finesse-command', gc: 'gc', agent: 'a1', command: '', timeout: 2, wires: [['c1-out'], ['c1-err']] },
    { id: 'c2', type: 'cc-finesse-command', gc: 'gc', agent: 'a2', command: '', timeout: 2, wires: [['c2-out'], ['c2-err']] },
    { id: 'catcher', type: 'catch', scope: null, wires: [['catch-out']] },
  ];
  for (const node of commandNodes) nodes.push({ type: 'cc-finesse-command', gc: 'gc', timeout: 2, wires: [[`${node.id}-out`], [`${node.id}-err`]], ...node });
  for (const id of ['ev-out', 'ev-err', 'c1-out', 'c1-err', 'c2-out', 'c2-err', 'catch-out', ...commandNodes.flatMap((n) => [`${n.id}-out`, `${n.id}-err`])]) nodes.push({ id, type: 'helper' });
  return { nodes, credentials: { gc: { login: '', passcode: '' }, a1: { password: 'pw1001' }, a2: { password: 'pw1002' } } };
}

describe('Finesse nodes in Node-RED against the GC simulator on ActiveMQ', function () {
  this.timeout(60000);
  let simulator: GcSimulator;
  let queue: string;
  let destination: string;
  const out: Record<string, Collector> = {};

  before(() => helper.startServer());
  after(() => helper.stopServer());
  beforeEach(async () => {
    queue = uniqueName('cc_gc');
    destination = uniqueName('cc_nr');
    simulator = await startSimulator({ commandQueue: queue });
  });
  afterEach(async () => {
    await helper.unload();
    await simulator.stop();
  });

  async function deploy(extra: Record<string, unknown> = {}, commandNodes: Record<string, unknown>[] = []): Promise<void> {
    const flow = finesseFlow(queue, destination, extra, commandNodes);
    await load([...finesseModules, catchModule], flow.nodes, flow.credentials);
    for (const node of flow.nodes.filter((n) => n.type === 'helper')) out[node.id as string] = new Collector(helper.getNode(node.id));
  }

  /** Every status a node has shown since deploy. */
  function shown(id: string): { fill?: string; text?: string }[] {
    return helper.getNode(id).status.getCalls().map((c: { args: [{ fill?: string; text?: string }] }) => c.args[0]);
  }

  /** Sends a message into a command node and resolves with what leaves it (either output). */
  async function command(node: string, msg: Record<string, unknown>): Promise<{ ok?: Msg; err?: Msg }> {
    const okBefore = out[`${node}-out`].messages.length;
    const errBefore = out[`${node}-err`].messages.length;
    helper.getNode(node).receive(msg);
    await until(`an answer from ${node}`, () => out[`${node}-out`].messages.length > okBefore || out[`${node}-err`].messages.length > errBefore, 10000, 10);
    return { ok: out[`${node}-out`].messages[okBefore], err: out[`${node}-err`].messages[errBefore] };
  }

  it('logs both agents in on deploy and delivers their events with the message contract', async () => {
    await deploy();
    const events = await out['ev-out'].waitUntil('both agents logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
    const state = events.find((m) => m.topic === 'State' && m.payload.agentId === '1001')!;
    assert.equal(state.payload.state, 'NOT_READY');
    assert.deepEqual({ vendor: state.event.vendor, family: state.event.family, type: state.event.type, known: state.event.known }, { vendor: 'finesse', family: 'agent', type: 'State', known: true });
    assert.ok(!Number.isNaN(Date.parse(state.event.receivedAt)));
    assert.equal(state.stomp.destination, `/topic/${destination}`);
    assert.ok(Array.isArray(state.payload.args));
    assert.equal(events.find((m) => m.topic === 'AgentInfo' && m.payload.agentId === '1002')!.payload.loginName, 'agent1002');
    await until('c1 showing agent 1001 NOT_READY', () => shown('c1').some((s) => s.fill === 'green' && /1001 NOT_READY/.test(s.text ?? '')), 5000, 20);
  });

  it('changes state through commands, answers on output 1, and refuses an illegal transition on output 2', async () => {
    await deploy();
    await out['ev-out'].waitUntil('agent 1001 logged in', (m) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === '1001'));
    const headers: Record<string, string>[] = [];
    simulator.on('command', (c: { type: string; headers: Record<string, string> }) => { if (c.type === 'MakeReady#1001') headers.push(c.headers); });
    const ready = await command('c1', { command: 'MakeReady' });
    assert.equal(headers[0]['reply-to'], `/topic/${destination}`);
    assert.equal(headers[0]['correlation-id'], ready.ok?.command.correlationId);
    const expires = Number(headers[0].expires);
    assert.ok(expires > Date.now() + 5000 && expires <= Date.now() + 10000, `expires ${expires} is about now + the 10 s TTL`);
    assert.equal(ready.ok?.topic, 'State');
    assert.equal(ready.ok?.payload.state, 'READY');
    assert.equal(ready.ok?.command.name, 'MakeReady');
    assert.equal(ready.ok?.stomp['correlation-id'], ready.ok?.command.correlationId);
    const logout = await command('c1', { command: 'Logout' });
    assert.equal(logout.ok, undefined);
    assert.equal(logout.err?.error!.code, 'gc-error');
    assert.equal(logout.err?.error!.errorName, 'CF_INVALID_OBJECT_STATE');
    const caught = await out['catch-out'].waitFor(1);
    assert.match(caught[0].error!.message, /CF_INVALID_OBJECT_STATE/);
    const reason = await command('c1', { command: 'MakeNotReadyWithReason', payload: { reason_code: '12' } });
    assert.equal(reason.ok?.payload.state, 'NOT_READY');
    assert.equal(reason.ok?.payload.reasonCode, '12');
  });

  it('makes a call, holds, retrieves, transfers it to a colleague who answers and releases it', async () => {
    await deploy();
    await out['ev-out'].waitUntil('both logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
    assert.equal((await command('c2', { command: 'MakeReady' })).ok?.payload.state, 'READY');
    const made = await command('c1', { command: 'MakeCall', payload: ['03001234567'] });
    assert.equal(made.ok?.topic, 'InboundCall', JSON.stringify(made.err?.error));
    const dialogId = made.ok!.payload.dialogId;
    assert.match(String(dialogId), /^\d+$/);
    await out['ev-out'].waitUntil('the customer answering', (m) => m.some((x) => x.topic === 'InboundCall' && x.payload.dialogId === dialogId && x.payload.state === 'ACTIVE'), 5000);
    const held = await command('c1', { command: 'HoldCall', payload: [dialogId] });
    assert.equal(held.ok?.payload.state, 'HELD', JSON.stringify([held.ok?.topic, held.ok?.payload, held.err?.error]));
    assert.equal((await command('c1', { command: 'RetrieveCall', payload: [dialogId] })).ok?.payload.state, 'ACTIVE');
    const transfer = await command('c1', { command: 'BlindTransfer', payload: { other_party_extension: extensionOf('1002'), dialog_id: dialogId } });
    assert.equal(transfer.err, undefined, JSON.stringify(transfer.err?.error));
    const offered = await out['ev-out'].waitUntil('the call offered to 1002', (m) => m.some((x) => x.topic === 'NewInboundCall' && x.payload.agentId === '1002'));
    const transferred = offered.find((x) => x.topic === 'NewInboundCall' && x.payload.agentId === '1002')!.payload;
    assert.equal(transferred.callType, 'TRANSFER');
    const answered = await command('c2', { command: 'AnswerCall', payload: [transferred.dialogId] });
    assert.equal(answered.ok?.payload.state, 'ACTIVE', JSON.stringify(answered.err?.error));
    const released = await command('c2', { command: 'ReleaseCall', payload: [transferred.dialogId] });
    assert.equal(released.ok?.payload.state, 'DROP', JSON.stringify(released.err?.error));
    await until('both agents without calls', () => simulator.agent('1001')?.dialogs.length === 0 && simulator.agent('1002')?.dialogs.length === 0, 5000, 20);
  });

  it('refuses an argument with "," or "#" before anything is sent', async () => {
    await deploy();
    await out['ev-out'].waitUntil('agent 1001 logged in', (m) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === '1001'));
    const seen: string[] = [];
    simulator.on('command', (c: { type: string }) => seen.push(c.type));
    for (const bad of ['12,13', '12#13']) {
      const { ok, err } = await command('c1', { command: 'MakeNotReadyWithReason', payload: { reason_code: bad } });
      assert.equal(ok, undefined);
      assert.equal(err?.error!.code, 'invalid-command');
      assert.match(err!.error.message, /reason_code/);
    }
    const unknown = await command('c1', { command: 'MakeCoffee' });
    assert.match(unknown.err!.error!.message, /unknown command "MakeCoffee"/);
    await command('c1', { command: 'GetState' });
    assert.deepEqual(seen.filter((t) => t.endsWith('#1001')), ['GetState#1001']);
  });

  it('reports a reply timeout on output 2', async () => {
    await deploy();
    await out['ev-out'].waitUntil('agent 1001 logged in', (m) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === '1001'));
    simulator.dropReplies(true);
    const { err } = await command('c1', { command: 'GetState' });
    assert.equal(err?.error!.code, 'timeout');
    assert.match(err!.error.message, /GetState for agent 1001 within 2000 ms/);
  });

  it('sends unparseable bodies to output 2 with the raw text, and filters by agent and event type', async () => {
    const flow = finesseFlow(queue, destination);
    flow.nodes.push({ id: 'only', type: 'cc-finesse-events', gc: 'gc', agents: '1002', events: ['State'], wires: [['only-out'], []] }, { id: 'only-out', type: 'helper' });
    await load([...finesseModules, catchModule], flow.nodes, flow.credentials);
    for (const id of ['ev-out', 'ev-err', 'catch-out', 'only-out']) out[id] = new Collector(helper.getNode(id));
    await out['ev-out'].waitUntil('both logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
    simulator.sendRaw(destination, 'no separators at all');
    const [bad] = await out['ev-err'].waitFor(1);
    assert.equal(bad.payload, 'no separators at all');
    assert.equal(typeof bad.error?.message, 'string');
    assert.equal(bad.stomp.destination, `/topic/${destination}`);
    await out['catch-out'].waitFor(1);
    const only = out['only-out'].messages;
    assert.ok(only.length >= 1);
    assert.ok(only.every((m) => m.topic === 'State' && m.payload.agentId === '1002'), JSON.stringify(only.map((m) => [m.topic, m.payload.agentId])));
  });

  it('never shows an agent password in messages, statuses or logs', async () => {
    await deploy();
    await out['ev-out'].waitUntil('both logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
    const connect = await command('c1', { command: 'Connect' });
    assert.deepEqual(connect.ok?.payload, { sent: true }, 'GC never answers Connect: the node completes when it is sent');
    await command('c1', { command: 'Login' });
    await command('c1', { command: 'MakeNotReadyWithReason', payload: { reason_code: '1,2' } });
    const everything = JSON.stringify([
      Object.values(out).map((c) => c.messages),
      ['ev', 'c1', 'c2'].map(shown),
      helper.log().args,
    ]);
    assert.equal(everything.includes('pw1001'), false);
    assert.equal(everything.includes('pw1002'), false);
  });

  it('sends what a node is configured to send: refuses raw and another agent from a message, and a node left empty takes msg.command', async () => {
    await deploy({}, [
      { id: 'ready', agent: 'a1', command: 'MakeReady' },
      { id: 'reason', agent: 'a1', command: 'MakeNotReadyWithReason', args: { reason_code: '12' } },
    ]);
    await out['ev-out'].waitUntil('both logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
    const seen: string[] = [];
    simulator.on('command', (c: { type: string }) => seen.push(c.type));

    const raw = await command('ready', { command: 'raw', payload: { type: 'Logout#1001', body: '' } });
    assert.equal(raw.ok, undefined);
    assert.equal(raw.err?.error!.code, 'input-conflict');
    assert.match(raw.err!.error.message, /set to command "MakeReady", but msg\.command asks for "raw".*leave command empty in the node to let messages choose/);
    const other = await command('ready', { agentId: '1002' });
    assert.equal(other.err?.error!.code, 'input-conflict');
    assert.match(other.err!.error.message, /set to agent "1001", but msg\.agentId asks for "1002"/);
    const caught = await out['catch-out'].waitFor(2);
    assert.deepEqual(caught.map((m) => m.error!.message.replace(/^Error: /, '')), [raw.err!.error!.message, other.err!.error!.message], 'each refusal reaches a Catch node (done(err))');
    const ready = await command('ready', { command: 'makeready' });
    assert.equal(ready.ok?.payload.state, 'READY', JSON.stringify(ready.err?.error));

    const reason = await command('reason', { payload: 1732200000000 });
    assert.equal(reason.ok?.payload.reasonCode, '12', JSON.stringify(reason.err?.error));
    const otherReason = await command('reason', { payload: { reason_code: '13' } });
    assert.match(otherReason.err!.error!.message, /set to reason_code "12", but msg\.payload\.reason_code asks for "13"/);

    const empty = await command('c1', { command: 'MakeReady' });
    assert.equal(empty.ok?.payload.state, 'READY', JSON.stringify(empty.err?.error));
    const emptyRaw = await command('c1', { command: 'raw', payload: { type: 'Logout#1001', body: '' } });
    assert.match(emptyRaw.err!.error!.message, /raw must be chosen in the node/);
    assert.deepEqual(seen.filter((t) => !/^(Hello|Beat)#/.test(t)), ['MakeReady#1001', 'MakeNotReadyWithReason#1001', 'MakeReady#1001'], 'nothing refused reached GC');
  });

  it('shares one GC session: every user on it, each one\'s listeners removed when it leaves, the session stopped with the last', async () => {
    await deploy();
    await out['ev-out'].waitUntil('both logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
    const gcNode = helper.getNode('gc') as FinesseGcNode;
    const session = gcNode.connection.shared.client!;
    assert.equal(gcNode.connection.shared.userCount, 5, 'two agents, the events node and two command nodes');
    assert.deepEqual([...gcNode.agents.keys()].sort(), ['1001', '1002']);
    const listeners = (event: string) => session.listenerCount(event);
    assert.equal(listeners('event'), 3, 'two agent logins and the events node');
    const login = (helper.getNode('a1') as FinesseAgentNode).login!;
    assert.equal(login.listenerCount('change'), 2, 'the agent node and c1');

    await helper.getNode('ev').close(false);
    assert.equal(listeners('event'), 2, 'the events node\'s listener went with it');
    await helper.getNode('c1').close(false);
    assert.equal(login.listenerCount('change'), 1, 'the command node\'s listener on the login went with it');
    await helper.getNode('a1').close(false);
    assert.equal(listeners('event'), 1, 'the agent login\'s listeners went with its node');
    assert.deepEqual([...gcNode.agents.keys()], ['1002']);
    assert.equal(session.state, 'in-service', 'the others still use it');

    await helper.unload();
    assert.equal(session.state, 'stopped');
    for (const event of ['link', 'event', 'in-service', 'destination-reconnect', 'pending-limit']) assert.equal(listeners(event), 0, `a listener for ${event} is left`);
  });

  it('shows "certificate NOT verified" on every user, yellow, and logs it once, when TLS verification is off', async () => {
    const proxy = await tlsProxy(makeTestPki());
    try {
      await deploy({ host: '127.0.0.1', port: (proxy.address() as AddressInfo).port, tls: true, rejectUnauthorized: false });
      await out['ev-out'].waitUntil('both logged in', (m) => ['1001', '1002'].every((a) => m.some((x) => x.topic === 'DialogStatus' && x.payload.agentId === a)));
      for (const id of ['ev', 'c1', 'c2']) {
        await until(`${id} showing the caveat`, () => shown(id).some((s) => s.fill === 'yellow' && /^certificate NOT verified · in service/.test(s.text ?? '')), 5000, 20);
        assert.equal(shown(id).some((s) => s.fill === 'green'), false, `${id} never shows green while the certificate is not verified`);
      }
      const logged = helper.log().args.filter((a: [{ msg?: unknown }]) => /certificate NOT verified/.test(String(a[0]?.msg)));
      assert.equal(logged.length, 1, JSON.stringify(logged));
    } finally {
      await helper.unload();
      await closeServer(proxy);
    }
  });
});
