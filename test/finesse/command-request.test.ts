import assert from 'assert/strict';
import { commandRequest, type CommandNodeSettings } from '../../nodes/finesse/command-request';
import { InputConflictError } from '../../nodes/shared/node/input-precedence';
import { CommandArgumentError } from '../../nodes/finesse/schema/commands';

const agent1001 = { agentId: '1001', loginArguments: { agent_password: 'pw1001', agent_extension: '5001' } };
const node = (overrides: Partial<CommandNodeSettings>): CommandNodeSettings => ({
  command: '', loginArguments: {}, clientDestination: 'NR_test', timeoutMs: 2000, ...overrides,
});

/** Nodes as a flow author sets them up. */
const EMPTY = node({});
const EMPTY_1001 = node({ ...agent1001 });
const MAKE_READY_1001 = node({ ...agent1001, command: 'MakeReady' });
const RAW = node({ command: 'raw' });
const REASON_12 = node({ ...agent1001, command: 'MakeNotReadyWithReason', args: { reason_code: '12' } });
const TRANSFER_TO_5002 = node({ ...agent1001, command: 'BlindTransfer', args: { other_party_extension: '5002' } });
const LOGIN_1001 = node({ ...agent1001, command: 'Login' });
const CONNECT_1001 = node({ ...agent1001, command: 'Connect' });

interface Row {
  what: string;
  settings: CommandNodeSettings;
  msg: Record<string, unknown>;
  /** The JMS type and body sent. */
  sends?: [string, string];
  /** Refused: the error's class and what its message says. */
  refused?: [typeof InputConflictError | typeof CommandArgumentError, RegExp];
}

