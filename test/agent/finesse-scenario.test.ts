import assert from 'assert/strict';
import { agentStateModule, catchModule, Collector, finesseModules, helper, load, type Msg } from '../support/flow';
import { extensionOf, STOMP, startSimulator, uniqueName } from '../support/finesse';
import type { GcSimulator } from '../../nodes/finesse/simulator';

/**
 * The agent story through the real Finesse nodes (the GC simulator on the real ActiveMQ) into one cc-agent-state:
 * log in, ready, offered a call, talk, hold, retrieve, hang up into wrap-up, not ready with a reason, ask for the
 * state (a cc-finesse-command reply), log out.
 */
describe('cc-agent-state fed by cc-finesse-events and cc-finesse-command against the GC simulator', function () {
  this.timeout(60000);
  let simulator: GcSimulator;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(async () => {
    await helper.unload();
    await simulator?.stop();
  });

  it('shows the scenario as the unified sequence, hold inside BUSY and the pending state of wrap-up', async () => {
    const queue = uniqueName('cc_gc');
    simulator = await startSimulator({
      commandQueue: queue, wrapUpMs: 3600000,
      agents: [{ id: '1001', password: 'pw1001', firstName: 'Sara', lastName: 'Khan', wrapUpMode: 'REQUIRED' }],
    });
    await load([...finesseModules, agentStateModule, catchModule], [
      { id: 'tab', type: 'tab', label: 'finesse' },
      { id: 'gc', type: 'cc-finesse-gc', host: STOMP.host, port: STOMP.port, tls: false, vhost: '', commandQueue: queue, clientDestination: uniqueName('cc_nr'), helloTimeout: 0.3, beatInterval: 0.5, ttl: 10 },
      { id: 'a1', type: 'cc-finesse-agent', gc: 'gc', agentId: '1001', extension: extensionOf('1001'), autoLogin: true },
      { id: 'ev', type: 'cc-finesse-events', z: 'tab', gc: 'gc', agents: '', events: [], wires: [['model'], []] },
      { id: 'c1', type: 'cc-finesse-command', z: 'tab', gc: 'gc', agent: 'a1', command: '', timeout: 5, wires: [['model', 'c1-out'], ['c1-err']] },
      { id: 'model', type: 'cc-agent-state', z: 'tab', thresholds: [], wires: [['changes'], [], []] },
      { id: 'changes', type: 'helper', z: 'tab' }, { id: 'c1-out', type: 'helper', z: 'tab' }, { id: 'c1-err', type: 'helper', z: 'tab' },
    ], { gc: { login: '', passcode: '' }, a1: { password: 'pw1001' } });
    const changes = new Collector(helper.getNode('changes'));
    const replies = new Collector(helper.getNode('c1-out'));
    const errors = new Collector(helper.getNode('c1-err'));
    const step = async (state: string, act: () => void) => {
      const seen = changes.messages.length;
      act();
      await changes.waitUntil(`a change to ${state}`, (m) => m.slice(seen).some((c) => c.payload.state === state), 15000);
    };
    const send = (command: string, payload?: Record<string, unknown>) => () => helper.getNode('c1').receive({ command, payload });

    await changes.waitUntil('the agent logged in, not ready', (m) => m.some((c) => c.payload.state === 'NOT_READY'), 20000);
    await step('READY', send('MakeReady'));
    let dialogId = '';
    await step('RESERVED', () => { dialogId = simulator.injectInboundCall('1001', { ani: '03001234567' }); });
    await step('BUSY', send('AnswerCall', { dialog_id: dialogId }));
    helper.getNode('c1').receive({ command: 'HoldCall', payload: { dialog_id: dialogId } });
    await replies.waitUntil('HoldCall answered', (m) => m.some((r) => r.command?.name === 'HoldCall'));
    helper.getNode('c1').receive({ command: 'RetrieveCall', payload: { dialog_id: dialogId } });
    await replies.waitUntil('RetrieveCall answered', (m) => m.some((r) => r.command?.name === 'RetrieveCall'));
    await step('WRAP_UP', send('ReleaseCall', { dialog_id: dialogId }));
    await step('NOT_READY', send('MakeNotReadyWithReason', { reason_code: '2' }));
    helper.getNode('c1').receive({ command: 'GetState' });
    await replies.waitUntil('GetState answered', (m) => m.some((r) => r.command?.name === 'GetState'));
    await step('LOGGED_OUT', send('Logout'));

    assert.deepEqual(errors.messages.map((m) => m.error?.message), [], 'every command went through');
    const line = (c: Msg) => [c.payload.state, c.payload.reason?.code, c.payload.pending].filter((x) => x !== undefined).join(' ');
    assert.deepEqual(changes.messages.map(line), ['NOT_READY', 'READY', 'RESERVED', 'BUSY', 'WRAP_UP READY', 'NOT_READY 2', 'LOGGED_OUT'],
      'hold stays BUSY (no change), the GetState reply repeats NOT_READY (no change)');
    assert.ok(changes.messages.every((c) => c.topic === 'finesse/1001'));
    assert.equal(changes.messages[5].payload.reason.label, 'Lunch');
    assert.equal(changes.messages[3].payload.previous.state, 'RESERVED');
  });
});
