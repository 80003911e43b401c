import assert from 'node:assert/strict';
import { parseFinesseEvent } from '../../nodes/finesse/schema/events';
import { parsed } from '../support/finesse-events';

describe('parseFinesseEvent: AgentInfo (E5)', () => {
  it('reads the agent form of the digest example', () => {
    const result = parsed('1001#AgentInfo#Sara#Khan#false#OPTIONAL#5000#Sara Khan#skhan');
    assert.equal(result.type, 'AgentInfo');
    assert.equal(result.family, 'agent');
    assert.equal(result.known, true);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'agentInfo', eventFor: '1001', agentId: '1001', firstName: 'Sara', lastName: 'Khan', isSupervisor: false,
      wrapUpMode: 'OPTIONAL', teamId: '5000', fullName: 'Sara Khan', loginName: 'skhan',
    });
  });

  it('reads the supervisor form with its team count and team list', () => {
    const result = parsed('2001#AgentInfo#Omar#Ali#True#REQUIRED#TotalNumberOfTeams:2#5000Sales|5001 Support#5000#Omar Ali#oali');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'agentInfo', eventFor: '2001', agentId: '2001', firstName: 'Omar', lastName: 'Ali', isSupervisor: true,
      wrapUpMode: 'REQUIRED', teamsCount: 2,
      teams: [{ id: '5000', name: 'Sales', entry: '5000Sales' }, { id: '5001', name: 'Support', entry: '5001 Support' }],
      teamId: '5000', fullName: 'Omar Ali', loginName: 'oali',
    });
  });

  it('reads Is_Supervisor in any case', () => {
    for (const [text, value] of [['TRUE', true], ['true', true], ['False', false], ['FALSE', false]] as const) {
      assert.equal(parsed(`1001#AgentInfo#A#B#${text}#OPTIONAL#5000#A B#ab`).fields.isSupervisor, value, text);
    }
  });

  it('keeps the document\'s literal TeamsCount as text, with a warning, and tolerates team entries without an ID', () => {
    const result = parsed('2001#AgentInfo#Omar#Ali#true#OPTIONAL#TotalNumberOfTeams:TeamsCount#Sales#5000#Omar Ali#oali');
    assert.equal(result.fields.teamsCount, 'TeamsCount');
    assert.deepEqual(result.fields.teams, [{ id: '', name: 'Sales', entry: 'Sales' }]);
    assert.match(result.warnings.join('\n'), /TotalNumberOfTeams "TeamsCount" is not a number/);
  });

  it('warns when the team count disagrees with the list', () => {
    const result = parsed('2001#AgentInfo#Omar#Ali#true#OPTIONAL#TotalNumberOfTeams:3#5000 Sales#5000#Omar Ali#oali');
    assert.match(result.warnings.join('\n'), /TotalNumberOfTeams:3 but lists 1 team/);
  });

  it('rejects an AgentInfo without a readable Is_Supervisor flag', () => {
    for (const body of ['1001#AgentInfo#Sara#Khan', '1001#AgentInfo#Sara#Khan#maybe#OPTIONAL#5000#Sara Khan#skhan']) {
      const result = parseFinesseEvent(body);
      assert.equal(result.ok, false, body);
      if (result.ok) continue;
      assert.deepEqual(result.issues[0].path, ['isSupervisor']);
      assert.match(result.message, /^AgentInfo event for "1001" rejected: .*Is_Supervisor/);
    }
  });
});

