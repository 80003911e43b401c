import assert from 'assert/strict';
import { commandRequest, type CommandNodeSettings } from '../../nodes/finesse/command-request';

const settings: CommandNodeSettings = {
  command: 'GetState',
  agentId: '1001',
  argumentDefaults: { agent_password: 'pw1001', agent_extension: '5001' },
  clientDestination: 'NR_test',
  timeoutMs: 2000,
};

describe('cc-finesse-command: from a message to a GC command', () => {
  it('takes the command and agent from the node, or from msg.command / msg.agentId', () => {
    assert.equal(commandRequest({}, settings).encoded.type, 'GetState#1001');
    assert.equal(commandRequest({ command: '' }, settings).encoded.type, 'GetState#1001');
    assert.equal(commandRequest({ command: 'MakeReady', agentId: '1002' }, settings).encoded.type, 'MakeReady#1002');
    assert.equal(commandRequest({ command: 'makeworknotready' }, settings).encoded.type, 'MakeWorkNotReady#1001');
  });

  it('fills Connect and Login from the agent node and the session, never sending the password anywhere else', () => {
    const connect = commandRequest({ command: 'Connect' }, settings);
    assert.equal(connect.encoded.body, 'NR_test,pw1001');
    assert.equal(commandRequest({ command: 'Login' }, settings).encoded.body, 'pw1001,5001');
    assert.equal(connect.command.describe, 'Connect for agent 1001');
    assert.equal(connect.command.expectsReply, false);
  });

  it('never lends the agent node\'s password to an agent msg.agentId names', () => {
    assert.throws(() => commandRequest({ command: 'Login', agentId: '1002' }, settings), /agent_password/);
    assert.equal(commandRequest({ command: 'Connect', agentId: '1002', payload: { agent_password: 'pw1002' } }, settings).encoded.body, 'NR_test,pw1002');
  });

  it('never fills another party\'s extension with this agent\'s', () => {
    assert.throws(() => commandRequest({ command: 'TransferCall', payload: { dialog_id: '16777301' } }, settings), /agent_extension/);
    assert.equal(commandRequest({ command: 'TransferCall', payload: { agent_extension: '5002', dialog_id: '16777301' } }, settings).encoded.body, '5002,16777301');
  });

  it('ignores an Inject timestamp for commands without arguments, and takes a scalar as the only argument', () => {
    assert.equal(commandRequest({ command: 'MakeReady', payload: 1732200000000 }, settings).encoded.body, '');
    assert.equal(commandRequest({ command: 'MakeNotReadyWithReason', payload: 12 }, settings).encoded.body, '12');
  });

  it('refuses what cannot be sent, with the reason', () => {
    assert.throws(() => commandRequest({ command: 'MakeCoffee' }, settings), /unknown command "MakeCoffee"/);
    assert.throws(() => commandRequest({ command: 'MakeCall', payload: ['50,02'] }, settings), /,/);
    assert.throws(() => commandRequest({ command: 'MakeReady', agentId: '10#01' }, settings), /#/);
    assert.throws(() => commandRequest({ command: 'Login', payload: { agent_password: 'a,b' } }, settings), (err: Error) => /agent_password/.test(err.message) && !/a,b/.test(err.message));
  });

  it('sends a raw command as given', () => {
    const raw = commandRequest({ command: 'raw', payload: { type: 'SendDtmf#1001', body: '5' } }, settings);
    assert.deepEqual([raw.encoded.type, raw.encoded.body, raw.command.expectsReply], ['SendDtmf#1001', '5', true]);
  });
});
