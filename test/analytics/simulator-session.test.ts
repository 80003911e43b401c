import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { AnalyticsSimulator, HEARTBEAT_FRAME, KEEPALIVE_TEXT } from '../../nodes/analytics/simulator';
import { nextEmitted } from '../support/wait';
import { isComplete, isData, isStatus, login, redirect, streaming, subscribe, WsTestClient } from './simulator-harness';

/** The status line of a refused upgrade, or 'open'. */
function upgradeOutcome(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(String(res.statusCode));
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

describe('Analytics simulator: sockets, heartbeats and faults', function () {
  this.timeout(20000);
  let sim: AnalyticsSimulator;

  afterEach(async () => {
    await sim?.stop();
  });

  it('sends --heartbeat-- from the start, the JSON heartbeat once a subscription streams, and records client heartbeats', async () => {
    sim = new AnalyticsSimulator({ agents: 2, heartbeatMs: 200, clientHeartbeatTimeoutMs: 10000 });
    await sim.start();
    const token = await login(sim);
    const response = await subscribe(sim, token, 'Site_SoD_3.5');
    const client = await WsTestClient.open(response.endpoint);
    await client.take((f) => f === KEEPALIVE_TEXT, 'a --heartbeat-- text frame');
    await client.take((f) => f === KEEPALIVE_TEXT, 'a second --heartbeat-- text frame');
    assert.equal(client.frames.filter((f) => typeof f === 'object' && f.heartbeat === true).length, 0, 'no JSON heartbeat before a redirect');
    client.send(redirect(response, token));
    const heartbeat = await client.take((f) => typeof f === 'object' && f.heartbeat === true, 'a JSON heartbeat');
    assert.deepEqual(heartbeat, JSON.parse(HEARTBEAT_FRAME));
    assert.deepEqual(heartbeat, { dimension: {}, realtimeData: {}, pumpup: false, pumpupComplete: false, heartbeat: true });
    assert.equal(sim.sockets()[0].lastClientHeartbeatAt, undefined);
    const recorded = nextEmitted<{ username?: string }>(sim, 'client-heartbeat', 'a client heartbeat', () => true);
    client.send(KEEPALIVE_TEXT);
    assert.deepEqual(await recorded, { username: 'supervisor' });
    assert.equal(typeof sim.sockets()[0].lastClientHeartbeatAt, 'number');
    client.close();
  });

  it('closes a socket whose client stops sending --heartbeat--, and keeps one that echoes them', async () => {
    sim = new AnalyticsSimulator({ agents: 2, heartbeatMs: 200, clientHeartbeatTimeoutMs: 500 });
    await sim.start();
    const token = await login(sim);
    const response = await subscribe(sim, token, 'Site_SoD_3.5');
    const echoing = await WsTestClient.open(response.endpoint);
    echoing.socket.on('message', (data) => {
      if (data.toString() === KEEPALIVE_TEXT) echoing.send(KEEPALIVE_TEXT);
    });
    echoing.send(redirect(response, token));
    await echoing.take(isComplete);
    const openedAt = Date.now();
    const silent = await WsTestClient.open(response.endpoint);
    const reported = nextEmitted<{ code: number; reason: string }>(sim, 'socket-closed', 'the close report', () => true);
    const closed = await silent.closed;
    assert.equal(closed.code, 4000);
    assert.match(closed.reason, /--heartbeat--/);
    assert.ok(Date.now() - openedAt >= 450, 'not before the timeout');
    assert.deepEqual(await reported, { code: 4000, reason: 'no --heartbeat-- from the client' });
    assert.equal(sim.sockets().length, 1);
    assert.deepEqual(sim.sockets()[0].guids, [response.guid], 'the echoing socket still streams');
    echoing.close();
  });

  it('drops sockets with a close frame (1001) or without one (1006); the subscriptions stay live but stop streaming', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    let { client } = await streaming(sim, ['Agent_SoD_3.5']);
    sim.dropSockets();
    assert.equal((await client.closed).code, 1001);
    ({ client } = await streaming(sim, ['Agent_SoD_3.5']));
    sim.dropSockets({ closeFrame: false });
    assert.equal((await client.closed).code, 1006);
    assert.ok(sim.subscriptions().every((s) => !s.redirected));
    assert.deepEqual(sim.subscriptions().map((s) => s.live), [false, true]);
  });

  it('fails over: open sockets close, upgrades and REST answer 503 for the window, then work again', async () => {
    let clock = 1_000_000;
    sim = new AnalyticsSimulator({ agents: 2, now: () => clock });
    await sim.start();
    const { client, responses } = await streaming(sim, ['Site_SoD_3.5']);
    sim.refuseConnections(3000);
    assert.equal((await client.closed).code, 1001);
    assert.equal(await upgradeOutcome(responses[0].endpoint), '503');
    clock += 3000;
    assert.equal(await upgradeOutcome(responses[0].endpoint), 'open');
  });

  it('keeps streaming to a redirected socket after expireTokens, but refuses new redirects with the old token', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { client, token, responses } = await streaming(sim, ['Agent_SoD_3.5']);
    client.frames.length = 0;
    sim.expireTokens();
    sim.setAgentState('scollins', 'READY');
    await client.take(isData, 'a delta after expiry');
    client.send(redirect(responses[0], token));
    const refused = await client.take(isStatus);
    assert.equal(refused.status, 500);
    assert.match(refused.message, /expired/);
    client.close();
  });

  it('sends raw text to every socket as is', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { client } = await streaming(sim, ['Site_SoD_3.5']);
    const other = await WsTestClient.open(sim.baseUrl.replace('http', 'ws').replace('/orca-streams-rest', '/orca-streams-data-publisher/websocket'));
    sim.sendRaw('{"dimension":');
    assert.equal(await client.take((f) => f === '{"dimension":'), '{"dimension":');
    assert.equal(await other.take((f) => f === '{"dimension":'), '{"dimension":');
    client.close();
    other.close();
  });

  it('can require the handshake Bearer, give each subscription its own endpoint, and close after a refused redirect', async () => {
    sim = new AnalyticsSimulator({ agents: 2, requireHandshakeAuth: true, endpointPerSubscription: true, closeOnRedirectFailure: true });
    await sim.start();
    const token = await login(sim);
    const response = await subscribe(sim, token, 'Site_SoD_3.5');
    assert.ok(response.endpoint.endsWith(`/orca-streams-data-publisher/websocket/${response.guid}`));
    assert.equal(await upgradeOutcome(response.endpoint), '401');
    const client = await WsTestClient.open(response.endpoint, { authorization: `Bearer ${token}` });
    client.send(redirect(response, 'bogus'));
    assert.equal((await client.take(isStatus)).status, 500);
    assert.equal((await client.closed).code, 4001);
  });

  it('stop() closes every socket with 1000 and the server', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { client } = await streaming(sim, ['Site_SoD_3.5']);
    const url = sim.baseUrl;
    await sim.stop();
    assert.equal((await client.closed).code, 1000);
    await assert.rejects(fetch(`${url}/sources`));
  });
});
