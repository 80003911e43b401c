import assert from 'node:assert/strict';
import { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { nextEmitted } from '../support/wait';
import { decoded, isComplete, isData, isStatus, login, redirect, rest, streaming, subscribe, subscriptionsUrl, WsTestClient, SOURCE } from './simulator-harness';

describe('Analytics simulator: subscription streams', function () {
  this.timeout(20000);
  let sim: AnalyticsSimulator;

  afterEach(async () => {
    await sim?.stop();
  });

  it('answers a redirect with status 200, a pumpup split as the Agent example, and the string-form marker naming the producer', async () => {
    sim = new AnalyticsSimulator({ agents: 3 });
    await sim.start();
    const token = await login(sim);
    const response = await subscribe(sim, token, 'Agent_SoD_3.5');
    assert.match(response.endpoint, /^ws:\/\/127\.0\.0\.1:\d+\//);
    assert.match(response.guid, /^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    assert.deepEqual(
      { source: response.source, producer: response.producer, producerId: response.producerId, streamType: response.streamType, version: response.version, transport: response.transport },
      { source: 'Oceana_Streams', producer: 'Agent', producerId: 'Agent_SoD_3.5', streamType: 'SoD', version: '3.5', transport: 'websocket' },
    );
    const redirected = nextEmitted<{ guid: string; eventName: string }>(sim, 'redirect', 'the redirect event', () => true);
    const client = await WsTestClient.open(response.endpoint);
    client.send(redirect(response, token));
    assert.deepEqual(await client.take(isStatus, 'a status reply'), { status: 200, message: 'OK', guid: response.guid });
    assert.deepEqual(await redirected, { guid: response.guid, eventName: 'subscriptionRedirect' });
    const frames = await client.pumpup();
    const sockets = sim.sockets();
    assert.equal(sockets.length, 1);
    assert.deepEqual(sockets[0], { username: 'supervisor', guids: [response.guid] });
    assert.equal(frames.length, 9, 'three frames for each of three agents');
    for (const frame of frames) {
      assert.equal(typeof frame.dimension, 'string');
      assert.equal(frame.producerId, 'Agent_SoD_3.5');
      assert.equal(frame.sourceId, SOURCE);
      assert.equal(frame.eventAction, 'UPSERT');
      assert.equal(frame.extra, null);
      assert.match(frame.pumpupIdentifier, /^supervisor_1_AGENTMEASURES_\d{13}$/);
    }
    const [counters, active, strings] = frames.slice(0, 3).map(decoded);
    assert.deepEqual(counters.dimension, { agentId: 'scollins' });
    assert.equal(Object.keys(counters.realtimeData).length, 74);
    assert.deepEqual(active.realtimeData, { active: 0 });
    assert.equal(strings.realtimeData.agentState, 'NOT_READY');
    assert.equal(strings.realtimeData.agentDisplayName, 'Siobhan Collins');
    assert.match(strings.realtimeData.lastStateChangeTimestamp, /^\d{20}$/);
    assert.equal(sim.subscriptions()[0].redirected, true);
    client.close();
  });

  it('sends only the changed measures after setAgentState, in several frames, to every affected producer', async () => {
    sim = new AnalyticsSimulator({ agents: 4 });
    await sim.start();
    const { client } = await streaming(sim, ['Agent_SoD_3.5', 'AgentByAccount_SoD_3.5', 'AgentGroup_SoD_3.5', 'Site_SoD_3.5', 'RoutingService_SoD_3.5', 'AgentByNotReadyReasonCode_SoD_3.5']);
    client.frames.length = 0;
    sim.setAgentState('scollins', 'READY');
    const lastFrame = client.seen((f) => isData(f) && f.pumpup === false && f.producerId === 'RoutingService_SoD_3.5' && JSON.parse(f.dimension).routingServiceName === 'SmsRoutingService', 'the last routing service delta');
    await lastFrame;
    const deltas = client.drainDeltas();
    const agent = deltas.filter((d) => d.producerId === 'Agent_SoD_3.5');
    assert.deepEqual(agent.map((d) => Object.keys(d.realtimeData).sort()), [
      ['agentLogonDuration', 'agentNotReadyTimeDuration', 'agentReady'],
      ['agentState', 'lastStateChangeTimestamp', 'lastStateReasonTimestamp', 'lastWorkCodeChangeTimestamp', 'workState'],
    ]);
    assert.equal(agent[0].realtimeData.agentReady, 1);
    assert.equal(agent[1].realtimeData.agentState, 'READY');
    assert.equal(agent[1].realtimeData.workState, 'IDLE');
    const accounts = deltas.filter((d) => d.producerId === 'AgentByAccount_SoD_3.5');
    assert.deepEqual(accounts.map((d) => d.dimension.channelId), ['Voice', 'Voice', 'Chat', 'Chat', 'ShortMessageService', 'ShortMessageService']);
    assert.equal(accounts[1].realtimeData.accountState, 'READY');
    const group = deltas.find((d) => d.producerId === 'AgentGroup_SoD_3.5');
    assert.deepEqual(group?.dimension, { groupId: '10003' });
    assert.deepEqual(group?.realtimeData, { agentsReady: 1, agentsNotReady: 1 }, 'scollins and nbolshak were NOT_READY');
    assert.ok(deltas.some((d) => d.producerId === 'Site_SoD_3.5' && d.dimension.siteName === 'traffic2' && d.realtimeData.agentsReady === 1));
    assert.ok(deltas.some((d) => d.producerId === 'AgentByNotReadyReasonCode_SoD_3.5' && d.realtimeData.nrReasonCodeDuration >= 1));

    sim.setAgentState('scollins', 'NOT_READY', '101');
    await client.seen((f) => isData(f) && f.producerId === 'RoutingService_SoD_3.5' && JSON.parse(f.dimension).routingServiceName === 'SmsRoutingService');
    const second = client.drainDeltas();
    const states = second.filter((d) => d.producerId === 'Agent_SoD_3.5').map((d) => d.realtimeData);
    assert.equal(states[0].agentNotReady, 2);
    assert.deepEqual([states[1].agentState, states[1].nrReasonCode, states[1].nrReasonCodeName], ['NOT_READY', '101', 'Lunch']);
    const reason = second.find((d) => d.producerId === 'AgentByNotReadyReasonCode_SoD_3.5' && d.dimension.nrReasonCode === '101');
    assert.deepEqual(reason?.dimension, { agentId: 'scollins', nrReasonCode: '101' });
    assert.equal(reason?.realtimeData.nrReasonCodeOccurrence, 1);

    sim.setAgentState('scollins', 'NOT_READY', '101');
    sim.setAgentState('jsmith', 'READY');
    sim.setAgentState('nbolshak', 'READY');
    await client.seen((f) => isData(f) && f.producerId === 'RoutingService_SoD_3.5' && JSON.parse(f.dimension).routingServiceName === 'SmsRoutingService');
    const agentsSeen = new Set(client.drainDeltas().filter((d) => d.dimension.agentId).map((d) => d.dimension.agentId));
    assert.deepEqual([...agentsSeen], ['nbolshak'], 'repeating the current state sends nothing');
    client.close();
  });

  it('follows an offered contact through the routing point, routing service, agent, group, site and contact detail', async () => {
    sim = new AnalyticsSimulator({ agents: 2, seed: 7 });
    await sim.start();
    const producers = ['Agent_SoD_3.5', 'RoutingService_SoD_3.5', 'RoutingServiceByAgent_SoD_3.5', 'AgentGroup_SoD_3.5', 'Site_SoD_3.5', 'ContactDetail_CDR_3.5', 'RoutingServiceGroup_SoD_3.5'];
    const { client } = await streaming(sim, producers);
    client.frames.length = 0;
    assert.throws(() => sim.offerContact('scollins'), /not READY/);
    sim.offerContact('jsmith');
    await client.seen((f) => isData(f) && f.producerId === 'ContactDetail_CDR_3.5');
    const deltas = client.drainDeltas();
    const agent = deltas.filter((d) => d.producerId === 'Agent_SoD_3.5').map((d) => d.realtimeData);
    assert.equal(agent.find((r) => 'offered' in r)?.offered, 1);
    assert.equal(agent.find((r) => 'answered' in r)?.answered, 1);
    assert.equal(agent.find((r) => 'completed' in r)?.completed, 1);
    const service = deltas.filter((d) => d.producerId === 'RoutingService_SoD_3.5').map((d) => d.realtimeData);
    assert.deepEqual(service[0], { offered: 1, contactsWaiting: 1 });
    assert.equal(service.at(-1)?.completed, 1);
    assert.ok(deltas.some((d) => d.producerId === 'RoutingServiceByAgent_SoD_3.5' && d.dimension.agentId === 'jsmith'));
    assert.ok(deltas.some((d) => d.producerId === 'AgentGroup_SoD_3.5' && d.dimension.groupId === '10004' && d.realtimeData.answered === 1));
    assert.ok(deltas.some((d) => d.producerId === 'RoutingServiceGroup_SoD_3.5' && d.realtimeData.answered === 1));
    const detail = deltas.find((d) => d.producerId === 'ContactDetail_CDR_3.5');
    assert.match(detail?.dimension.segmentId, /^[0-9a-f-]{36}$/);
    assert.equal(detail?.realtimeData.agentId, 'jsmith');
    assert.equal(detail?.realtimeData.initialDisposition, 'ANSWERED');
    client.close();
  });

  it('speaks the object form (core five fields, empty marker) and the mixed form of the document', async () => {
    sim = new AnalyticsSimulator({ agents: 2, wireForm: 'object' });
    await sim.start();
    let { client } = await streaming(sim, ['Agent_SoD_3.5']);
    const row = client.frames.find((f) => isData(f) && f.pumpup === true);
    assert.deepEqual(Object.keys(row).sort(), ['dimension', 'heartbeat', 'pumpup', 'pumpupComplete', 'realtimeData']);
    assert.deepEqual(row.dimension, { agentId: 'scollins' });
    client.frames.length = 0;
    sim.setAgentState('scollins', 'READY');
    const delta = await client.take(isData);
    assert.deepEqual(Object.keys(delta).sort(), ['dimension', 'heartbeat', 'pumpup', 'pumpupComplete', 'realtimeData']);
    client.close();
    await sim.stop();

    sim = new AnalyticsSimulator({ agents: 2, wireForm: 'mixed' });
    await sim.start();
    const token = await login(sim);
    const agent = await subscribe(sim, token, 'Agent_SoD_3.5');
    const byAccount = await subscribe(sim, token, 'AgentByAccount_SoD_3.5');
    client = await WsTestClient.open(agent.endpoint);
    client.send(redirect(byAccount, token));
    assert.deepEqual(await client.take(isComplete), { dimension: {}, realtimeData: {}, pumpup: true, pumpupComplete: true, heartbeat: false });
    client.send(redirect(agent, token));
    const marker = await client.take(isComplete);
    assert.equal(marker.producerId, 'Agent_SoD_3.5');
    assert.equal(marker.dimension, '{}');
    assert.equal(client.frames.filter((f) => isData(f) && typeof f.dimension === 'object').length, 12, 'two frames for each of three accounts of two agents, in the object form');
    client.close();
  });

  it('multiplexes guids on one socket; unsubscriptionRedirect stops one guid only, and DELETE ends the subscription', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { token, client, responses } = await streaming(sim, ['Agent_SoD_3.5', 'AgentByAccount_SoD_3.5']);
    assert.equal(sim.sockets()[0].guids.length, 2);
    client.frames.length = 0;
    client.send(redirect(responses[0], `Bearer ${token}`, 'unsubscriptionRedirect'));
    assert.deepEqual(await client.take(isStatus), { status: 200, message: 'OK', guid: responses[0].guid });
    sim.setAgentState('scollins', 'READY');
    await client.seen((f) => isData(f) && decoded(f).dimension.channelId === 'ShortMessageService');
    const producers = new Set(client.drainDeltas().map((d) => d.producerId));
    assert.deepEqual([...producers], ['AgentByAccount_SoD_3.5']);
    assert.deepEqual(sim.sockets()[0].guids, [responses[1].guid]);
    const view = sim.subscriptions();
    assert.deepEqual(view.map((s) => [s.producerId, s.redirected, s.live]), [['Agent_SoD_3.5', false, true], ['AgentByAccount_SoD_3.5', true, true]]);

    const deleted = await rest(subscriptionsUrl(sim, 'AgentByAccount_SoD_3.5'), { method: 'DELETE', token });
    assert.equal(deleted.status, 200);
    assert.deepEqual(sim.sockets()[0].guids, []);
    assert.equal(sim.subscriptions()[1].live, false);
    assert.equal((await rest(subscriptionsUrl(sim, 'AgentByAccount_SoD_3.5'), { method: 'DELETE', token })).status, 404);
    client.frames.length = 0;
    sim.setAgentState('scollins', 'NOT_READY');
    client.send(redirect(responses[1], token));
    const refused = await client.take(isStatus);
    assert.equal(refused.status, 500);
    assert.match(refused.message, /deleted or replaced/);
    assert.equal(client.frames.filter(isData).length, 0, 'no data after DELETE');
    client.close();
  });

  it('refuses redirects with a bad token or a guid of another user with a status 500 frame', async () => {
    sim = new AnalyticsSimulator({ agents: 2, users: [{ username: 'supervisor', password: 'secret' }, { username: 'other', password: 'pw' }] });
    await sim.start();
    const token = await login(sim);
    const response = await subscribe(sim, token, 'Site_SoD_3.5');
    const client = await WsTestClient.open(response.endpoint);
    client.send(redirect(response, 'not-a-token'));
    const badToken = await client.take(isStatus);
    assert.equal(badToken.status, 500);
    assert.match(badToken.message, /token/);
    const otherToken = await login(sim, 'other', 'pw');
    client.send(redirect(response, otherToken));
    const foreign = await client.take(isStatus);
    assert.equal(foreign.status, 500);
    assert.match(foreign.message, /not a subscription of user other/);
    client.send({ ...redirect(response, token), guid: '00000000-0000-4000-8000-000000000000' });
    assert.equal((await client.take(isStatus)).status, 500);
    assert.equal(client.frames.filter(isData).length, 0);
    assert.equal(sim.subscriptions()[0].redirected, false);
    client.close();
  });

  it('stays silent about status when statusReplies is off, and re-runs a pumpup on request', async () => {
    sim = new AnalyticsSimulator({ agents: 2, statusReplies: false });
    await sim.start();
    const token = await login(sim);
    const response = await subscribe(sim, token, 'VDN_SoD_3.5');
    const client = await WsTestClient.open(response.endpoint);
    client.send(redirect(response, token));
    await client.take(isComplete);
    client.send({ eventName: 'pumpup', guid: response.guid, authorization: token });
    const second = await client.take(isComplete);
    assert.match(second.pumpupIdentifier, /^supervisor_2_ROUTINGPOINTMEASURES_/);
    assert.equal(client.frames.filter(isStatus).length, 0);
    client.close();
  });

  it('sends a DELETE for each row of an agent removed from its group, and nothing about it afterwards', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { client } = await streaming(sim, ['Agent_SoD_3.5', 'AgentByAccount_SoD_3.5']);
    client.frames.length = 0;
    sim.removeAgentFromGroup('jsmith');
    await client.seen((f) => isData(f) && f.eventAction === 'DELETE' && JSON.parse(f.dimension).channelId === 'ShortMessageService');
    const deletes = client.drainDeltas();
    assert.equal(deletes.filter((d) => d.producerId === 'Agent_SoD_3.5').length, 1);
    assert.equal(deletes.filter((d) => d.producerId === 'AgentByAccount_SoD_3.5').length, 3);
    for (const d of deletes) {
      assert.equal(d.eventAction, 'DELETE');
      assert.equal(d.dimension.agentId, 'jsmith');
      assert.deepEqual(d.realtimeData, {});
    }
    sim.setAgentState('jsmith', 'NOT_READY');
    sim.setAgentState('scollins', 'READY');
    await client.take((f) => isData(f) && JSON.parse(f.dimension).agentId === 'scollins');
    assert.ok(client.drainDeltas().every((d) => d.dimension.agentId !== 'jsmith'));
    client.send({ eventName: 'pumpup', guid: sim.subscriptions()[0].guid, authorization: (await login(sim)) });
    await client.take(isComplete);
    const rows = client.frames.filter((f) => isData(f) && f.pumpup).map(decoded);
    assert.ok(rows.length > 0 && rows.every((r) => r.dimension.agentId === 'scollins'));
    client.close();
  });
});
