import assert from 'node:assert/strict';
import type { AgentObservation } from '../../nodes/agent/model';
import type { AnalyticsFeed } from '../../nodes/analytics/client/analytics-feed';
import { createAnalyticsAgentStateMapper } from '../../nodes/analytics/agent-state-mapper';
import { measureMessage, type OutputMode } from '../../nodes/analytics/measure-messages';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { FeedUser, feedOf, sessionOf, startAnalyticsSimulator } from '../support/analytics';
import { until } from '../support/wait';

/** Consecutive observations of the same state are one step of the sequence (the model drops such repeats). */
function stateSteps(observations: AgentObservation[]): AgentObservation[] {
  return observations.filter((o) => o.state !== undefined).filter((o, i, all) => i === 0 || all[i - 1].state !== o.state);
}

describe('Analytics agent-state mapper on the simulator\'s streams, through the real feed and message builder', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator | undefined;
  let feed: AnalyticsFeed | undefined;
  afterEach(async () => {
    await feed?.stop();
    await simulator?.stop();
  });

  it('plays log out, log in ready, a contact, not ready with a reason, log out and removal from the groups', async () => {
    simulator = await startAnalyticsSimulator();
    feed = feedOf(sessionOf(simulator));
    const user = new FeedUser(['Agent']);
    feed.add(user);
    await until('the pumpup', () => user.count('pumpupComplete') === 1, 10000, 20);
    const sim = simulator;
    const [agentId] = sim.agentIds();
    // Steps a few milliseconds apart: within one millisecond a delta leaves out the unchanged lastStateChangeTimestamp.
    const steps = [
      () => sim.setAgentState(agentId, 'LOGGED_OUT'), () => sim.setAgentState(agentId, 'READY'), () => sim.offerContact(agentId),
      () => sim.setAgentState(agentId, 'NOT_READY', '101'), () => sim.setAgentState(agentId, 'LOGGED_OUT'), () => sim.removeAgentFromGroup(agentId),
    ];
    for (const step of steps) {
      step();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until('the DELETE', () => user.events.some((e) => e.eventAction === 'DELETE' && e.dimension?.agentId === agentId), 5000, 10);

    for (const mode of ['update', 'merged'] as OutputMode[]) {
      const mapper = createAnalyticsAgentStateMapper();
      const observations = user.events.flatMap((event) => mapper.map(measureMessage(event, mode))).filter((o) => o.agentId === agentId);
      const sequence = stateSteps(observations);
      assert.deepEqual(sequence.map((o) => o.state), ['NOT_READY', 'LOGGED_OUT', 'READY', 'BUSY', 'READY', 'NOT_READY', 'LOGGED_OUT', 'UNKNOWN'], mode);
      const [pumped, out, ready, busy, idle, notReady, outAgain, removed] = sequence;
      assert.deepEqual(pumped.reason, { code: '0', label: 'DEFAULT' }, mode);
      assert.equal(pumped.name, 'Siobhan Collins', `${mode}: the names come with the pumpup`);
      assert.deepEqual([busy.contacts, busy.eventTime, idle.contacts], [1, undefined, 0], mode);
      assert.deepEqual([notReady.reason, notReady.pending], [{ code: '101', label: 'Lunch' }, null], mode);
      assert.deepEqual([out.reason, outAgain.reason, ready.reason], [null, null, null], mode);
      for (const step of [pumped, out, ready, notReady, outAgain]) assert.ok(step.eventTime, `${mode}: ${step.state} is dated by the simulator's lastStateChangeTimestamp`);
      assert.deepEqual(removed.native, { type: 'DELETE' }, mode);
    }
  });
});
