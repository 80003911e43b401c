import assert from 'assert/strict';
import type { AxpSimulator } from '../../nodes/axp/simulator';
import { afterContactWork, agentState, AGENT, matchOffered, notReady, participant } from '../axp/fixtures/agent-state-messages';
import { axpFlow, startAxpSimulator } from '../support/axp';
import { agentStateModule, axpModules, catchModule, Collector, helper, load, type Msg } from '../support/flow';
import { until } from '../support/wait';

/** The agent story sent by the AXP simulator over its WebSocket, through cc-axp-events, into one cc-agent-state. */
describe('cc-agent-state fed by cc-axp-events against the AXP simulator', function () {
  this.timeout(60000);
  let simulator: AxpSimulator;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(async () => {
    await helper.unload();
    await simulator?.stop();
  });

  it('shows the scenario as the unified sequence, with the contact counted and the pending state while working', async () => {
    simulator = await startAxpSimulator();
    const { flow, credentials } = axpFlow(simulator, [{ id: 'ev' }]);
    const events = flow.find((n) => n.id === 'ev')!;
    events.wires = [['model'], ['ev-err']];
    flow.push({ id: 'model', type: 'cc-agent-state', thresholds: [], wires: [['changes'], [], []] }, { id: 'changes', type: 'helper' });
    await load([...axpModules, agentStateModule, catchModule], flow, credentials);
    await until('the events node streams', () => simulator.sockets().some((s) => s.authenticated), 10000, 20);
    const changes = new Collector(helper.getNode('changes'));
    const start = Date.parse('2026-12-07T09:00:00Z');
    const bodies = [
      agentState('LOGGED_IN'), agentState('READY'), matchOffered(), participant('ADDED'), participant('HELD'), participant('UNHELD'),
      participant('REMOVED'), afterContactWork('Activated'), afterContactWork('Completed'), notReady('101', 'BREAK'), agentState('LOGGED_OUT'),
    // Each body its own id: the events node drops a body id it has seen as a replay.
    ].map((body, i) => ({ ...body, id: `step-${i}`, timestamp: String(start + i * 1000) }));
    for (const body of bodies) simulator.emit(body);
    const line = (c: Msg) => [c.payload.state, c.payload.contacts, c.payload.pending, c.payload.reason?.code].filter((x) => x !== undefined).join(' ');
    await changes.waitUntil('the logout', (m) => m.some((c) => c.payload.state === 'LOGGED_OUT'));
    assert.deepEqual(changes.messages.map(line), [
      'NOT_READY 0', 'READY 0', 'RESERVED 1 READY', 'BUSY 1 READY',
      // AXP reports the participant removed before after-contact work begins: for that moment the agent is READY.
      'READY 0', 'WRAP_UP 0 READY', 'READY 0', 'NOT_READY 0 101', 'LOGGED_OUT 0',
    ], 'hold and retrieve stay BUSY (no change)');
    assert.ok(changes.messages.every((c) => c.topic === `axp/${AGENT}`));
    assert.equal(changes.messages[3].payload.since, new Date(start + 3000).toISOString(), 'since is the vendor\'s event time');
    assert.equal(changes.messages[3].payload.previous.durationMs, 1000);
  });
});