describe('parseFinesseEvent: State (E6, E7)', () => {
  it('reads every field of the digest example', () => {
    const result = parsed('1001#State#NOT_READY#-1#2024-05-01 10:00:00##2024-05-01T10:00:00.000Z#Sara Khan#1001#5001##Sara Khan#skhan');
    assert.equal(result.type, 'State');
    assert.equal(result.family, 'agent');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'agentState', eventFor: '1001', agentId: '1001', state: 'NOT_READY', reasonCode: '-1',
      stateChangeTimeString: '2024-05-01 10:00:00', pendingState: '', stateChangeTime: '2024-05-01T10:00:00.000Z',
      fullName: 'Sara Khan', loginId: '1001', extension: '5001', reasonLabel: '', loginName: 'skhan',
    });
  });

  it('reads the Appendix C reply with reason code and label', () => {
    const result = parsed('1001#State#NOT_READY#12#2024-05-01 10:00:05##2024-05-01T10:00:05.000Z#Sara Khan#1001#5001#Lunch#Sara Khan#skhan');
    assert.equal(result.fields.reasonCode, '12');
    assert.equal(result.fields.reasonLabel, 'Lunch');
  });

  it('keeps the empty reason code of READY and a pending state', () => {
    const result = parsed('1001#State#TALKING##2024-05-01 10:03:00#NOT_READY#2024-05-01T10:03:00.000Z#Sara Khan#1001#5001##Sara Khan#skhan');
    assert.equal(result.fields.reasonCode, '');
    assert.equal(result.fields.pendingState, 'NOT_READY');
    assert.equal(parsed('1001#State#READY##2024-05-01 10:01:00##2024-05-01T10:01:00.000Z#Sara Khan#1001#5001##Sara Khan#skhan').fields.reasonCode, '');
  });

  it('accepts the short form <id>#State#<state> with the optional fields absent', () => {
    const result = parsed('1001#State#LOGOUT');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, { kind: 'agentState', eventFor: '1001', agentId: '1001', state: 'LOGOUT' });
    assert.deepEqual(parsed('1001#State#NOT_READY#-1').fields, { kind: 'agentState', eventFor: '1001', agentId: '1001', state: 'NOT_READY', reasonCode: '-1' });
  });

  it('reads <id>#State#RE_LOGIN as State with state RE_LOGIN', () => {
    const result = parsed('1001#State#RE_LOGIN');
    assert.equal(result.type, 'State');
    assert.equal(result.known, true);
    assert.deepEqual(result.fields, { kind: 'agentState', eventFor: '1001', agentId: '1001', state: 'RE_LOGIN' });
  });

  it('keeps an agent state the document does not list', () => {
    assert.equal(parsed('1001#State#ON_BREAK_CUSTOM').fields.state, 'ON_BREAK_CUSTOM');
  });

  it('warns when a "#" in a value pushes the fields past the layout', () => {
    const result = parsed('1001#State#NOT_READY#12#t##t#Sara #1 Khan#1001#5001#Lunch#Sara #1 Khan#skhan');
    assert.match(result.warnings.join('\n'), /State has 13 fields after its type where the layout has 11/);
  });

  it('rejects a State without a state', () => {
    for (const body of ['1001#State', '1001#State#', '1001#State# #-1']) {
      const result = parseFinesseEvent(body);
      assert.equal(result.ok, false, body);
      if (result.ok) continue;
      assert.deepEqual(result.issues[0].path, ['state']);
      assert.match(result.message, /^State event for "1001" rejected: no agent state .*expected <Event_For>#State#<agent_current_state>/);
    }
  });
});

