import assert from 'node:assert/strict';
import { parsed } from '../support/finesse-events';

const SUPERVISOR = { eventFor: '2001', agentId: '2001' };

describe('parseFinesseEvent: supervisor team events (E15, E16, E20, E21)', () => {
  it('reads TeamInfoIDs and TeamInfoNames, with the document\'s stray blank before the name', () => {
    const ids = parsed('2001#TeamInfoIDs#TeamID#5000,5001 #Omar Ali');
    assert.equal(ids.type, 'TeamInfoIDs');
    assert.equal(ids.family, 'supervisor');
    assert.deepEqual(ids.warnings, []);
    assert.deepEqual(ids.fields, { kind: 'teamInfoIds', ...SUPERVISOR, teamIds: ['5000', '5001'], fullName: 'Omar Ali' });
    assert.deepEqual(parsed('2001#TeamInfoIDs#TeamID#5000,,5001,#Omar Ali').fields.teamIds, ['5000', '5001'], 'blank entries dropped');
    const names = parsed('2001#TeamInfoNames#TeamName#Sales,Support#Omar Ali');
    assert.equal(names.family, 'supervisor');
    assert.deepEqual(names.fields, { kind: 'teamInfoNames', ...SUPERVISOR, teamNames: ['Sales', 'Support'], fullName: 'Omar Ali' });
  });

  it('reads a team list whose marker field is missing, with a warning', () => {
    const result = parsed('2001#TeamInfoIDs#5000,5001#Omar Ali');
    assert.deepEqual(result.fields.teamIds, ['5000', '5001']);
    assert.equal(result.fields.fullName, 'Omar Ali');
    assert.match(result.warnings.join('\n'), /lacks its "TeamID" marker/);
  });

  it('reads TeamMemberStateChanged and ConferenceParticipants', () => {
    const changed = parsed('2001#TeamMemberStateChanged#5000#NOT_READY');
    assert.equal(changed.family, 'supervisor');
    assert.deepEqual(changed.fields, { kind: 'teamMemberStateChanged', ...SUPERVISOR, teamId: '5000', state: 'NOT_READY' });
    const conference = parsed('2001#ConferenceParticipants#5001,5002,5003');
    assert.equal(conference.family, 'supervisor');
    assert.deepEqual(conference.fields, { kind: 'conferenceParticipants', ...SUPERVISOR, extensions: ['5001', '5002', '5003'] });
  });
});

describe('parseFinesseEvent: QueueList, AgentsList and TeamUsersList (E17–E19)', () => {
  it('keeps QueueList segments and the pairs found in them (its layouts were lost)', () => {
    const result = parsed('2001#QueueList#queue_1_Name:Sales,queue_1_WaitingCalls:3|queue_2_Name:Support,queue_2_WaitingCalls=0#Omar Ali');
    assert.equal(result.family, 'supervisor');
    assert.deepEqual(result.fields, {
      kind: 'queueList', ...SUPERVISOR,
      queues: ['queue_1_Name:Sales,queue_1_WaitingCalls:3|queue_2_Name:Support,queue_2_WaitingCalls=0', 'Omar Ali'],
      fields: { queue_1_Name: 'Sales', queue_1_WaitingCalls: '3', queue_2_Name: 'Support', queue_2_WaitingCalls: '0' },
    });
    assert.deepEqual(parsed('2001#QueueList#').fields, { kind: 'queueList', ...SUPERVISOR, queues: [], fields: {} });
  });

  it('reads AgentsList users, splitting on the blank before Extension=', () => {
    const result = parsed('2001#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001,State=READY,Team=Sales|LoginId=1002,Name=Ali Raza Extension=5002,State=NOT_READY,Team=Support');
    assert.equal(result.type, 'AgentsList');
    assert.equal(result.family, 'agent');
    assert.deepEqual(result.fields, {
      kind: 'agentsList', ...SUPERVISOR,
      users: [
        { loginId: '1001', name: 'Sara Khan', extension: '5001', state: 'READY', team: 'Sales' },
        { loginId: '1002', name: 'Ali Raza', extension: '5002', state: 'NOT_READY', team: 'Support' },
      ],
    });
  });

  it('skips the document\'s placeholder items and keeps a comma inside a value', () => {
    const result = parsed('2001#AgentsList#LoginId=1001,Name=Khan, Sara Extension=5001,State=READY,Team=Sales|.......|.......');
    assert.deepEqual(result.fields.users, [{ loginId: '1001', name: 'Khan, Sara', extension: '5001', state: 'READY', team: 'Sales' }]);
  });

  it('reads TeamUsersList users with the field table\'s keys, times holding ":" intact', () => {
    const result = parsed(
      '2001#TeamUsersList#FirstName:Sara,LastName:Khan,Extension:5001,loginID:1001,state:NOT_READY,pendingState:,mediaType:1,' +
        'stateChangeTime:2024-05-01T10:00:00.000Z,stateChangeLabel:Lunch|FirstName:Ali,LastName:Raza,Extension:5002,',
    );
    assert.equal(result.family, 'supervisor');
    assert.deepEqual(result.fields.users, [
      {
        firstName: 'Sara', lastName: 'Khan', extension: '5001', loginId: '1001', state: 'NOT_READY', pendingState: '', mediaType: '1',
        stateChangeTime: '2024-05-01T10:00:00.000Z', stateChangeLabel: 'Lunch',
      },
      { firstName: 'Ali', lastName: 'Raza', extension: '5002' },
    ]);
  });
});