const ROWS: Row[] = [
  // The command: the node's wins, the message fills an empty one, raw only from the node.
  { what: 'a node set to a command sends it', settings: MAKE_READY_1001, msg: {}, sends: ['MakeReady#1001', ''] },
  { what: 'msg.command naming the same command in another spelling is no conflict', settings: MAKE_READY_1001, msg: { command: ' makeready ' }, sends: ['MakeReady#1001', ''] },
  { what: 'msg.command asking for another command is refused, naming both and the way out', settings: MAKE_READY_1001, msg: { command: 'Logout' },
    refused: [InputConflictError, /this node is set to command "MakeReady", but msg\.command asks for "Logout".*leave command empty in the node/] },
  { what: 'msg.command asking for raw on a node set to a command is refused', settings: MAKE_READY_1001, msg: { command: 'raw', payload: { type: 'Logout#1001', body: '' } },
    refused: [InputConflictError, /set to command "MakeReady", but msg\.command asks for "raw"/] },
  { what: 'a node left empty takes msg.command', settings: EMPTY_1001, msg: { command: 'makeworknotready' }, sends: ['MakeWorkNotReady#1001', ''] },
  { what: 'a node left empty refuses raw from a message, saying raw must be chosen in the node', settings: EMPTY_1001, msg: { command: 'raw', payload: { type: 'Logout#1001' } },
    refused: [CommandArgumentError, /raw must be chosen in the node/] },
  { what: 'a node left empty without msg.command says so', settings: EMPTY_1001, msg: {}, refused: [CommandArgumentError, /no command: choose one in the node or set msg\.command/] },
  { what: 'an unknown command is refused', settings: EMPTY_1001, msg: { command: 'MakeCoffee' }, refused: [CommandArgumentError, /unknown command "MakeCoffee"/] },
  { what: 'a node set to raw sends msg.payload as given', settings: RAW, msg: { payload: { type: 'SendDtmf#1001', body: '5' } }, sends: ['SendDtmf#1001', '5'] },
  { what: 'a node set to raw accepts msg.command raw', settings: RAW, msg: { command: 'RAW', payload: { type: 'SendDtmf#1001', body: '5' } }, sends: ['SendDtmf#1001', '5'] },
  { what: 'a node set to raw refuses another msg.command', settings: RAW, msg: { command: 'MakeReady' }, refused: [InputConflictError, /set to command "raw", but msg\.command asks for "MakeReady"/] },

  // The agent: the agent node's wins, msg.agentId fills a node without one.
  { what: 'msg.agentId naming the node\'s own agent is no conflict', settings: MAKE_READY_1001, msg: { agentId: 1001 }, sends: ['MakeReady#1001', ''] },
  { what: 'msg.agentId naming another agent is refused', settings: MAKE_READY_1001, msg: { agentId: '1002' },
    refused: [InputConflictError, /set to agent "1001", but msg\.agentId asks for "1002".*leave agent empty in the node/] },
  { what: 'a node without an agent takes msg.agentId', settings: EMPTY, msg: { command: 'MakeReady', agentId: '1002' }, sends: ['MakeReady#1002', ''] },
  { what: 'a node without an agent and a message without one is refused', settings: EMPTY, msg: { command: 'MakeReady' }, refused: [CommandArgumentError, /agentId is required/] },
  { what: 'an agent id holding # is refused', settings: EMPTY, msg: { command: 'MakeReady', agentId: '10#01' }, refused: [CommandArgumentError, /#/] },

  // Arguments: the node's dialog values win, msg.payload fills the rest.
  { what: 'an argument set in the node is sent', settings: REASON_12, msg: {}, sends: ['MakeNotReadyWithReason#1001', '12'] },
  { what: 'msg.payload giving the same value is no conflict (12 and "12" alike)', settings: REASON_12, msg: { payload: { reason_code: 12 } }, sends: ['MakeNotReadyWithReason#1001', '12'] },
  { what: 'msg.payload asking for another value of a set argument is refused', settings: REASON_12, msg: { payload: { Reason_Code: '13' } },
    refused: [InputConflictError, /set to reason_code "12", but msg\.payload\.reason_code asks for "13"/] },
  { what: 'an Inject timestamp is ignored when the node sets every argument', settings: REASON_12, msg: { payload: 1732200000000 }, sends: ['MakeNotReadyWithReason#1001', '12'] },
  { what: 'a plain payload fills the one argument the node leaves empty', settings: TRANSFER_TO_5002, msg: { payload: '16777301' }, sends: ['Transfer_sst#1001', '5002,16777301'] },
  { what: 'named arguments fill what the node leaves empty', settings: TRANSFER_TO_5002, msg: { payload: { dialog_id: '16777301' } }, sends: ['Transfer_sst#1001', '5002,16777301'] },
  { what: 'an array fills what the node leaves empty, in documented order', settings: TRANSFER_TO_5002, msg: { payload: [null, '16777301'] }, sends: ['Transfer_sst#1001', '5002,16777301'] },
  { what: 'an array asking for another value of a set argument is refused', settings: TRANSFER_TO_5002, msg: { payload: ['5003', '16777301'] },
    refused: [InputConflictError, /set to other_party_extension "5002"/] },
  { what: 'a node argument the command does not take is reported', settings: node({ ...agent1001, command: 'MakeReady', args: { reason_code: '1' } }), msg: {},
    refused: [CommandArgumentError, /sets the argument reason_code, which MakeReady does not take/] },
  { what: 'a node left empty takes every argument from msg.payload', settings: EMPTY_1001, msg: { command: 'MakeCall', payload: ['03001234567'] }, sends: ['MakeCall#1001', '03001234567'] },
  { what: 'a plain payload for a command with several open arguments is refused', settings: EMPTY_1001, msg: { command: 'BlindTransfer', payload: '5002' },
    refused: [CommandArgumentError, /object with the named arguments \(other_party_extension, dialog_id\)/] },
  { what: 'an argument the command does not take is refused', settings: EMPTY_1001, msg: { command: 'MakeCall', payload: { number: '1' } }, refused: [CommandArgumentError, /has no argument "number"/] },
  { what: 'an array longer than the command\'s arguments is refused', settings: EMPTY_1001, msg: { command: 'MakeCall', payload: ['1', '2'] }, refused: [CommandArgumentError, /takes 1 argument/] },
  { what: 'a command without arguments ignores an Inject timestamp', settings: EMPTY_1001, msg: { command: 'MakeReady', payload: 1732200000000 }, sends: ['MakeReady#1001', ''] },
  { what: 'an argument holding "," is refused', settings: EMPTY_1001, msg: { command: 'MakeCall', payload: ['50,02'] }, refused: [CommandArgumentError, /,/] },

  // The agent node's login arguments count as set in the node, for its own agent only.
  { what: 'Login takes the agent node\'s password and extension', settings: LOGIN_1001, msg: {}, sends: ['Login#1001', 'pw1001,5001'] },
  { what: 'Connect takes the GC node\'s destination and the agent node\'s password', settings: CONNECT_1001, msg: {}, sends: ['Connect#1001', 'NR_test,pw1001'] },
  { what: 'a dialog value wins over the agent node\'s', settings: node({ ...agent1001, command: 'Login', args: { agent_extension: '5009' } }), msg: {}, sends: ['Login#1001', 'pw1001,5009'] },
  { what: 'msg.payload asking for another password is refused without naming either', settings: LOGIN_1001, msg: { payload: { agent_password: 'other-secret' } },
    refused: [InputConflictError, /agent node of agent 1001 sets agent_password, but msg\.payload\.agent_password asks for another value/] },
  { what: 'msg.payload asking for another extension is refused', settings: EMPTY_1001, msg: { command: 'Login', payload: { agent_extension: '5002' } },
    refused: [InputConflictError, /agent node of agent 1001 sets agent_extension/] },
  { what: 'msg.payload asking for another client destination is refused', settings: CONNECT_1001, msg: { payload: { client_destination: 'elsewhere' } },
    refused: [InputConflictError, /client_destination is the GC node's client destination/] },
  { what: 'a node without an agent takes the login arguments from msg.payload', settings: EMPTY, msg: { command: 'Login', agentId: '1002', payload: { agent_password: 'pw1002', agent_extension: '5002' } },
    sends: ['Login#1002', 'pw1002,5002'] },
  { what: 'a node without an agent lends no password', settings: EMPTY, msg: { command: 'Login', agentId: '1002' }, refused: [CommandArgumentError, /agent_password/] },
  { what: 'the agent node never fills another party\'s extension', settings: EMPTY_1001, msg: { command: 'TransferCall', payload: { dialog_id: '16777301' } }, refused: [CommandArgumentError, /agent_extension/] },
  { what: 'a password holding "," is refused without its value', settings: EMPTY, msg: { command: 'Login', agentId: '1002', payload: { agent_password: 'a,b', agent_extension: '5002' } },
    refused: [CommandArgumentError, /agent_password/] },
];

const SECRETS = ['pw1001', 'pw1002', 'other-secret', 'a,b'];

describe('cc-finesse-command: from a message to a GC command', () => {
  for (const row of ROWS) {
    it(row.what, () => {
      if (row.sends) {
        const request = commandRequest(row.msg, row.settings);
        assert.deepEqual([request.encoded.type, request.encoded.body], row.sends);
        return;
      }
      const [kind, says] = row.refused!;
      assert.throws(() => commandRequest(row.msg, row.settings), (err: Error) => {
        assert.ok(err instanceof kind, `${err.constructor.name}: ${err.message}`);
        assert.match(err.message, says);
        for (const secret of SECRETS) assert.equal(err.message.includes(secret), false, `the error shows ${secret}`);
        return true;
      });
    });
  }

  it('describes a command without its arguments and knows which ones GC never answers', () => {
    const connect = commandRequest({}, CONNECT_1001);
    assert.equal(connect.command.describe, 'Connect for agent 1001');
    assert.equal(connect.command.expectsReply, false);
    assert.equal(commandRequest({ payload: { type: 'SendDtmf#1001', body: '5' } }, RAW).command.expectsReply, true);
  });
});
