import assert from 'node:assert/strict';
import { CommandArgumentError, encodeCommand } from '../../nodes/finesse/schema/commands';

const update = (args: unknown[] | Record<string, unknown>) => encodeCommand({ command: 'update_call_variable', agentId: '1001', args });

function refusedVariables(variables: unknown, ...parts: string[]): void {
  assert.throws(() => update(['16777301', variables]), (err: unknown) => {
    assert.ok(err instanceof CommandArgumentError);
    assert.equal(err.argument, 'variables');
    for (const part of ['UpdateCallVariable', ...parts]) assert.ok(err.message.includes(part), `"${err.message}" should mention ${part}`);
    return true;
  });
}

describe('encodeCommand: update_call_variable', () => {
  const expected = { type: 'update_call_variable#1001', body: '16777301,callVariable1=123|user.locale=en-us' };

  it('accepts the variables as an object, as [name, value] pairs and as a formatted list', () => {
    for (const variables of [
      { callVariable1: '123', 'user.locale': 'en-us' },
      [['callVariable1', '123'], ['user.locale', 'en-us']],
      'callVariable1=123|user.locale=en-us',
    ]) {
      const { type, body } = update(['16777301', variables]);
      assert.deepEqual({ type, body }, expected, JSON.stringify(variables));
    }
    const { type, body } = update({ variables: { callVariable1: 123, 'user.locale': 'en-us' }, dialog_id: 16777301 });
    assert.deepEqual({ type, body }, expected);
  });

  it('reads the document\'s "| " layout as typography and sends no blank', () => {
    assert.equal(update(['77', 'BACampaign=Renewals| BAAccountNumber=991 ']).body, '77,BACampaign=Renewals|BAAccountNumber=991');
  });

  it('stringifies numbers and booleans and lets a value be cleared', () => {
    assert.equal(update(['77', { callVariable2: 5, callVariable3: false, callVariable4: '' }]).body, '77,callVariable2=5|callVariable3=false|callVariable4=');
    assert.equal(update(['77', 'callVariable4=']).body, '77,callVariable4=');
  });

  it('refuses separators in names and values, naming the variable but not its value', () => {
    for (const character of ['|', '=', ',', '#']) {
      refusedVariables({ [`call${character}Variable1`]: 'x' }, 'name', `'${character}'`);
      refusedVariables([['callVariable1', `pa${character}rt`]], 'value of "callVariable1"', `'${character}'`);
    }
    refusedVariables({ callVariable1: 'a\r\nb' }, 'callVariable1', 'CR');
    refusedVariables('callVariable1=1|callVariable2=a=b', 'callVariable2', "'='");
  });

  it('refuses an empty list, a nameless variable and malformed entries', () => {
    for (const empty of [{}, [], ' ']) refusedVariables(empty, 'empty');
    refusedVariables({ '': 'x' }, 'without a name');
    refusedVariables('=x', 'without a name');
    refusedVariables('callVariable1', "without '='");
    refusedVariables([['callVariable1']], '[name, value]');
    refusedVariables([[1, 'x']], 'without a name');
    refusedVariables({ callVariable1: { nested: true } }, 'callVariable1', 'object');
    refusedVariables({ callVariable1: undefined }, 'callVariable1', 'undefined');
    refusedVariables(42, 'object {name: value}');
  });

  it('still needs the dialog id and a variable list', () => {
    assert.throws(() => update([undefined, { a: '1' }]), (err: unknown) => err instanceof CommandArgumentError && err.argument === 'dialog_id');
    assert.throws(() => update(['77']), (err: unknown) => err instanceof CommandArgumentError && err.argument === 'variables'
      && err.message.includes('required'));
    assert.throws(() => update(['7,7', { a: '1' }]), (err: unknown) => err instanceof CommandArgumentError && err.argument === 'dialog_id');
  });
});
