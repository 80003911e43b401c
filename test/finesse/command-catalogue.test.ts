import assert from 'node:assert/strict';
import { encodeCommand, findCommand, FINESSE_COMMANDS, type FinesseCommand } from '../../nodes/finesse/schema/commands';

const ID = '1001';
const DEST = 'NR_host1_a1b2';

/**
 * Digest §3, every numbered row: the command (by the name a user picks), sample arguments in
 * documented order, and the "Send as" column with <id> = 1001 and <dest> = NR_host1_a1b2.
 */
const SEND_AS: ReadonlyArray<[row: number, name: string, args: unknown[], type: string, body: string]> = [
  [1, 'Hello', [], `Hello#${DEST}`, ''],
  [2, 'Connect', [DEST, 'pw'], 'Connect#1001', `${DEST},pw`],
  [3, 'Login', ['pw', '5001'], 'Login#1001', 'pw,5001'],
  [4, 'MobileAgentLogin', ['pw', '5001', '03001234567', 'true'], 'MOBILEAGENTLOGIN#1001', 'pw,5001,03001234567,true'],
  [5, 'Beat', [], `Beat#${DEST}`, ''],
  [6, 'Logout', [], 'Logout#1001', ''],
  [7, 'LogoutWithReason', ['7'], 'logoutwithreason#1001', '7'],
  [8, 'GetState', [], 'GetState#1001', ''],
  [9, 'MakeNotReady', [], 'MakeNotReady#1001', ''],
  [10, 'MakeNotReadyWithReason', ['12'], 'MakeNotReadyWithReason#1001', '12'],
  [11, 'MakeReady', [], 'MakeReady#1001', ''],
  [12, 'MakeWorkReady', [], 'MakeWorkReady#1001', ''],
  [13, 'MakeWorkNotReady', [], 'MakeWorkNotReady#1001', ''],
  [14, 'MakeCall', ['5002'], 'MakeCall#1001', '5002'],
  [15, 'AnswerCall', ['16777301'], 'AnswerCall#1001', '16777301'],
  [16, 'ReleaseCall', ['16777301'], 'ReleaseCall#1001', '16777301'],
  [17, 'HoldCall', ['16777301'], 'HoldCall#1001', '16777301'],
  [18, 'RetrieveCall', ['16777301'], 'RetrieveCall#1001', '16777301'],
  [19, 'BlindTransfer', ['5002', '16777301'], 'Transfer_sst#1001', '5002,16777301'],
  [20, 'ConsultCall', ['5002', '16777301'], 'ConsultCall#1001', '5002,16777301'],
  [21, 'TransferCall', ['5002', '16777301'], 'TransferCall#1001', '5002,16777301'],
  [22, 'ConferenceCall', ['5002', '16777301'], 'Conferencecall#1001', '5002,16777301'],
  [23, 'GetDialogState', ['16777301'], 'GetDialogState#1001', '16777301'],
  [24, 'ReasonCodeLogout', [], 'reasoncodelogout#1001', ''],
  [25, 'ReasonCodeNotReady', [], 'reasoncodenotready#1001', ''],
  [26, 'WrapUpReasonCode', [], 'wrapupreasoncode#1001', ''],
  [27, 'WrapUp', ['Sale', '16777301'], 'wrapup#1001', 'Sale,16777301'],
  [28, 'UpdateCallVariable', ['16777301', 'callVariable1=123|BACampaign=Renewals'], 'update_call_variable#1001', '16777301,callVariable1=123|BACampaign=Renewals'],
  [29, 'GetAllAgents', [], 'getallagents##1001', ''],
  [30, 'GetPhonebooks', [], 'getphonebooks#1001', ''],
  [31, 'GetPhonebookContacts', ['PB7'], 'getphonebookcontacts#1001', 'PB7'],
  [32, 'GetTeamPhonebook', ['5000'], 'getteamphonebooks#1001', '5000'],
  [33, 'GetQueueList', [], 'getqueuelist#1001', ''],
  [34, 'SilentMonitor', ['5002'], 'silentmonitor#1001', '5002'],
  [35, 'EndSilentMonitor', ['16777310'], 'endsilentmonitor#1001', '16777310'],
  [36, 'DropParticipant', ['5002', '16777301'], 'dropparticipant#1001', '5002,16777301'],
  [37, 'GetTeamUsers', ['5000', 'true'], 'getteamusers#1001', '5000,true'],
  [38, 'BargeIn', ['5002', '16777301'], 'bargein#1001', '5002,16777301'],
  [39, 'GetTeamUserState', ['1002'], 'getteamuserstate#1001', '1002'],
  [40, 'AcceptOutboundPreview', ['16777400', 'ACCEPT'], 'AcceptOutboundPreview#1001', '16777400,ACCEPT'],
  [41, 'RejectOutboundPreview', ['16777400', 'REJECT'], 'RejectOutboundPreview#1001', '16777400,REJECT'],
  [42, 'CloseOutboundPreview', ['16777400', 'CLOSE'], 'CloseOutboundPreview#1001', '16777400,CLOSE'],
  [43, 'GetSkillGroup', [], 'GETSKILLGROPU#1001', ''],
  [44, 'GetSupervisors', [], 'GETSUPERVISOR#1001', ''],
  [45, 'ScheduleCallback', ['5001', '16777400', '2024-05-02T10:00', '03001234567'], 'SHCEDULECALLBACK#1001', '5001,16777400,2024-05-02T10:00,03001234567'],
  [46, 'UpdateCallback', ['5001', '16777400', '2024-05-02T11:00', '03001234567'], 'UPDATECALLBACK#1001', '5001,16777400,2024-05-02T11:00,03001234567'],
  [47, 'CancelScheduledCallback', ['5001', '16777400'], 'CANCELSHCEDULECALLBACK#1001', '5001,16777400'],
  [48, 'ReclassifyCall', ['5001', '16777400', 'BUSY'], 'RECLASSIFYCALL#1001', '5001,16777400,BUSY'],
  [49, 'AcceptPersonalCallback', ['16777400', 'ACCEPT'], 'AcceptOutboundPreview#1001', '16777400,ACCEPT'],
  [50, 'RejectPersonalCallback', ['16777400', 'REJECT'], 'RejectOutboundPreview#1001', '16777400,REJECT'],
];

