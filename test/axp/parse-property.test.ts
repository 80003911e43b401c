import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AXP_EVENT_TYPES, describeProblem, parseAxpFrame, parseSubscription, parseSubscriptionPage, parseTokenResponse, type AxpFrame,
} from '../../nodes/axp/schema';
import {
  anyBytesAsText, anyJsonValue, anyString, assertFailureMessage, assertParseResult, deeplyNestedRecord, mutatedRecord, mutatedText,
} from '../support/mutations';
import { BODIES, ENVELOPE, LOGIN_IDS, OFFICIAL_AGENT_STATE_TEXT, notificationText } from './fixtures/digest-examples';

const RUNS = { numRuns: 500 };

const SUBSCRIPTION_ID = 'fdbec917-e76e-4645-8120-4eac46f29487';

/** Valid frames of every kind: each documented notification, the authentication responses, a pong. */
const VALID_FRAMES: readonly unknown[] = [
  ...Object.values(BODIES).map((body) => JSON.parse(notificationText(body)) as unknown),
  JSON.parse(OFFICIAL_AGENT_STATE_TEXT) as unknown,
  { event: 'authenticationResponse', status: 'CONNECTION_CONFIRMED', subscriptionId: SUBSCRIPTION_ID, pingInterval: 30, expiresInterval: '900' },
  { event: 'authenticationResponse', status: 'CONNECTION_FAILED_RATE_LIMITED', subscriptionId: 's-1' },
  { event: 'pong', subscriptionId: 's-1' },
];

const VALID_FRAME_TEXTS = [...VALID_FRAMES.map((frame) => JSON.stringify(frame)), OFFICIAL_AGENT_STATE_TEXT];

const FRAME_KINDS: readonly string[] = ['authenticationResponse', 'pong', 'notification', 'invalid'];

/** A classified frame of a documented kind; an invalid one, or a rejected notification, says why. */
function assertFrame(frame: AxpFrame): void {
  assert.ok(FRAME_KINDS.includes(frame.kind), `kind ${frame.kind}`);
  if (frame.kind === 'invalid') assertFailureMessage(frame.failure.message);
  else if (frame.kind === 'notification') assertParseResult(frame.result);
  else if (frame.kind === 'authenticationResponse') {
    assert.ok(typeof frame.status === 'string' && frame.status !== '');
    for (const interval of [frame.pingInterval, frame.expiresInterval]) {
      if (interval !== undefined) assert.ok(Number.isFinite(interval) && interval > 0, `interval ${interval}`);
    }
  }
}

function framesWithoutThrowing(text: string): void {
  assertFrame(parseAxpFrame(text));
}

/** Fails unless `call` returns or throws a plain Error with a message: a TypeError or RangeError is a bug, not a refusal. */
function returnsOrRefuses<T>(call: () => T, check: (value: T) => void): void {
  let value: T;
  try {
    value = call();
  } catch (err) {
    assert.ok(err instanceof Error, `threw ${String(err)}`);
    assert.equal(err.constructor, Error, `threw ${err.name}: ${err.message}`);
    assertFailureMessage(err.message);
    return;
  }
  check(value);
}

function subscriptionResponse(endpoint: string): Record<string, unknown> {
  return {
    subscriptionId: SUBSCRIPTION_ID, createdAt: '2020-08-01T14:25:23.162Z', expiresAt: '2020-08-01T15:25:23.177Z', expiresIn: 900,
    status: 'ACTIVE', family: 'AGENT_ENGAGEMENT', events: ['ALL'], transport: { type: 'WEBSOCKET', endpoint, pingInterval: 300 },
  };
}

const VALID_SUBSCRIPTIONS = [
  subscriptionResponse(`wss://uk.cc.avayacloud.com/ws/notification/v1/agent-engagement/DYNNUG/${SUBSCRIPTION_ID}`),
  subscriptionResponse('wss://uk.cc.avayacloud.com/ws/notification/v1/agent-engagement'),
];
const VALID_PAGES = [
  { subscriptions: VALID_SUBSCRIPTIONS, pagination: { total: 2 }, links: { next: '/subscriptions?page=2' } },
  VALID_SUBSCRIPTIONS,
];
const VALID_TOKENS = [{ access_token: 'eyJ.a.b', expires_in: 900, refresh_token: 'r' }, { access_token: 't', expires_in: '300' }];
const VALID_PROBLEMS = [
  { title: 'Constraint Violation', status: 400, violations: [{ field: 'family', message: 'must not be null' }, 'events is empty'] },
  { title: 'Resource Not Found', status: 404, detail: 'Subscription not found' },
  { error: 'invalid_client', error_description: 'Invalid client credentials' },
  { error: { message: 'Rate limit exceeded' } },
];
const HTML_PAGES = [
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  '<!DOCTYPE html><html><head><title>Access &amp; Denied</title></head><body>x</body></html>',
  '<html><head><style>p{}</style></head><body><p>No route for <b>/api/x</b></p><script>var t=1</script></body></html>',
];

