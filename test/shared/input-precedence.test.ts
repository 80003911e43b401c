import assert from 'assert/strict';
import { InputConflictError, isUnset, resolveInput, type InputRule } from '../../nodes/shared/node/input-precedence';

const rule = (configured: unknown, given: unknown, extra: Partial<InputRule<unknown>> = {}): InputRule<unknown> =>
  ({ label: 'command', property: 'msg.command', configured, given, ...extra });

describe('resolveInput: the node wins, the message fills only what the node leaves empty', () => {
  const table: [string, unknown, unknown, unknown, 'node' | 'message' | 'none'][] = [
    ['node set, message silent', 'MakeReady', undefined, 'MakeReady', 'node'],
    ['node set, message empty string', 'MakeReady', '', 'MakeReady', 'node'],
    ['node set, message null', 'MakeReady', null, 'MakeReady', 'node'],
    ['node set, message names the same', 'MakeReady', 'MakeReady', 'MakeReady', 'node'],
    ['node set, message names the same in other case', 'MakeReady', ' makeready ', 'MakeReady', 'node'],
    ['node empty, message names one', '', 'GetState', 'GetState', 'message'],
    ['node blank, message names one (trimmed)', '  ', ' GetState ', 'GetState', 'message'],
    ['node undefined, message names one', undefined, 'GetState', 'GetState', 'message'],
    ['neither', '', undefined, undefined, 'none'],
    ['node set to a number, message the same number', 1001, 1001, 1001, 'node'],
    ['node empty, message a number', undefined, 1001, 1001, 'message'],
  ];
  for (const [name, configured, given, value, from] of table) {
    it(name, () => assert.deepEqual(resolveInput(rule(configured, given)), { value, from }));
  }

  const conflicts: [string, unknown, unknown][] = [
    ['another command', 'MakeReady', 'MakeNotReady'],
    ['raw through the message', 'MakeReady', 'raw'],
    ['another number', 1001, 1002],
    ['a number for a string', '1001', 1002],
  ];
  for (const [name, configured, given] of conflicts) {
    it(`refuses ${name}`, () => {
      assert.throws(() => resolveInput(rule(configured, given)), (err: unknown) => {
        assert.ok(err instanceof InputConflictError);
        assert.equal(err.code, 'input-conflict');
        assert.match(err.message, /this node is set to command/);
        assert.match(err.message, /msg\.command asks for/);
        assert.match(err.message, /leave command empty in the node to let messages choose/);
        return true;
      });
    });
  }

  it('reads the message through the rule\'s reader, whose error reaches the caller', () => {
    const read = (v: unknown) => {
      if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new Error('msg.agentId must be digits');
      return v;
    };
    assert.deepEqual(resolveInput(rule(undefined, '1002', { read })), { value: '1002', from: 'message' });
    assert.throws(() => resolveInput(rule(undefined, 'x', { read })), /must be digits/);
  });

  it('compares through the rule\'s own equality', () => {
    const same = (a: unknown, b: unknown) => String(a) === String(b);
    assert.deepEqual(resolveInput(rule('1001', 1001, { same })), { value: '1001', from: 'node' });
  });

  it('calls blank strings, null and undefined unset, and nothing else', () => {
    for (const v of [undefined, null, '', '   ']) assert.equal(isUnset(v), true, String(v));
    for (const v of [0, false, 'x', [], {}]) assert.equal(isUnset(v), false, JSON.stringify(v));
  });
});
