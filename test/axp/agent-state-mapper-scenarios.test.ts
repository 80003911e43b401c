import assert from 'node:assert/strict';
import type { AgentObservation } from '../../nodes/agent/model';
import { createAxpAgentStateMapper } from '../../nodes/axp/agent-state-mapper';
import { AxpScenarioName, AxpSimulator, AxpSimulatorOptions, DEFAULT_AGENTS } from '../../nodes/axp/simulator';
import {
  afterContactWork, agentState, matchOffered, message, messageOf, notReady, participant,
} from './fixtures/agent-state-messages';
import { SimFixture } from './simulator-harness';

/** "STATE contacts [pending] [reason]" per observation: the sequence a reader of the snapshot would see. */
function line(o: AgentObservation): string {
  const parts = [o.state ?? '-', `contacts=${o.contacts}`];
  if (o.pending) parts.push(`pending=${o.pending}`);
  if (o.reason) parts.push(`reason=${o.reason.code}${o.reason.label ? `/${o.reason.label}` : ''}`);
  return parts.join(' ');
}

describe('AxpAgentStateMapper: a whole shift', () => {
  it('logs in, readies, is offered, talks, holds, wraps up, goes not ready with a reason, logs out', () => {
    const mapper = createAxpAgentStateMapper();
    const bodies = [
      agentState('LOGGED_IN'), agentState('READY'), matchOffered(), participant('ADDED'), participant('HELD'), participant('UNHELD'),
      participant('REMOVED'), afterContactWork('Activated'), afterContactWork('Completed'), notReady('101', 'BREAK'), agentState('LOGGED_OUT'),
    ];
    assert.deepEqual(bodies.map((body) => mapper.map(message(body)).map(line).join(' | ')), [
      'NOT_READY contacts=0',
      'READY contacts=0',
      'RESERVED contacts=1 pending=READY',
      'BUSY contacts=1 pending=READY',
      'BUSY contacts=1 pending=READY',
      'BUSY contacts=1 pending=READY',
      // REMOVED comes before AfterContactWorkActivated: for that moment the agent is READY again.
      'READY contacts=0',
      'WRAP_UP contacts=0 pending=READY',
      'READY contacts=0',
      'NOT_READY contacts=0 reason=101/BREAK',
      'LOGGED_OUT contacts=0',
    ]);
  });
});

describe('AxpAgentStateMapper: the simulator\'s scenarios over its WebSocket', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  /** Plays the scenario after the given AgentState of every agent and maps what the socket delivered, per agent. */
  async function played(name: AxpScenarioName, options: AxpSimulatorOptions = {}, before?: string): Promise<Map<string, string[]>> {
    const sim: AxpSimulator = await fx.sim(options);
    const { client } = await fx.stream(sim);
    const mapper = createAxpAgentStateMapper();
    const opening = before === undefined ? [] : DEFAULT_AGENTS.flatMap((a) => sim.emit({ event: 'AgentState', agentId: a.agentId, state: before }));
    for (const notification of await client.takeNotifications(opening.length)) mapper.map(messageOf(JSON.stringify(notification)));
    const sent = await sim.runScenario(name);
    const byAgent = new Map<string, string[]>();
    for (const notification of await client.takeNotifications(sent.length)) {
      for (const o of mapper.map(messageOf(JSON.stringify(notification)))) {
        byAgent.set(o.agentId, [...(byAgent.get(o.agentId) ?? []), `${o.native.type}${o.native.state ? ` ${o.native.state}` : ''} → ${line(o)}`]);
      }
    }
    return byAgent;
  }

  it('agentShift, with numbers where the schema says string: one agent through its states', async () => {
    const byAgent = await played('agentShift', { timestampAs: 'number', reasonCodeAs: 'number' });
    assert.equal(byAgent.size, 1);
    const [states] = byAgent.values();
    assert.deepEqual(states.map((s) => s.replace(/reason=\d+\/\w+/, 'reason=…')), [
      'AgentState LOGGED_IN → NOT_READY contacts=0',
      'AgentState READY → READY contacts=0',
      'AgentState NOT_READY → NOT_READY contacts=0 reason=…',
      'AgentState READY → READY contacts=0',
      'AgentState LOGGED_OUT → LOGGED_OUT contacts=0',
    ]);
  });

  it('inboundCall after every agent is READY: offered, on the call, held, back, wrap-up, READY', async () => {
    const byAgent = await played('inboundCall', {}, 'READY');
    assert.equal(byAgent.size, 1);
    assert.deepEqual([...byAgent.values()][0], [
      'MatchOffered → RESERVED contacts=1 pending=READY',
      'AgentParticipant ADDED → BUSY contacts=1 pending=READY',
      'AgentParticipant HELD → BUSY contacts=1 pending=READY',
      'AgentParticipant UNHELD → BUSY contacts=1 pending=READY',
      'AgentParticipant REMOVED → READY contacts=0',
      'AfterContactWorkActivated → WRAP_UP contacts=0 pending=READY',
      'AfterContactWorkCompleted → READY contacts=0',
    ]);
  });

  it('rona: the first agent loses the offer to NOT_READY (RONA), the second is offered', async () => {
    const byAgent = await played('rona', {}, 'READY');
    assert.deepEqual([...byAgent.values()].map((states) => states.map((s) => s.replace(/reason=\d+/, 'reason=…'))), [
      ['MatchOffered → RESERVED contacts=1 pending=READY', 'AgentState NOT_READY → NOT_READY contacts=0 reason=…/RONA'],
      ['MatchOffered → RESERVED contacts=1 pending=READY'],
    ]);
  });

  it('supervision: the supervisor is on the call while observing, coaching, barging in, and leaves it', async () => {
    const byAgent = await played('supervision', {}, 'READY');
    assert.deepEqual([...byAgent.values()].map((states) => states.at(-1)), [
      'AgentParticipant REMOVED → READY contacts=0',
      'AgentParticipant REMOVED → READY contacts=0',
    ]);
    const supervisor = [...byAgent.values()].find((states) => states.some((s) => s.includes('OBSERVING')));
    assert.deepEqual(supervisor, [
      'AgentParticipant OBSERVING → BUSY contacts=1 pending=READY',
      'AgentParticipant COACHING → BUSY contacts=1 pending=READY',
      'AgentParticipant BARGEDIN → BUSY contacts=1 pending=READY',
      'AgentParticipant REMOVED → READY contacts=0',
    ]);
  });
});
