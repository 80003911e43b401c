import assert from 'node:assert/strict';
import { AXP_AUTH_STATUSES, parseAxpFrame, type AxpFrame } from '../../nodes/axp/schema';
import { BODIES, notificationText } from './fixtures/digest-examples';

function invalid(text: string): { message: string; path: (string | number)[] } {
  const frame = parseAxpFrame(text);
  if (frame.kind !== 'invalid') assert.fail(`expected invalid for ${text.slice(0, 60)}, got ${frame.kind}`);
  assert.equal(frame.failure.ok, false);
  assert.ok(frame.failure.message.length < 250, `message too long: ${frame.failure.message}`);
  return { message: frame.failure.message, path: frame.failure.issues[0].path };
}

describe('parseAxpFrame: authenticationResponse', () => {
  it('reads the documented example with its intervals', () => {
    const frame = parseAxpFrame(JSON.stringify({
      event: 'authenticationResponse', status: 'CONNECTION_CONFIRMED', subscriptionId: 'fdbec917-e76e-4645-8120-4eac46f29487',
      pingInterval: 300, expiresInterval: 900,
    }));
    assert.deepEqual(frame, {
      kind: 'authenticationResponse', status: 'CONNECTION_CONFIRMED', known: true,
      subscriptionId: 'fdbec917-e76e-4645-8120-4eac46f29487', pingInterval: 300, expiresInterval: 900,
    });
  });

  it('knows each of the five documented statuses, and a failure response without the optional fields', () => {
    assert.equal(AXP_AUTH_STATUSES.length, 5);
    for (const status of AXP_AUTH_STATUSES) {
      assert.deepEqual(parseAxpFrame(JSON.stringify({ event: 'authenticationResponse', status })), { kind: 'authenticationResponse', status, known: true });
    }
  });

  it('passes an undocumented status on as unknown', () => {
    const frame = parseAxpFrame('{"event":"authenticationResponse","status":"CONNECTION_FAILED_RATE_LIMITED","subscriptionId":"s-1"}');
    assert.deepEqual(frame, { kind: 'authenticationResponse', status: 'CONNECTION_FAILED_RATE_LIMITED', known: false, subscriptionId: 's-1' });
  });

  it('reads intervals sent as strings and leaves out unusable ones', () => {
    const frame = parseAxpFrame('{"event":"authenticationResponse","status":"CONNECTION_CONFIRMED","pingInterval":"30","expiresInterval":"soon"}') as AxpFrame & { kind: 'authenticationResponse' };
    assert.equal(frame.pingInterval, 30);
    assert.equal('expiresInterval' in frame, false);
    const zero = parseAxpFrame('{"event":"authenticationResponse","status":"CONNECTION_CONFIRMED","pingInterval":0}');
    assert.equal('pingInterval' in zero, false);
  });

  it('is invalid without a string status', () => {
    assert.match(invalid('{"event":"authenticationResponse"}').message, /authenticationResponse has no status \(got none\)/);
    const numeric = invalid('{"event":"authenticationResponse","status":1}');
    assert.match(numeric.message, /got number/);
    assert.deepEqual(numeric.path, ['status']);
  });
});

describe('parseAxpFrame: pong', () => {
  it('classifies the documented pong, also with members it does not expect', () => {
    assert.deepEqual(parseAxpFrame('{"event":"pong"}'), { kind: 'pong' });
    assert.deepEqual(parseAxpFrame('{ "event": "pong", "subscriptionId": "s-1" }'), { kind: 'pong' });
  });
});

describe('parseAxpFrame: invalid frames', () => {
  it('says why a frame cannot be read at all', () => {
    assert.match(invalid('not json').message, /^Frame is not valid JSON: /);
    assert.match(invalid('{"event":"pong"').message, /^Frame is not valid JSON/);
    assert.match(invalid('[{"event":"pong"}]').message, /^Frame is not a JSON object \(got array\)/);
    assert.match(invalid('"pong"').message, /got string/);
    assert.match(invalid('null').message, /got null/);
    assert.match(invalid('').message, /^Frame is empty/);
    assert.match(invalid('   \n').message, /^Frame is empty/);
  });

  it('says what is missing from an object that is no message the server sends', () => {
    assert.match(invalid('{}').message, /^Frame has no body and no event; expected an authenticationResponse, a pong or a notification with a body/);
    const ping = invalid('{"event":"ping"}');
    assert.match(ping.message, /has event "ping" and no body/);
    assert.deepEqual(ping.path, ['event']);
  });

  it('rejects a notification whose body is not an object or has no event name, naming body.event', () => {
    assert.match(invalid('{"body":"AgentState"}').message, /^Notification body must be an object \(got string\)/);
    assert.match(invalid('{"body":[]}').message, /got array/);
    const missing = invalid(JSON.stringify({ correlationId: 'c', body: { agentId: 'a' } }));
    assert.match(missing.message, /^Notification body has no event name \(body\.event: got none\)/);
    assert.deepEqual(missing.path, ['body', 'event']);
    assert.match(invalid('{"body":{"event":7}}').message, /body\.event: got number/);
    assert.match(invalid('{"body":{"event":""}}').message, /body\.event: got an empty string/);
  });

  it('never throws, whatever arrives', () => {
    const inputs: unknown[] = [undefined, null, 42, Buffer.from('{"event":"pong"}'), '\u0000', '{"body":{"event":"AgentState","__proto__":{"x":1}}}', '1e999', '{'.repeat(5000)];
    for (const input of inputs) {
      const frame = parseAxpFrame(input as string);
      assert.ok(['invalid', 'notification'].includes(frame.kind), String(input).slice(0, 20));
    }
    assert.match(invalid(42 as unknown as string).message, /^Frame is not text \(got number\)/);
  });

  it('reads a frame that starts with a byte-order mark', () => {
    const frame = parseAxpFrame(`\ufeff${notificationText(BODIES.ChannelReady)}`);
    assert.equal(frame.kind, 'notification');
    assert.equal(frame.kind === 'notification' && frame.result.ok && frame.result.type, 'ChannelReady');
  });
});
