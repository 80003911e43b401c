import assert from 'node:assert/strict';
import {
  CommandArgumentError, encodeCommand, findCommand, FINESSE_COMMANDS, type CommandRequest,
} from '../../nodes/finesse/schema/commands';

/** Asserts the request is refused, blaming `argument`, with a message containing every one of `parts`. */
function refused(request: CommandRequest, argument: string, ...parts: string[]): CommandArgumentError {
  let caught: unknown;
  try {
    encodeCommand(request);
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof CommandArgumentError)) assert.fail(`expected a CommandArgumentError, got ${String(caught)}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'CommandArgumentError');
  assert.equal(caught.argument, argument, caught.message);
  for (const part of parts) assert.ok(caught.message.includes(part), `"${caught.message}" should mention ${part}`);
  return caught;
}

const agent = (command: string, args?: CommandRequest['args']): CommandRequest => ({ command, agentId: '1001', args });

describe('encodeCommand: argument forms', () => {
  it('gives the same type and body for arguments in order and by name, for every command', () => {
    for (const c of FINESSE_COMMANDS) {
      const values = c.args.map((a, i) => a.literal ?? (a.format ? { callVariable1: `v${i}` } : `v${i}`));
      const named = Object.fromEntries(c.args.map((a, i) => [a.name, values[i]]));
      const base = { command: c.name, agentId: '1001', destination: 'NR_a' };
      const inOrder = encodeCommand({ ...base, args: values });
      assert.deepEqual(encodeCommand({ ...base, args: named }), inOrder, c.name);
      assert.equal(inOrder.body.split(',').length, Math.max(c.args.length, 1), c.name);
    }
  });

  it('takes named arguments in any order and in the document\'s casing', () => {
    assert.equal(encodeCommand(agent('ConsultCall', { dialog_id: '77', other_party_extension: '5002' })).body, '5002,77');
    assert.equal(encodeCommand(agent('AnswerCall', { Dialog_ID: '77' })).body, '77');
    refused(agent('AnswerCall', { Dialog_ID: '77', dialog_id: '78' }), 'dialog_id', 'AnswerCall', 'twice');
  });

  it('refuses unknown names, listing the accepted ones', () => {
    refused(agent('ConsultCall', { dialogId: '77', other_party_extension: '5002' }), 'args', 'ConsultCall', 'dialogId', 'other_party_extension, dialog_id');
    refused(agent('MakeReady', { reason_code: '1' }), 'args', 'MakeReady', 'no arguments');
  });

  it('refuses more arguments than the command takes, and args of another shape', () => {
    refused(agent('AnswerCall', ['1', '2']), 'args', 'AnswerCall', '1 argument (dialog_id)', 'got 2');
    refused(agent('GetState', ['x']), 'args', 'GetState', 'no arguments');
    refused(agent('AnswerCall', '77' as unknown as string[]), 'args', 'AnswerCall', 'array');
  });

  it('treats no args, an empty array and an empty object alike for commands without arguments', () => {
    for (const args of [undefined, [], {}]) assert.deepEqual(encodeCommand(agent('GetState', args)).body, '');
  });

  it('stringifies numbers and booleans, and refuses values that are neither text nor scalar', () => {
    assert.equal(encodeCommand(agent('MakeNotReadyWithReason', [12])).body, '12');
    assert.equal(encodeCommand(agent('LogoutWithReason', [-1])).body, '-1');
    assert.equal(encodeCommand(agent('GetTeamUsers', [5000, true])).body, '5000,true');
    assert.equal(encodeCommand(agent('MobileAgentLogin', ['pw', 5001, '0300', false])).body, 'pw,5001,0300,false');
    assert.equal(encodeCommand({ command: 'MakeReady', agentId: 1001 as unknown as string }).type, 'MakeReady#1001');
    refused(agent('MakeNotReadyWithReason', [Number.NaN]), 'reason_code', 'MakeNotReadyWithReason', 'finite');
    refused(agent('MakeNotReadyWithReason', [{ code: 1 }]), 'reason_code', 'object');
    refused(agent('MakeNotReadyWithReason', [['1']]), 'reason_code', 'array');
  });
});

describe('encodeCommand: required, optional and literal arguments', () => {
  it('refuses a missing required argument, naming it and the command', () => {
    for (const args of [undefined, [], [null], [''], {}, { reason_code: undefined }]) {
      refused(agent('MakeNotReadyWithReason', args as unknown[]), 'reason_code', 'MakeNotReadyWithReason', 'reason_code', 'required');
    }
    refused(agent('ConsultCall', ['5002']), 'dialog_id', 'ConsultCall', 'dialog_id');
    refused(agent('ConsultCall', [undefined, '77']), 'other_party_extension', 'ConsultCall');
    refused(agent('Login', { agent_extension: '5001' }), 'agent_password', 'Login');
  });

  it('leaves out trailing optional arguments: Connect sends SSO only when given', () => {
    const connect = (args: unknown[] | Record<string, unknown>) => encodeCommand(agent('Connect', args)).body;
    assert.equal(connect(['NR_a', 'pw']), 'NR_a,pw');
    assert.equal(connect(['NR_a', 'pw', null]), 'NR_a,pw');
    assert.equal(connect({ client_destination: 'NR_a', agent_password: 'pw' }), 'NR_a,pw');
    assert.equal(connect(['NR_a', 'pw', 'SSO']), 'NR_a,pw,SSO');
    assert.equal(encodeCommand(agent('GetTeamPhonebook')).body, '');
    assert.equal(encodeCommand(agent('GetTeamPhonebook', ['5000'])).body, '5000');
  });

  it('fills in ACCEPT, REJECT and CLOSE, and refuses any other value for them', () => {
    assert.equal(encodeCommand(agent('AcceptOutboundPreview', ['77'])).body, '77,ACCEPT');
    assert.equal(encodeCommand(agent('RejectOutboundPreview', { dialog_id: '77' })).body, '77,REJECT');
    assert.equal(encodeCommand(agent('CloseOutboundPreview', ['77', null])).body, '77,CLOSE');
    assert.equal(encodeCommand(agent('AcceptOutboundPreview', { dialog_id: '77', action: 'ACCEPT' })).body, '77,ACCEPT');
    refused(agent('AcceptOutboundPreview', ['77', 'accept']), 'action', 'AcceptOutboundPreview', 'ACCEPT');
    refused(agent('AcceptOutboundPreview', { dialog_id: '77', action: 'REJECT' }), 'action', 'must be ACCEPT');
    refused(agent('CloseOutboundPreview', []), 'dialog_id', 'CloseOutboundPreview');
  });
});

describe('encodeCommand: characters GC cannot carry', () => {
  it('refuses , and # in any argument, naming the argument and the character', () => {
    refused(agent('AnswerCall', ['77,78']), 'dialog_id', 'AnswerCall', 'dialog_id', "','");
    refused(agent('AnswerCall', ['77#78']), 'dialog_id', "'#'");
    refused(agent('WrapUp', ['Sale, upsell', '77']), 'wrapup_reason', 'WrapUp', "','");
    refused(agent('MakeCall', ['#5002']), 'extension_number', "'#'");
    refused(agent('Connect', ['NR,a', 'pw']), 'client_destination', "','");
  });

  it('refuses CR, LF and NUL in arguments', () => {
    refused(agent('AnswerCall', ['77\r']), 'dialog_id', 'CR');
    refused(agent('AnswerCall', ['77\n78']), 'dialog_id', 'LF');
    refused(agent('AnswerCall', ['77\0']), 'dialog_id', 'NUL');
  });

  it('refuses an agent id that is missing, empty, or holds #, , or whitespace', () => {
    refused({ command: 'MakeReady' }, 'agentId', 'MakeReady', 'agentId', 'required');
    refused({ command: 'MakeReady', agentId: '' }, 'agentId', 'required');
    refused({ command: 'MakeReady', agentId: '10#01' }, 'agentId', "'#'");
    refused({ command: 'MakeReady', agentId: '10,01' }, 'agentId', "','");
    for (const id of ['10 01', ' 1001', '1001\t', '1001\u00a0']) refused({ command: 'MakeReady', agentId: id }, 'agentId', 'whitespace');
    refused({ command: 'MakeReady', agentId: '1001\r\n' }, 'agentId', 'CR');
    refused({ command: 'MakeReady', agentId: '1001\n' }, 'agentId', 'LF');
  });

  it('refuses a destination for Hello and Beat that is missing or not one token, and ignores agentId there', () => {
    assert.equal(encodeCommand({ command: 'Beat', destination: 'NR_a', agentId: 'ignored' }).type, 'Beat#NR_a');
    refused({ command: 'Hello', agentId: '1001' }, 'destination', 'Hello', 'destination', 'required');
    refused({ command: 'Hello', destination: 'NR a' }, 'destination', 'whitespace');
    refused({ command: 'Beat', destination: 'NR#a' }, 'destination', "'#'");
    refused({ command: 'Beat', destination: 'NR,a' }, 'destination', "','");
    refused({ command: 'Beat', destination: 'NR_a\n' }, 'destination', 'LF');
  });

  it('never echoes a password in an error', () => {
    const password = 'S3cr3t,Pa55#word';
    const cases: Array<[CommandRequest, string]> = [
      [agent('Connect', ['NR_a', password]), 'agent_password'],
      [agent('Login', [password, '5001']), 'agent_password'],
      [agent('MobileAgentLogin', { agent_password: password, agent_extension: '5001', dial_number: '0300', connection_mode: true }), 'agent_password'],
      [agent('Login', ['S3cr3t\r\nPa55', '5001']), 'agent_password'],
      [agent('Connect', ['NR_a', 'pw', `sso${password}`]), 'sso'],
    ];
    for (const [request, argument] of cases) {
      const err = refused(request, argument);
      for (const text of [err.message, String(err.stack), JSON.stringify(err)]) {
        assert.ok(!text.includes('S3cr3t') && !text.includes('Pa55'), text);
      }
    }
    refused(agent('Connect', ['NR_a', password]), 'agent_password', "Connect: agent_password contains ','");
    refused(agent('Login', [{ secret: 'S3cr3t' }, '5001']), 'agent_password', 'object');
  });
});

describe('encodeCommand: unknown commands and raw mode', () => {
  it('refuses an unknown or missing command before anything is built', () => {
    refused(agent('SendDtmf', ['1']), 'command', 'SendDtmf', 'raw');
    refused(agent(''), 'command');
    refused({ agentId: '1001' } as CommandRequest, 'command');
  });

  it('accepts aliases and reports the catalogue entry', () => {
    const encoded = encodeCommand(agent('ConferenceCall', ['5002', '77']));
    assert.equal(encoded.type, 'Conferencecall#1001');
    assert.equal(encoded.command, findCommand('Conferencecall'));
    assert.equal(encodeCommand(agent('conferencecall', ['5002', '77'])).type, 'Conferencecall#1001');
  });

  it('sends a raw type and body as given, with no catalogue entry', () => {
    assert.deepEqual(encodeCommand({ command: 'raw', rawType: 'SendDtmf#1001', rawBody: '16777301,5#' }), {
      type: 'SendDtmf#1001', body: '16777301,5#', command: null,
    });
    assert.deepEqual(encodeCommand({ command: 'RAW', rawType: 'getallagents#1001' }), { type: 'getallagents#1001', body: '', command: null });
    assert.equal(encodeCommand({ command: 'raw', rawType: 'MakeReady# 1001', agentId: 'x', args: ['ignored'] }).type, 'MakeReady# 1001');
  });

  it('refuses a raw type that is missing or lacks #, and CR, LF or NUL in type or body', () => {
    refused({ command: 'raw' }, 'rawType', 'required');
    refused({ command: 'raw', rawType: 'MakeReady' }, 'rawType', "'#'");
    refused({ command: 'raw', rawType: 'MakeReady#1001\r\n' }, 'rawType', 'CR');
    refused({ command: 'raw', rawType: 'MakeReady#10\n01' }, 'rawType', 'LF');
    refused({ command: 'raw', rawType: 'MakeReady#1001\0' }, 'rawType', 'NUL');
    refused({ command: 'raw', rawType: 'AnswerCall#1001', rawBody: '77\n' }, 'rawBody', 'LF');
    refused({ command: 'raw', rawType: 'AnswerCall#1001', rawBody: '77\0' }, 'rawBody', 'NUL');
    refused({ command: 'raw', rawType: 'AnswerCall#1001', rawBody: 77 as unknown as string }, 'rawBody', 'string');
  });
});
