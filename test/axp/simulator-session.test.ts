import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { AxpSimulator } from '../../nodes/axp/simulator';
import { nextEmitted } from '../support/wait';
import { rest, SimFixture, subscribe, subscriptionsUrl, token, WsTestClient } from './simulator-harness';

const authFailure = (status: string) => (f: any): boolean => f?.event === 'authenticationResponse' && f.status === status;

describe('AXP simulator: WebSocket authentication', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  async function ready(sim: AxpSimulator): Promise<{ accessToken: string; subscription: any }> {
    const accessToken = await token(sim);
    return { accessToken, subscription: await subscribe(sim, accessToken) };
  }

  it('confirms a good authentication with subscriptionId, pingInterval and the remaining expiresInterval', async () => {
    const sim = await fx.sim({ pingIntervalS: 45, subscriptionLifetimeS: 600 });
    const { accessToken, subscription } = await ready(sim);
    const client = await fx.connect(subscription.transport.endpoint);
    const authenticated = nextEmitted<string>(sim, 'authenticated', 'authenticated', () => true);
    const response = await client.authenticate(subscription.subscriptionId, accessToken);
    assert.deepEqual(response, {
      event: 'authenticationResponse', status: 'CONNECTION_CONFIRMED', subscriptionId: subscription.subscriptionId, pingInterval: 45, expiresInterval: 600,
    });
    assert.equal(await authenticated, subscription.subscriptionId);
    assert.deepEqual(sim.sockets(), [{ subscriptionId: subscription.subscriptionId, authenticated: true }]);
  });

  it('accepts the short endpoint form and the long one, whichever transport.endpoint says', async () => {
    const sim = await fx.sim({ endpointForm: 'short' });
    const { accessToken, subscription } = await ready(sim);
    const short = await fx.connect(subscription.transport.endpoint);
    assert.equal((await short.authenticate(subscription.subscriptionId, accessToken)).status, 'CONNECTION_CONFIRMED');
    const long = await fx.connect(`${subscription.transport.endpoint}/DYNNUG/${subscription.subscriptionId}`);
    assert.equal((await long.authenticate(subscription.subscriptionId, accessToken)).status, 'CONNECTION_CONFIRMED');
  });

  it('refuses the upgrade on any other path', async () => {
    const sim = await fx.sim();
    const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/ws/notification/v1/other`);
    const error = await new Promise<Error>((resolve) => socket.on('error', resolve));
    assert.match(error.message, /404/);
  });

  it('answers CONNECTION_FAILED_CONSTRAINT_VIOLATION to malformed first messages and closes with 1008', async () => {
    const sim = await fx.sim();
    const { accessToken, subscription } = await ready(sim);
    const id = subscription.subscriptionId;
    const malformed: unknown[] = [
      'not json', '[1,2]', { event: 'ping' }, { event: 'authentication', subscriptionId: id },
      { event: 'authentication', subscriptionId: 7, token: accessToken }, { event: 'authentication', subscriptionId: id, token: accessToken, extra: 1 },
    ];
    for (const message of malformed) {
      const client = await fx.connect(subscription.transport.endpoint);
      client.send(message);
      const response = await client.take(authFailure('CONNECTION_FAILED_CONSTRAINT_VIOLATION'), `constraint violation for ${JSON.stringify(message)}`);
      assert.deepEqual(Object.keys(response), ['event', 'status']);
      assert.deepEqual(await client.closed, { code: 1008, reason: 'auth failed' });
    }
    const binary = await fx.connect(subscription.transport.endpoint);
    binary.socket.send(Buffer.from(JSON.stringify({ event: 'authentication', subscriptionId: id, token: accessToken })), { binary: true });
    await binary.take(authFailure('CONNECTION_FAILED_CONSTRAINT_VIOLATION'));
  });

  it('answers CONNECTION_FAILED_INVALID_TOKEN for an unknown or expired token (1008)', async () => {
    const sim = await fx.sim();
    const { accessToken, subscription } = await ready(sim);
    const unknown = await fx.connect(subscription.transport.endpoint);
    assert.equal((await unknown.authenticate(subscription.subscriptionId, 'made-up')).status, 'CONNECTION_FAILED_INVALID_TOKEN');
    assert.equal((await unknown.closed).code, 1008);
    sim.expireTokens();
    const expired = await fx.connect(subscription.transport.endpoint);
    assert.equal((await expired.authenticate(subscription.subscriptionId, accessToken)).status, 'CONNECTION_FAILED_INVALID_TOKEN');
  });

  it('answers CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION (+ subscriptionId) for unknown, deleted, INACTIVE or path-mismatched ids', async () => {
    const sim = await fx.sim();
    const { accessToken, subscription } = await ready(sim);
    const other = await subscribe(sim, accessToken);
    const endpoint = subscription.transport.endpoint;
    const unknownId = '11111111-2222-4333-8444-555555555555';
    const failWith = async (url: string, id: string): Promise<void> => {
      const client = await fx.connect(url);
      assert.deepEqual(await client.authenticate(id, accessToken), {
        event: 'authenticationResponse', status: 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION', subscriptionId: id,
      });
      assert.deepEqual(await client.closed, { code: 1008, reason: 'auth failed' });
    };
    await failWith(endpoint.replace(subscription.subscriptionId, unknownId), unknownId);
    // The long form's ids must match the message.
    await failWith(endpoint, other.subscriptionId);
    await failWith(other.transport.endpoint.replace('/DYNNUG/', '/ZWJJIQ/'), other.subscriptionId);
    sim.expireSubscription(other.subscriptionId);
    await failWith(other.transport.endpoint, other.subscriptionId);
    assert.equal((await rest(`${subscriptionsUrl(sim)}/${subscription.subscriptionId}`, { method: 'DELETE', token: accessToken })).status, 204);
    await failWith(endpoint, subscription.subscriptionId);
  });

  it('checks constraint, then token, then subscription', async () => {
    const sim = await fx.sim();
    const shortForm = `${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement`;
    const both = await fx.connect(shortForm);
    assert.equal((await both.authenticate('11111111-2222-4333-8444-555555555555', 'bad-token')).status, 'CONNECTION_FAILED_INVALID_TOKEN');
    const all = await fx.connect(shortForm);
    all.send({ event: 'authentication', subscriptionId: 'unknown', token: 'bad-token', extra: true });
    await all.take(authFailure('CONNECTION_FAILED_CONSTRAINT_VIOLATION'));
  });

  it('closes a socket that sends no authentication in time with 1008 auth timeout', async () => {
    const sim = await fx.sim({ authTimeoutMs: 150 });
    const closed = nextEmitted<{ code: number; reason: string }>(sim, 'socket-closed', 'socket-closed', () => true);
    const client = await fx.connect(`${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement`);
    assert.deepEqual(await client.closed, { code: 1008, reason: 'auth timeout' });
    assert.deepEqual(await closed, { code: 1008, reason: 'auth timeout', subscriptionId: undefined });
    assert.deepEqual(client.frames, []);
  });

  it('answers the injected failure once: INTERNAL_SERVER_ERROR closes with 1011, others with 1008', async () => {
    const sim = await fx.sim();
    const { accessToken, subscription } = await ready(sim);
    sim.failNextAuth('CONNECTION_FAILED_INTERNAL_SERVER_ERROR');
    const first = await fx.connect(subscription.transport.endpoint);
    assert.equal((await first.authenticate(subscription.subscriptionId, accessToken)).status, 'CONNECTION_FAILED_INTERNAL_SERVER_ERROR');
    assert.deepEqual(await first.closed, { code: 1011, reason: 'internal error' });
    sim.failNextAuth('CONNECTION_FAILED_INVALID_TOKEN');
    const second = await fx.connect(subscription.transport.endpoint);
    assert.equal((await second.authenticate(subscription.subscriptionId, accessToken)).status, 'CONNECTION_FAILED_INVALID_TOKEN');
    assert.equal((await second.closed).code, 1008);
    const third = await fx.connect(subscription.transport.endpoint);
    assert.equal((await third.authenticate(subscription.subscriptionId, accessToken)).status, 'CONNECTION_CONFIRMED');
    assert.throws(() => sim.failNextAuth('CONNECTION_CONFIRMED'), /failNextAuth needs one of/);
  });

  it('answers a second authentication on the same socket with a fresh response', async () => {
    const sim = await fx.sim();
    const { accessToken, subscription } = await ready(sim);
    const client = await fx.connect(subscription.transport.endpoint);
    await client.authenticate(subscription.subscriptionId, accessToken);
    const again = await client.authenticate(subscription.subscriptionId, accessToken);
    assert.equal(again.status, 'CONNECTION_CONFIRMED');
    assert.deepEqual(sim.sockets(), [{ subscriptionId: subscription.subscriptionId, authenticated: true }]);
  });

  it('lists unauthenticated sockets without a subscription id', async () => {
    const sim = await fx.sim();
    const client: WsTestClient = await fx.connect(`${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement`);
    assert.deepEqual(sim.sockets(), [{ authenticated: false }]);
    client.close();
  });
});
