import assert from 'assert/strict';
import path from 'path';
import { AgentLogin } from '../../nodes/finesse/client/agent-login';
import type { GcCommandError } from '../../nodes/finesse/client/command-errors';
import { GcSession } from '../../nodes/finesse/client/gc-session';
import { GcSimulator } from '../../nodes/finesse/simulator';
import { AGENTS, extensionOf, linkReaches, sendCommand, sessionOptions, typeOf, uniqueName } from '../support/finesse';
import { until } from '../support/wait';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startActiveMq } = require(path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'activemq-broker.js'));

interface Broker { stomp: string; stop(): Promise<void> }

/**
 * A broker of this test's own, stopped and started again on the same port while agents are logged in:
 * the shared broker of the other tests must not go down with it.
 */
describe('GC session across an ActiveMQ restart', function () {
  this.timeout(180000);
  let broker: Broker | undefined;
  let simulator: GcSimulator | undefined;
  let session: GcSession | undefined;
  const logins: AgentLogin[] = [];

  afterEach(async () => {
    for (const login of logins.splice(0)) login.dispose();
    await session?.stop();
    await simulator?.stop();
    await broker?.stop();
    broker = simulator = session = undefined;
  });

  it('recovers the session and logs the agents in again, with no manual step', async () => {
    broker = await startActiveMq({ own: true }) as Broker;
    const port = Number(broker.stomp.split(':')[1]);
    const stomp = { host: '127.0.0.1', port };
    const queue = uniqueName('cc_gc');
    simulator = new GcSimulator({ stomp, commandQueue: queue, agents: AGENTS.slice(0, 3) });
    await simulator.start();
    session = new GcSession({ ...sessionOptions(queue), endpoint: stomp });
    session.start();
    const agents = ['1001', '1002', '1003'].map((agentId) => {
      const login = new AgentLogin(session!, { agentId, password: `pw${agentId}`, extension: extensionOf(agentId) }, { autoLogin: true, loginTimeoutMs: 3000 });
      logins.push(login);
      return login;
    });
    await until('three agents logged in', () => agents.every((a) => a.state === 'logged-in'), 15000, 50);
    const logins0 = { ...Object.fromEntries(agents.map((a) => [a.agentId, 0])) };
    simulator.on('command', (c: { type: string }) => {
      const [name, agentId] = c.type.split('#');
      if (name === 'Login' && agentId in logins0) logins0[agentId]++;
    });

    // Commands still waiting when the broker goes fail at once, as lost, and nothing is left unhandled.
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    simulator.dropReplies(true);
    const waiting = Array.from({ length: 20 }, () => sendCommand(session!, 'GetState', '1001', [], 60000).then(() => 'answered', (err: GcCommandError) => err.failure));
    await broker.stop();
    await linkReaches(session, 'broker-down');
    assert.deepEqual(new Set(await Promise.all(waiting)), new Set(['disconnected']));
    simulator.dropReplies(false);
    // GC restarted too while the broker was away: it forgot every agent, so only a fresh login brings them back.
    simulator.restart();
    broker = await startActiveMq({ own: true, port }) as Broker;

    await linkReaches(session, 'in-service', 60000);
    await until('every agent logged in at GC again', () => agents.every((a) => simulator!.agent(a.agentId)?.loggedIn === true), 30000, 100);
    await until('every agent keeper logged in', () => agents.every((a) => a.state === 'logged-in'), 10000, 50);
    assert.deepEqual(logins0, { 1001: 1, 1002: 1, 1003: 1 });
    const reply = await sendCommand(session, 'GetState', '1002');
    assert.equal(typeOf(reply), 'State');
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, []);
  });
});
