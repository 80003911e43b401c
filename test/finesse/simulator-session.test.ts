import assert from 'node:assert/strict';
import { GcCommandRecord } from '../../nodes/finesse/simulator';
import { assertState, logIn, SimFixture } from './simulator-harness';

const SARA = { id: '1001', name: 'Sara Khan', login: 'skhan' };

describe('GC simulator: link and session (Hello, Beat, Connect, Login, Logout)', function () {
  this.timeout(20000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('answers Hello with System#IN_SERVICE, Beat with RECONNECT until a Connect registers the destination', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    assert.deepEqual(await gc.request(`Hello#${gc.destination}`, ''), ['System#IN_SERVICE']);
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), [`DESTINATION#${gc.destination}#RECONNECT`]);
    gc.send('Connect#1001', `${gc.destination},pw1`);
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), ['System#IN_SERVICE']);
  });

  it('registers the destination on Hello when registerDestinationOn is hello', async () => {
    const sim = await fx.sim({ registerDestinationOn: 'hello' });
    const gc = await fx.client(sim);
    await gc.request(`Hello#${gc.destination}`, '');
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), ['System#IN_SERVICE']);
  });

  it('replies OUT_OF_SERVICE to Hello and Beat and ignores agent commands while Finesse is down', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    sim.setInService(false);
    assert.deepEqual(await gc.request(`Hello#${gc.destination}`, ''), ['System#OUT_OF_SERVICE']);
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), ['System#OUT_OF_SERVICE']);
    gc.send('MakeReady#1001');
    assert.deepEqual(await gc.drainBodies(), []);
    assert.equal(sim.agent('1001')?.state, 'NOT_READY');
    sim.setInService(true);
    assert.deepEqual(await gc.request(`Hello#${gc.destination}`, ''), ['System#IN_SERVICE']);
  });

  it('sends nothing at all while unresponsive (GC dead), and answers again afterwards', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    const consumed = new Promise<GcCommandRecord>((resolve) => sim.once('command', resolve));
    sim.setUnresponsive(true);
    const silent = gc.send(`Hello#${gc.destination}`);
    assert.equal((await consumed).headers['correlation-id'], silent);
    sim.setUnresponsive(false);
    assert.deepEqual(await gc.drainBodies(), []);
  });

  it('logs in with Connect + Login: no reply to Connect, then AgentInfo, State NOT_READY -1, DialogStatus###', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    const connectId = gc.send('Connect#1001', `${gc.destination},pw1`);
    const loginId = gc.send('Login#1001', 'pw1,5001');
    const events = await gc.takeCorrelated(loginId, 3);
    assert.equal(events[0].body, '1001#AgentInfo#Sara#Khan#false#OPTIONAL#5000#Sara Khan#skhan');
    assertState(events[1].body, { ...SARA, state: 'NOT_READY', reason: '-1', extension: '5001' });
    assert.equal(events[2].body, '1001#DialogStatus###');
    for (const e of events) assert.equal(e.headers.type ?? '', '', 'events carry an empty type');
    const rest = await gc.drain();
    assert.deepEqual(rest.filter((e) => e.correlationId === connectId), [], 'Connect success is silent');
    assert.deepEqual(rest, []);
    assert.deepEqual(sim.agent('1001'), {
      state: 'NOT_READY', pendingState: '', reasonCode: '-1', destination: gc.destination, loggedIn: true, extension: '5001', dialogs: [],
    });
  });

  it('gives a supervisor the supervisor form of AgentInfo and its team info after DialogStatus', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    const events = await logIn(gc, '1004', 'pw4', '5004');
    assert.equal(events[0], '1004#AgentInfo#Ravi#Patel#true#OPTIONAL#TotalNumberOfTeams:1#5000,Sales#5000#Ravi Patel#rpatel');
    assert.deepEqual(await gc.drainBodies(), ['1004#TeamInfoIDs#TeamID#5000#Ravi Patel', '1004#TeamInfoNames#TeamName#Sales#Ravi Patel']);
  });

  it('refuses bad Connects: MISSING_PASSWORD, USER_NOT_FOUND, SUBSCRIPTION_FAILED, each correlated', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    assert.deepEqual(await gc.request('Connect#1001', `${gc.destination},`), ['1001#Error#MISSING_PASSWORD']);
    assert.deepEqual(await gc.request('Connect#9999', `${gc.destination},pw`), ['9999#Error#USER_NOT_FOUND']);
    assert.deepEqual(await gc.request('Connect#1001', `${gc.destination},wrong`), ['1001#Error#SUBSCRIPTION_FAILED']);
    assert.equal(sim.agent('1001')?.destination, undefined);
  });

  it('refuses bad Logins in the documented order, and RE_LOGIN before any Connect', async () => {
    const sim = await fx.sim({ extensions: ['5001', '5002', '5003'], maxLicenses: 1 });
    const gc = await fx.client(sim);
    assert.deepEqual(await gc.request('Login#1001', 'pw1,5001'), ['1001#State#RE_LOGIN']);
    gc.send('Connect#1001', `${gc.destination},pw1`);
    gc.send('Connect#1002', `${gc.destination},pw2`);
    const cases: [string, string][] = [
      [',5001', 'MISSING_PASSWORD'], ['bad,5001', 'SUBSCRIPTION_FAILED'], ['pw1,', 'MISSING_EXTENSION'], ['pw1,50a1', 'WRONG_EXTENSION'],
      ['pw1,5009', 'CF_INVALID_LOGON_DEVICE_SPECIFIED'], ['pw1', 'MISSING_EXTENSION'],
    ];
    for (const [body, error] of cases) assert.deepEqual(await gc.request('Login#1001', body), [`1001#Error#${error}`], body);
    await gc.request('Login#1001', 'pw1,5001', 3);
    assert.deepEqual(await gc.request('Login#1002', 'pw2,5001'), ['1002#Error#CF_INVALID_LOGON_DEVICE_SPECIFIED'], 'device in use');
    assert.deepEqual(await gc.request('Login#1002', 'pw2,5002'), ['1002#Error#LICENSES_EXCEEDED']);
  });

  it('logs in a mobile agent with MOBILEAGENTLOGIN, requiring the dial number', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    gc.send('Connect#1001', `${gc.destination},pw1`);
    assert.deepEqual(await gc.request('MOBILEAGENTLOGIN#1001', 'pw1,5001,,true'), ['1001#Error#MISSING_NUMBER']);
    const events = await gc.request('MobileAgentLogin#1001', 'pw1,5001,03001234567,true', 3);
    assert.match(events[0], /^1001#AgentInfo#/);
    assertState(events[1], { ...SARA, state: 'NOT_READY', reason: '-1', extension: '5001' });
  });

  it('invalidates the old session when the agent connects from another destination (error first, then LOGOUT)', async () => {
    const sim = await fx.sim();
    const desk = await fx.client(sim);
    const server = await fx.client(sim);
    await logIn(desk, '1001', 'pw1', '5001');
    const takeover = server.send('Connect#1001', `${server.destination},pw1`);
    const first = await desk.take(/^1001#/);
    const second = await desk.take(/^1001#/);
    assert.equal(first.body, '1001#Error#SESSION_INVALIDATED');
    assertState(second.body, { ...SARA, state: 'LOGOUT', reason: '-1', extension: '' });
    assert.notEqual(first.correlationId, takeover, 'events for the old destination do not carry the new client\'s id');
    const events = await server.request('Login#1001', 'pw1,5001', 3);
    assert.match(events[0], /^1001#AgentInfo#/);
    assert.equal(sim.agent('1001')?.destination, server.destination);
    assert.deepEqual(await desk.drainBodies(), []);
  });

  it('sends State LOGOUT before SESSION_INVALIDATED when sessionInvalidatedOrder is logoutFirst', async () => {
    const sim = await fx.sim({ sessionInvalidatedOrder: 'logoutFirst' });
    const desk = await fx.client(sim);
    const server = await fx.client(sim);
    await logIn(desk, '1001', 'pw1', '5001');
    server.send('Connect#1001', `${server.destination},pw1`);
    assert.match((await desk.take(/^1001#/)).body, /^1001#State#LOGOUT#/);
    assert.equal((await desk.take(/^1001#/)).body, '1001#Error#SESSION_INVALIDATED');
  });

  it('sends AgentInfo on the first Login of a session only; a new Connect starts a new session', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    assertState((await gc.request('Logout#1001', ''))[0], { ...SARA, state: 'LOGOUT', reason: '-1', extension: '' });
    const again = await gc.request('Login#1001', 'pw1,5001', 2);
    assertState(again[0], { ...SARA, state: 'NOT_READY', reason: '-1', extension: '5001' });
    assert.equal(again[1], '1001#DialogStatus###');
    assert.deepEqual(await gc.drainBodies(), []);
    assert.match((await logIn(gc, '1001', 'pw1', '5001'))[0], /^1001#AgentInfo#/);
  });

  it('logs out only from NOT_READY; logoutwithreason needs a reason code and reports its label', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    await gc.request('MakeReady#1001', '');
    assert.deepEqual(await gc.request('Logout#1001', ''), ['1001#Error#CF_INVALID_OBJECT_STATE']);
    await gc.request('MakeNotReady#1001', '');
    assert.deepEqual(await gc.request('logoutwithreason#1001', ''), ['1001#Error#MISSING_REASON_CODE']);
    const [logout] = await gc.request('LogoutWithReason#1001', '10');
    assertState(logout, { ...SARA, state: 'LOGOUT', reason: '10', label: 'End of shift', extension: '' });
    assert.deepEqual(await gc.request('Logout#1001', ''), ['1001#Error#CF_INVALID_OBJECT_STATE'], 'LOGOUT -> LOGOUT is no transition');
  });

  it('forgets everything on restart: Beat gets RECONNECT, agent commands get RE_LOGIN at reply-to', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    await logIn(gc, '1001', 'pw1', '5001');
    sim.restart();
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), [`DESTINATION#${gc.destination}#RECONNECT`]);
    assert.deepEqual(await gc.request('GetState#1001', ''), ['1001#State#RE_LOGIN']);
    assert.deepEqual(await gc.request('MakeReady#1001', ''), ['1001#State#RE_LOGIN']);
    const events = await logIn(gc, '1001', 'pw1', '5001');
    assert.match(events[0], /^1001#AgentInfo#/);
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), ['System#IN_SERVICE']);
  });

  it('drops an unknown-agent command without reply-to instead of guessing a destination', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    gc.send('GetState#1001', '', { replyTo: null });
    assert.deepEqual(await gc.drainBodies(), []);
  });

  it('masks passwords in the command records it emits', async () => {
    const sim = await fx.sim();
    const gc = await fx.client(sim);
    const records: GcCommandRecord[] = [];
    sim.on('command', (r: GcCommandRecord) => records.push(r));
    await logIn(gc, '1001', 'pw1', '5001');
    assert.deepEqual(records.map((r) => [r.command, r.target, r.body]), [
      ['Connect', '1001', `${gc.destination},***`], ['Login', '1001', '***,5001'],
    ]);
    assert.equal(sim.commandsHandled, 2);
    assert.ok(!JSON.stringify(records).includes('pw1'));
  });
});