function command(name: string): FinesseCommand {
  const found = findCommand(name);
  if (!found) assert.fail(`no command ${name}`);
  return found;
}

const namesOf = (pick: (c: FinesseCommand) => boolean) => FINESSE_COMMANDS.filter(pick).map((c) => c.name).sort();

describe('Finesse command catalogue', () => {
  it('sends every numbered row of §3 exactly as the "Send as" column says', () => {
    assert.deepEqual(SEND_AS.map(([row]) => row), Array.from({ length: 50 }, (_, i) => i + 1));
    for (const [row, name, args, type, body] of SEND_AS) {
      const encoded = encodeCommand({ command: name, agentId: ID, destination: DEST, args });
      assert.deepEqual({ type: encoded.type, body: encoded.body }, { type, body }, `row ${row} ${name}`);
      assert.equal(encoded.command, findCommand(name), `row ${row} reports its catalogue entry`);
    }
  });

  it('holds 48 commands, the rows 49/50 being aliases of the preview commands, and the table covers each', () => {
    assert.equal(FINESSE_COMMANDS.length, 48);
    const covered = new Set(SEND_AS.map(([, name]) => command(name)));
    assert.equal(covered.size, 48);
    assert.equal(command('AcceptPersonalCallback'), command('AcceptOutboundPreview'));
    assert.equal(command('RejectPersonalCallback'), command('RejectOutboundPreview'));
  });

  it('sends MakeWorkNotReady as itself, never as the document\'s copied MakeReady', () => {
    const workNotReady = command('MakeWorkNotReady');
    assert.equal(workNotReady.type, 'MakeWorkNotReady');
    assert.equal(encodeCommand({ command: 'MakeWorkNotReady', agentId: ID }).type, 'MakeWorkNotReady#1001');
    assert.equal(command('MakeReady').name, 'MakeReady');
    assert.equal(FINESSE_COMMANDS.filter((c) => c.type === 'MakeReady').length, 1);
    assert.equal(workNotReady.documented, false);
    assert.match(workNotReady.caveat ?? '', /MakeReady/);
  });

  it('puts no blank after # and no # inside a type, apart from the documented getallagents##', () => {
    for (const c of FINESSE_COMMANDS) {
      const { type } = encodeCommand({ command: c.name, agentId: ID, destination: DEST, args: c.args.map((a) => a.literal ?? (a.format ? 'a=1' : '1')) });
      assert.doesNotMatch(type, /\s/, c.name);
      assert.equal(type.split('#').length, c.name === 'GetAllAgents' ? 3 : 2, type);
    }
    assert.equal(command('getallagents').type, 'getallagents#');
  });

  it('keeps the document\'s spellings and casing on the wire', () => {
    const typeOf = (name: string) => command(name).type;
    assert.equal(typeOf('ScheduleCallback'), 'SHCEDULECALLBACK');
    assert.equal(typeOf('CancelScheduledCallback'), 'CANCELSHCEDULECALLBACK');
    assert.equal(typeOf('GetSkillGroup'), 'GETSKILLGROPU');
    assert.equal(typeOf('MobileAgentLogin'), 'MOBILEAGENTLOGIN');
    assert.equal(typeOf('LogoutWithReason'), 'logoutwithreason');
    assert.equal(typeOf('ConferenceCall'), 'Conferencecall');
    assert.equal(typeOf('AnswerCall'), 'AnswerCall');
  });

  it('marks exactly the blank-type placeholders and the truncated, misspelt or doubtful types as undocumented, each with a caveat', () => {
    assert.deepEqual(namesOf((c) => !c.documented), [
      'AcceptOutboundPreview', 'BargeIn', 'CancelScheduledCallback', 'CloseOutboundPreview', 'EndSilentMonitor', 'GetAllAgents',
      'GetPhonebookContacts', 'GetPhonebooks', 'GetSkillGroup', 'GetSupervisors', 'GetTeamPhonebook', 'GetTeamUserState',
      'MakeWorkNotReady', 'RejectOutboundPreview', 'ScheduleCallback',
    ]);
    for (const c of FINESSE_COMMANDS) assert.equal(typeof c.caveat === 'string' && c.caveat.length > 20, !c.documented, c.name);
    for (const name of ['GetPhonebooks', 'GetPhonebookContacts', 'GetTeamPhonebook', 'EndSilentMonitor', 'BargeIn', 'GetTeamUserState']) {
      assert.match(command(name).caveat ?? '', /blank/, name);
    }
  });

  it('addresses Hello and Beat to the destination and every other command to an agent', () => {
    assert.deepEqual(namesOf((c) => c.target === 'destination'), ['Beat', 'Hello']);
    assert.ok(FINESSE_COMMANDS.every((c) => c.target === 'agent' || c.target === 'destination'));
  });

  it('expects no reply only from Connect and wrapup', () => {
    assert.deepEqual(namesOf((c) => !c.expectsReply), ['Connect', 'WrapUp']);
    assert.deepEqual(command('Connect').replyTypes, []);
    assert.deepEqual(command('WrapUp').replyTypes, []);
  });

  it('names the reply events the §3.7 fallback matches on', () => {
    const replies = (name: string) => command(name).replyTypes;
    assert.deepEqual(replies('Hello'), ['IN_SERVICE', 'OUT_OF_SERVICE']);
    assert.deepEqual(replies('Beat'), ['IN_SERVICE', 'OUT_OF_SERVICE', 'RECONNECT']);
    for (const name of ['Login', 'MobileAgentLogin']) {
      for (const event of ['AgentInfo', 'State', 'DialogStatus']) assert.ok(replies(name).includes(event), `${name} ${event}`);
    }
    for (const name of ['GetState', 'MakeReady', 'MakeNotReadyWithReason', 'MakeWorkNotReady', 'Logout', 'LogoutWithReason']) {
      assert.deepEqual(replies(name), ['State'], name);
    }
    assert.deepEqual(replies('GetDialogState'), ['DialogState']);
    for (const name of ['ReasonCodeLogout', 'ReasonCodeNotReady', 'WrapUpReasonCode']) assert.deepEqual(replies(name), ['ReasonCodes']);
    assert.deepEqual(replies('GetQueueList'), ['QueueList']);
    assert.deepEqual(replies('GetAllAgents'), ['AgentsList']);
    assert.deepEqual(replies('GetTeamUsers'), ['TeamUsersList']);
    assert.deepEqual(replies('GetPhonebooks'), ['Phonebooks']);
    assert.deepEqual(replies('GetPhonebookContacts'), ['PhonebookContacts']);
    assert.deepEqual(replies('GetTeamPhonebook'), ['TeamPhoneBooks']);
    assert.deepEqual(replies('ScheduleCallback'), ['CallBack']);
    for (const name of ['MakeCall', 'AnswerCall', 'ReleaseCall', 'HoldCall', 'RetrieveCall', 'BlindTransfer', 'AcceptOutboundPreview']) {
      assert.ok(replies(name).includes('InboundCall'), name);
    }
    assert.ok(FINESSE_COMMANDS.every((c) => !c.replyTypes.includes('Error')), 'Error is implied, never listed');
  });

  it('flags the password arguments as secret, and every secret names a real argument', () => {
    for (const name of ['Connect', 'Login', 'MobileAgentLogin']) assert.ok(command(name).secretArgs?.includes('agent_password'), name);
    for (const c of FINESSE_COMMANDS) {
      for (const secret of c.secretArgs ?? []) assert.ok(c.args.some((a) => a.name === secret), `${c.name} ${secret}`);
      assert.ok(c.args.every((a) => a.name === 'agent_password' ? c.secretArgs?.includes(a.name) : true), c.name);
    }
  });

  it('groups the commands by their §3 section', () => {
    const group = (name: string) => command(name).group;
    assert.deepEqual(namesOf((c) => c.group === 'system'), ['Beat', 'Hello']);
    assert.deepEqual(namesOf((c) => c.group === 'session'), ['Connect', 'Login', 'MobileAgentLogin']);
    assert.equal(FINESSE_COMMANDS.filter((c) => c.group === 'state').length, 8);
    assert.equal(FINESSE_COMMANDS.filter((c) => c.group === 'call').length, 10);
    assert.equal(FINESSE_COMMANDS.filter((c) => c.group === 'work').length, 5);
    assert.equal(FINESSE_COMMANDS.filter((c) => c.group === 'supervisor').length, 13);
    assert.equal(FINESSE_COMMANDS.filter((c) => c.group === 'outbound').length, 7);
    assert.equal(group('GetSkillGroup'), 'supervisor');
    assert.equal(group('UpdateCallVariable'), 'work');
  });

  it('gives every command a one-line description and labelled, uniquely named arguments', () => {
    for (const c of FINESSE_COMMANDS) {
      assert.ok(c.description.length > 10 && !c.description.includes('\n'), c.name);
      assert.equal(new Set(c.args.map((a) => a.name)).size, c.args.length, c.name);
      for (const a of c.args) assert.match(a.name, /^[a-z][a-z_]*$/, `${c.name} ${a.name}`);
      for (const a of c.args) assert.ok(a.label.length > 3, `${c.name} ${a.name}`);
    }
    assert.deepEqual(command('AcceptOutboundPreview').args.map((a) => a.literal), [undefined, 'ACCEPT']);
  });

  it('is frozen, so one user cannot change what another sends', () => {
    const c = command('MakeReady') as { type: string; args: unknown[] };
    assert.throws(() => { c.type = 'MakeWorkReady'; }, TypeError);
    assert.throws(() => { command('AnswerCall').args.push({ name: 'x', label: 'x', required: false }); }, TypeError);
    assert.throws(() => { (command('AnswerCall').args[0] as { required: boolean }).required = false; }, TypeError);
    assert.throws(() => { (FINESSE_COMMANDS as FinesseCommand[]).pop(); }, TypeError);
    assert.equal(command('MakeReady').type, 'MakeReady');
  });
});

