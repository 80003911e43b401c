import assert from 'node:assert/strict';
import { CREATE_BODY, rest, SimFixture, subscribe, subscriptionsUrl, token } from './simulator-harness';

describe('AXP simulator: Notification REST API', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('creates a subscription: 201 with the full Subscription, expiresAt = createdAt + lifetime, the long endpoint form', async () => {
    const sim = await fx.sim({ subscriptionLifetimeS: 600, pingIntervalS: 30 });
    const answer = await rest(subscriptionsUrl(sim), { token: await token(sim), body: { ...CREATE_BODY, events: ['AgentState', 'MatchOffered'] } });
    assert.equal(answer.status, 201);
    const s = answer.body;
    assert.match(s.subscriptionId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(Date.parse(s.expiresAt) - Date.parse(s.createdAt), 600000);
    assert.equal(s.expiresIn, 600);
    assert.equal(s.status, 'ACTIVE');
    assert.equal(s.family, 'AGENT_ENGAGEMENT');
    assert.deepEqual(s.events, ['AgentState', 'MatchOffered']);
    assert.deepEqual(s.transport, {
      type: 'WEBSOCKET', pingInterval: 30,
      endpoint: `${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement/DYNNUG/${s.subscriptionId}`,
    });
  });

  it('gives the intro short endpoint form when endpointForm is short', async () => {
    const sim = await fx.sim({ endpointForm: 'short' });
    const s = await subscribe(sim, await token(sim));
    assert.equal(s.transport.endpoint, `${sim.url.replace('http', 'ws')}/ws/notification/v1/agent-engagement`);
  });

  it('refuses a missing or unknown bearer with 401, an expired one with 401, another account with 403', async () => {
    const sim = await fx.sim();
    assert.equal((await rest(subscriptionsUrl(sim), { body: CREATE_BODY })).status, 401);
    assert.equal((await rest(subscriptionsUrl(sim), { token: 'not-a-token', body: CREATE_BODY })).status, 401);
    const accessToken = await token(sim);
    const other = await rest(subscriptionsUrl(sim, 'ZWJJIQ'), { token: accessToken, body: CREATE_BODY });
    assert.equal(other.status, 403);
    assert.equal(other.body.title, 'Forbidden');
    sim.expireTokens();
    const expired = await rest(subscriptionsUrl(sim), { token: accessToken, body: CREATE_BODY });
    assert.equal(expired.status, 401);
    assert.equal(expired.contentType, 'application/problem+json');
  });

  it('validates the create body: 400 Constraint Violation with every violation listed', async () => {
    const sim = await fx.sim();
    const accessToken = await token(sim);
    const fields = async (body: unknown): Promise<string[]> => {
      const answer = await rest(subscriptionsUrl(sim), { token: accessToken, body });
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(answer.body.title, 'Constraint Violation');
      assert.equal(answer.body.type, 'https://developers.avayacloud.com/onecloud-ccaas/docs/error-handling#constraint-violation');
      return answer.body.violations.map((v: { field: string; code: number }) => `${v.field}:${v.code}`);
    };
    assert.deepEqual(await fields({}), ['family:20002', 'events:20002', 'transport:20002']);
    assert.deepEqual(await fields({ ...CREATE_BODY, family: 'ANALYTICS' }), ['family:20004']);
    assert.deepEqual(await fields({ ...CREATE_BODY, transport: { type: 'WEBHOOK' } }), ['transport.type:20004']);
    assert.deepEqual(await fields({ ...CREATE_BODY, events: [] }), ['events:20003']);
    assert.deepEqual(await fields({ ...CREATE_BODY, events: new Array(26).fill('ALL') }), ['events:20003']);
    assert.deepEqual(await fields({ ...CREATE_BODY, events: ['AgentState', 'NoSuchEvent', 7] }), ['events[1]:20001', 'events[2]:20003']);
    assert.deepEqual(await fields({ ...CREATE_BODY, transport: {} }), ['transport.type:20002']);
    assert.deepEqual(await fields('{not json'), ['body:20001']);
    assert.deepEqual(await fields([CREATE_BODY]), ['body:20001']);
  });

  it('lists subscriptions in pages with pagination and relative prev/next links', async () => {
    const sim = await fx.sim();
    const accessToken = await token(sim);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await subscribe(sim, accessToken)).subscriptionId);
    const base = '/api/notification/v1/accounts/DYNNUG/subscriptions';
    const first = await rest(`${subscriptionsUrl(sim)}?pageNumber=1&pageSize=2`, { token: accessToken });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.pagination, { pageNumber: 1, pageSize: 2, total: 3 });
    assert.deepEqual(first.body.subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId), ids.slice(0, 2));
    assert.deepEqual(first.body.links, { prev: '', next: `${base}?pageNumber=2&pageSize=2` });
    const second = await rest(`${subscriptionsUrl(sim)}?pageNumber=2&pageSize=2`, { token: accessToken });
    assert.deepEqual(second.body.subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId), ids.slice(2));
    assert.deepEqual(second.body.links, { prev: `${base}?pageNumber=1&pageSize=2`, next: '' });
    const defaults = await rest(subscriptionsUrl(sim), { token: accessToken });
    assert.deepEqual(defaults.body.pagination, { pageNumber: 1, pageSize: 10, total: 3 });
    const bad = await rest(`${subscriptionsUrl(sim)}?pageSize=26&pageNumber=0`, { token: accessToken });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.violations.map((v: { field: string }) => v.field), ['pageNumber', 'pageSize']);
  });

  it('gets one subscription with its remaining expiresIn, and 404 for an unknown id', async () => {
    let now = Date.parse('2024-05-01T10:00:00Z');
    const sim = await fx.sim({ now: () => now });
    const accessToken = await token(sim);
    const s = await subscribe(sim, accessToken);
    now += 100000;
    const got = await rest(`${subscriptionsUrl(sim)}/${s.subscriptionId}`, { token: accessToken });
    assert.equal(got.status, 200);
    assert.equal(got.body.expiresIn, 800);
    assert.equal(got.body.createdAt, '2024-05-01T10:00:00.000Z');
    const unknown = await rest(`${subscriptionsUrl(sim)}/00000000-0000-4000-8000-000000000000`, { token: accessToken });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.title, 'Resource Not Found');
  });

  it('renews with POST {id}:renew (literal or encoded colon): a new full lifetime from now, 404 when unknown', async () => {
    let now = Date.parse('2024-05-01T10:00:00Z');
    const sim = await fx.sim({ now: () => now });
    const accessToken = await token(sim);
    const s = await subscribe(sim, accessToken);
    now += 300000;
    const renewed = await rest(`${subscriptionsUrl(sim)}/${s.subscriptionId}:renew`, { method: 'POST', token: accessToken });
    assert.equal(renewed.status, 200);
    assert.equal(renewed.body.expiresAt, '2024-05-01T10:20:00.000Z');
    assert.equal(renewed.body.expiresIn, 900);
    const encoded = await rest(`${subscriptionsUrl(sim)}/${s.subscriptionId}%3Arenew`, { method: 'POST', token: accessToken, body: {} });
    assert.equal(encoded.status, 200);
    assert.equal((await rest(`${subscriptionsUrl(sim)}/nope:renew`, { method: 'POST', token: accessToken })).status, 404);
    assert.equal((await rest(`${subscriptionsUrl(sim)}/${s.subscriptionId}:renew`, { method: 'GET', token: accessToken })).status, 405);
  });

  it('deletes with 204 and no body; the subscription is gone for get, renew, delete and the list', async () => {
    const sim = await fx.sim();
    const accessToken = await token(sim);
    const s = await subscribe(sim, accessToken);
    const item = `${subscriptionsUrl(sim)}/${s.subscriptionId}`;
    const deleted = await rest(item, { method: 'DELETE', token: accessToken });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, undefined);
    assert.equal((await rest(item, { token: accessToken })).status, 404);
    assert.equal((await rest(`${item}:renew`, { method: 'POST', token: accessToken })).status, 404);
    assert.equal((await rest(item, { method: 'DELETE', token: accessToken })).status, 404);
    assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken })).body.pagination.total, 0);
    assert.deepEqual(sim.subscriptions().map((v) => [v.subscriptionId, v.deleted]), [[s.subscriptionId, true]]);
  });

  it('fails the next notification requests with an injected status, and records every request in order', async () => {
    const sim = await fx.sim();
    const accessToken = await token(sim);
    const seen: number[] = [];
    sim.on('request', (r: { status: number }) => seen.push(r.status));
    sim.failNextRest(500, 2);
    const failed = await rest(subscriptionsUrl(sim), { token: accessToken, body: CREATE_BODY });
    assert.equal(failed.status, 500);
    assert.equal(failed.body.title, 'Server Error');
    assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken })).status, 500);
    // Token requests are not notification routes: the fault does not touch them.
    sim.failNextRest(503);
    await token(sim);
    assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken, body: CREATE_BODY })).status, 503);
    assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken, body: CREATE_BODY })).status, 201);
    assert.equal((await rest(`${sim.url}/api/notification/v1/nothing`)).status, 404);
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.status}`), ['POST 200', 'POST 500', 'GET 500', 'POST 200', 'POST 503', 'POST 201', 'GET 404']);
    assert.deepEqual(seen, [500, 500, 200, 503, 201, 404]);
  });
});