describe('parseFinesseEvent: phonebooks and contacts (E23–E25)', () => {
  it('reads Phonebooks items separated by "|", by "#" or by a repeated key', () => {
    const expected = [{ name: 'Global', type: 'GLOBAL', id: '1' }, { name: 'Sales', type: 'TEAM', id: '7' }];
    for (const body of [
      '2001#Phonebooks#name:Global,type:GLOBAL,id:1|name:Sales,type:TEAM,id:7',
      '2001#Phonebooks#name:Global,type:GLOBAL,id:1#name:Sales,type:TEAM,id:7',
      '2001#Phonebooks#name:Global,type:GLOBAL,id:1,name:Sales,type:TEAM,id:7',
    ]) {
      const result = parsed(body);
      assert.equal(result.family, 'supervisor');
      assert.deepEqual(result.fields, { kind: 'phonebooks', ...SUPERVISOR, found: true, phonebooks: expected }, body);
    }
  });

  it('maps the No…Found sentinels to empty lists', () => {
    assert.deepEqual(parsed('2001#Phonebooks#NoPhoneBookFound').fields, { kind: 'phonebooks', ...SUPERVISOR, found: false, phonebooks: [] });
    assert.deepEqual(parsed('2001#PhonebookContacts#NoContactFound').fields, { kind: 'phonebookContacts', ...SUPERVISOR, found: false, contacts: [] });
    assert.deepEqual(parsed('2001#TeamPhoneBooks#NoTeamPhoneBookFound').fields, { kind: 'teamPhoneBooks', ...SUPERVISOR, found: false, phonebooks: [] });
  });

  it('reads PhonebookContacts and TeamPhoneBooks', () => {
    const contacts = parsed('2001#PhonebookContacts#description:Head office,firstName:Nadia,lastName:Shah,phoneNumber:0421234567,id:31');
    assert.equal(contacts.type, 'PhonebookContacts');
    assert.equal(contacts.family, 'supervisor');
    assert.deepEqual(contacts.fields.contacts, [{ description: 'Head office', firstName: 'Nadia', lastName: 'Shah', phoneNumber: '0421234567', id: '31' }]);
    const team = parsed('2001#TeamPhoneBooks#name:Sales,type:TEAM,id:7');
    assert.equal(team.family, 'supervisor');
    assert.deepEqual(team.fields, { kind: 'teamPhoneBooks', ...SUPERVISOR, found: true, phonebooks: [{ name: 'Sales', type: 'TEAM', id: '7' }] });
  });
});