describe('findCommand', () => {
  it('matches names and wire types case-insensitively', () => {
    for (const name of ['MakeReady', 'makeready', 'MAKEREADY', ' MakeReady ']) assert.equal(findCommand(name)?.name, 'MakeReady', name);
    for (const [type, name] of [
      ['Transfer_sst', 'BlindTransfer'], ['TRANSFER_SST', 'BlindTransfer'], ['logoutwithreason', 'LogoutWithReason'],
      ['MOBILEAGENTLOGIN', 'MobileAgentLogin'], ['Conferencecall', 'ConferenceCall'], ['SHCEDULECALLBACK', 'ScheduleCallback'],
      ['getallagents#', 'GetAllAgents'], ['update_call_variable', 'UpdateCallVariable'], ['reasoncodenotready', 'ReasonCodeNotReady'],
    ]) {
      assert.equal(findCommand(type)?.name, name, type);
    }
  });

  it('accepts the document\'s headings, misspellings and the other spellings of §8 Q7', () => {
    for (const [alias, name] of [
      ['ConferenceCall', 'ConferenceCall'], ['conferenceCall', 'ConferenceCall'], ['LogoutWithReason', 'LogoutWithReason'],
      ['MobileAgentLogin', 'MobileAgentLogin'], ['Mobile Agent Login', 'MobileAgentLogin'], ['ReterieveCall', 'RetrieveCall'],
      ['CosultCall', 'ConsultCall'], ['Get_Queue_Info', 'GetQueueList'], ['Get_Phonebooks', 'GetPhonebooks'],
      ['Get_Phonebook_Contacts', 'GetPhonebookContacts'], ['End_Silent_Monitor', 'EndSilentMonitor'], ['BargIn_Call', 'BargeIn'],
      ['SCHEDULECALLBACK', 'ScheduleCallback'], ['CANCELSCHEDULECALLBACK', 'CancelScheduledCallback'], ['GETSKILLGROUP', 'GetSkillGroup'],
      ['SkillGroup', 'GetSkillGroup'], ['supervisors', 'GetSupervisors'], ['Heartbeat', 'Beat'], ['Accept_Outbound_Call', 'AcceptOutboundPreview'],
      ['AcceptPersonalCallback', 'AcceptOutboundPreview'], ['Reject_Outbound_Call', 'RejectOutboundPreview'], ['Get All Agents', 'GetAllAgents'],
    ]) {
      assert.equal(findCommand(alias)?.name, name, alias);
    }
  });

  it('finds nothing for unknown names, raw mode and near misses', () => {
    for (const name of ['raw', 'SendDtmf', 'MakeWork', '', 'getallagents##', 'Answer Call#']) assert.equal(findCommand(name), undefined, name);
  });
});
