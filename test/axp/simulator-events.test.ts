import assert from 'node:assert/strict';
import { AXP_EVENT_NAMES, DEFAULT_AGENTS } from '../../nodes/axp/simulator';
import { nextEmitted } from '../support/wait';
import { CREATE_BODY, SimFixture } from './simulator-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const COMMON = ['event', 'id', 'timestamp'];

/** The documented fields of each body (digest §6), as the AsyncAPI YAML 1.0.2 lists them. */
const DOCUMENTED: Record<string, string[]> = {
  AgentState: [...COMMON, 'agentId', 'profileId', 'state', 'reasonCode', 'cause'],
  AgentParticipant: [...COMMON, 'engagementId', 'channelProviderId', 'connectionId', 'action', 'agentId', 'dialogId', 'extension', 'channelId',
    'providerEngagementId', 'agentInitiatedDisconnect'],
  AutomationParticipant: [...COMMON, 'engagementId', 'channelProviderId', 'automationParticipantId', 'action', 'dialogId', 'automationType',
    'connectionId', 'channelId', 'providerEngagementId', 'automationInitiatedDisconnect'],
  ExternalParticipant: [...COMMON, 'engagementId', 'channelProviderId', 'externalParticipantId', 'action', 'connectionId', 'dialogId', 'channelId',
    'providerEngagementId', 'externalParticipantInitiatedDisconnect'],
  EngagementPrerouted: [...COMMON, 'engagementId', 'dialogId', 'orchestrationFlow', 'attributes', 'attributeList', 'engagementParameters',
    'agentRoutingStrategy', 'adhocEmail', 'autoResponse', 'channelProviderId', 'channelId', 'channelIdentifier', 'queue', 'customerIdentifiers',
    'externalParticipantId', 'sourceAddress', 'destinationAddress', 'subject'],
  InboundEngagementCreated: [...COMMON, 'engagementId', 'channelProviderId', 'connectionId', 'externalParticipantId', 'dialogId', 'callingNumber',
    'dialledNumber', 'channelId', 'customerIdentifiers', 'providerEngagementId', 'engagementParameters'],
  MatchOffered: [...COMMON, 'engagementId', 'matchId', 'correlationId', 'strategy', 'offeredQueue', 'offeredService', 'offeredSpecifiedAgent'],
  OutboundEngagementCreated: [...COMMON, 'engagementId', 'agentId', 'dialogId', 'destinationAddress', 'channelProviderId', 'channelId',
    'customerIdentifiers', 'engagementParameters'],
  SingleStepTransfer: ['event', 'timestamp', 'engagementId', 'initiatingAgentId', 'transferTo', 'destination', 'queueId', 'queueName',
    'channelProviderId', 'connectionId', 'dialogId', 'providerDialogId', 'channelId', 'correlationId'],
  SingleStepTransferError: [...COMMON, 'engagementId', 'initiatingAgentId', 'transferTo', 'errorType', 'destination', 'dialogId',
    'channelProviderId', 'channelId', 'correlationId', 'title', 'detail'],
  ChannelReady: [...COMMON, 'agentId', 'channelProviderId', 'channelId'],
  AfterContactWorkActivated: [...COMMON, 'engagementId', 'agentId', 'dialogId', 'connectionId', 'channelProviderId', 'channelId'],
  AfterContactWorkCompleted: [...COMMON, 'engagementId', 'agentId', 'dialogId', 'connectionId', 'channelProviderId', 'channelId'],
};

const loginOf = (agentId: string): string | undefined => DEFAULT_AGENTS.find((a) => a.agentId === agentId)?.loginId;

