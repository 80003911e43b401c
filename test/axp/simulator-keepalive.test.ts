import assert from 'node:assert/strict';
import { nextEmitted } from '../support/wait';
import { rest, SimFixture, subscriptionsUrl } from './simulator-harness';

const isPong = (f: any): boolean => f?.event === 'pong';

describe('AXP simulator: ping, watchdogs, expiry, renew, delete, supersede', function () {
  this.timeout(15000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('answers {"event":"ping"} (with or without subscriptionId) with exactly {"event":"pong"}, and reports each ping', async () => {
    const sim = await fx.sim();
    const { client, subscription } = await fx.stream(sim);
    const pinged = nextEmitted<string>(sim, 'ping', 'ping', () => true);
    client.send({ event: 'ping' });
    assert.deepEqual(await client.take(isPong, 'a pong'), { event: 'pong' });
    assert.equal(await pinged, subscription.subscriptionId);
    client.send({ event: 'ping', subscriptionId: subscription.subscriptionId });
    assert.deepEqual(await client.take(isPong, 'a pong'), { event: 'pong' });
  });

  it('ignores malformed messages after authentication (no pong, socket stays open)', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    client.send({ event: 'ping', extra: true });
    client.send('garbage');
    client.send({ event: 'ping' });
    await client.take(isPong, 'the pong to the good ping');
    assert.deepEqual(client.frames, [], 'only one pong');
    assert.equal(sim.sockets().length, 1);
  });

  it('answers RFC 6455 ping frames with pong frames', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    const pong = new Promise<string>((resolve) => client.socket.once('pong', (data) => resolve(data.toString())));
    client.socket.ping('hello');
    assert.equal(await pong, 'hello');
  });

  it('closes with 4000 ping timeout and sets the subscription INACTIVE when no ping comes within pingInterval', async () => {
    const sim = await fx.sim({ pingIntervalS: 1 });
    const { client, subscription, token } = await fx.stream(sim);
    const started = Date.now();
    assert.deepEqual(await client.closed, { code: 4000, reason: 'ping timeout' });
    assert.ok(Date.now() - started >= 900, 'not before pingInterval');
    const got = await rest(`${subscriptionsUrl(sim)}/${subscription.subscriptionId}`, { token });
    assert.equal(got.body.status, 'INACTIVE');
    const again = await fx.connect(subscription.transport.endpoint);
    assert.equal((await again.authenticate(subscription.subscriptionId, token)).status, 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION');
  });

  it('keeps a socket that pings within pingInterval', async () => {
    const sim = await fx.sim({ pingIntervalS: 1 });
    const { client } = await fx.stream(sim);
    // Two gaps of 600 ms add up past the 1 s interval: only the pings keep the socket.
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 600));
      client.send({ event: 'ping' });
      await client.take(isPong, 'a pong');
    }
    assert.equal(sim.sockets().length, 1);
  });

  it('renew turns an INACTIVE subscription ACTIVE again, and it can be streamed', async () => {
    const sim = await fx.sim({ pingIntervalS: 1 });
    const { client, subscription, token } = await fx.stream(sim);
    await client.closed;
    const renewed = await rest(`${subscriptionsUrl(sim)}/${subscription.subscriptionId}:renew`, { method: 'POST', token });
    assert.equal(renewed.status, 200);
    assert.equal(renewed.body.status, 'ACTIVE');
    const again = await fx.connect(subscription.transport.endpoint);
    assert.equal((await again.authenticate(subscription.subscriptionId, token)).status, 'CONNECTION_CONFIRMED');
  });

  it('expires an unrenewed subscription at expiresAt: INACTIVE, socket closed 4001, nothing more sent', async () => {
    const sim = await fx.sim({ subscriptionLifetimeS: 1 });
    const { client, subscription, token } = await fx.stream(sim);
    assert.deepEqual(await client.closed, { code: 4001, reason: 'subscription expired' });
    assert.equal(sim.subscriptions()[0].status, 'INACTIVE');
    assert.deepEqual(sim.emit({ event: 'AgentState' }), []);
    const got = await rest(`${subscriptionsUrl(sim)}/${subscription.subscriptionId}`, { token });
    assert.deepEqual([got.body.status, got.body.expiresIn], ['INACTIVE', 0]);
  });

  it('expireSubscription() forces the expiry at once', async () => {
    const sim = await fx.sim();
    const { client, subscription } = await fx.stream(sim);
    const closed = nextEmitted<{ code: number; subscriptionId?: string }>(sim, 'socket-closed', 'socket-closed', () => true);
    sim.expireSubscription(subscription.subscriptionId);
    assert.equal((await client.closed).code, 4001);
    assert.deepEqual(await closed, { code: 4001, reason: 'subscription expired', subscriptionId: subscription.subscriptionId });
    assert.throws(() => sim.expireSubscription('nope'), /no subscription nope/);
  });

  it('closes the bound socket with 4002 when its subscription is deleted', async () => {
    const sim = await fx.sim();
    const { client, subscription, token } = await fx.stream(sim);
    await rest(`${subscriptionsUrl(sim)}/${subscription.subscriptionId}`, { method: 'DELETE', token });
    assert.deepEqual(await client.closed, { code: 4002, reason: 'subscription deleted' });
  });

  it('supersedes: a newer authenticated socket for the subscription closes the older one with 4003', async () => {
    const sim = await fx.sim();
    const { client: older, subscription, token } = await fx.stream(sim);
    const newer = await fx.connect(subscription.transport.endpoint);
    await newer.authenticate(subscription.subscriptionId, token);
    assert.deepEqual(await older.closed, { code: 4003, reason: 'superseded' });
    const [sent] = sim.emit({ event: 'AgentState', agentId: 'x' });
    assert.equal((await newer.takeNotifications(1))[0].correlationId, sent.correlationId);
  });

  it('stopPongs() silences JSON pongs and pong frames; stopPongs(false) brings them back', async () => {
    const sim = await fx.sim();
    const { client } = await fx.stream(sim);
    sim.stopPongs(true);
    let pongFrames = 0;
    client.socket.on('pong', () => pongFrames++);
    client.send({ event: 'ping' });
    client.socket.ping();
    await assert.rejects(client.take(isPong, 'a pong', 400), /no a pong within 400 ms/);
    assert.equal(pongFrames, 0);
    sim.stopPongs(false);
    client.send({ event: 'ping' });
    await client.take(isPong, 'a pong');
  });

  it('keeps an authenticated socket open when its token expires, unless closeOnTokenExpiry is set (4004)', async () => {
    const keep = await fx.sim();
    const kept = await fx.stream(keep);
    keep.expireTokens();
    kept.client.send({ event: 'ping' });
    await kept.client.take(isPong, 'a pong after token expiry');
    const strict = await fx.sim({ closeOnTokenExpiry: true });
    const closing = await fx.stream(strict);
    strict.expireTokens();
    assert.deepEqual(await closing.client.closed, { code: 4004, reason: 'token expired' });
  });
});
