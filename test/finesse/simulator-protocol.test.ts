import assert from 'node:assert/strict';
import { GcCommandRecord } from '../../nodes/finesse/simulator';
import { assertState, logIn, SimFixture } from './simulator-harness';

const SARA = { id: '1001', name: 'Sara Khan', login: 'skhan', extension: '5001' };

describe('GC simulator: command parsing, correlation and fault injection', function () {
  this.timeout(20000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('matches commands case-insensitively, with doc aliases, blanks after # and getallagents##<id>', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    assertState((await gc.request('makeready# 1001', ''))[0], { ...SARA, state: 'READY', reason: '' });
    assertState((await gc.request('GETSTATE#1001', ''))[0], { ...SARA, state: 'READY', reason: '' });
    assert.deepEqual(await gc.request('getallagents##1001', ''), ['1001#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001,State=READY,Team=5000']);
    assert.deepEqual(await gc.request('ReterieveCall#1001', ''), ['1001#Error#MISSING_DIALOG_ID'], 'the heading typo is accepted');
  });

  it('answers an unknown command with <id>#Error#PLEASE_RETRY', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    assert.deepEqual(await gc.request('Dance#1001', ''), ['1001#Error#PLEASE_RETRY']);
    assert.deepEqual(await gc.request('Dance#7777', ''), ['7777#Error#PLEASE_RETRY'], 'to reply-to when the agent is unknown');
  });

  it('puts the correlation-id on every event of a reply, and none on events nobody asked for', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    gc.send('Connect#1001', `${gc.destination},pw1`);
    const id = gc.send('Login#1001', 'pw1,5001');
    const login = await gc.takeCorrelated(id, 3);
    assert.deepEqual(login.map((e) => e.correlationId), [id, id, id]);
    await gc.request('MakeReady#1001', '');
    sim.injectInboundCall('1001');
    const offered = await gc.take(/^1001#NewInboundCall#/);
    assert.equal(offered.correlationId, undefined);
  });

  it('puts the correlation-id on the first event only when correlateAllEvents is false', async () => {
    const sim = await fx.sim({ correlateAllEvents: false });
    const gc = await fx.client(sim);
    gc.send('Connect#1001', `${gc.destination},pw1`);
    const id = gc.send('Login#1001', 'pw1,5001');
    const [first] = await gc.takeCorrelated(id, 1);
    assert.match(first.body, /^1001#AgentInfo#/);
    const rest = await gc.drain();
    assert.deepEqual(rest.map((e) => [e.body.split('#')[1], e.correlationId]), [['State', undefined], ['DialogStatus', undefined]]);
  });

  it('drops a command whose expires time passed before it could be carried out', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    const records: GcCommandRecord[] = [];
    sim.on('command', (r: GcCommandRecord) => records.push(r));
    const handled = sim.commandsHandled;
    sim.setLatency(300);
    const stale = gc.send('MakeReady#1001', '', { expires: Date.now() + 100 });
    const fresh = gc.send('GetState#1001', '', { expires: Date.now() + 60000 });
    const [state] = await gc.takeCorrelated(fresh, 1);
    assertState(state.body, { ...SARA, state: 'NOT_READY', reason: '-1' });
    sim.setLatency(0);
    assert.deepEqual((await gc.drain()).filter((e) => e.correlationId === stale), []);
    assert.deepEqual(records.slice(0, 2).map((r) => [r.command, r.expired]), [['MakeReady', true], ['GetState', false]]);
    assert.equal(sim.commandsHandled, handled + 2, 'the stale command is not counted; GetState and the drain Hello are');
  });

  it('fails the next matching command with the injected error, once, for the named agent only', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await logIn(gc, '1002', 'pw2', '5002');
    sim.failNext('getstate', 'CF_RESOURCE_BUSY', '1002');
    sim.failNext('Login', 'GENERAL_ERROR');
    assert.match((await gc.request('GetState#1001', ''))[0], /^1001#State#NOT_READY#/);
    assert.deepEqual(await gc.request('GetState#1002', ''), ['1002#Error#CF_RESOURCE_BUSY']);
    assert.match((await gc.request('GetState#1002', ''))[0], /^1002#State#NOT_READY#/);
    assert.deepEqual(await gc.request('Login#1003', 'pw3,5003'), ['1003#Error#GENERAL_ERROR'], 'even before Connect, at reply-to');
  });

  it('carries commands out but sends nothing while replies are dropped', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    const done = new Promise<void>((resolve) => sim.on('command', (r: GcCommandRecord) => r.command === 'MakeReady' && resolve()));
    sim.dropReplies(true);
    gc.send('MakeReady#1001');
    await done;
    sim.dropReplies(false);
    assert.deepEqual(await gc.drainBodies(), []);
    assert.equal(sim.agent('1001')?.state, 'READY');
  });

  it('publishes raw bodies on a topic for clients that must cope with garbage', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    sim.sendRaw(gc.destination, 'not#a#gc#event', { 'x-test': 'yes' });
    const event = await gc.take('not#a#gc#event');
    assert.equal(event.headers['x-test'], 'yes');
  });

  it('prints to the agent status bar with a Control event', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    sim.printStatusBar('1001', 'Queue is long, please hurry');
    assert.equal((await gc.take(/Control/)).body, '1001#Control#PrintStatusBar#Queue is long, please hurry');
    assert.throws(() => sim.printStatusBar('1003', 'x'), /not connected/);
  });
});