describe('AXP simulator: notifications', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('delivers one body of each of the 13 types with every documented field, in the envelope', async () => {
    const sim = await fx.sim();
    const { client, subscription } = await fx.stream(sim);
    const bodies = sim.everyEventBody();
    assert.deepEqual(bodies.map((b) => b.event), [...AXP_EVENT_NAMES]);
    for (const body of bodies) sim.emit(body);
    const received = await client.takeNotifications(13);
    for (const n of received) {
      const body = n.body;
      assert.deepEqual(Object.keys(body).sort(), [...DOCUMENTED[body.event]].sort(), `${body.event} fields`);
      assert.match(n.correlationId, UUID);
      assert.equal(n.subscriptionId, subscription.subscriptionId);
      assert.equal(n.family, 'AGENT_ENGAGEMENT');
      assert.match(n.sentAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(n.accountId, 'DYNNUG');
      assert.match(body.timestamp, /^\d{13}$/, 'epoch ms as a string by default');
      if (body.event === 'SingleStepTransfer') assert.match(body.correlationId, UUID);
      else assert.match(body.id, UUID);
    }
    const byType = Object.fromEntries(received.map((n) => [n.body.event, n]));
    assert.equal(byType.AgentState.body.state, 'NOT_READY');
    assert.equal(typeof byType.AgentState.body.reasonCode, 'string');
    assert.equal(byType.AgentState.loginId, loginOf(byType.AgentState.body.agentId));
    assert.equal(byType.AgentParticipant.loginId, loginOf(byType.AgentParticipant.body.agentId));
    assert.equal(byType.OutboundEngagementCreated.loginId, loginOf(byType.OutboundEngagementCreated.body.agentId));
    assert.equal(byType.InboundEngagementCreated.loginId, undefined);
    const transfer = byType.SingleStepTransfer;
    assert.equal(transfer.body.transferTo, 'USER');
    assert.equal(transfer.initiatingLoginId, loginOf(transfer.body.initiatingAgentId));
    assert.equal(transfer.destinationLoginId, loginOf(transfer.body.destination));
    assert.equal(byType.SingleStepTransferError.destinationLoginId, transfer.destinationLoginId);
    assert.ok(Array.isArray(byType.EngagementPrerouted.body.attributes));
    assert.deepEqual(byType.EngagementPrerouted.body.attributes[0], { category: 'Language', values: ['English'] });
    assert.deepEqual(byType.MatchOffered.body.offeredQueue.attributes, ['Language.English']);
    assert.equal(byType.MatchOffered.body.offeredQueue.offeredAgentData.providerAgentAddress, loginOf(byType.MatchOffered.body.offeredQueue.offeredAgentData.agentId));
  });

  it('applies the subscription events filter; ALL gets everything', async () => {
    const sim = await fx.sim();
    const only = await fx.stream(sim, { ...CREATE_BODY, events: ['AgentParticipant'] });
    const all = await fx.stream(sim);
    const sent = await sim.runScenario('inboundCall');
    const toOnly = sent.filter((n) => n.subscriptionId === only.subscription.subscriptionId);
    assert.deepEqual(toOnly.map((n) => n.body.action), ['ADDED', 'HELD', 'UNHELD', 'REMOVED']);
    assert.equal(sent.length - toOnly.length, 13);
    assert.deepEqual((await only.client.takeNotifications(4)).map((n) => n.correlationId), toOnly.map((n) => n.correlationId));
    await all.client.takeNotifications(13);
    assert.deepEqual(sim.emit({ event: 'MatchOffered' }).map((n) => n.subscriptionId), [all.subscription.subscriptionId]);
  });

  it('returns one notification per streaming subscription, each with its own correlationId', async () => {
    const sim = await fx.sim();
    const a = await fx.stream(sim);
    const b = await fx.stream(sim);
    const sent = sim.emit({ event: 'ChannelReady', agentId: 'agent-x' });
    assert.deepEqual(sent.map((n) => n.subscriptionId).sort(), [a.subscription.subscriptionId, b.subscription.subscriptionId].sort());
    assert.notEqual(sent[0].correlationId, sent[1].correlationId);
    const [atA] = await a.client.takeNotifications(1);
    assert.deepEqual(atA, sent.find((n) => n.subscriptionId === a.subscription.subscriptionId));
  });

  it('lets the caller add or override envelope fields', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    const [sent] = sim.emit({ event: 'Mystery', x: 1 }, { loginId: 'someone@example.com', family: 'OTHER', body: 'ignored' });
    const [got] = await client.takeNotifications(1);
    assert.deepEqual(got, sent);
    assert.deepEqual([got.loginId, got.family, got.body], ['someone@example.com', 'OTHER', { event: 'Mystery', x: 1 }]);
  });

  it('drops events while no socket is bound: nothing is replayed after reconnecting', async () => {
    const sim = await fx.sim();
    const { client, subscription, token } = await fx.stream(sim);
    const closed = nextEmitted(sim, 'socket-closed', 'socket-closed', () => true);
    client.close();
    await closed;
    assert.deepEqual(sim.emit({ event: 'AgentState' }), []);
    const again = await fx.connect(subscription.transport.endpoint);
    await again.authenticate(subscription.subscriptionId, token);
    again.send({ event: 'ping' });
    await again.take((f) => f.event === 'pong');
    assert.deepEqual(again.frames, []);
  });

  it('switches the wire format: numeric timestamp and reasonCode, single-object attributes, unknown fields', async () => {
    const sim = await fx.sim({ timestampAs: 'number', reasonCodeAs: 'number', attributesShape: 'object', includeUnknownFields: true });
    const { client } = await fx.stream(sim);
    const bodies = sim.everyEventBody();
    for (const body of bodies) {
      assert.equal(typeof body.timestamp, 'number');
      assert.equal(body.xSimulatorField, 'not in the AsyncAPI document');
    }
    const byType = Object.fromEntries(bodies.map((b) => [b.event, b])) as Record<string, any>;
    assert.equal(byType.AgentState.reasonCode, 101);
    assert.deepEqual(byType.EngagementPrerouted.attributes, { category: 'Language', values: ['English'] });
    assert.deepEqual(byType.MatchOffered.offeredQueue.attributes, { category: 'Language', values: ['English'] });
    assert.deepEqual(byType.MatchOffered.offeredService.attributes, { category: 'Language', values: ['English'] });
    const sent = await sim.runScenario('rona');
    assert.deepEqual(sent.map((n) => n.body.event), ['MatchOffered', 'AgentState', 'MatchOffered', 'AgentCapacityChanged']);
    const received = await client.takeNotifications(4);
    assert.ok(received.every((n) => n.xSimulatorField === 'not in the AsyncAPI document'));
  });

  it('replays the same ids for the same seed, and others for another seed', async () => {
    const now = (): number => Date.parse('2024-05-01T10:00:00Z');
    const first = (await fx.sim({ seed: 42, now })).everyEventBody();
    const same = (await fx.sim({ seed: 42, now })).everyEventBody();
    const other = (await fx.sim({ seed: 43, now })).everyEventBody();
    assert.deepEqual(same, first);
    assert.notEqual(other[0].id, first[0].id);
    assert.equal(first[0].timestamp, String(now()));
  });
});
