import assert from 'assert/strict';
import { AgentLogin } from '../../nodes/finesse/client/agent-login';
import { GcCommandError } from '../../nodes/finesse/client/command-errors';
import { GcSession } from '../../nodes/finesse/client/gc-session';
import type { GcSimulator } from '../../nodes/finesse/simulator';
import { extensionOf, field, linkReaches, nextEvent, sendCommand, sessionOptions, startSimulator, typeOf, uniqueName } from '../support/finesse';
import { until } from '../support/wait';

type Outcome = { state: string; pending?: string } | 'CF_INVALID_OBJECT_STATE';

/**
 * Agent state changes requested through our session, each legal and illegal row of the UCCE table the
 * digest gives (§4.9): a legal request is answered by State, an illegal one by CF_INVALID_OBJECT_STATE
 * with the state unchanged; during a call a change is pending until the call ends.
 */
describe('agent state transitions through the GC session (UCCE table)', function () {
  this.timeout(60000);
  let simulator: GcSimulator;
  let session: GcSession;
  let login: AgentLogin;
  let agentId = 1000;

  beforeEach(async () => {
    const queue = uniqueName('cc_gc');
    simulator = await startSimulator({ commandQueue: queue });
    session = new GcSession(sessionOptions(queue, { beatIntervalMs: 60000 }));
    session.start();
    await linkReaches(session, 'in-service');
    const id = String(++agentId);
    login = new AgentLogin(session, { agentId: id, password: `pw${id}`, extension: extensionOf(id) }, { autoLogin: true });
    await until('agent logged in', () => login.state === 'logged-in', 10000, 20);
  });
  afterEach(async () => {
    login.dispose();
    await session.stop();
    await simulator.stop();
  });

  async function outcome(command: string, args: unknown[] = []): Promise<Outcome> {
    try {
      const reply = await sendCommand(session, command, login.agentId, args);
      assert.equal(typeOf(reply), 'State', `${command} answered by ${typeOf(reply)}`);
      const pending = field(reply, 'pendingState') as string | undefined;
      return pending ? { state: field(reply, 'state') as string, pending } : { state: field(reply, 'state') as string };
    } catch (err) {
      if (err instanceof GcCommandError && err.errorName === 'CF_INVALID_OBJECT_STATE') return 'CF_INVALID_OBJECT_STATE';
      throw err;
    }
  }

  const fromNotReady: [string, unknown[], Outcome][] = [
    ['MakeReady', [], { state: 'READY' }],
    ['MakeNotReadyWithReason', ['12'], { state: 'NOT_READY' }],
    ['MakeWorkReady', [], 'CF_INVALID_OBJECT_STATE'],
    ['MakeWorkNotReady', [], 'CF_INVALID_OBJECT_STATE'],
    ['Logout', [], { state: 'LOGOUT' }],
  ];
  for (const [command, args, expected] of fromNotReady) {
    it(`NOT_READY --${command}--> ${typeof expected === 'string' ? expected : expected.state}`, async () => {
      assert.deepEqual(await outcome(command, args), expected);
      if (expected === 'CF_INVALID_OBJECT_STATE') assert.equal(simulator.agent(login.agentId)?.state, 'NOT_READY');
    });
  }

  const fromReady: [string, unknown[], Outcome][] = [
    ['MakeNotReady', [], { state: 'NOT_READY' }],
    ['MakeNotReadyWithReason', ['12'], { state: 'NOT_READY' }],
    ['MakeReady', [], 'CF_INVALID_OBJECT_STATE'],
    ['Logout', [], 'CF_INVALID_OBJECT_STATE'],
    ['MakeWorkNotReady', [], 'CF_INVALID_OBJECT_STATE'],
  ];
  for (const [command, args, expected] of fromReady) {
    it(`READY --${command}--> ${typeof expected === 'string' ? expected : expected.state}`, async () => {
      assert.deepEqual(await outcome('MakeReady'), { state: 'READY' });
      assert.deepEqual(await outcome(command, args), expected);
      if (expected === 'CF_INVALID_OBJECT_STATE') assert.equal(simulator.agent(login.agentId)?.state, 'READY');
    });
  }

  it('TALKING: NOT_READY is pending, logout refused, HOLD and back, then NOT_READY when the call ends', async () => {
    const made = await sendCommand(session, 'MakeCall', login.agentId, ['03001234567']);
    const dialogId = field(made, 'dialogId') as string;
    await nextEvent(session, 'the customer answering', (e) => field(e, 'dialogId') === dialogId && field(e, 'state') === 'ACTIVE');
    await until('TALKING', () => simulator.agent(login.agentId)?.state === 'TALKING', 5000, 20);
    assert.deepEqual(await outcome('MakeNotReadyWithReason', ['7']), { state: 'TALKING', pending: 'NOT_READY' });
    assert.equal(await outcome('Logout'), 'CF_INVALID_OBJECT_STATE');
    const held = nextEvent(session, 'State HOLD', (e) => field(e, 'agentId') === login.agentId && field(e, 'state') === 'HOLD');
    await sendCommand(session, 'HoldCall', login.agentId, [dialogId]);
    await held;
    assert.equal(await outcome('Logout'), 'CF_INVALID_OBJECT_STATE');
    const talking = nextEvent(session, 'State TALKING', (e) => field(e, 'agentId') === login.agentId && field(e, 'state') === 'TALKING');
    await sendCommand(session, 'RetrieveCall', login.agentId, [dialogId]);
    await talking;
    const after = nextEvent(session, 'State after the call', (e) => field(e, 'agentId') === login.agentId && field(e, 'state') === 'NOT_READY');
    await sendCommand(session, 'ReleaseCall', login.agentId, [dialogId]);
    assert.equal(field(await after, 'reasonCode'), '7');
  });
});
