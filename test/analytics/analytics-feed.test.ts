import assert from 'assert/strict';
import http from 'http';
import net from 'net';
import { AnalyticsSession } from '../../nodes/analytics/client/analytics-session';
import type { AnalyticsFeed } from '../../nodes/analytics/client/analytics-feed';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { FeedUser, SUPERVISOR, feedOf, feedReaches, sessionOf, startAnalyticsSimulator } from '../support/analytics';
import { until } from '../support/wait';

describe('Analytics feed against the simulator over real sockets', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator;
  const feeds: AnalyticsFeed[] = [];
  const open = (options = {}) => {
    const feed = feedOf(sessionOf(simulator), options);
    feeds.push(feed);
    return feed;
  };
  const withSimulator = async (options = {}) => { simulator = await startAnalyticsSimulator(options); };
  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((f) => f.stop()));
    await simulator?.stop();
  });

  for (const wireForm of ['string', 'object'] as const) {
    it(`subscribes, redirects, pumps up and merges deltas into the cache (${wireForm} wire form)`, async () => {
      await withSimulator({ wireForm });
      const feed = open();
      const user = new FeedUser(['Agent']);
      feed.add(user);
      await until('pumpup complete', () => user.count('pumpupComplete') === 1, 10000, 20);
      const [agentId] = simulator.agentIds();
      const before = feed.snapshot(feed.resolve(['Agent'])).find((row) => row.dimension.agentId === agentId)!;
      assert.ok(before, 'the pumpup filled the cache');
      const measuresBefore = Object.keys(before.measures).length;
      const updates = user.count('update');
      simulator.setAgentState(agentId, 'NOT_READY', '12');
      await until('a delta', () => user.count('update') > updates, 5000, 10);
      const delta = user.events.filter((e) => e.type === 'update').at(-1)!;
      assert.ok(Object.keys(delta.changed!).length < measuresBefore, 'a delta carries only what changed');
      const after = feed.snapshot(feed.resolve(['Agent'])).find((row) => row.dimension.agentId === agentId)!;
      assert.equal(after.measures.agentState, 'NOT_READY');
      assert.equal(Object.keys(after.measures).length >= measuresBefore, true, 'merged, not replaced');
      assert.equal(simulator.pacingViolations, 0, 'REST requests at least 100 ms apart');
    });
  }

  it('answers the server\'s --heartbeat-- and sends its own', async () => {
    await withSimulator({ heartbeatMs: 60000, clientHeartbeatTimeoutMs: 60000 });
    const feed = open({ heartbeatMs: 200 });
    feed.add(new FeedUser(['Agent']));
    await feedReaches(feed, 'streaming');
    let beats = 0;
    simulator.on('client-heartbeat', () => beats++);
    await until('three client heartbeats', () => beats >= 3, 5000, 20);
  });

  it('keeps the link alive by echoing the server\'s --heartbeat-- when it sends none of its own', async () => {
    await withSimulator({ heartbeatMs: 200, clientHeartbeatTimeoutMs: 500 });
    const feed = open({ heartbeatMs: 60000 });
    // The server's own --heartbeat-- is echoed, so the link stays: the echo alone satisfies it.
    feed.add(new FeedUser(['Agent']));
    await feedReaches(feed, 'streaming');
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(feed.state, 'streaming');
  });

  it('logs in again, subscribes again and rebuilds the cache from the new pumpup after a dropped connection', async () => {
    await withSimulator();
    const session = sessionOf(simulator);
    const feed = feedOf(session);
    feeds.push(feed);
    const user = new FeedUser(['Agent']);
    feed.add(user);
    await until('first pumpup', () => user.count('pumpupComplete') === 1, 10000, 20);
    const logins = session.loginCount;
    simulator.dropSockets({ closeFrame: false });
    await feedReaches(feed, 'waiting');
    await until('second pumpup', () => user.count('pumpupComplete') === 2, 15000, 20);
    assert.ok(session.loginCount > logins, 'logged in again');
    assert.equal(simulator.subscriptions().filter((s) => s.live).length, 1);
    assert.equal(feed.snapshot(feed.resolve(['Agent'])).length, simulator.agentIds().length);
  });

  it('logs in at /user/login when the server has no /users/login', async () => {
    await withSimulator();
    const target = new URL(simulator.baseUrl);
    const proxy = http.createServer((req, res) => {
      if ((req.url ?? '').includes('/users/login')) { res.writeHead(404).end('{"status":404}'); return; }
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (proxy.address() as net.AddressInfo).port;
      const session = sessionOf(simulator, {});
      const viaProxy = new AnalyticsSession({ ...session.settings, baseUrl: `http://127.0.0.1:${port}${target.pathname}` });
      const sources = await viaProxy.sources();
      assert.equal(sources.length, 1);
      assert.ok(simulator.requests.some((r) => r.path.endsWith('/user/login') && r.status === 200), JSON.stringify(simulator.requests.slice(0, 3)));
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('logs in again when the server refuses the token', async () => {
    await withSimulator();
    const session = sessionOf(simulator);
    await session.sources();
    simulator.expireTokens();
    const sources = await session.sources();
    assert.equal(sources.length, 1);
    assert.equal(session.loginCount, 2);
    assert.ok(simulator.requests.some((r) => r.status === 401));
  });

  it('reports a limit clearly and keeps the other streams', async () => {
    await withSimulator({ maxSubscriptions: 1 });
    const feed = open();
    feed.add(new FeedUser(['Agent', 'RoutingService']));
    await feedReaches(feed, 'refused');
    assert.match(feed.machine.reason ?? '', /429/);
    assert.match(feed.machine.reason ?? '', /subscription/i);
  });

  it('unsubscribes in three stages when the last user of a producer leaves', async () => {
    await withSimulator();
    const feed = open();
    const agents = new FeedUser(['Agent']);
    const services = new FeedUser(['RoutingService']);
    feed.add(agents);
    feed.add(services);
    await until('both pumped up', () => agents.count('pumpupComplete') >= 1 && services.count('pumpupComplete') >= 1, 10000, 20);
    const steps: string[] = [];
    simulator.on('redirect', (r: { eventName: string }) => steps.push(r.eventName));
    simulator.on('request', (r: { method: string; path: string }) => { if (r.method === 'DELETE') steps.push(`DELETE ${r.path}`); });
    simulator.on('socket-closed', () => steps.push('socket closed'));
    await feed.remove(agents);
    assert.deepEqual(steps.slice(0, 2).map((s) => s.split(' ')[0]), ['unsubscriptionRedirect', 'DELETE']);
    assert.equal(steps.includes('socket closed'), false, 'the socket stays for RoutingService');
    await feed.remove(services);
    await until('the socket closed', () => steps.includes('socket closed'), 5000, 10);
    assert.deepEqual(simulator.subscriptions().filter((s) => s.live), []);
  });

  it('leaves no subscription behind when its user leaves while it is being made', async () => {
    await withSimulator();
    const feed = open();
    const user = new FeedUser(['Agent', 'RoutingService', 'VDN']);
    feed.add(user);
    await feedReaches(feed, 'subscribing');
    await feed.remove(user);
    await until('every subscription gone', () => simulator.subscriptions().filter((s) => s.live).length === 0, 5000, 20);
  });

  it('closes within its deadline and leaves nothing live when connections fail while it subscribes', async () => {
    await withSimulator({ endpointPerSubscription: true });
    const feed = open();
    feed.add(new FeedUser(['Agent', 'RoutingService', 'VDN']));
    await feedReaches(feed, 'subscribing');
    simulator.refuseConnections(3000);
    await feedReaches(feed, 'waiting');
    const started = Date.now();
    await feed.stop();
    assert.ok(Date.now() - started < 11000, `stop took ${Date.now() - started} ms`);
    await until('nothing live', () => simulator.subscriptions().filter((s) => s.live).length === 0, 8000, 50);
  });

  it('starts over when the server refuses a subscription on the WebSocket', async () => {
    await withSimulator();
    const feed = open();
    const user = new FeedUser(['Agent']);
    feed.add(user);
    await until('first pumpup', () => user.count('pumpupComplete') === 1, 10000, 20);
    simulator.sendRaw('{"status":500,"message":"subscription lost"}');
    await until('a second pumpup', () => user.count('pumpupComplete') === 2, 15000, 20);
    assert.match(user.invalids[0].failure.message, /status 500: subscription lost/);
  });

  it('sends the token on the WebSocket handshake too, for publishers that check it there', async () => {
    await withSimulator({ requireHandshakeAuth: true });
    const feed = open();
    const user = new FeedUser(['Agent']);
    feed.add(user);
    await until('pumpup', () => user.count('pumpupComplete') === 1, 10000, 20);
  });

  it('sends malformed frames to the users\' error output', async () => {
    await withSimulator();
    const feed = open();
    const user = new FeedUser(['Agent']);
    feed.add(user);
    await feedReaches(feed, 'streaming');
    simulator.sendRaw('{broken');
    simulator.sendRaw('{"dimension":"{not json","realtimeData":"{}","pumpup":false,"pumpupComplete":false,"heartbeat":false}');
    await until('two invalid frames', () => user.invalids.length === 2, 5000, 10);
    assert.equal(user.invalids[0].text, '{broken');
    assert.equal(feed.state, 'streaming');
  });

  it('never puts the password or the JWT in an error', async () => {
    await withSimulator();
    const session = sessionOf(simulator, { password: 'wrong-password-77' });
    const err = await session.sources().catch((e: Error) => e);
    assert.ok(err instanceof Error);
    assert.doesNotMatch(err.message, /wrong-password-77/);
    assert.match(err.message, /refused supervisor "supervisor"/);
    const good = sessionOf(simulator);
    const token = await good.currentToken();
    simulator.failNextRest(500);
    const failed = await good.sources().catch((e: Error) => e);
    assert.doesNotMatch((failed as Error).message, new RegExp(token.slice(-20)));
    assert.doesNotMatch(JSON.stringify(simulator.requests), new RegExp(SUPERVISOR.password));
  });
});
