import assert from 'node:assert/strict';
import { createVerify } from 'node:crypto';
import { AnalyticsSimulator, DIMENSION_DATA_TYPES, LOCALES } from '../../nodes/analytics/simulator';
import { login, rest, SOURCE, subscribe, subscriptionRequest, subscriptionsUrl } from './simulator-harness';

const decodePart = (part: string): any => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('Analytics simulator: REST', function () {
  this.timeout(20000);
  let sim: AnalyticsSimulator;

  describe('with default options', () => {
    before(async () => {
      sim = new AnalyticsSimulator();
      await sim.start();
    });

    after(async () => {
      await sim.stop();
    });

    it('logs in at /users/login and /user/login with an RS256 JWT in authdata, shaped like the example', async () => {
      assert.match(sim.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/orca-streams-rest$/);
      const token = await login(sim);
      const [header, payload, signature] = token.split('.');
      assert.deepEqual(decodePart(header), { alg: 'RS256' });
      const claims = decodePart(payload);
      assert.equal(claims.sub, 'supervisor');
      assert.equal(claims.exp - claims.iat, 86400);
      assert.match(claims.jti, /^[0-9a-f-]{36}$/);
      assert.equal(claims.aud.length, 22);
      assert.deepEqual(claims.userScopeList[0], { featureName: 'ccUserRole', featureValues: ['SUPERVISOR'] });
      assert.equal(typeof claims.userScopeList[1].featureValues[0], 'string', 'ccUserData is a JSON string');
      const jwks = await (await fetch(`${sim.baseUrl.replace('/orca-streams-rest', '')}/__sim/jwks`)).json() as { keys: any[] };
      const verified = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify({ key: jwks.keys[0], format: 'jwk' }, Buffer.from(signature, 'base64url'));
      assert.equal(verified, true);

      const singular = await rest(`${sim.baseUrl}/user/login?tenant=0&username=supervisor&password=secret`);
      assert.equal(singular.status, 200);
      assert.equal(typeof singular.body.authdata, 'string');
      const doubled = await rest(`${sim.baseUrl}//users/login?tenant=0&username=supervisor&password=secret`);
      assert.equal(doubled.status, 200);
    });

    it('refuses bad credentials (401), missing ones (400), and never logs the query string', async () => {
      const wrong = await rest(`${sim.baseUrl}/users/login?tenant=0&username=supervisor&password=nope`);
      assert.deepEqual(wrong, { status: 401, body: { status: 401, error: 'Unauthorized', message: 'invalid username or password' } });
      assert.equal((await rest(`${sim.baseUrl}/users/login?tenant=0&username=supervisor`)).status, 400);
      assert.equal((await rest(`${sim.baseUrl}/users/login?tenant=0&username=nobody&password=secret`)).status, 401);
      assert.ok(sim.requests.length > 0);
      for (const r of sim.requests) assert.ok(!r.path.includes('secret') && !r.path.includes('?'), r.path);
      const last = sim.requests.at(-1);
      assert.equal(last?.status, 401);
      assert.equal(typeof last?.at, 'number');
    });

    it('needs a Bearer token on every other route (401)', async () => {
      for (const path of ['/sources', `/sources/${SOURCE}/producers`]) {
        assert.equal((await rest(`${sim.baseUrl}${path}`)).status, 401);
        assert.equal((await rest(`${sim.baseUrl}${path}`, { token: 'forged.token.value' })).status, 401);
        const basic = await rest(`${sim.baseUrl}${path}`, { authorization: `Basic ${Buffer.from('supervisor:secret').toString('base64')}` });
        assert.equal(basic.status, 401);
        assert.match(basic.body.message, /Bearer/);
      }
    });

    it('lists one source and the ten producers with header, dimensions, measures and locales, singular forms and // included', async () => {
      const token = await login(sim);
      const sources = await rest(`${sim.baseUrl}/sources?tenant=0&locale=en`, { token });
      assert.equal(sources.status, 200);
      assert.equal(sources.body.length, 1);
      assert.equal(sources.body[0].sourceId, SOURCE);
      const producers = await rest(`${sim.baseUrl}/sources/${SOURCE}/producers?tenant=0&locale=en`, { token });
      assert.equal(producers.status, 200);
      assert.deepEqual(producers.body.map((p: any) => p.producerId), [
        'Agent_SoD_3.5', 'AgentByAccount_SoD_3.5', 'AgentGroup_SoD_3.5', 'AgentByNotReadyReasonCode_SoD_3.5', 'ContactDetail_CDR_3.5',
        'RoutingService_SoD_3.5', 'RoutingServiceByAgent_SoD_3.5', 'Site_SoD_3.5', 'VDN_SoD_3.5', 'RoutingServiceGroup_SoD_3.5',
      ]);
      const agent = producers.body[0];
      assert.deepEqual([agent.producerName, agent.streamType, agent.version, agent.sourceId], ['Agent', 'SoD', '3.5', SOURCE]);
      assert.deepEqual(agent.dimensions.map((d: any) => d.name), ['agentId']);
      assert.deepEqual(agent.locales, [...LOCALES]);
      const measure = (name: string): any => agent.measures.find((m: any) => m.name === name);
      assert.deepEqual([measure('offered').type, measure('offered').format], ['Number', 'Number']);
      assert.deepEqual([measure('agentNotReadyTimeDuration').type, measure('agentNotReadyTimeDuration').format], ['Duration', 'Seconds']);
      assert.deepEqual([measure('agentState').type, measure('agentState').format], ['String', 'String']);
      assert.equal(measure('offered').displayName, 'Offered');
      assert.equal(producers.body[4].streamType, 'CDR');
      assert.deepEqual(producers.body[7].dimensions.map((d: any) => d.name), ['siteName', 'siteId']);

      const french = await rest(`${sim.baseUrl}/source/${SOURCE}/producer?locale=fr`, { token });
      assert.equal(french.status, 200);
      assert.equal(french.body[0].measures.find((m: any) => m.name === 'offered').displayName, 'Proposés');
      assert.equal((await rest(`${sim.baseUrl}//sources`, { token })).status, 200);
      assert.equal((await rest(`${sim.baseUrl}/sources/Other_Source/producers`, { token })).status, 404);
      assert.equal((await rest(`${sim.baseUrl}/nothing-here`, { token })).status, 404);
    });

    it('serves dictionaries for en-us and fr (and en), 404 for an unsupported locale', async () => {
      const token = await login(sim);
      const base = `${sim.baseUrl}/sources/${SOURCE}/producer/Agent_SoD_3.5/dictionaries`;
      const en = await rest(`${base}?locale=en-us`, { token });
      assert.equal(en.status, 200);
      assert.equal(en.body.entries.agentNotReadyTimeDuration, 'Agent Not Ready Time Duration');
      const fr = await rest(`${sim.baseUrl}/sources/${SOURCE}/producers/Agent_SoD_3.5/dictionaries?locale=fr`, { token });
      assert.deepEqual([fr.body.locale, fr.body.producerId, fr.body.entries.offered, fr.body.entries.abandoned], ['fr', 'Agent_SoD_3.5', 'Proposés', 'Abandonnés']);
      assert.equal((await rest(`${base}?locale=en`, { token })).body.locale, 'en-us');
      assert.equal((await rest(`${base}?locale=pt-br`, { token })).body.locale, 'pt_BR');
      const unsupported = await rest(`${base}?locale=xx`, { token });
      assert.equal(unsupported.status, 404);
      assert.match(unsupported.body.message, /locale xx/);
      assert.equal((await rest(`${sim.baseUrl}/sources/${SOURCE}/producers/Nope_SoD_3.5/dictionaries?locale=fr`, { token })).status, 404);
    });

    it('serves the nine dimension data types consistently with the streams; 400 when name and type differ, 404 for others', async () => {
      const token = await login(sim);
      const url = (name: string, type = name): string => `${sim.baseUrl}/sources/${SOURCE}/producers/Admin_Admin_3.5/dimdata/${name}/datatype/${type}`;
      for (const type of DIMENSION_DATA_TYPES) {
        const answer = await rest(url(type), { token });
        assert.equal(answer.status, 200, type);
        assert.ok(Array.isArray(answer.body) && answer.body.length > 0, type);
      }
      const agents = (await rest(url('Agent'), { token })).body;
      assert.deepEqual(agents.map((a: any) => a.agentId), sim.agentIds());
      assert.deepEqual(agents[0], {
        agentId: 'scollins', agentFirstName: 'Siobhan', agentLastName: 'Collins', agentDisplayName: 'Siobhan Collins', supervisorId: 'tmorris',
        siteName: 'traffic2', siteId: '4981',
      });
      const accounts = (await rest(url('Account'), { token })).body;
      assert.deepEqual(accounts[0], { accountId: '8501014', agentId: 'scollins', channelId: 'Voice' });
      const channels = (await rest(url('Channel'), { token })).body.map((c: any) => c.channelId);
      assert.deepEqual(channels, ['Voice', 'Chat', 'ShortMessageService', 'Email']);
      const privileges = (await rest(url('GroupPrivilege'), { token })).body;
      assert.ok(privileges.every((p: any) => p.supervisorId === 'supervisor'), 'only supervisors hold groups');
      const mismatch = await rest(url('Agent', 'Group'), { token });
      assert.equal(mismatch.status, 400);
      assert.match(mismatch.body.message, /dimDataName must equal dimDataType/);
      assert.equal((await rest(url('Skill'), { token })).status, 404);
      assert.equal((await rest(`${sim.baseUrl}/sources/${SOURCE}/producers/Agent_SoD_3.5/dimdata/Agent/datatype/Agent`, { token })).status, 404);
    });

    it('subscribes (plural and singular paths), validates the body (400) and refuses non-supervisors (403)', async () => {
      const token = await login(sim);
      const first = await subscribe(sim, token, 'Site_SoD_3.5');
      const singular = await rest(`${sim.baseUrl}/source/${SOURCE}/producer/Site_SoD_3.5/subscription`, { token, body: subscriptionRequest(sim, 'Site_SoD_3.5') });
      assert.equal(singular.status, 200);
      assert.notEqual(singular.body.guid, first.guid, 'a fresh guid');
      assert.equal(singular.body.endpoint, first.endpoint, 'one endpoint shared per user');
      const live = sim.subscriptions().filter((s) => s.producerId === 'Site_SoD_3.5');
      assert.deepEqual(live.map((s) => s.live), [false, true], 'the second POST replaced the first');

      const cases: [Record<string, unknown>, RegExp][] = [
        [{ transport: 'stomp' }, /transport/],
        [{ tenantId: '7' }, /tenantId/],
        [{ username: 'someone-else' }, /username/],
        [{ producerId: 'Agent_SoD_3.5' }, /producerId/],
        [{ streamType: 'ITD' }, /streamType/],
        [{ sourceId: undefined }, /sourceId is required/],
        [{ dimensionFilters: 'all' }, /dimensionFilters/],
      ];
      for (const [change, message] of cases) {
        const answer = await rest(subscriptionsUrl(sim, 'Site_SoD_3.5'), { token, body: { ...subscriptionRequest(sim, 'Site_SoD_3.5'), ...change } });
        assert.equal(answer.status, 400, JSON.stringify(change));
        assert.match(answer.body.message, message);
      }
      assert.equal((await rest(subscriptionsUrl(sim, 'Site_SoD_3.5'), { token, body: '{not json' })).status, 400);
      const upper = await rest(subscriptionsUrl(sim, 'Site_SoD_3.5'), { token, body: { ...subscriptionRequest(sim, 'Site_SoD_3.5'), transport: 'WebSocket' } });
      assert.equal(upper.status, 200, 'transport compares case-insensitively');
      assert.equal((await rest(subscriptionsUrl(sim, 'Nope_SoD_3.5'), { token, body: subscriptionRequest(sim, 'Nope_SoD_3.5') })).status, 404);

      const agentToken = await login(sim, 'agentuser', 'secret');
      const forbidden = await rest(subscriptionsUrl(sim, 'Site_SoD_3.5'), { token: agentToken, body: subscriptionRequest(sim, 'Site_SoD_3.5', 'agentuser') });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.error, 'Forbidden');
      assert.equal(decodePart(agentToken.split('.')[1]).userScopeList[0].featureValues[0], 'AGENT');
    });
  });

  describe('with options', () => {
    afterEach(async () => {
      await sim.stop();
    });

    it('limits concurrent supervisors and subscriptions per user with 429 and a message naming the limit', async () => {
      const users = ['a', 'b', 'c'].map((username) => ({ username, password: 'pw' }));
      sim = new AnalyticsSimulator({ users, maxSupervisors: 2, maxSubscriptions: 2 });
      await sim.start();
      const [a, b, c] = await Promise.all(users.map((u) => login(sim, u.username, 'pw')));
      await subscribe(sim, a, 'Site_SoD_3.5', 'a');
      await subscribe(sim, b, 'Site_SoD_3.5', 'b');
      const third = await rest(subscriptionsUrl(sim, 'Site_SoD_3.5'), { token: c, body: subscriptionRequest(sim, 'Site_SoD_3.5', 'c') });
      assert.equal(third.status, 429);
      assert.match(third.body.message, /2 concurrent supervisors \(maxSupervisors\)/);
      await subscribe(sim, a, 'VDN_SoD_3.5', 'a');
      await subscribe(sim, a, 'VDN_SoD_3.5', 'a');
      const tooMany = await rest(subscriptionsUrl(sim, 'Agent_SoD_3.5'), { token: a, body: subscriptionRequest(sim, 'Agent_SoD_3.5', 'a') });
      assert.equal(tooMany.status, 429);
      assert.match(tooMany.body.message, /2 subscriptions per user \(maxSubscriptions\)/);
      assert.equal((await rest(subscriptionsUrl(sim, 'Site_SoD_3.5'), { method: 'DELETE', token: b })).status, 200);
      await subscribe(sim, c, 'Site_SoD_3.5', 'c');
    });

    it('counts REST requests closer than 100 ms per token, and answers 429 to them in strict mode', async () => {
      let clock = 1_000_000;
      sim = new AnalyticsSimulator({ now: () => clock });
      await sim.start();
      const token = await login(sim);
      const other = await login(sim);
      assert.equal((await rest(`${sim.baseUrl}/sources`, { token })).status, 200);
      await rest(`${sim.baseUrl}/sources`, { token: other });
      assert.equal(sim.pacingViolations, 0, 'logins and other tokens do not count');
      clock += 99;
      assert.equal((await rest(`${sim.baseUrl}/sources`, { token })).status, 200, 'counted, not refused');
      assert.equal(sim.pacingViolations, 1);
      clock += 100;
      await rest(`${sim.baseUrl}/sources`, { token });
      assert.equal(sim.pacingViolations, 1);
      await sim.stop();

      clock = 2_000_000;
      sim = new AnalyticsSimulator({ strictPacing: true, now: () => clock });
      await sim.start();
      const strictToken = await login(sim);
      assert.equal((await rest(`${sim.baseUrl}/sources`, { token: strictToken })).status, 200);
      clock += 50;
      const early = await rest(`${sim.baseUrl}/sources`, { token: strictToken });
      assert.equal(early.status, 429);
      assert.match(early.body.message, /100 ms/);
      clock += 100;
      assert.equal((await rest(`${sim.baseUrl}/sources`, { token: strictToken })).status, 200);
      assert.equal(sim.pacingViolations, 1);
    });

    it('injects REST failures, expires tokens, and answers 503 during a failover', async () => {
      let clock = 5_000_000;
      sim = new AnalyticsSimulator({ now: () => clock, tokenLifetimeS: 60 });
      await sim.start();
      const token = await login(sim);
      sim.failNextRest(500, 2);
      const failed = await rest(`${sim.baseUrl}/sources`, { token });
      assert.deepEqual(failed.body, { status: 500, error: 'Internal Server Error', message: 'injected fault' });
      assert.equal((await rest(`${sim.baseUrl}/users/login?username=supervisor&password=secret`)).status, 500, 'login fails too');
      clock += 1000;
      assert.equal((await rest(`${sim.baseUrl}/sources`, { token })).status, 200);

      sim.expireTokens();
      clock += 1000;
      const expired = await rest(`${sim.baseUrl}/sources`, { token });
      assert.equal(expired.status, 401);
      assert.match(expired.body.message, /expired/);
      const fresh = await login(sim);
      clock += 61_000;
      assert.equal((await rest(`${sim.baseUrl}/sources`, { token: fresh })).status, 401, 'the lifetime ends a token too');

      sim.refuseConnections(5000);
      assert.equal((await rest(`${sim.baseUrl}/users/login?username=supervisor&password=secret`)).status, 503);
      clock += 5000;
      assert.equal((await rest(`${sim.baseUrl}/users/login?username=supervisor&password=secret`)).status, 200);
      assert.deepEqual(sim.requests.map((r) => r.status), [200, 500, 500, 200, 401, 200, 401, 503, 200]);
    });
  });
});
