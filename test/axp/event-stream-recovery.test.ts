import assert from 'assert/strict';
import type { AxpSimulator } from '../../nodes/axp/simulator';
import { StreamUnderTest, accountOf, startAxpSimulator } from '../support/axp';
import { nextEmitted, until } from '../support/wait';

describe('AXP event stream: recovery and shutdown edge cases', function () {
  this.timeout(60000);
  let simulator: AxpSimulator;
  const streams: StreamUnderTest[] = [];
  const open = (options = {}, settings = {}) => {
    const s = new StreamUnderTest(accountOf(simulator, settings), options).start();
    streams.push(s);
    return s;
  };
  beforeEach(async () => { simulator = await startAxpSimulator(); });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((s) => s.stream.stop()));
    await simulator.stop();
  });

  it('closes within its deadline when the identity provider stops answering, and the account cancels the request', async () => {
    const s = open();
    await s.reaches('streaming');
    simulator.hangNext('token');
    s.tokens.invalidate();
    const started = Date.now();
    const warning = await s.stream.stop();
    assert.ok(Date.now() - started < 6000, `stop took ${Date.now() - started} ms`);
    assert.match(warning ?? '', /could not delete subscription .*gave up waiting for an access token/);
    assert.equal(simulator.heldConnections, 1, 'the token request is still under way: other streams of the account may wait for it');
    s.tokens.close();
    await until('the token request cancelled', () => simulator.heldConnections === 0, 2000, 10);
  });

  it('gives up on a subscription create the API never answers after 2 s, cancels it and says so', async () => {
    simulator.hangNext('rest');
    const s = open();
    await nextEmitted(simulator, 'hanging', 'the held create', () => true);
    const started = Date.now();
    const warning = await s.stream.stop();
    assert.ok(Date.now() - started < 3000, `stop took ${Date.now() - started} ms`);
    assert.match(warning ?? '', /was not confirmed within 2 s; if the server made it, it expires on its own/);
    await until('the create cancelled', () => simulator.heldConnections === 0, 2000, 10);
  });

  it('deletes a subscription that was still being created when the node closed', async () => {
    const s = open();
    await s.reaches('subscribing');
    await s.stream.stop();
    await until('the subscription created', () => simulator.subscriptions().length === 1, 5000, 10);
    assert.equal(simulator.subscriptions()[0].deleted, true);
  });

  it('authenticates the socket with the token that created the subscription after a 401', async () => {
    simulator.failNextRest(401);
    const s = open();
    await s.reaches('streaming');
    assert.equal(simulator.tokenRequests, 2);
    assert.deepEqual(s.states.filter((state) => state === 'authorizing'), ['authorizing'], 'no second round after INVALID_TOKEN');
  });

  it('backs off more and more when every connection dies right after it is confirmed', async () => {
    simulator.stopPongs(true);
    const s = open({ pongTimeoutMs: 200, reconnect: { initialMs: 100, maxMs: 800, jitter: 0 } });
    const delays: number[] = [];
    s.stream.on('state', (c: { to: string; reason?: string }) => {
      const match = c.to === 'waiting' && /retrying in ([\d.]+) s/.exec(c.reason ?? '');
      if (match) delays.push(Number(match[1]));
    });
    await until('four reconnects', () => delays.length >= 4, 20000, 20);
    assert.deepEqual(delays.slice(0, 4), [0.1, 0.2, 0.4, 0.8]);
  });

  it('drops a replay of an event without a body id by its notification id', async () => {
    const s = open();
    await s.reaches('streaming');
    const envelope = { correlationId: 'c0ffee00-0000-4000-8000-000000000001' };
    simulator.emit({ event: 'MatchOffered', engagementId: 'e1' }, envelope);
    simulator.emit({ event: 'MatchOffered', engagementId: 'e1' }, envelope);
    simulator.emit({ event: 'MatchOffered', engagementId: 'e1' }, { correlationId: 'c0ffee00-0000-4000-8000-000000000002' });
    await until('two events', () => s.delivered.length === 2, 5000, 10);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(s.delivered.length, 2);
  });
});
