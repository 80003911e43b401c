import assert from 'node:assert/strict';
import {
  authenticationMessage, describeProblem, parseSubscription, parseSubscriptionPage, parseTokenResponse, pingMessage, subscriptionRequest,
} from '../../nodes/axp/schema';

const SUBSCRIPTION_ID = 'fdbec917-e76e-4645-8120-4eac46f29487';
const FULL_ENDPOINT = `wss://uk.cc.avayacloud.com/ws/notification/v1/agent-engagement/DYNNUG/${SUBSCRIPTION_ID}`;
const SHORT_ENDPOINT = 'wss://uk.cc.avayacloud.com/ws/notification/v1/agent-engagement';

function subscriptionResponse(endpoint: string): Record<string, unknown> {
  return {
    subscriptionId: SUBSCRIPTION_ID, createdAt: '2020-08-01T14:25:23.162Z', expiresAt: '2020-08-01T15:25:23.177Z', expiresIn: 900,
    status: 'ACTIVE', family: 'AGENT_ENGAGEMENT', events: ['ALL'], transport: { type: 'WEBSOCKET', endpoint, pingInterval: 300 },
  };
}

describe('outgoing messages (strict)', () => {
  it('authentication: exactly event, subscriptionId and token, in that order', () => {
    const text = authenticationMessage(SUBSCRIPTION_ID, '7e0cd42a22b451701fg29c3bde214');
    assert.equal(text, `{"event":"authentication","subscriptionId":"${SUBSCRIPTION_ID}","token":"7e0cd42a22b451701fg29c3bde214"}`);
    assert.deepEqual(Object.keys(JSON.parse(text)), ['event', 'subscriptionId', 'token']);
  });

  it('authentication: refuses a missing subscription id or token without quoting the token', () => {
    assert.throws(() => authenticationMessage('', 'secret-token'), (err: Error) => /subscriptionId/.test(err.message) && !err.message.includes('secret-token'));
    assert.throws(() => authenticationMessage(SUBSCRIPTION_ID, ''), /token.*empty string/);
    assert.throws(() => authenticationMessage(SUBSCRIPTION_ID, undefined as unknown as string), /got undefined/);
  });

  it('ping: {"event":"ping"}, with the optional subscriptionId only when given', () => {
    assert.equal(pingMessage(), '{"event":"ping"}');
    assert.equal(pingMessage(SUBSCRIPTION_ID), `{"event":"ping","subscriptionId":"${SUBSCRIPTION_ID}"}`);
    assert.throws(() => pingMessage(''), /subscriptionId/);
  });

  it('subscription request: the documented body; no names or ALL ask for everything', () => {
    const all = { family: 'AGENT_ENGAGEMENT', events: ['ALL'], transport: { type: 'WEBSOCKET' } };
    assert.deepEqual(subscriptionRequest([]), all);
    assert.deepEqual(subscriptionRequest(['AgentState', 'ALL']), all);
    assert.equal(JSON.stringify(subscriptionRequest([])), '{"family":"AGENT_ENGAGEMENT","events":["ALL"],"transport":{"type":"WEBSOCKET"}}');
    assert.deepEqual(subscriptionRequest(['AgentParticipant', 'InboundEngagementCreated', 'AgentParticipant']).events, ['AgentParticipant', 'InboundEngagementCreated']);
  });

  it('subscription request: refuses names the API would reject', () => {
    assert.throws(() => subscriptionRequest(['AgentState', '']), /event name #2 must be a non-empty string/);
    assert.throws(() => subscriptionRequest(['x'.repeat(257)]), /longer than 256/);
    assert.throws(() => subscriptionRequest(Array.from({ length: 26 }, (_, i) => `Event${i}`)), /at most 25 event names \(got 26\)/);
    assert.throws(() => subscriptionRequest('AgentState' as unknown as string[]), /must be a list/);
  });
});

describe('parseSubscription', () => {
  it('reads the spec example with the full endpoint and the intro example with the short one', () => {
    assert.deepEqual(parseSubscription(subscriptionResponse(FULL_ENDPOINT)), subscriptionResponse(FULL_ENDPOINT));
    assert.equal(parseSubscription(subscriptionResponse(SHORT_ENDPOINT)).transport.endpoint, SHORT_ENDPOINT);
  });

  it('takes numbers as strings, JSON text, and drops what it cannot read or does not know', () => {
    const subscription = parseSubscription(JSON.stringify({
      ...subscriptionResponse(FULL_ENDPOINT), expiresIn: '900', createdAt: 17, status: 'PENDING', events: 'AgentState',
      transport: { type: 'WEBSOCKET', endpoint: FULL_ENDPOINT, pingInterval: 'often' }, extensions: {},
    }));
    assert.equal(subscription.expiresIn, 900);
    assert.equal(subscription.createdAt, '17');
    assert.equal(subscription.status, 'PENDING');
    assert.deepEqual(subscription.events, ['AgentState']);
    assert.equal(subscription.transport.pingInterval, undefined);
    assert.equal('extensions' in subscription, false);
  });

  it('throws naming the field when subscriptionId or transport.endpoint is missing', () => {
    const { subscriptionId: _s, ...noId } = subscriptionResponse(FULL_ENDPOINT);
    assert.throws(() => parseSubscription(noId), /^Error: Subscription response has no subscriptionId$/);
    assert.throws(() => parseSubscription({ subscriptionId: SUBSCRIPTION_ID }), /has no transport\.endpoint \(the WebSocket URL to connect to\)/);
    assert.throws(() => parseSubscription({ subscriptionId: SUBSCRIPTION_ID, transport: { type: 'WEBSOCKET' } }), /has no transport\.endpoint/);
    assert.throws(() => parseSubscription({ subscriptionId: SUBSCRIPTION_ID, transport: { endpoint: {} } }), /transport\.endpoint must be a string \(got object\)/);
    assert.throws(() => parseSubscription({ subscriptionId: SUBSCRIPTION_ID, transport: FULL_ENDPOINT }), /transport must be an object \(got string\)/);
    assert.throws(() => parseSubscription({ subscriptionId: ' ', transport: { endpoint: FULL_ENDPOINT } }), /empty subscriptionId/);
    assert.throws(() => parseSubscription('<html>'), /is not JSON/);
    assert.throws(() => parseSubscription([]), /not a JSON object \(got array\)/);
  });
});

describe('parseSubscriptionPage', () => {
  const page = {
    pagination: { pageNumber: 2, pageSize: 20, total: 60 },
    subscriptions: [subscriptionResponse(FULL_ENDPOINT), { ...subscriptionResponse(SHORT_ENDPOINT), subscriptionId: 'second' }],
    links: { prev: '/api/notification/v1/accounts/JDBUTC/subscriptions?pageNumber=1&pageSize=20', next: '/api/notification/v1/accounts/JDBUTC/subscriptions?pageNumber=3&pageSize=20' },
  };

  it('reads the subscriptions, the total and the next link', () => {
    const result = parseSubscriptionPage(page);
    assert.deepEqual(result.subscriptions.map((s) => s.subscriptionId), [SUBSCRIPTION_ID, 'second']);
    assert.equal(result.total, 60);
    assert.equal(result.next, page.links.next);
    assert.equal(result.skipped, undefined);
  });

  it('treats a blank next link as the last page and a string total as a number', () => {
    const result = parseSubscriptionPage({ ...page, pagination: { total: '2' }, links: { prev: '', next: '' } });
    assert.equal(result.total, 2);
    assert.equal(result.next, undefined);
  });

  it('skips an entry it cannot read and says which', () => {
    const result = parseSubscriptionPage({ subscriptions: [{ subscriptionId: 'x' }, subscriptionResponse(FULL_ENDPOINT)] });
    assert.equal(result.subscriptions.length, 1);
    assert.deepEqual(result.skipped, ['Subscription list entry 0 has no transport.endpoint (the WebSocket URL to connect to)']);
  });

  it('takes a bare array and refuses a body without a list', () => {
    assert.equal(parseSubscriptionPage([subscriptionResponse(FULL_ENDPOINT)]).subscriptions.length, 1);
    assert.throws(() => parseSubscriptionPage({ pagination: {} }), /has no subscriptions list \(got undefined\)/);
  });
});

describe('parseTokenResponse', () => {
  it('reads access_token and expires_in, as a number or a numeric string', () => {
    assert.deepEqual(parseTokenResponse({ access_token: 'eyJ.a.b', expires_in: 900, refresh_token: 'r' }), { accessToken: 'eyJ.a.b', expiresInS: 900 });
    assert.deepEqual(parseTokenResponse('{"access_token":"t","expires_in":"300"}'), { accessToken: 't', expiresInS: 300 });
  });

  it('defaults a missing expires_in to 900 s and refuses an unusable one', () => {
    assert.equal(parseTokenResponse({ access_token: 't' }).expiresInS, 900);
    assert.equal(parseTokenResponse({ access_token: 't', expires_in: null }).expiresInS, 900);
    assert.throws(() => parseTokenResponse({ access_token: 't', expires_in: 0 }), /expires_in must be a positive number of seconds \(got 0\)/);
    assert.throws(() => parseTokenResponse({ access_token: 't', expires_in: 'never' }), /got "never"/);
  });

  it('refuses a response without a token, naming an OAuth error but never other members', () => {
    assert.throws(() => parseTokenResponse({ token_type: 'Bearer' }), /^Error: Token response has no access_token$/);
    assert.throws(() => parseTokenResponse({ error: 'invalid_client', refresh_token: 'r-secret' }), (err: Error) => err.message === 'Token response has no access_token (error "invalid_client")');
    assert.throws(() => parseTokenResponse({ access_token: 42 }), /unusable access_token \(number\)/);
    assert.throws(() => parseTokenResponse('oops'), /not JSON/);
  });
});

describe('describeProblem', () => {
  it('problem+json: status, title and the violations', () => {
    const body = JSON.stringify({
      type: 'https://developers.avayacloud.com/onecloud-ccaas/docs/error-handling#constraint-violation', title: 'Constraint Violation',
      status: 400, detail: '…', violations: [{ field: 'family', message: 'must not be null', code: 20002 }],
    });
    assert.equal(describeProblem(400, body), '400 Constraint Violation: family must not be null');
    const many = JSON.stringify({ title: 'Constraint Violation', violations: ['a', 'b', 'c', 'd', 'e'].map((field) => ({ field, message: 'is bad' })) });
    assert.equal(describeProblem(400, many), '400 Constraint Violation: a is bad; b is bad; c is bad (and 2 more)');
  });

  it('problem+json without violations: title and detail, the detail left out when it repeats the title', () => {
    assert.equal(describeProblem(404, '{"title":"Resource Not Found","status":404,"detail":"Subscription fdbec917-e76e-4645-8120-4eac46f29487 not found"}'),
      '404 Resource Not Found: Subscription fdbec917-e76e-4645-8120-4eac46f29487 not found');
    assert.equal(describeProblem(401, '{"title":"Unauthorized","detail":"Unauthorized"}'), '401 Unauthorized');
  });

  it('other JSON error shapes: OAuth and message', () => {
    assert.equal(describeProblem(401, '{"error":"invalid_client","error_description":"Invalid client credentials"}'), '401 Unauthorized: invalid_client: Invalid client credentials');
    assert.equal(describeProblem(429, '{"message":"Rate limit exceeded"}'), '429 Too Many Requests: Rate limit exceeded');
  });

  it('plain text, an empty body and an unknown status', () => {
    assert.equal(describeProblem(503, 'upstream connect error\n  or disconnect/reset before headers'), '503 Service Unavailable: upstream connect error or disconnect/reset before headers');
    assert.equal(describeProblem(500, ''), '500 Internal Server Error');
    assert.equal(describeProblem(599, 'odd'), '599 HTTP error: odd');
  });

  it('HTML error pages: the page title, else the visible text', () => {
    const nginx = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';
    assert.equal(describeProblem(502, nginx), '502 Bad Gateway');
    assert.equal(describeProblem(403, '<!DOCTYPE html><html><head><title>Access &amp; Denied</title></head><body>x</body></html>'), '403 Forbidden: Access & Denied');
    assert.equal(describeProblem(404, '<html><head><style>p{}</style></head><body><p>No route for <b>/api/x</b></p><script>var t=1</script></body></html>'),
      '404 Not Found: No route for /api/x');
  });

  it('never echoes a token or credential, and caps the sentence', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2RlLXJlZCIsImV4cCI6MTcwMH0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
    const opaque = '7e0cd42a22b451701fg29c3bde2149a8b7c6d5e4f3a2b1c0';
    const bodies = [
      `Invalid request. Authorization: Bearer ${jwt}`,
      `{"title":"Unauthorized","detail":"token ${jwt} expired"}`,
      `{"message":"bad request {\\"client_secret\\": \\"hunter2-secret\\", \\"access_token\\": \\"${opaque}\\"}"}`,
      `grant_type=client_credentials&client_id=node-red&client_secret=hunter2-secret rejected`,
      `<html><body>token=${opaque} Authorization: Basic bm9kZS1yZWQ6aHVudGVyMg==</body></html>`,
      `${opaque}${'x'.repeat(5000)}`,
      'Request headers: Authorization: sk_live_4f9a2, Accept: */*',
      'the credentials Bearer abc123def456 were refused',
    ];
    for (const body of bodies) {
      const sentence = describeProblem(401, body);
      for (const secret of [...jwt.split('.'), opaque, 'hunter2-secret', 'bm9kZS1yZWQ6aHVudGVyMg==', opaque.slice(0, 16), 'sk_live_4f9a2', 'abc123def456']) {
        assert.ok(!sentence.includes(secret), `"${sentence}" echoes ${secret.slice(0, 12)}…`);
      }
      assert.ok(sentence.startsWith('401 Unauthorized'), sentence);
      assert.ok(sentence.length <= 301, `${sentence.length} characters`);
    }
    assert.equal(describeProblem(401, 'client_id=node-red rejected'), '401 Unauthorized: client_id=node-red rejected');
  });

  it('caps a long plain body', () => {
    const sentence = describeProblem(500, 'word '.repeat(1000));
    assert.ok(sentence.length <= 301, `${sentence.length} characters`);
    assert.match(sentence, /^500 Internal Server Error: word word/);
  });
});
