import assert from 'assert/strict';
import { AgentLogin } from '../../nodes/finesse/client/agent-login';
import { GcCommandError } from '../../nodes/finesse/client/command-errors';
import { GcSession } from '../../nodes/finesse/client/gc-session';
import type { GcSimulator } from '../../nodes/finesse/simulator';
import { AGENTS, extensionOf, field, linkReaches, nextEvent, sendCommand, sessionOptions, startSimulator, typeOf, uniqueName } from '../support/finesse';
import { nextEmitted, until } from '../support/wait';

/** Resolves once the agent's login keeper reaches the state. */
async function loginReaches(login: AgentLogin, state: string, timeoutMs = 10000): Promise<void> {
  if (login.state === state) return;
  await nextEmitted(login, 'change', `agent ${login.agentId} ${state}`, (change: { to: string }) => change.to === state, timeoutMs, () => `it is ${login.state}: ${login.machine.reason ?? ''}`);
}

describe('GC session against the simulator on ActiveMQ', function () {
  this.timeout(60000);
  let simulator: GcSimulator;
  let queue: string;
  const sessions: GcSession[] = [];
  const logins: AgentLogin[] = [];
  const commands: string[] = [];

  const open = (overrides = {}) => {
    const session = new GcSession(sessionOptions(queue, overrides));
    sessions.push(session);
    session.start();
    return session;
  };
  const keepLoggedIn = (session: GcSession, agentId: string, password = `pw${agentId}`) => {
    const login = new AgentLogin(session, { agentId, password, extension: extensionOf(agentId) }, { autoLogin: true, loginTimeoutMs: 3000 });
    logins.push(login);
    return login;
  };

  beforeEach(async () => {
    queue = uniqueName('cc_gc');
    simulator = await startSimulator({ commandQueue: queue });
    commands.length = 0;
    simulator.on('command', (c: { type: string }) => commands.push(c.type));
  });
  afterEach(async () => {
    for (const login of logins.splice(0)) login.dispose();
    await Promise.all(sessions.splice(0).map((s) => s.stop()));
    await simulator.stop();
  });

  it('subscribes, sends Hello until IN_SERVICE, then Beats on its own topic', async () => {
    const session = open();
    await linkReaches(session, 'in-service');
    await until('two Beats', () => commands.filter((t) => t === `Beat#${session.clientDestination}`).length >= 2, 5000, 50);
    assert.ok(commands.includes(`Hello#${session.clientDestination}`));
    assert.equal(session.state, 'in-service');
  });

  it('sends Hello and Beat without expires when the time-to-live is off (a broker clock ahead of ours would drop them)', async () => {
    const headers: Record<string, string>[] = [];
    simulator.on('command', (c: { type: string; headers: Record<string, string> }) => { if (/^(Hello|Beat)#/.test(c.type)) headers.push(c.headers); });
    const session = open({ ttlMs: 0 });
    await linkReaches(session, 'in-service');
    await until('a Beat', () => headers.length >= 2, 5000, 20);
    assert.ok(headers.every((h) => h.expires === undefined || h.expires === '0'), JSON.stringify(headers.map((h) => h.expires)));
  });

  it('keeps sending Hello while GC is silent, and gets in service when it answers', async () => {
    simulator.setUnresponsive(true);
    const session = open();
    await until('three Hellos', () => commands.filter((t) => t.startsWith('Hello#')).length >= 3, 5000, 50);
    assert.equal(session.state, 'handshaking');
    simulator.setUnresponsive(false);
    await linkReaches(session, 'in-service');
  });

  it('goes out of service with GC, refuses agent commands meanwhile, and comes back by itself', async () => {
    const session = open();
    await linkReaches(session, 'in-service');
    simulator.setInService(false);
    await linkReaches(session, 'out-of-service');
    await assert.rejects(sendCommand(session, 'GetState', '1001'), (err: GcCommandError) => err.failure === 'not-in-service' && /out of service/.test(err.message));
    simulator.setInService(true);
    await linkReaches(session, 'in-service');
  });

  it('returns to the Hello loop when Beats go unanswered', async () => {
    const session = open();
    await linkReaches(session, 'in-service');
    simulator.setUnresponsive(true);
    await linkReaches(session, 'handshaking');
    simulator.setUnresponsive(false);
    await linkReaches(session, 'in-service');
  });

  it('logs an agent in: Connect, Login, then AgentInfo, State NOT_READY and DialogStatus', async () => {
    const session = open();
    const events: string[] = [];
    session.on('event', (e) => { if (e.parsed.ok && e.parsed.payload.agentId === '1001') events.push(e.parsed.type); });
    const login = keepLoggedIn(session, '1001');
    await loginReaches(login, 'logged-in');
    await until('the three login events', () => events.includes('DialogStatus'), 5000, 20);
    assert.deepEqual(events.slice(0, 3), ['AgentInfo', 'State', 'DialogStatus']);
    assert.equal(login.agentState, 'NOT_READY');
    assert.deepEqual(commands.filter((t) => t.endsWith('#1001')), ['Connect#1001', 'Login#1001']);
    assert.equal(simulator.agent('1001')?.loggedIn, true);
  });

  it('logs a mobile agent in with MOBILEAGENTLOGIN, its dial number and connection mode', async () => {
    const session = open();
    const bodies: string[] = [];
    simulator.on('command', (c: { type: string; body: string }) => { if (c.type.startsWith('MOBILEAGENTLOGIN#')) bodies.push(c.body); });
    const login = new AgentLogin(session, { agentId: '1009', password: 'pw1009', extension: extensionOf('1009'), dialNumber: '03005550199', callByCall: false }, { autoLogin: true });
    logins.push(login);
    await loginReaches(login, 'logged-in');
    assert.deepEqual(commands.filter((t) => t.endsWith('#1009')), ['Connect#1009', 'MOBILEAGENTLOGIN#1009']);
    assert.equal(bodies.length, 1);
    assert.match(bodies[0], /,5009,03005550199,false$/);
    assert.equal(bodies[0].includes('pw1009'), false, 'the simulator masks the password in what it reports');
  });

  it('does not retry refused credentials', async () => {
    const session = open();
    const login = keepLoggedIn(session, '1002', 'wrong-password');
    await loginReaches(login, 'failed');
    assert.match(login.machine.reason ?? '', /SUBSCRIPTION_FAILED|UNABLE_TO_SUBSCRIBE/);
    const sent = commands.length;
    await new Promise((r) => setTimeout(r, 1500)); // Several Beats pass: a retry would show up as another Connect.
    assert.equal(commands.slice(sent).filter((t) => t.startsWith('Connect#')).length, 0);
  });

  it('logs every agent in again after GC forgets the destination (DESTINATION RECONNECT)', async () => {
    const session = open();
    const a = keepLoggedIn(session, '1003');
    const b = keepLoggedIn(session, '1004');
    await Promise.all([loginReaches(a, 'logged-in'), loginReaches(b, 'logged-in')]);
    const reconnect = nextEvent(session, 'DESTINATION RECONNECT', (e) => e.parsed.ok && e.parsed.type === 'RECONNECT');
    simulator.restart();
    await reconnect;
    await until('both agents logged in at GC again', () => simulator.agent('1003')?.loggedIn === true && simulator.agent('1004')?.loggedIn === true, 10000, 50);
    await Promise.all([loginReaches(a, 'logged-in'), loginReaches(b, 'logged-in')]);
    assert.equal(commands.filter((t) => t === 'Login#1003').length, 2);
  });

  it('answers State#RE_LOGIN to a command with a refusal and logs the agent in again', async () => {
    const session = open({ beatIntervalMs: 60000 });
    const login = keepLoggedIn(session, '1005');
    await loginReaches(login, 'logged-in');
    simulator.restart();
    await assert.rejects(sendCommand(session, 'GetState', '1005'), (err: GcCommandError) => err.failure === 're-login' && err.errorName === 'RE_LOGIN');
    await until('agent 1005 logged in again', () => simulator.agent('1005')?.loggedIn === true, 10000, 50);
    await loginReaches(login, 'logged-in');
  });

  it('never logs in again by itself after SESSION_INVALIDATED', async () => {
    const first = open();
    const second = open();
    const mine = keepLoggedIn(first, '1006');
    await loginReaches(mine, 'logged-in');
    const theirs = keepLoggedIn(second, '1006');
    await loginReaches(mine, 'invalidated');
    await loginReaches(theirs, 'logged-in');
    const connects = commands.filter((t) => t === 'Connect#1006').length;
    await new Promise((r) => setTimeout(r, 1500)); // Beats pass on both sessions: a fight over the agent would show as more Connects.
    assert.equal(commands.filter((t) => t === 'Connect#1006').length, connects);
    assert.equal(mine.state, 'invalidated');
    assert.equal(simulator.agent('1006')?.destination, second.clientDestination);
  });

  it('fails a command GC does not answer after its timeout, and a GC error at once', async () => {
    const session = open({ beatIntervalMs: 60000 });
    const login = keepLoggedIn(session, '1007');
    await loginReaches(login, 'logged-in');
    const logout = await sendCommand(session, 'MakeReady', '1007').then(() => sendCommand(session, 'Logout', '1007')).catch((e) => e);
    assert.ok(logout instanceof GcCommandError && logout.failure === 'gc-error' && logout.errorName === 'CF_INVALID_OBJECT_STATE', String(logout));
    simulator.dropReplies(true);
    const started = Date.now();
    await assert.rejects(sendCommand(session, 'GetState', '1007', [], 400), (err: GcCommandError) => err.failure === 'timeout' && /within 400 ms/.test(err.message));
    assert.ok(Date.now() - started >= 390);
    assert.equal(session.pendingCommands, 0);
  });

  it('refuses commands beyond its limit at once (too-many-pending), says so once, and takes them again when answered', async () => {
    // Beats far apart, so the silent GC does not take the link out of service while the test looks at the limit.
    const session = open({ maxPendingCommands: 5, beatIntervalMs: 10000 });
    const limits: number[] = [];
    session.on('pending-limit', (limit: number) => limits.push(limit));
    const login = keepLoggedIn(session, '1001');
    await loginReaches(login, 'logged-in');
    simulator.dropReplies(true);
    const waiting = Array.from({ length: 5 }, () => sendCommand(session, 'GetState', '1001', [], 1500).then(() => 'answered', (err: GcCommandError) => err.failure));
    await until('five commands waiting', () => session.pendingCommands === 5, 5000, 10);
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      await assert.rejects(sendCommand(session, 'MakeReady', '1001', [], 60000), (err: GcCommandError) =>
        err.failure === 'too-many-pending' && /MakeReady for 1001: 5 commands already wait for GC's answer/.test(err.message));
    }
    assert.ok(Date.now() - started < 500, 'refused at once, not after a timeout');
    assert.deepEqual(limits, [5]);
    assert.equal(commands.filter((t) => t === 'MakeReady#1001').length, 0, 'nothing beyond the limit was sent');
    assert.deepEqual(new Set(await Promise.all(waiting)), new Set(['timeout']));
    simulator.dropReplies(false);
    assert.equal(typeOf(await sendCommand(session, 'GetState', '1001')), 'State', 'room again once the earlier ones ended');
  });

  it('correlates 10,000 sequential GetState round trips', async function () {
    this.timeout(120000);
    const session = open({ beatIntervalMs: 60000 });
    const login = keepLoggedIn(session, '1008');
    await loginReaches(login, 'logged-in');
    const ids = new Set<string>();
    for (let i = 0; i < 10000; i++) {
      const reply = await sendCommand(session, 'GetState', '1008');
      assert.equal(typeOf(reply), 'State');
      assert.equal(reply.reply?.headers['correlation-id'], reply.correlationId);
      ids.add(reply.correlationId);
    }
    assert.equal(ids.size, 10000);
  });

  it('correlates a burst of 1,000 concurrent commands from 20 agents, none lost', async function () {
    this.timeout(120000);
    const session = open({ beatIntervalMs: 60000 });
    const agents = AGENTS.map((a) => keepLoggedIn(session, a.id));
    await Promise.all(agents.map((l) => loginReaches(l, 'logged-in', 20000)));
    const requests = Array.from({ length: 1000 }, (_, i) => {
      const agentId = AGENTS[i % 20].id;
      return sendCommand(session, 'GetState', agentId, [], 30000).then((reply) => ({ agentId, reply }));
    });
    const replies = await Promise.all(requests);
    assert.equal(replies.length, 1000);
    for (const { agentId, reply } of replies) {
      assert.equal(field(reply, 'agentId'), agentId);
      assert.equal(reply.reply?.headers['correlation-id'], reply.correlationId);
    }
    assert.equal(new Set(replies.map((r) => r.reply.correlationId)).size, 1000);
  });
});
