import assert from 'node:assert/strict';
import { FORM, rest, SimFixture, subscriptionsUrl, token } from './simulator-harness';

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const GOOD = { grant_type: 'client_credentials', client_id: 'node-red', client_secret: 'secret' };

describe('AXP simulator: token endpoint', function () {
  this.timeout(10000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('issues a JWT-shaped bearer token for good client credentials, with expires_in and an exp claim', async () => {
    const sim = await fx.sim({ tokenLifetimeS: 120 });
    const before = Math.floor(Date.now() / 1000);
    const answer = await rest(sim.tokenUrl, { body: form(GOOD), headers: FORM });
    assert.equal(answer.status, 200);
    assert.match(answer.contentType, /^application\/json/);
    assert.equal(answer.body.expires_in, 120);
    assert.equal(answer.body.token_type, 'Bearer');
    const parts = String(answer.body.access_token).split('.');
    assert.equal(parts.length, 3);
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    assert.ok(claims.exp >= before + 119 && claims.exp <= before + 121, `exp ${claims.exp}`);
    assert.equal(claims.azp, 'node-red');
    assert.equal(sim.tokenRequests, 1);
    assert.deepEqual(sim.requests, [{ method: 'POST', path: '/api/auth/v1/DYNNUG/protocol/openid-connect/token', status: 200 }]);
  });

  it('answers the AsyncAPI realm shape of the URL the same way, and 404 for another account or realm', async () => {
    const sim = await fx.sim();
    const alias = await rest(`${sim.url}/auth/realms/DYNNUG/protocol/openid-connect/token`, { body: form(GOOD), headers: FORM });
    assert.equal(alias.status, 200);
    // The alias's token is as good as any: it opens the Notification API.
    assert.equal((await rest(subscriptionsUrl(sim), { token: alias.body.access_token })).status, 200);
    const other = await rest(`${sim.url}/api/auth/v1/ABCDEF/protocol/openid-connect/token`, { body: form(GOOD), headers: FORM });
    assert.equal(other.status, 404);
    assert.equal(other.contentType, 'application/problem+json');
    assert.equal((await rest(`${sim.url}/auth/realms/ABCDEF/protocol/openid-connect/token`, { body: form(GOOD), headers: FORM })).status, 404);
  });

  it('refuses a wrong secret or an unknown client with 401 problem+json, and never echoes the secret', async () => {
    const sim = await fx.sim();
    for (const fields of [{ ...GOOD, client_secret: 'wrong-secret' }, { ...GOOD, client_id: 'nobody' }]) {
      const answer = await rest(sim.tokenUrl, { body: form(fields), headers: FORM });
      assert.equal(answer.status, 401);
      assert.equal(answer.contentType, 'application/problem+json');
      assert.equal(answer.body.title, 'Unauthorized');
      assert.equal(answer.body.type, 'https://developers.avayacloud.com/onecloud-ccaas/docs/error-handling#unauthorized');
      assert.ok(!JSON.stringify(answer.body).includes('wrong-secret'));
    }
    assert.ok(!JSON.stringify(sim.requests).includes('secret'));
  });

  it('reports missing fields and other grant types as 400 violations, and a JSON body as 415', async () => {
    const sim = await fx.sim();
    const missing = await rest(sim.tokenUrl, { body: form({ grant_type: 'client_credentials' }), headers: FORM });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.violations.map((v: { field: string }) => v.field), ['client_id', 'client_secret']);
    const password = await rest(sim.tokenUrl, { body: form({ ...GOOD, grant_type: 'password' }), headers: FORM });
    assert.equal(password.status, 400);
    assert.equal(password.body.violations[0].field, 'grant_type');
    assert.equal((await rest(sim.tokenUrl, { body: GOOD })).status, 415);
    assert.equal((await rest(sim.tokenUrl)).status, 405);
  });

  it('takes the client credentials from HTTP Basic auth too', async () => {
    const sim = await fx.sim();
    const basic = Buffer.from('node-red:secret').toString('base64');
    const answer = await rest(sim.tokenUrl, { body: form({ grant_type: 'client_credentials' }), headers: { ...FORM, authorization: `Basic ${basic}` } });
    assert.equal(answer.status, 200);
  });

  it('requires the appkey header, on token and notification requests, for a client that has one', async () => {
    const sim = await fx.sim({ clients: [{ clientId: 'keyed', clientSecret: 's3', appKey: 'app-123' }, { clientId: 'plain', clientSecret: 's4' }] });
    const keyed = { grant_type: 'client_credentials', client_id: 'keyed', client_secret: 's3' };
    assert.equal((await rest(sim.tokenUrl, { body: form(keyed), headers: FORM })).status, 401);
    assert.equal((await rest(sim.tokenUrl, { body: form(keyed), headers: { ...FORM, appkey: 'other' } })).status, 401);
    const accessToken = await token(sim, 'keyed', 's3', { appkey: 'app-123' });
    assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken })).status, 401);
    assert.equal((await rest(subscriptionsUrl(sim), { token: accessToken, headers: { appkey: 'app-123' } })).status, 200);
    // A client without an app key needs no header.
    assert.equal((await rest(subscriptionsUrl(sim), { token: await token(sim, 'plain', 's4') })).status, 200);
  });

  it('fails the next token requests with an injected status, then recovers; every attempt is counted', async () => {
    const sim = await fx.sim();
    sim.failNextToken(503, 2);
    const first = await rest(sim.tokenUrl, { body: form(GOOD), headers: FORM });
    assert.equal(first.status, 503);
    assert.equal(first.contentType, 'application/problem+json');
    assert.equal((await rest(sim.tokenUrl, { body: form(GOOD), headers: FORM })).status, 503);
    assert.equal((await rest(sim.tokenUrl, { body: form(GOOD), headers: FORM })).status, 200);
    assert.equal(sim.tokenRequests, 3);
    assert.throws(() => sim.failNextToken(200), /400-599/);
  });
});
