import assert from 'assert/strict';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { SUPERVISOR, startAnalyticsSimulator } from '../support/analytics';
import { agentStateModule, analyticsModules, catchModule, Collector, helper, load, type Msg } from '../support/flow';

/** The agent story played by the Analytics simulator, through cc-analytics-measures in both modes, into cc-agent-state. */
describe('cc-agent-state fed by cc-analytics-measures against the Analytics simulator', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(async () => {
    await helper.unload();
    await simulator?.stop();
  });

  for (const mode of ['update', 'merged']) {
    it(`shows the scenario as the unified sequence (${mode} mode)`, async () => {
      simulator = await startAnalyticsSimulator();
      await load([...analyticsModules, agentStateModule, catchModule], [
        { id: 'server', type: 'cc-analytics-server', baseUrl: simulator.baseUrl, tenant: '0', rejectUnauthorized: true },
        { id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode, dimensionFilters: [], measureFilters: [], wires: [['model'], []] },
        { id: 'model', type: 'cc-agent-state', thresholds: [], wires: [['changes'], [], []] },
        { id: 'changes', type: 'helper' },
      ], { server: SUPERVISOR });
      const [agentId] = simulator.agentIds();
      const topic = `analytics/${agentId}`;
      const changes = new Collector(helper.getNode('changes'));
      await changes.waitUntil('the agent from the pumpup', (m) => m.some((c) => c.topic === topic), 20000);
      // Steps a few milliseconds apart: within one millisecond a delta leaves out the unchanged lastStateChangeTimestamp.
      const steps = [
        () => simulator.setAgentState(agentId, 'LOGGED_OUT'), () => simulator.setAgentState(agentId, 'READY'), () => simulator.offerContact(agentId),
        () => simulator.setAgentState(agentId, 'NOT_READY', '101'), () => simulator.setAgentState(agentId, 'LOGGED_OUT'), () => simulator.removeAgentFromGroup(agentId),
      ];
      for (const step of steps) {
        step();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const mine = () => changes.messages.filter((c) => c.topic === topic);
      await changes.waitUntil('the removal', () => mine().some((c) => c.payload.state === 'UNKNOWN'), 10000);
      const line = (c: Msg) => [c.payload.state, c.payload.reason?.code].filter((x) => x !== undefined).join(' ');
      assert.deepEqual(mine().map(line), ['NOT_READY 0', 'LOGGED_OUT', 'READY', 'BUSY', 'READY', 'NOT_READY 101', 'LOGGED_OUT', 'UNKNOWN'],
        'Analytics says nothing of the offer, hold or wrap-up: the contact shows as BUSY');
      assert.equal(mine()[5].payload.reason.label, 'Lunch');
      assert.equal(mine()[3].payload.contacts, 1);
    });
  }
});
