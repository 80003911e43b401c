import assert from 'node:assert/strict';
import type { AgentObservation, AgentSourceMessage } from '../../nodes/agent/model';
import { createFinesseAgentStateMapper, FinesseAgentStateMapper } from '../../nodes/finesse/agent-state-mapper';
import { commandRequest } from '../../nodes/finesse/command-request';
import { parseFinesseEvent } from '../../nodes/finesse/schema/events';
import { eventMessage, failureMessage } from '../../nodes/shared/message';

const RECEIVED_AT = '2024-05-01T10:00:09.000Z';
const TIME = '2024-05-01T10:00:00.000Z';

/** The message cc-finesse-events sends for one GC body: the session's parse, then the shared message builder. */
function eventMsg(body: string, headers: Record<string, string> = {}): AgentSourceMessage {
  const parsed = parseFinesseEvent(body);
  if (!parsed.ok) assert.fail(`GC body ${JSON.stringify(body)} does not parse: ${parsed.message}`);
  return eventMessage('finesse', { ...parsed, payload: structuredClone(parsed.payload) }, { name: 'stomp', meta: { ...headers } }, RECEIVED_AT);
}

/** What cc-finesse-command sends out of output 1 for a reply: the input message, the reply's event message, msg.command. */
function replyMsg(input: Record<string, unknown>, body: string): AgentSourceMessage {
  const request = commandRequest(input, { command: '', loginArguments: {}, clientDestination: 'NR_test', timeoutMs: 10000 });
  const correlationId = 'c0ffee00-0000-4000-8000-000000000001';
  const out = eventMsg(body, { destination: '/topic/NR_test', 'correlation-id': correlationId });
  return { ...input, ...out, command: { name: request.name, type: request.encoded.type, correlationId, elapsedMs: 4 } };
}

/** The full State layout of the vendor document, section "AgentState", for agent 1001 (Sara Khan on extension 5001). */
function stateBody(state: string, fields: { code?: string; pending?: string; time?: string; label?: string } = {}): string {
  const { code = '', pending = '', time = TIME, label = '' } = fields;
  return `1001#State#${state}#${code}#2024-05-01 10:00:00#${pending}#${time}#Sara Khan#1001#5001#${label}#Sara Khan#skhan`;
}

const sara = { agentId: '1001', name: 'Sara Khan', extension: '5001' };
const mapOne = (msg: AgentSourceMessage, mapper = createFinesseAgentStateMapper()): AgentObservation[] => mapper.map(msg);