describe('parseFinesseEvent: ReasonCodes (E9)', () => {
  it('zips codes with labels, tolerating the document\'s stray blank before #Labels:', () => {
    const result = parsed('1001#ReasonCodes#Category:NOT_READY#11,12,13 #Labels:Break,Lunch,Meeting#Sara Khan');
    assert.equal(result.type, 'ReasonCodes');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'reasonCodes', eventFor: '1001', agentId: '1001', category: 'NOT_READY', codes: ['11', '12', '13'],
      labels: ['Break', 'Lunch', 'Meeting'],
      reasons: [{ code: '11', label: 'Break' }, { code: '12', label: 'Lunch' }, { code: '13', label: 'Meeting' }],
      fullName: 'Sara Khan',
    });
  });

  it('reads wrap-up reasons with labels only, whether the codes field is empty or gone', () => {
    for (const body of ['1001#ReasonCodes#Category:WRAP_UP##Labels:Sale,No sale#Sara Khan', '1001#ReasonCodes#Category:WRAP_UP#Labels:Sale,No sale#Sara Khan']) {
      const result = parsed(body);
      assert.deepEqual(result.warnings, [], body);
      assert.deepEqual(result.fields.codes, []);
      assert.deepEqual(result.fields.reasons, [{ code: '', label: 'Sale' }, { code: '', label: 'No sale' }], body);
      assert.equal(result.fields.fullName, 'Sara Khan');
    }
  });

  it('tolerates unequal lengths and empty codes, with a warning', () => {
    const result = parsed('1001#ReasonCodes#Category:LOGOUT#1,,3#Labels:End of shift,Sick#Sara Khan');
    assert.deepEqual(result.fields.reasons, [{ code: '1', label: 'End of shift' }, { code: '', label: 'Sick' }, { code: '3', label: '' }]);
    assert.match(result.warnings.join('\n'), /3 code\(s\) but 2 label\(s\)/);
  });

  it('reads fields whose Category:/Labels: prefixes are missing, with warnings', () => {
    const result = parsed('1001#ReasonCodes#NOT_READY#11#Break#Sara Khan');
    assert.equal(result.fields.category, 'NOT_READY');
    assert.deepEqual(result.fields.reasons, [{ code: '11', label: 'Break' }]);
    assert.equal(result.warnings.length, 2);
  });
});

describe('parseFinesseEvent: Control, CallBack and CallbackMessage (E22, E4, E26)', () => {
  it('reads a Control message, keeping a "#" inside it', () => {
    assert.deepEqual(parsed('1001#Control#PrintStatusBar#Please call your supervisor').fields, {
      kind: 'control', eventFor: '1001', agentId: '1001', action: 'PrintStatusBar', message: 'Please call your supervisor',
    });
    assert.equal(parsed('1001#Control#PrintStatusBar#Queue #2 is busy').fields.message, 'Queue #2 is busy');
  });

  it('warns about an undocumented control action and rejects a Control without one', () => {
    assert.match(parsed('1001#Control#Beep#now').warnings.join('\n'), /not the documented PrintStatusBar/);
    const result = parseFinesseEvent('1001#Control');
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.issues[0].path, ['action']);
  });

  it('reads CallBack with and without the agent prefix', () => {
    const bare = parsed('CallBack#Callback scheduled for 2024-05-02 09:00');
    assert.equal(bare.type, 'CallBack');
    assert.deepEqual(bare.fields, { kind: 'callbackScheduled', eventFor: null, callback: 'Callback scheduled for 2024-05-02 09:00' });
    assert.match(bare.warnings.join('\n'), /CallBack event has no agent prefix/);
    const prefixed = parsed('1001#CallBack#16777500');
    assert.deepEqual(prefixed.fields, { kind: 'callbackScheduled', eventFor: '1001', agentId: '1001', callback: '16777500' });
    assert.deepEqual(prefixed.warnings, []);
  });

  it('reads CallbackMessage as printed (<id>#title#data) and by its event name', () => {
    const printed = parsed('1001#title#Call Mr. Khan back at 15:00');
    assert.equal(printed.type, 'CallbackMessage');
    assert.equal(printed.known, true);
    assert.deepEqual(printed.fields, { kind: 'callbackMessage', eventFor: '1001', agentId: '1001', data: 'Call Mr. Khan back at 15:00' });
    const named = parsed('1001#CallbackMessage#Reminder#Call Mr. Khan back at 15:00');
    assert.deepEqual(named.fields, {
      kind: 'callbackMessage', eventFor: '1001', agentId: '1001', title: 'Reminder', data: 'Call Mr. Khan back at 15:00',
    });
  });
});