/** What a REST body may arrive as: the parsed JSON value, its text, or any text at all. */
function restBodies(valid: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    mutatedRecord(valid),
    mutatedRecord(valid).map((value) => JSON.stringify(value)),
    mutatedText(fc.constantFrom(...valid.map((value) => JSON.stringify(value)))),
    deeplyNestedRecord(valid).map(({ text }) => text),
    anyJsonValue,
    anyJsonValue.map((value) => JSON.stringify(value)),
    anyString,
  );
}

describe('parseAxpFrame: properties', () => {
  it('never throws on a valid frame with members dropped, retyped, replaced, added or renamed', () => {
    fc.assert(fc.property(mutatedRecord(VALID_FRAMES), (frame) => framesWithoutThrowing(JSON.stringify(frame))), RUNS);
  });

  it('never throws on a notification body of any event type holding arbitrary values', () => {
    const fieldNames = [...new Set(Object.values(BODIES).flatMap((body) => Object.keys(body)))];
    const frame = fc.record({
      type: fc.oneof(fc.constantFrom(...AXP_EVENT_TYPES), anyString),
      fields: fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), anyString), anyJsonValue, { maxKeys: 8 }),
      envelope: fc.dictionary(fc.constantFrom(...Object.keys(ENVELOPE), 'loginId', 'initiatingLoginId'), anyJsonValue, { maxKeys: 4 }),
    }).map(({ type, fields, envelope }) => ({ ...ENVELOPE, ...LOGIN_IDS[type], ...envelope, body: { ...fields, event: type } }));
    fc.assert(fc.property(frame, (value) => framesWithoutThrowing(JSON.stringify(value))), RUNS);
  });

  it('never throws on the text of a valid frame cut short or with characters inserted, deleted or repeated', () => {
    fc.assert(fc.property(mutatedText(fc.constantFrom(...VALID_FRAME_TEXTS)), framesWithoutThrowing), RUNS);
  });

  it('never throws on a valid frame with a member nested thousands deep', () => {
    fc.assert(fc.property(deeplyNestedRecord(VALID_FRAMES), ({ text }) => framesWithoutThrowing(text)), { numRuns: 50 });
  });

  it('never throws on any JSON value', () => {
    fc.assert(fc.property(anyJsonValue, (value) => framesWithoutThrowing(JSON.stringify(value))), RUNS);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyString, framesWithoutThrowing), RUNS);
  });

  it('never throws on arbitrary bytes decoded as UTF-8 or latin1', () => {
    fc.assert(fc.property(anyBytesAsText, framesWithoutThrowing), RUNS);
  });
});

describe('AXP REST bodies: properties', () => {
  it('parseSubscription returns a subscription with an id and an endpoint, or refuses with an Error', () => {
    fc.assert(fc.property(restBodies(VALID_SUBSCRIPTIONS), (body) => returnsOrRefuses(() => parseSubscription(body), (subscription) => {
      assert.notEqual(subscription.subscriptionId.trim(), '');
      assert.notEqual(subscription.transport.endpoint.trim(), '');
    })), RUNS);
  });

  it('parseSubscriptionPage returns the readable entries and a message per skipped one, or refuses with an Error', () => {
    fc.assert(fc.property(restBodies(VALID_PAGES), (body) => returnsOrRefuses(() => parseSubscriptionPage(body), (page) => {
      assert.ok(Array.isArray(page.subscriptions));
      for (const message of page.skipped ?? []) assertFailureMessage(message);
    })), RUNS);
  });

  it('parseTokenResponse returns a token with a positive lifetime, or refuses with an Error', () => {
    fc.assert(fc.property(restBodies(VALID_TOKENS), (body) => returnsOrRefuses(() => parseTokenResponse(body), (token) => {
      assert.notEqual(token.accessToken.trim(), '');
      assert.ok(Number.isFinite(token.expiresInS) && token.expiresInS > 0);
    })), RUNS);
  });

  it('describeProblem always gives one capped sentence, whatever the status and body', () => {
    const status = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer());
    const body = fc.oneof(restBodies(VALID_PROBLEMS).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))), mutatedText(fc.constantFrom(...HTML_PAGES)));
    fc.assert(fc.property(status, body, (code, text) => {
      const sentence = describeProblem(code, text);
      assertFailureMessage(sentence);
      assert.ok(sentence.length <= 301, `${sentence.length} characters`);
    }), RUNS);
  });
});
