import assert from 'node:assert/strict';
import { AxpScenarioName, AxpSimulator, DEFAULT_AGENTS, SentNotification } from '../../nodes/axp/simulator';
import { SimFixture } from './simulator-harness';

const loginOf = (agentId: string): string | undefined => DEFAULT_AGENTS.find((a) => a.agentId === agentId)?.loginId;
const label = (n: SentNotification): string => [n.body.event, n.body.state ?? n.body.action ?? n.body.transferTo].filter(Boolean).join(' ');
const same = (values: unknown[], what: string): void => assert.equal(new Set(values).size, 1, `${what} differs: ${values.join(', ')}`);

describe('AXP simulator: scenarios', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  async function play(name: AxpScenarioName, opts = {}): Promise<{ sim: AxpSimulator; sent: SentNotification[] }> {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    const sent = await sim.runScenario(name, opts);
    assert.deepEqual((await client.takeNotifications(sent.length)).map((n) => n.correlationId), sent.map((n) => n.correlationId), 'delivered in order');
    return { sim, sent };
  }

  it('agentShift: one agent logs in, readies, takes a break with a reason, readies and logs out', async () => {
    const { sent } = await play('agentShift');
    assert.deepEqual(sent.map(label), [
      'AgentState LOGGED_IN', 'ChannelReady', 'AgentState READY', 'AgentState NOT_READY', 'AgentState READY', 'AgentState LOGGED_OUT',
    ]);
    same(sent.map((n) => n.body.agentId), 'agentId');
    same(sent.map((n) => n.loginId), 'loginId');
    assert.equal(sent[0].loginId, loginOf(sent[0].body.agentId as string));
    const withReason = sent.filter((n) => 'reasonCode' in n.body || 'cause' in n.body);
    assert.deepEqual(withReason.map(label), ['AgentState NOT_READY']);
    assert.ok(withReason[0].body.cause);
  });

  it('inboundCall: IVR, routing, agent with hold, customer hang-up, after-contact work, all on one engagement', async () => {
    const { sent } = await play('inboundCall');
    assert.deepEqual(sent.map(label), [
      'InboundEngagementCreated', 'ExternalParticipant ADDED', 'AutomationParticipant ADDED', 'EngagementPrerouted', 'AutomationParticipant REMOVED',
      'MatchOffered', 'AgentParticipant ADDED', 'AgentParticipant HELD', 'AgentParticipant UNHELD', 'ExternalParticipant REMOVED',
      'AgentParticipant REMOVED', 'AfterContactWorkActivated', 'AfterContactWorkCompleted',
    ]);
    const bodies = sent.map((n) => n.body as Record<string, any>);
    same(bodies.map((b) => b.engagementId), 'engagementId');
    same(bodies.filter((b) => b.dialogId).map((b) => b.dialogId), 'dialogId');
    const agentSide = bodies.filter((b) => b.agentId);
    same(agentSide.map((b) => b.agentId), 'agentId');
    same(agentSide.map((b) => b.connectionId), 'agent connectionId');
    assert.equal(bodies[5].offeredQueue.offeredAgentData.agentId, bodies[6].agentId);
    same([bodies[0].connectionId, bodies[1].connectionId, bodies[9].connectionId], 'customer connectionId');
    same([bodies[2].connectionId, bodies[4].connectionId], 'IVR connectionId');
    assert.equal(bodies[9].externalParticipantInitiatedDisconnect, true);
    assert.deepEqual(bodies.filter((b) => 'agentInitiatedDisconnect' in b).map((b) => b.action), ['REMOVED']);
    assert.ok(sent.slice(6).filter((n) => n.body.agentId).every((n) => n.loginId === loginOf(n.body.agentId as string)));
  });

  it('rona: the offered agent goes NOT_READY with cause RONA, and routing offers another agent the same engagement', async () => {
    const { sent } = await play('rona');
    assert.deepEqual(sent.map(label), ['MatchOffered', 'AgentState NOT_READY', 'MatchOffered']);
    const [first, rona, second] = sent.map((n) => n.body as Record<string, any>);
    assert.equal(first.engagementId, second.engagementId);
    assert.notEqual(first.matchId, second.matchId);
    assert.equal(rona.agentId, first.offeredQueue.offeredAgentData.agentId);
    assert.equal(rona.cause, 'RONA');
    assert.equal(rona.reasonCode, '514');
    assert.notEqual(second.offeredQueue.offeredAgentData.agentId, rona.agentId);
  });

  it('outbound: created for the agent, prerouted with System.Outbound, customer dialled, ended, wrapped up', async () => {
    const { sent } = await play('outbound');
    assert.deepEqual(sent.map(label), [
      'OutboundEngagementCreated', 'EngagementPrerouted', 'AgentParticipant ADDED', 'ExternalParticipant ADDED', 'ExternalParticipant REMOVED',
      'AgentParticipant REMOVED', 'AfterContactWorkActivated', 'AfterContactWorkCompleted',
    ]);
    const bodies = sent.map((n) => n.body as Record<string, any>);
    same(bodies.map((b) => b.engagementId), 'engagementId');
    same(bodies.filter((b) => b.agentId).map((b) => b.agentId), 'agentId');
    assert.ok(bodies[1].attributeList.includes('System.Outbound'));
    assert.equal(bodies[1].orchestrationFlow, 'OneCloud Voice Outbound');
    assert.equal(bodies[0].destinationAddress, bodies[3].externalParticipantId);
    assert.equal(sent[0].loginId, loginOf(bodies[0].agentId));
  });

  for (const transferTo of ['QUEUE', 'USER', 'AUTOMATION', 'EXTERNAL'] as const) {
    it(`transfer to ${transferTo}: the request, then the target's participant events on the same engagement`, async () => {
      const { sent } = await play('transfer', { transferTo });
      const bodies = sent.map((n) => n.body as Record<string, any>);
      same(bodies.map((b) => b.engagementId), 'engagementId');
      const at = bodies.findIndex((b) => b.event === 'SingleStepTransfer');
      const request = bodies[at];
      const initiatorAdded = bodies.find((b) => b.event === 'AgentParticipant' && b.action === 'ADDED');
      assert.equal(request.transferTo, transferTo);
      assert.equal(request.initiatingAgentId, initiatorAdded?.agentId);
      assert.equal(request.connectionId, initiatorAdded?.connectionId);
      assert.equal('id' in request, false);
      assert.equal(sent[at].initiatingLoginId, loginOf(request.initiatingAgentId));
      const next = bodies.slice(at + 1).map((b) => `${b.event} ${b.action ?? ''}`.trim());
      const joined: Record<typeof transferTo, string[]> = {
        QUEUE: ['MatchOffered', 'AgentParticipant ADDED'],
        USER: ['AgentParticipant ADDED'],
        AUTOMATION: ['AutomationParticipant ADDED'],
        EXTERNAL: ['ExternalParticipant ADDED'],
      };
      assert.deepEqual(next.slice(0, joined[transferTo].length), joined[transferTo]);
      const target = bodies[at + joined[transferTo].length];
      if (transferTo === 'USER') {
        assert.equal(target.agentId, request.destination);
        assert.equal(sent[at].destinationLoginId, loginOf(request.destination));
      } else assert.equal(sent[at].destinationLoginId, undefined);
      if (transferTo === 'QUEUE') assert.equal(bodies[at + 1].offeredQueue.queueId, request.destination);
      if (transferTo === 'EXTERNAL') assert.equal(target.externalParticipantId, request.destination);
      assert.notEqual(target.agentId, request.initiatingAgentId);
      assert.ok(bodies.slice(at).some((b) => b.event === 'AgentParticipant' && b.action === 'REMOVED' && b.agentId === request.initiatingAgentId));
    });
  }

  it('transferError: SingleStepTransferError quotes the request correlationId; the initiator keeps the call', async () => {
    const { sent } = await play('transferError');
    const bodies = sent.map((n) => n.body as Record<string, any>);
    const request = bodies.find((b) => b.event === 'SingleStepTransfer');
    const error = bodies.find((b) => b.event === 'SingleStepTransferError');
    assert.ok(request && error);
    assert.equal(error.correlationId, request.correlationId);
    assert.ok(['CANCELLED', 'FAILED'].includes(error.errorType));
    assert.deepEqual([error.transferTo, error.destination, error.initiatingAgentId], [request.transferTo, request.destination, request.initiatingAgentId]);
    assert.ok(error.title && error.detail);
    assert.deepEqual(bodies.slice(-1).map((b) => [b.event, b.action, b.agentId]), [['AgentParticipant', 'REMOVED', request.initiatingAgentId]]);
  });

  it('supervision: observe, coach and barge in with the supervisor ids and login ids, then MOVED with previousDialogId', async () => {
    const { sent } = await play('supervision');
    const find = (action: string): SentNotification => sent.find((n) => n.body.event === 'AgentParticipant' && n.body.action === action) as SentNotification;
    const agent = find('ADDED').body as Record<string, any>;
    const observing = find('OBSERVING');
    const supervisorId = observing.body.agentId as string;
    assert.notEqual(supervisorId, agent.agentId);
    assert.deepEqual(
      [observing.body.observedAgentId, observing.body.observingAgentId, observing.body.observedAgentConnectionId],
      [agent.agentId, supervisorId, agent.connectionId],
    );
    assert.deepEqual([observing.observedLoginId, observing.observingLoginId, observing.loginId], [loginOf(agent.agentId), loginOf(supervisorId), loginOf(supervisorId)]);
    const coaching = find('COACHING');
    assert.deepEqual([coaching.body.coachedAgentId, coaching.body.coachingAgentId], [agent.agentId, supervisorId]);
    assert.deepEqual([coaching.coachedLoginId, coaching.coachingLoginId], [loginOf(agent.agentId), loginOf(supervisorId)]);
    const barging = find('BARGEDIN');
    assert.equal(barging.body.bargingAgentId, supervisorId);
    assert.equal(barging.bargingLoginId, loginOf(supervisorId));
    same([observing, coaching, barging].map((n) => n.body.connectionId), 'supervisor connectionId');
    assert.equal(observing.body.observingAgentConnectionId, observing.body.connectionId);
    assert.equal('observedAgentId' in coaching.body || 'coachedAgentId' in barging.body, false, 'each action carries only its own ids');
    const moved = find('MOVED').body;
    assert.equal(moved.previousDialogId, agent.dialogId);
    assert.notEqual(moved.dialogId, agent.dialogId);
    assert.equal(sent.filter((n) => 'previousDialogId' in n.body).length, 1);
    assert.equal(sent[sent.length - 1].body.dialogId, moved.dialogId);
  });

  it('spaces the events stepMs apart', async () => {
    const started = Date.now();
    const { sent } = await play('rona', { stepMs: 100 });
    assert.equal(sent.length, 3);
    assert.ok(Date.now() - started >= 200);
  });

  it('refuses unknown scenarios and transfer targets', async () => {
    const sim = await fx.sim();
    await assert.rejects(sim.runScenario('nope' as AxpScenarioName), /unknown scenario nope/);
    await assert.rejects(sim.runScenario('transfer', { transferTo: 'MOON' as 'QUEUE' }), /transferTo must be one of/);
  });

  it('plays the scenarios one after another as traffic until stopped', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    sim.startTraffic(200);
    const first = await client.take((f) => f.body?.event === 'AgentState' && f.body.state === 'LOGGED_IN', 'agentShift');
    const second = await client.take((f) => f.body?.event === 'InboundEngagementCreated', 'inboundCall');
    assert.ok(first.sentAt <= second.sentAt);
    sim.stopTraffic();
    client.frames.length = 0;
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.frames, [], 'nothing after stopTraffic');
  });
});
