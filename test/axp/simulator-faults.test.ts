import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { AxpSimulator } from '../../nodes/axp/simulator';
import { nextEmitted, until } from '../support/wait';
import { CREATE_BODY, FORM, rest, SimFixture, subscribe, subscriptionsUrl, token } from './simulator-harness';

describe('AXP simulator: faults and the control API', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('dropSockets() closes every socket with a close frame (1001 going away)', async () => {
    const sim = await fx.sim();
    const a = await fx.stream(sim);
    const b = await fx.stream(sim);
    sim.dropSockets();
    assert.deepEqual(await a.client.closed, { code: 1001, reason: 'going away' });
    assert.deepEqual(await b.client.closed, { code: 1001, reason: 'going away' });
    // The subscriptions survive: a reconnect streams again.
    const again = await fx.connect(a.subscription.transport.endpoint);
    assert.equal((await again.authenticate(a.subscription.subscriptionId, a.token)).status, 'CONNECTION_CONFIRMED');
  });

  it('dropSockets({ closeFrame: false }) cuts the TCP connection: the peer sees 1006', async () => {
    const sim = await fx.sim();
    const { client, subscription } = await fx.stream(sim);
    const closed = nextEmitted<{ code: number; subscriptionId?: string }>(sim, 'socket-closed', 'socket-closed', () => true);
    sim.dropSockets({ closeFrame: false });
    assert.equal((await client.closed).code, 1006);
    const event = await closed;
    assert.deepEqual([event.code, event.subscriptionId], [1006, subscription.subscriptionId]);
    assert.deepEqual(sim.sockets(), []);
  });

  it('sendRaw() sends malformed and oversized frames as they are, to authenticated sockets only', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    const waiting = await fx.connect(`${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement`);
    const big = `{"pad":"${'x'.repeat(300000)}"}`;
    sim.sendRaw('{"body": broken');
    sim.sendRaw(big);
    assert.equal(await client.take((f) => typeof f === 'string', 'the broken frame'), '{"body": broken');
    assert.equal((await client.take((f) => f.pad !== undefined, 'the big frame')).pad.length, 300000);
    client.send({ event: 'ping' });
    await client.take((f) => f.event === 'pong');
    assert.deepEqual(waiting.frames, []);
  });

  it('delayMessages() holds notifications back by the given time', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    sim.delayMessages(300);
    const started = Date.now();
    assert.equal(sim.emit({ event: 'AgentState' }).length, 1);
    await client.takeNotifications(1);
    assert.ok(Date.now() - started >= 280, `arrived after ${Date.now() - started} ms`);
    assert.throws(() => sim.delayMessages(-1), /delay/);
  });

  it('reset() forgets subscriptions, tokens, faults and the request log, closing sockets with 1000', async () => {
    const sim = await fx.sim();
    const { client, token: oldToken } = await fx.stream(sim);
    sim.failNextRest(500);
    sim.reset();
    assert.deepEqual(await client.closed, { code: 1000, reason: 'normal' });
    assert.deepEqual([sim.subscriptions(), sim.requests, sim.tokenRequests], [[], [], 0]);
    assert.equal((await rest(subscriptionsUrl(sim), { token: oldToken })).status, 401);
    assert.equal((await rest(subscriptionsUrl(sim), { token: await token(sim) })).status, 200, 'the injected fault is gone');
  });

  it('stop() closes sockets with 1000 normal and frees the port', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    const url = sim.url;
    await sim.stop();
    assert.deepEqual(await client.closed, { code: 1000, reason: 'normal' });
    await assert.rejects(fetch(url));
  });

  it('offers the same controls over HTTP under /__sim/, unrecorded in requests', async () => {
    const sim = await fx.sim();
    const { client, subscription } = await fx.stream(sim);
    const control = (path: string, body?: unknown, method?: string) => rest(`${sim.url}/__sim/${path}`, { body, method });
    const recorded = sim.requests.length;
    const listed = await control('subscriptions');
    assert.deepEqual(listed.body.map((s: { subscriptionId: string; status: string }) => [s.subscriptionId, s.status]), [[subscription.subscriptionId, 'ACTIVE']]);
    assert.deepEqual((await control('sockets')).body, [{ subscriptionId: subscription.subscriptionId, authenticated: true }]);
    const injected = await control('notifications', { body: { event: 'ChannelReady', agentId: 'a1' }, envelope: { loginId: 'x@example.com' } });
    assert.equal(injected.status, 200);
    const [got] = await client.takeNotifications(1);
    assert.deepEqual(got, injected.body.sent[0]);
    const scenario = await control('scenarios/rona', {});
    assert.equal(scenario.body.sent.length, 3);
    await client.takeNotifications(3);
    assert.equal((await control('faults/rest', { status: 502 })).status, 200);
    assert.equal((await rest(subscriptionsUrl(sim), { token: await token(sim) })).status, 502);
    assert.equal((await control('faults/auth', { status: 'BOGUS' })).status, 400);
    assert.equal((await control('scenarios/nope', {})).status, 400);
    assert.equal((await control('nothing-here')).status, 404);
    assert.equal((await control(`subscriptions/${subscription.subscriptionId}/expire`, {})).status, 200);
    assert.equal((await client.closed).code, 4001);
    assert.ok(sim.requests.slice(recorded).every((r) => !r.path.startsWith('/__sim/')));
  });

  it('drops sockets and fails the next authentication over HTTP too', async () => {
    const sim = await fx.sim();
    const accessToken = await token(sim);
    const subscription = await subscribe(sim, accessToken, CREATE_BODY);
    await rest(`${sim.url}/__sim/faults/auth`, { body: { status: 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION' } });
    const failed = await fx.connect(subscription.transport.endpoint);
    assert.deepEqual(await failed.authenticate(subscription.subscriptionId, accessToken), {
      event: 'authenticationResponse', status: 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION', subscriptionId: subscription.subscriptionId,
    });
    const streaming = await fx.connect(subscription.transport.endpoint);
    await streaming.authenticate(subscription.subscriptionId, accessToken);
    await rest(`${sim.url}/__sim/sockets/drop`, { body: { closeFrame: false } });
    assert.equal((await streaming.closed).code, 1006);
  });

  it('hangNext() holds the next token request, REST request or upgrade unanswered until the client gives up', async () => {
    const sim = await fx.sim();
    const accessToken = await token(sim);
    for (const target of ['token', 'rest'] as const) {
      sim.hangNext(target);
      const hanging = nextEmitted(sim, 'hanging', `the ${target} hang`, (t: string) => t === target);
      const url = target === 'token' ? sim.tokenUrl : subscriptionsUrl(sim);
      const aborted = new AbortController();
      const call = fetch(url, { method: 'POST', headers: { ...FORM, authorization: `Bearer ${accessToken}` }, body: 'grant_type=client_credentials', signal: aborted.signal });
      await hanging;
      assert.equal(sim.heldConnections, 1);
      aborted.abort();
      await assert.rejects(call);
      await until('the held request closed', () => sim.heldConnections === 0, 2000, 10);
      // The fault holds one request only.
      await token(sim);
      assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken })).status, 200);
    }
    sim.hangNext('upgrade');
    const hanging = nextEmitted(sim, 'hanging', 'the upgrade hang', (t: string) => t === 'upgrade');
    const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement`);
    socket.on('error', () => undefined);
    await hanging;
    assert.equal(socket.readyState, WebSocket.CONNECTING);
    socket.terminate();
    await until('the held upgrade closed', () => sim.heldConnections === 0, 2000, 10);
    assert.throws(() => sim.hangNext('everything' as never), /hangNext needs one of token, rest, upgrade/);
  });

  it('arms a hang over HTTP too, and stop() releases what it holds', async () => {
    const sim = await fx.sim();
    assert.equal((await rest(`${sim.url}/__sim/faults/hang`, { body: { target: 'token' } })).status, 200);
    assert.equal((await rest(`${sim.url}/__sim/faults/hang`, { body: { target: 'nothing' } })).status, 400);
    const hanging = nextEmitted(sim, 'hanging', 'the token hang', () => true);
    const call = fetch(sim.tokenUrl, { method: 'POST', headers: FORM, body: 'grant_type=client_credentials' });
    await hanging;
    await sim.stop();
    await assert.rejects(call);
    assert.equal(sim.heldConnections, 0);
  });

  it('names its publicUrl, not its own address, in the endpoints it hands out', async () => {
    const sim = await fx.sim({ publicUrl: 'https://axp.example.com:8443/ignored/path' });
    const subscription = await subscribe(sim, await token(sim));
    assert.match(subscription.transport.endpoint, /^wss:\/\/axp\.example\.com:8443\/ws\/notification\/v1\/agent-engagement\//);
    assert.throws(() => new AxpSimulator({ publicUrl: 'ftp://x' }), /publicUrl must be an http/);
  });
});
