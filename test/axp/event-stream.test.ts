import assert from 'assert/strict';
import type { AxpSimulator } from '../../nodes/axp/simulator';
import { StreamUnderTest, accountOf, startAxpSimulator } from '../support/axp';
import { until } from '../support/wait';

describe('AXP event stream against the simulator over real sockets', function () {
  this.timeout(60000);
  let simulator: AxpSimulator;
  const streams: StreamUnderTest[] = [];
  const open = (options = {}, settings = {}) => {
    const s = new StreamUnderTest(accountOf(simulator, settings), options).start();
    streams.push(s);
    return s;
  };
  const withSimulator = async (options = {}) => { simulator = await startAxpSimulator(options); };

  afterEach(async () => {
    await Promise.all(streams.splice(0).map((s) => s.stream.stop()));
    await simulator?.stop();
  });

  it('runs the whole lifecycle: token, subscription, socket, CONNECTION_CONFIRMED, events, pings, and delete on stop', async () => {
    await withSimulator();
    const s = open();
    await s.reaches('streaming');
    const id = s.stream.subscriptionId!;
    assert.deepEqual(simulator.requests.slice(0, 2).map((r) => `${r.method} ${r.status}`), ['POST 200', 'POST 201']);
    assert.equal(simulator.tokenRequests, 1, 'one token serves the REST call and the socket authentication');
    const sent = simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'ev-1', timestamp: String(Date.now()) }) as unknown[];
    assert.equal(sent.length, 1);
    await until('the event', () => s.delivered.length === 1, 5000, 10);
    assert.equal(s.delivered[0].type, 'AgentState');
    await nextPing(simulator, id);
    await s.stream.stop();
    const view = simulator.subscriptions().find((v) => v.subscriptionId === id)!;
    assert.equal(view.deleted, true);
    assert.equal(simulator.requests.at(-1)?.method, 'DELETE');
  });

  it('delivers every one of the 13 event types, each once', async () => {
    await withSimulator();
    const s = open();
    await s.reaches('streaming');
    const bodies = simulator.everyEventBody();
    assert.equal(bodies.length, 13);
    for (const body of bodies) simulator.emit(body);
    await until('13 events', () => s.delivered.length === 13, 5000, 10);
    assert.deepEqual(s.delivered.map((p) => p.type).sort(), bodies.map((b) => String(b.event)).sort());
    assert.ok(s.delivered.every((p) => p.known));
  });

  it('gets a new token for CONNECTION_FAILED_INVALID_TOKEN and streams again', async () => {
    await withSimulator();
    simulator.failNextAuth('CONNECTION_FAILED_INVALID_TOKEN');
    const s = open();
    await s.reaches('streaming');
    assert.equal(simulator.tokenRequests, 2);
    assert.ok(s.states.includes('authorizing'));
  });

  it('renews or replaces the subscription for CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION', async () => {
    await withSimulator();
    simulator.failNextAuth('CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION');
    const s = open();
    await s.reaches('streaming');
    assert.ok(simulator.requests.some((r) => r.method === 'POST' && r.path.endsWith(':renew')), JSON.stringify(simulator.requests));
  });

  it('backs off and retries the same subscription for CONNECTION_FAILED_INTERNAL_SERVER_ERROR', async () => {
    await withSimulator();
    simulator.failNextAuth('CONNECTION_FAILED_INTERNAL_SERVER_ERROR');
    const s = open();
    await s.reaches('streaming');
    assert.ok(s.states.includes('waiting'));
    assert.equal(simulator.subscriptions().length, 1, 'no second subscription');
  });

  it('reports CONNECTION_FAILED_CONSTRAINT_VIOLATION as an error and retries slowly', async () => {
    await withSimulator();
    simulator.failNextAuth('CONNECTION_FAILED_CONSTRAINT_VIOLATION');
    const s = open();
    await s.reaches('refused');
    assert.match(s.stream.machine.reason ?? '', /CONSTRAINT_VIOLATION/);
    await s.reaches('streaming');
  });

  it('shows refused credentials as an error, with a capped backoff instead of a retry storm', async () => {
    await withSimulator();
    const s = open({}, { clientSecret: 'wrong' });
    await s.reaches('refused');
    assert.match(s.stream.machine.reason ?? '', /refused the client credentials/);
    await new Promise((r) => setTimeout(r, 1500)); // several of the stream's own retries would fit in this time
    assert.ok(simulator.tokenRequests <= 2, `${simulator.tokenRequests} token requests in 1.5 s`);
  });

  it('keeps streaming when the token expires, and renews the subscription with a new one before it runs out', async () => {
    await withSimulator({ subscriptionLifetimeS: 3, tokenLifetimeS: 60 });
    const s = open();
    await s.reaches('streaming');
    simulator.expireTokens();
    await until('a renewal', () => simulator.requests.some((r) => r.path.endsWith(':renew') && r.status === 200), 6000, 50);
    assert.ok(simulator.requests.some((r) => r.path.endsWith(':renew') && r.status === 401), 'the stale token was refused once');
    await new Promise((r) => setTimeout(r, 1500)); // past the first lifetime of the subscription
    simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'after-renewal' });
    await until('the event after the renewal', () => s.ids().includes('after-renewal'), 5000, 10);
    assert.equal(s.stream.state, 'streaming');
    assert.deepEqual(s.states.filter((state) => state === 'waiting'), [], 'pings in time: the server never dropped the socket');
  });

  it('fetches a new token before the old one runs out, so no call is refused', async () => {
    await withSimulator({ subscriptionLifetimeS: 3, tokenLifetimeS: 2 });
    const s = open();
    await s.reaches('streaming');
    await until('two renewals', () => simulator.requests.filter((r) => r.path.endsWith(':renew') && r.status === 200).length >= 2, 8000, 50);
    assert.ok(simulator.tokenRequests >= 2, `${simulator.tokenRequests} token requests`);
    assert.deepEqual(simulator.requests.filter((r) => r.status === 401), []);
  });

  it('connects to the short endpoint form as returned', async () => {
    await withSimulator({ endpointForm: 'short' });
    const s = open();
    await s.reaches('streaming');
    simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'short-1' });
    await until('the event', () => s.ids().includes('short-1'), 5000, 10);
  });

  it('comes back after the subscription expired on the server', async () => {
    await withSimulator();
    const s = open();
    await s.reaches('streaming');
    simulator.expireSubscription(s.stream.subscriptionId!);
    await s.reconnects();
    simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'after-expiry' });
    await until('the event after expiry', () => s.ids().includes('after-expiry'), 5000, 10);
  });

  it('reconnects after a dropped socket with nothing lost that was sent afterwards, and drops replays', async () => {
    await withSimulator();
    const s = open();
    await s.reaches('streaming');
    simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'before' });
    await until('the first event', () => s.ids().includes('before'), 5000, 10);
    simulator.dropSockets({ closeFrame: false });
    await s.reconnects();
    for (let i = 0; i < 50; i++) simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: `after-${i}` });
    simulator.emit({ event: 'AgentState', agentId: 'a1', state: 'READY', id: 'before' });
    simulator.emit({ event: 'SingleStepTransfer', correlationId: 'transfer-1', engagementId: 'e1', transferTo: 'QUEUE' });
    simulator.emit({ event: 'SingleStepTransfer', correlationId: 'transfer-1', engagementId: 'e1', transferTo: 'QUEUE' });
    await until('every event sent after the reconnect', () => s.ids().includes('transfer-1') && s.ids().includes('after-49'), 5000, 10);
    await new Promise((r) => setImmediate(r));
    const ids = s.ids();
    assert.equal(ids.filter((id) => id === 'before').length, 1, 'the replayed event is dropped');
    assert.equal(ids.filter((id) => id === 'transfer-1').length, 1, 'a replayed transfer (correlationId) is dropped');
    assert.deepEqual(ids.filter((id) => id.startsWith('after-')), Array.from({ length: 50 }, (_, i) => `after-${i}`));
  });

  it('treats a missing pong as a dead socket', async () => {
    await withSimulator();
    const s = open({ pongTimeoutMs: 500 });
    await s.reaches('streaming');
    simulator.stopPongs(true);
    await nextWaiting(s, /no pong within/);
    simulator.stopPongs(false);
    await s.reaches('streaming');
  });

  it('sends malformed and oversized frames to the invalid output, and keeps streaming', async () => {
    await withSimulator();
    const s = open({ maxFrameBytes: 4096 });
    await s.reaches('streaming');
    simulator.sendRaw('{not json');
    simulator.sendRaw(JSON.stringify({ body: { event: 'AgentState', padding: 'x'.repeat(10000) } }));
    await until('two invalid frames', () => s.invalid.length === 2, 5000, 10);
    assert.equal(s.invalid[0].delivery.text, '{not json');
    assert.match(s.invalid[1].failure.message, /larger than the 4096-byte limit/);
    assert.equal(s.invalid[1].delivery.text.length, 1024);
    assert.equal(s.stream.state, 'streaming');
  });
});

function nextPing(simulator: AxpSimulator, subscriptionId: string): Promise<void> {
  return new Promise((resolve) => simulator.on('ping', function listener(id: string) {
    if (id !== subscriptionId) return;
    simulator.off('ping', listener);
    resolve();
  }));
}

async function nextWaiting(s: StreamUnderTest, reason: RegExp): Promise<void> {
  await until(`the stream waiting because ${reason}`, () => s.stream.state === 'waiting' && reason.test(s.stream.machine.reason ?? ''), 10000, 10);
}