describe('Finesse agent state mapper', () => {
  describe('State events: one row per agent state of the UCCE table', () => {
    const rows: { name: string; body: string; expected: AgentObservation }[] = [
      {
        name: 'LOGOUT with GC\'s "no reason" -1: logged out, no reason, no contacts',
        body: stateBody('LOGOUT', { code: '-1' }),
        expected: { ...sara, state: 'LOGGED_OUT', reason: null, pending: null, contacts: 0, eventTime: TIME, native: { type: 'State', state: 'LOGOUT' } },
      },
      {
        name: 'LOGOUT with a logout reason code and label',
        body: stateBody('LOGOUT', { code: '10', label: 'End of shift' }),
        expected: { ...sara, state: 'LOGGED_OUT', reason: { code: '10', label: 'End of shift' }, pending: null, contacts: 0, eventTime: TIME, native: { type: 'State', state: 'LOGOUT' } },
      },
      {
        name: 'LOGIN (transient, becomes NOT_READY): not ready',
        body: stateBody('LOGIN', { code: '-1' }),
        expected: { ...sara, state: 'NOT_READY', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'LOGIN' } },
      },
      {
        name: 'NOT_READY after login (reason -1): not ready without a reason',
        body: stateBody('NOT_READY', { code: '-1' }),
        expected: { ...sara, state: 'NOT_READY', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'NOT_READY' } },
      },
      {
        name: 'NOT_READY with a reason code and label (Appendix C reply)',
        body: stateBody('NOT_READY', { code: '12', label: 'Lunch' }),
        expected: { ...sara, state: 'NOT_READY', reason: { code: '12', label: 'Lunch' }, pending: null, eventTime: TIME, native: { type: 'State', state: 'NOT_READY' } },
      },
      {
        name: 'NOT_READY with a code GC gives no label for',
        body: stateBody('NOT_READY', { code: '32767' }),
        expected: { ...sara, state: 'NOT_READY', reason: { code: '32767' }, pending: null, eventTime: TIME, native: { type: 'State', state: 'NOT_READY' } },
      },
      {
        name: 'READY (empty reason code)',
        body: stateBody('READY'),
        expected: { ...sara, state: 'READY', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'READY' } },
      },
      {
        name: 'RESERVED (an incoming call is offered)',
        body: stateBody('RESERVED'),
        expected: { ...sara, state: 'RESERVED', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'RESERVED' } },
      },
      {
        name: 'RESERVED_OUTBOUND (progressive/predictive reservation)',
        body: stateBody('RESERVED_OUTBOUND'),
        expected: { ...sara, state: 'RESERVED', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'RESERVED_OUTBOUND' } },
      },
      {
        name: 'RESERVED_OUTBOUND_PREVIEW with NOT_READY pending (the table\'s pending state change)',
        body: stateBody('RESERVED_OUTBOUND_PREVIEW', { pending: 'NOT_READY' }),
        expected: { ...sara, state: 'RESERVED', reason: null, pending: 'NOT_READY', eventTime: TIME, native: { type: 'State', state: 'RESERVED_OUTBOUND_PREVIEW' } },
      },
      {
        name: 'RESERVED _OUTBOUND as the document prints it, with a stray blank',
        body: stateBody('RESERVED _OUTBOUND'),
        expected: { ...sara, state: 'RESERVED', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'RESERVED _OUTBOUND' } },
      },
      {
        name: 'TALKING: busy, nothing pending',
        body: stateBody('TALKING'),
        expected: { ...sara, state: 'BUSY', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'TALKING' } },
      },
      {
        name: 'TALKING with NOT_READY requested during the call (pending), the code belongs to the pending state',
        body: stateBody('TALKING', { code: '12', pending: 'NOT_READY', label: 'Lunch' }),
        expected: { ...sara, state: 'BUSY', reason: null, pending: 'NOT_READY', eventTime: TIME, native: { type: 'State', state: 'TALKING' } },
      },
      {
        name: 'HOLD with READY pending: busy (held included)',
        body: stateBody('HOLD', { pending: 'READY' }),
        expected: { ...sara, state: 'BUSY', reason: null, pending: 'READY', eventTime: TIME, native: { type: 'State', state: 'HOLD' } },
      },
      {
        name: 'TALKING with WORK pending (MakeWorkNotReady during the call): wrap-up follows',
        body: stateBody('TALKING', { pending: 'WORK' }),
        expected: { ...sara, state: 'BUSY', reason: null, pending: 'WRAP_UP', eventTime: TIME, native: { type: 'State', state: 'TALKING' } },
      },
      {
        name: 'HOLD with WORK_READY pending (MakeWorkReady during the call)',
        body: stateBody('HOLD', { pending: 'WORK_READY' }),
        expected: { ...sara, state: 'BUSY', reason: null, pending: 'WRAP_UP', eventTime: TIME, native: { type: 'State', state: 'HOLD' } },
      },
      {
        name: 'WORK: wrap-up, then NOT_READY (where the wrap-up timer leads)',
        body: stateBody('WORK'),
        expected: { ...sara, state: 'WRAP_UP', reason: null, pending: 'NOT_READY', eventTime: TIME, native: { type: 'State', state: 'WORK' } },
      },
      {
        name: 'WORK_READY: wrap-up, then READY',
        body: stateBody('WORK_READY'),
        expected: { ...sara, state: 'WRAP_UP', reason: null, pending: 'READY', eventTime: TIME, native: { type: 'State', state: 'WORK_READY' } },
      },
      {
        name: 'WORK_READY with NOT_READY reported pending: what GC reports wins over what the state implies',
        body: stateBody('WORK_READY', { pending: 'NOT_READY' }),
        expected: { ...sara, state: 'WRAP_UP', reason: null, pending: 'NOT_READY', eventTime: TIME, native: { type: 'State', state: 'WORK_READY' } },
      },
      {
        name: 'UNKNOWN (the table\'s "* -> UNKNOWN")',
        body: stateBody('UNKNOWN'),
        expected: { ...sara, state: 'UNKNOWN', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'UNKNOWN' } },
      },
      {
        name: 'a state word the document does not list: unknown, the word kept',
        body: stateBody('AWAY'),
        expected: { ...sara, state: 'UNKNOWN', reason: null, pending: null, eventTime: TIME, native: { type: 'State', state: 'AWAY' } },
      },
      {
        name: 'RE_LOGIN (GC does not know the agent): unknown until Connect and Login again',
        body: '1001#State#RE_LOGIN',
        expected: { agentId: '1001', state: 'UNKNOWN', reason: null, pending: null, native: { type: 'State', state: 'RE_LOGIN' } },
      },
      {
        name: 'the short form of NOT_READY: reason and pending not told',
        body: '1001#State#NOT_READY',
        expected: { agentId: '1001', state: 'NOT_READY', native: { type: 'State', state: 'NOT_READY' } },
      },
      {
        name: 'the short form of WORK still implies its pending state',
        body: '1001#State#WORK',
        expected: { agentId: '1001', state: 'WRAP_UP', reason: null, pending: 'NOT_READY', native: { type: 'State', state: 'WORK' } },
      },
    ];
    for (const row of rows) {
      it(row.name, () => assert.deepEqual(mapOne(eventMsg(row.body)), [row.expected]));
    }
  });

  describe('State events: the state change time', () => {
    const timeOf = (time: string) => mapOne(eventMsg(stateBody('READY', { time })))[0].eventTime;

    it('is the eventTime when it is ISO 8601 with a zone, normalised to UTC', () => {
      assert.equal(timeOf('2024-05-01T12:00:00.000+02:00'), TIME);
      assert.equal(timeOf('2024-05-01T10:00:00Z'), TIME);
    });

    it('is left out in local time without a zone, empty or not a time: arrival order decides', () => {
      for (const time of ['2024-05-01 10:00:00', '', '1714557600000', 'yesterday', '2024-13-45T99:00:00Z']) {
        assert.equal(timeOf(time), undefined, time);
      }
    });
  });

  describe('reason labels from ReasonCodes lists', () => {
    it('learns NOT_READY and LOGOUT labels (ReasonCodes itself says nothing about a state) and fills codes GC sends without one', () => {
      const mapper = createFinesseAgentStateMapper();
      assert.deepEqual(mapper.map(eventMsg('1001#ReasonCodes#Category:NOT_READY#1,2#Labels:Break,Lunch#Sara Khan')), []);
      assert.deepEqual(mapper.map(eventMsg('1001#ReasonCodes#Category:LOGOUT#10#Labels:End of shift#Sara Khan')), []);
      assert.deepEqual(mapper.map(eventMsg(stateBody('NOT_READY', { code: '2' })))[0].reason, { code: '2', label: 'Lunch' });
      assert.deepEqual(mapper.map(eventMsg(stateBody('LOGOUT', { code: '10' })))[0].reason, { code: '10', label: 'End of shift' });
    });

    it('keeps the label the State event gives over a learned one, and each category apart', () => {
      const mapper = createFinesseAgentStateMapper();
      mapper.map(eventMsg('1001#ReasonCodes#Category:NOT_READY#1,2#Labels:Break,Lunch#Sara Khan'));
      assert.deepEqual(mapper.map(eventMsg(stateBody('NOT_READY', { code: '2', label: 'Long lunch' })))[0].reason, { code: '2', label: 'Long lunch' });
      assert.deepEqual(mapper.map(eventMsg(stateBody('LOGOUT', { code: '2' })))[0].reason, { code: '2' });
    });

    it('learns nothing from wrap-up reasons (labels without codes) or an unknown category', () => {
      const mapper = createFinesseAgentStateMapper();
      assert.deepEqual(mapper.map(eventMsg('1001#ReasonCodes#Category:WRAP_UP##Labels:Sale,No sale#Sara Khan')), []);
      assert.deepEqual(mapper.map(eventMsg('1001#ReasonCodes#Category:OTHER#1#Labels:Break#Sara Khan')), []);
      assert.deepEqual(mapper.map(eventMsg(stateBody('NOT_READY', { code: '1' })))[0].reason, { code: '1' });
    });
  });

  describe('agent names and extensions', () => {
    it('AgentInfo (after a successful login) names the agent, agent and supervisor form', () => {
      assert.deepEqual(mapOne(eventMsg('1001#AgentInfo#Sara#Khan#false#OPTIONAL#5000#Sara Khan#skhan')), [
        { agentId: '1001', name: 'Sara Khan', native: { type: 'AgentInfo' } },
      ]);
      assert.deepEqual(mapOne(eventMsg('2001#AgentInfo#Omar#Ali#True#REQUIRED#TotalNumberOfTeams:1#5000Sales#5000#Omar Ali#oali')), [
        { agentId: '2001', name: 'Omar Ali', native: { type: 'AgentInfo' } },
      ]);
    });

    it('AgentInfo without a full name takes first and last name', () => {
      assert.deepEqual(mapOne(eventMsg('1001#AgentInfo#Sara#Khan#false#OPTIONAL#5000')), [{ agentId: '1001', name: 'Sara Khan', native: { type: 'AgentInfo' } }]);
    });
  });

  describe('agent lists: getallagents and getteamusers replies', () => {
    it('AgentsList: each user with its state, name and extension', () => {
      const body = '9000#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001,State=TALKING,Team=5000|LoginId=1002,Name=Ali Raza Extension=5002,State=WORK,Team=5000|LoginId=1003,Name=Mia Wong Extension=5003,State=NOT_READY,Team=5000';
      assert.deepEqual(mapOne(eventMsg(body)), [
        { agentId: '1001', name: 'Sara Khan', extension: '5001', state: 'BUSY', reason: null, native: { type: 'AgentsList', state: 'TALKING' } },
        { agentId: '1002', name: 'Ali Raza', extension: '5002', state: 'WRAP_UP', reason: null, pending: 'NOT_READY', native: { type: 'AgentsList', state: 'WORK' } },
        { agentId: '1003', name: 'Mia Wong', extension: '5003', state: 'NOT_READY', native: { type: 'AgentsList', state: 'NOT_READY' } },
      ]);
    });

    it('TeamUsersList: state, pending state and a zoned change time; a user without a login ID is skipped', () => {
      const body = '2001#TeamUsersList#FirstName:Sara,LastName:Khan,Extension:5001,LoginID:1001,State:TALKING,PendingState:NOT_READY,MediaType:voice,'
        + `StateChangeTime:${TIME},StateChangeLabel:|FirstName:Ali,LastName:Raza,Extension:5002,LoginID:1002,State:LOGOUT,PendingState:,MediaType:voice,`
        + 'StateChangeTime:2024-05-01 09:00:00,StateChangeLabel:|FirstName:Nobody,LastName:Known,Extension:5009';
      assert.deepEqual(mapOne(eventMsg(body)), [
        { ...sara, state: 'BUSY', reason: null, pending: 'NOT_READY', eventTime: TIME, native: { type: 'TeamUsersList', state: 'TALKING' } },
        { agentId: '1002', name: 'Ali Raza', extension: '5002', state: 'LOGGED_OUT', pending: null, contacts: 0, native: { type: 'TeamUsersList', state: 'LOGOUT' } },
      ]);
    });

    it('a user without a state gives name and extension only; one with nothing at all is skipped', () => {
      assert.deepEqual(mapOne(eventMsg('9000#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001|LoginId=1002')), [
        { agentId: '1001', name: 'Sara Khan', extension: '5001', native: { type: 'AgentsList' } },
      ]);
    });
  });

  describe('dialog events count the agent\'s contacts, never its state', () => {
    const steps: { name: string; body: string; expected: AgentObservation[] }[] = [
      { name: 'a call rings (NewInboundCall)', body: '1001#NewInboundCall#03001234567#callVariable1=123#DialogID:16777301#CallType:ACD_IN#2024-05-01 10:02:11', expected: [{ agentId: '1001', contacts: 1, native: { type: 'NewInboundCall' } }] },
      { name: 'it alerts (InboundCall ALERTING, same dialog)', body: '1001#InboundCall#ALERTING#DialogID:16777301#03001234567#callVariable1=123#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:2#participants:', expected: [{ agentId: '1001', contacts: 1, native: { type: 'InboundCall', state: 'ALERTING' } }] },
      { name: 'it is answered (ACTIVE)', body: '1001#InboundCall#ACTIVE#DialogID:16777301#03001234567#callVariable1=123#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:2#participants:', expected: [{ agentId: '1001', contacts: 1, native: { type: 'InboundCall', state: 'ACTIVE' } }] },
      { name: 'it is held (HELD)', body: '1001#InboundCall#HELD#DialogID:16777301#03001234567#callVariable1=123#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:2#participants:', expected: [{ agentId: '1001', contacts: 1, native: { type: 'InboundCall', state: 'HELD' } }] },
      { name: 'a preview is offered besides (NewOutboundPreviewCall)', body: '1001#NewOutboundPreviewCall#03007654321#BACampaign=Renewals#DialogID:16777400#CallType:OUTBOUND_PREVIEW', expected: [{ agentId: '1001', contacts: 2, native: { type: 'NewOutboundPreviewCall' } }] },
      { name: 'GetDialogState answers for the first (DialogState ACTIVE)', body: '1001#DialogState#ACTIVE#16777301#Sara Khan', expected: [{ agentId: '1001', contacts: 2, name: 'Sara Khan', native: { type: 'DialogState', state: 'ACTIVE' } }] },
      { name: 'the preview fails (failure layout)', body: '1001#InboundCall#FAILED#DialogID:16777400#CF_INVALID_DESTINATION#Sara Khan', expected: [{ agentId: '1001', contacts: 1, name: 'Sara Khan', native: { type: 'InboundCall', state: 'FAILED' } }] },
      { name: 'the call is dropped (DROP)', body: '1001#InboundCall#DROP#DialogID:16777301#03001234567##2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:', expected: [{ agentId: '1001', contacts: 0, native: { type: 'InboundCall', state: 'DROP' } }] },
      { name: 'a dialog the agent wraps up is over (WRAP_UP)', body: '1001#InboundCall#WRAP_UP#DialogID:16777302#03001234567##2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:', expected: [{ agentId: '1001', contacts: 0, native: { type: 'InboundCall', state: 'WRAP_UP' } }] },
      { name: 'after a failover GC lists the active dialog (DialogStatus)', body: '1001#DialogStatus#16777500#ACTIVE#03001234567#callVariable1=A#16777501#HELD#5002#', expected: [{ agentId: '1001', contacts: 1, native: { type: 'DialogStatus', state: 'ACTIVE' } }] },
      { name: 'DialogStatus### says there is no active dialog', body: '1001#DialogStatus###', expected: [{ agentId: '1001', contacts: 0, native: { type: 'DialogStatus' } }] },
    ];

    it('follows one agent through offers, answer, hold, a second offer, failure and drop', () => {
      const mapper = createFinesseAgentStateMapper();
      for (const step of steps) assert.deepEqual(mapper.map(eventMsg(step.body)), step.expected, step.name);
    });

    it('says nothing for a dialog event without a dialog ID or without the agent prefix', () => {
      const mapper = createFinesseAgentStateMapper();
      for (const body of [
        '1001#InboundCall#ACTIVE#03001234567#callVariable1=123#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:2#participants:',
        'InboundCall#ACTIVE#DialogID:16777301#03001234567#x#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:2#participants:',
        'NewInboundCall#03001234567#callVariable1=123#DialogID:16777301#CallType:ACD_IN#2024-05-01 10:02:11',
      ]) assert.deepEqual(mapper.map(eventMsg(body)), [], body);
    });

    it('leaves ConsultCall out (a consultation belongs to the agent\'s contact)', () => {
      const mapper = createFinesseAgentStateMapper();
      assert.deepEqual(mapper.map(eventMsg('1001#ConsultCall#INITIATED#AssDialogID:16777301#5001#callVariable1=123#Sara Khan')), []);
      assert.deepEqual(mapper.map(eventMsg('1001#ConsultCall#FAILED#AssDialogID:16777301#CF_INVALID_DESTINATION#Sara Khan')), []);
    });

    it('forgets the agent\'s dialogs on logout and on RE_LOGIN', () => {
      const mapper = createFinesseAgentStateMapper();
      const offer = (dialog: string) => mapper.map(eventMsg(`1001#NewInboundCall#0300#x#DialogID:${dialog}#CallType:ACD_IN#t`))[0].contacts;
      assert.equal(offer('1'), 1);
      mapper.map(eventMsg(stateBody('LOGOUT', { code: '-1' })));
      assert.equal(offer('2'), 1);
      mapper.map(eventMsg('1001#State#RE_LOGIN'));
      assert.equal(offer('3'), 1);
    });
  });

  describe('command replies (cc-finesse-command output 1)', () => {
    it('maps a GetState reply like the event', () => {
      const msg = replyMsg({ command: 'GetState', agentId: '1001', payload: 1714557600000 }, stateBody('NOT_READY', { code: '12', label: 'Lunch' }));
      assert.equal((msg.command as { name: string }).name, 'GetState');
      assert.deepEqual(mapOne(msg), mapOne(eventMsg(stateBody('NOT_READY', { code: '12', label: 'Lunch' }))));
    });

    it('maps the State that answers MakeReady, and RE_LOGIN for an agent GC does not know', () => {
      assert.equal(mapOne(replyMsg({ command: 'MakeReady', agentId: '1001' }, stateBody('READY')))[0].state, 'READY');
      assert.equal(mapOne(replyMsg({ command: 'GetState', agentId: '1001' }, '1001#State#RE_LOGIN'))[0].state, 'UNKNOWN');
    });

    it('maps a reply even when the input message carried an old msg.error', () => {
      const msg = replyMsg({ command: 'GetState', agentId: '1001', error: { message: 'earlier timeout' } }, stateBody('READY'));
      assert.equal(mapOne(msg)[0].state, 'READY');
    });

    it('says nothing for a command without reply, an unreadable reply, an Error reply or a failure (output 2)', () => {
      const input = { ...eventMsg(stateBody('READY')), command: 'MakeNotReady', agentId: '1001' };
      const info = { name: 'Connect', type: 'Connect#1001', elapsedMs: 10000 };
      const noReply = { ...input, payload: { sent: true }, topic: 'Connect', command: info };
      const unreadable = { ...input, payload: 'garbage', topic: 'unparsed', stomp: {}, command: info };
      const errorReply = { ...input, error: { message: 'CF_INVALID_OBJECT_STATE', code: 'gc-error' }, payload: eventMsg('1001#Error#CF_INVALID_OBJECT_STATE').payload };
      const timedOut = { ...input, error: { message: 'no reply in 10 s', code: 'timeout' } };
      for (const msg of [noReply, unreadable, errorReply, timedOut]) assert.deepEqual(mapOne(msg), [], JSON.stringify(msg.payload));
    });
  });

  describe('messages that say nothing about an agent\'s state', () => {
    for (const body of [
      'System#IN_SERVICE', 'System#OUT_OF_SERVICE', 'DESTINATION#NR_test#RECONNECT', '1001#Error#SESSION_INVALIDATED',
      '1001#Control#PrintStatusBar#Hello', '2001#TeamInfoIDs#TeamID#5000,5001#Omar Ali', '2001#TeamInfoNames#TeamName#Sales#Omar Ali',
      '2001#QueueList#QueueName:Sales,CallsInQueue:3#Omar Ali', '2001#TeamMemberStateChanged#5000#READY',
      '2001#ConferenceParticipants#5001,5002', '1001#CallBack#scheduled', '2001#Phonebooks#NoPhoneBookFound', '1001#SomethingNew#1#2',
    ]) {
      it(body, () => assert.deepEqual(mapOne(eventMsg(body)), []));
    }
  });

  describe('malformed and foreign messages', () => {
    const state = eventMsg(stateBody('READY'));
    const cases: [string, unknown][] = [
      ['undefined', undefined], ['null', null], ['a number', 42], ['a string', 'State'], ['an array', [state]], ['an empty object', {}],
      ['no event', { payload: state.payload }],
      ['another vendor', { ...state, event: { ...state.event, vendor: 'genesys' } }],
      ['event without a type', { ...state, event: { ...state.event, type: undefined } }],
      ['event not an object', { ...state, event: 'finesse' }],
      ['payload a string', { ...state, payload: 'READY' }],
      ['payload an array', { ...state, payload: [state.payload] }],
      ['payload without kind', { ...state, payload: { state: 'READY', agentId: '1001' } }],
      ['State without agent', { ...state, payload: { kind: 'agentState', state: 'READY' } }],
      ['State with a blank agent', { ...state, payload: { kind: 'agentState', agentId: '  ', state: 'READY' } }],
      ['State without a state', { ...state, payload: { kind: 'agentState', agentId: '1001' } }],
      ['State with a numeric state', { ...state, payload: { kind: 'agentState', agentId: '1001', state: 3 } }],
      ['lists that are not lists', { ...state, payload: { kind: 'agentsList', agentId: '9000', users: 'LoginId=1' } }],
      ['list users that are not objects', { ...state, payload: { kind: 'teamUsersList', agentId: '2001', users: [null, 'x', 7, ['a']] } }],
      ['dialog with a numeric dialog id', { ...state, payload: { kind: 'inboundCall', agentId: '1001', state: 'ACTIVE', dialogId: 5 } }],
      ['DialogStatus without hasDialog', { ...state, payload: { kind: 'dialogStatus', agentId: '1001', dialogId: '5' } }],
      ['ReasonCodes with reasons not a list', { ...state, payload: { kind: 'reasonCodes', agentId: '1001', category: 'NOT_READY', reasons: {} } }],
      ['cc-finesse-events\' error output', failureMessage('finesse', '1001', { ok: false, message: 'no #', issues: [] }, { name: 'stomp', meta: {} }, RECEIVED_AT)],
    ];
    for (const [name, msg] of cases) {
      it(name, () => assert.deepEqual(mapOne(msg as AgentSourceMessage), []));
    }

    it('never throws on random shapes', () => {
      const mapper = createFinesseAgentStateMapper();
      const values: unknown[] = [undefined, null, 0, -1, '', ' ', '-1', 'READY', 'WORK', 'RE_LOGIN', true, false, [], {}, [{}], { code: 1 }, ['x'], Symbol('s')];
      const kinds = ['agentState', 'agentInfo', 'reasonCodes', 'agentsList', 'teamUsersList', 'dialogStatus', 'newInboundCall', 'inboundCall', 'inboundCallFailed', 'dialogState', 'consultCall', 'x'];
      const fields = ['agentId', 'state', 'reasonCode', 'reasonLabel', 'pendingState', 'stateChangeTime', 'fullName', 'extension', 'firstName', 'lastName', 'category', 'reasons', 'users', 'hasDialog', 'dialogId', 'dialogState'];
      let seed = 7;
      const pick = <T>(list: T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
      for (let i = 0; i < 5000; i++) {
        const payload: Record<string, unknown> = { kind: pick(kinds) };
        for (const field of fields) if (pick([true, false])) payload[field] = pick(values);
        const msg = { event: { vendor: 'finesse', type: pick(['State', 'X']) }, payload, command: pick(values), error: pick([undefined, undefined, {}]) };
        const out = mapper.map(msg as AgentSourceMessage);
        assert.ok(Array.isArray(out));
      }
    });
  });

  describe('bounded memory', () => {
    const offer = (mapper: FinesseAgentStateMapper, agent: string, dialog: string) =>
      mapper.map(eventMsg(`${agent}#NewInboundCall#0300#x#DialogID:${dialog}#CallType:ACD_IN#t`))[0].contacts;

    it('keeps dialogs for at most maxAgents agents, forgetting the one whose dialogs changed longest ago', () => {
      const mapper = createFinesseAgentStateMapper({ maxAgents: 2 });
      assert.equal(offer(mapper, '1001', 'a'), 1);
      assert.equal(offer(mapper, '1002', 'b'), 1);
      assert.equal(offer(mapper, '1001', 'c'), 2);
      assert.equal(offer(mapper, '1003', 'd'), 1);
      assert.equal(offer(mapper, '1002', 'e'), 1, '1002 was forgotten');
      assert.equal(offer(mapper, '1001', 'f'), 1, '1001 was forgotten when 1002 came back');
    });

    it('keeps at most maxDialogsPerAgent dialogs per agent, the oldest dropped', () => {
      const mapper = createFinesseAgentStateMapper({ maxDialogsPerAgent: 2 });
      assert.deepEqual(['a', 'b', 'c', 'd'].map((d) => offer(mapper, '1001', d)), [1, 2, 2, 2]);
      const drop = (dialog: string) => mapper.map(eventMsg(`1001#InboundCall#DROP#DialogID:${dialog}#0300##t#CallType:ACD_IN#ParticipantsCount:1#participants:`))[0].contacts;
      assert.equal(drop('a'), 2, 'a was already forgotten');
      assert.equal(drop('c'), 1);
    });

    it('keeps at most maxReasonCodes labels per category, the one learned longest ago dropped', () => {
      const mapper = createFinesseAgentStateMapper({ maxReasonCodes: 2 });
      mapper.map(eventMsg('1001#ReasonCodes#Category:NOT_READY#1,2,3#Labels:Break,Lunch,Meeting#Sara Khan'));
      const reason = (code: string) => mapper.map(eventMsg(stateBody('NOT_READY', { code })))[0].reason;
      assert.deepEqual([reason('1'), reason('2'), reason('3')], [{ code: '1' }, { code: '2', label: 'Lunch' }, { code: '3', label: 'Meeting' }]);
    });
  });

  it('is the finesse mapper', () => {
    assert.equal(createFinesseAgentStateMapper().vendor, 'finesse');
  });
});
