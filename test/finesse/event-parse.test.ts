import assert from 'node:assert/strict';
import type { ParseFailure } from '../../nodes/shared/parse-result';
import {
  FINESSE_ERROR_NAMES, FINESSE_EVENT_TYPES, FinesseEventSchema, parseFinesseEvent,
} from '../../nodes/finesse/schema/events';
import { parsed } from '../support/finesse-events';

function rejected(body: string): ParseFailure {
  const result = parseFinesseEvent(body);
  if (result.ok) assert.fail(`expected a failure for ${JSON.stringify(body)}, got ${result.type}`);
  assert.ok(result.message.length <= 250, `message too long: ${result.message}`);
  assert.ok(result.issues.length > 0);
  return result;
}

/** One body per entry of the digest's §4.1 catalogue: [entry, body, type, family]. */
const CATALOGUE: readonly (readonly [string, string, string, string])[] = [
  ['E1', 'System#IN_SERVICE', 'IN_SERVICE', 'system'],
  ['E2', 'System#OUT_OF_SERVICE', 'OUT_OF_SERVICE', 'system'],
  ['E3', 'DESTINATION#NR_host1_a1b2#RECONNECT', 'RECONNECT', 'destination'],
  ['E4', 'CallBack#Callback scheduled', 'CallBack', 'agent'],
  ['E5', '1001#AgentInfo#Sara#Khan#false#OPTIONAL#5000#Sara Khan#skhan', 'AgentInfo', 'agent'],
  ['E6', '1001#State#NOT_READY#-1#2024-05-01 10:00:00##2024-05-01T10:00:00.000Z#Sara Khan#1001#5001##Sara Khan#skhan', 'State', 'agent'],
  ['E7', '1001#State#RE_LOGIN', 'State', 'agent'],
  ['E8', '1001#DialogStatus#16777301#ACTIVE#03001234567#callVariable1=A|callVariable2=B#16777302#HELD#5002#', 'DialogStatus', 'agent'],
  ['E9', '1001#ReasonCodes#Category:NOT_READY#11,12#Labels:Break,Lunch#Sara Khan', 'ReasonCodes', 'agent'],
  ['E10', '1001#InboundCall#FAILED#DialogID:16777301#CF_GENERIC_OPERATION#Sara Khan', 'InboundCall', 'agent'],
  ['E11', '1001#NewInboundCall#03001234567#callVariable1=123|callVariable2=VIP#DialogID:16777301#CallType:ACD_IN#2024-05-01 10:02:11', 'NewInboundCall', 'agent'],
  ['E12', '1001#NewOutboundPreviewCall#03007654321#BACampaign=Renewals|BAAccountNumber=991#DialogID:16777400#CallType:OUTBOUND_PREVIEW', 'NewOutboundPreviewCall', 'agent'],
  ['E13', '1001#DialogState#ACTIVE#16777301#Sara Khan', 'DialogState', 'agent'],
  ['E14', '1001#ConsultCall#INITIATED#AssDialogID:16777301#5002#callVariable1=A#Sara Khan', 'ConsultCall', 'agent'],
  ['E15', '2001#TeamInfoIDs#TeamID#5000,5001#Omar Ali', 'TeamInfoIDs', 'supervisor'],
  ['E16', '2001#TeamInfoNames#TeamName#Sales,Support#Omar Ali', 'TeamInfoNames', 'supervisor'],
  ['E17', '2001#QueueList#Sales,3,2,1,0,0,0,0,0#Omar Ali', 'QueueList', 'supervisor'],
  ['E18', '2001#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001,State=READY,Team=Sales', 'AgentsList', 'agent'],
  ['E19', '2001#TeamUsersList#FirstName:Sara,LastName:Khan,Extension:5001,', 'TeamUsersList', 'supervisor'],
  ['E20', '2001#TeamMemberStateChanged#5000#READY', 'TeamMemberStateChanged', 'supervisor'],
  ['E21', '2001#ConferenceParticipants#5001,5002', 'ConferenceParticipants', 'supervisor'],
  ['E22', '1001#Control#PrintStatusBar#Hello', 'Control', 'agent'],
  ['E23', '2001#Phonebooks#NoPhoneBookFound', 'Phonebooks', 'supervisor'],
  ['E24', '2001#PhonebookContacts#NoContactFound', 'PhonebookContacts', 'supervisor'],
  ['E25', '2001#TeamPhoneBooks#NoTeamPhoneBookFound', 'TeamPhoneBooks', 'supervisor'],
  ['E26', '1001#title#data', 'CallbackMessage', 'agent'],
  ['E27', '1001#Error#CF_INVALID_OBJECT_STATE', 'Error', 'agent'],
];

describe('parseFinesseEvent: the event catalogue', () => {
  for (const [entry, body, type, family] of CATALOGUE) {
    it(`${entry} ${type}: known, typed and in FINESSE_EVENT_TYPES`, () => {
      const result = parsed(body);
      assert.equal(result.type, type);
      assert.equal(result.family, family);
      assert.equal(result.known, true);
      assert.notEqual(result.payload.kind, 'unknown');
      assert.ok(FINESSE_EVENT_TYPES.includes(type));
    });
  }

  it('lists exactly the types the catalogue produces, once each', () => {
    assert.deepEqual([...FINESSE_EVENT_TYPES].sort(), [...new Set(CATALOGUE.map(([, , type]) => type))].sort());
    assert.ok(Object.isFrozen(FINESSE_EVENT_TYPES));
  });

  it('keeps every segment after the type token in args', () => {
    assert.deepEqual(parsed('1001#DialogState#ACTIVE#16777301#Sara Khan').payload.args, ['ACTIVE', '16777301', 'Sara Khan']);
    assert.deepEqual(parsed('System#IN_SERVICE').payload.args, []);
    assert.deepEqual(parsed('NewOutboundPreviewCall#0300##DialogID:1#CallType:OUTBOUND_PREVIEW').payload.args, ['0300', '', 'DialogID:1', 'CallType:OUTBOUND_PREVIEW']);
  });
});

describe('parseFinesseEvent: system and destination events (E1–E3)', () => {
  it('reads System#IN_SERVICE and System#OUT_OF_SERVICE', () => {
    assert.deepEqual(parsed('System#IN_SERVICE').fields, { kind: 'system', eventFor: 'System', status: 'IN_SERVICE' });
    assert.deepEqual(parsed('System#OUT_OF_SERVICE').fields, { kind: 'system', eventFor: 'System', status: 'OUT_OF_SERVICE' });
  });

  it('reads DESTINATION#<name>#RECONNECT', () => {
    const result = parsed('DESTINATION#NR_host1_a1b2#RECONNECT');
    assert.deepEqual(result.fields, { kind: 'destination', eventFor: 'DESTINATION', destination: 'NR_host1_a1b2', action: 'RECONNECT' });
    assert.deepEqual(result.warnings, []);
  });

  it('delivers an unknown system status or destination action as unknown', () => {
    const status = parsed('System#MAINTENANCE');
    assert.equal(status.type, 'MAINTENANCE');
    assert.equal(status.family, 'system');
    assert.equal(status.known, false);
    assert.deepEqual(status.fields, { kind: 'unknown', eventFor: 'System' });
    const action = parsed('DESTINATION#NR_host1#PURGE');
    assert.equal(action.type, 'PURGE');
    assert.equal(action.family, 'destination');
    assert.equal(action.known, false);
  });

  it('rejects a System event without status and a DESTINATION event without action', () => {
    assert.deepEqual(rejected('System#').issues[0].path, ['status']);
    assert.match(rejected('DESTINATION#NR_host1').message, /has no action; expected DESTINATION#<Destination_Name>#RECONNECT/);
  });
});

describe('parseFinesseEvent: errors (E27, §5)', () => {
  it('reads every documented error name as a documented, known Error', () => {
    assert.equal(FINESSE_ERROR_NAMES.length, 20);
    for (const name of FINESSE_ERROR_NAMES) {
      const result = parsed(`1001#Error#${name}`);
      assert.equal(result.type, 'Error', name);
      assert.equal(result.family, 'agent');
      assert.equal(result.known, true);
      assert.deepEqual(result.warnings, []);
      assert.deepEqual(result.fields, { kind: 'error', eventFor: '1001', agentId: '1001', errorFor: '1001', error: name, extra: [], documented: true });
    }
  });

  it('delivers an undocumented error name as known, documented false', () => {
    const result = parsed('1001#Error#SOMETHING_NEW');
    assert.equal(result.known, true);
    assert.equal(result.fields.documented, false);
  });

  it('gives System errors the system family and keeps fields after the name', () => {
    const result = parsed('System#Error#PLEASE_RETRY#timeout#30s');
    assert.equal(result.family, 'system');
    assert.deepEqual(result.fields, { kind: 'error', eventFor: 'System', errorFor: 'System', error: 'PLEASE_RETRY', extra: ['timeout', '30s'], documented: true });
    assert.equal(parsed('NR_host1_a1b2#Error#PLEASE_RETRY').fields.errorFor, 'NR_host1_a1b2');
  });

  it('delivers an error naming no one, with a warning, and rejects one without a name', () => {
    const anonymous = parsed('#Error#USER_NOT_FOUND');
    assert.equal('agentId' in anonymous.fields, false);
    assert.match(anonymous.warnings.join('\n'), /names nothing before "#Error"/);
    for (const body of ['1001#Error', '1001#Error#', '1001#Error# #x']) {
      const failure = rejected(body);
      assert.deepEqual(failure.issues[0].path, ['error'], body);
      assert.match(failure.message, /has no error name; expected <Error_For>#Error#<ERROR_NAME>/);
    }
  });
});

describe('parseFinesseEvent: unknown types and tolerated deviations', () => {
  it('delivers an unknown event type as known:false with eventFor, agentId, args and raw', () => {
    const result = parsed('1001#SkillGroups#12,13#Sara Khan');
    assert.equal(result.type, 'SkillGroups');
    assert.equal(result.family, 'agent');
    assert.equal(result.known, false);
    assert.deepEqual(result.payload, { kind: 'unknown', eventFor: '1001', agentId: '1001', args: ['12,13', 'Sara Khan'], raw: '1001#SkillGroups#12,13#Sara Khan' });
  });

  it('accepts every prefix-less type the document prints, with eventFor null and a warning', () => {
    for (const body of ['InboundCall#ACTIVE#DialogID:1#0300##t#CallType:ACD_IN#ParticipantsCount:0#participants:', 'NewInboundCall#0300##DialogID:1#CallType:ACD_IN#t',
      'NewOutboundPreviewCall#0300##DialogID:1#CallType:OUTBOUND_PREVIEW', 'DialogStatus###', 'CallBack#x']) {
      const result = parsed(body);
      assert.equal(result.fields.eventFor, null, body);
      assert.equal('agentId' in result.fields, false, body);
      assert.equal(result.known, true);
      assert.match(result.warnings.join('\n'), /has no agent prefix/, body);
    }
  });

  it('reads type tokens in another case or with blanks, with a warning', () => {
    const state = parsed('1001# state #READY');
    assert.equal(state.type, 'State');
    assert.match(state.warnings.join('\n'), /"\s*state\s*" read as State/);
    assert.equal(parsed('System#in_service').type, 'IN_SERVICE');
    assert.equal(parsed('1001#ERROR#PLEASE_RETRY').type, 'Error');
  });

  it('ignores blanks and a line break around the body, with a warning, and keeps raw as received', () => {
    const result = parsed('1001#State#READY\r\n');
    assert.equal(result.fields.state, 'READY');
    assert.equal(result.payload.raw, '1001#State#READY\r\n');
    assert.deepEqual(result.warnings, ['Blanks around the body were ignored']);
  });
});

describe('parseFinesseEvent: bodies that cannot be understood', () => {
  it('rejects empty and blank bodies', () => {
    for (const body of ['', '   ', '\n']) assert.match(rejected(body).message, /body is empty; expected <Event_For>#<Event_Type>/);
  });

  it('rejects a body without "#"', () => {
    assert.match(rejected('IN_SERVICE').message, /"IN_SERVICE" has no "#"/);
  });

  it('rejects an agent event with an empty first segment or no event type', () => {
    assert.deepEqual(rejected('#State#READY').issues[0].path, ['eventFor']);
    assert.match(rejected('#State#READY').message, /names no agent before its first "#"/);
    assert.deepEqual(rejected('1001#').issues[0].path, ['type']);
    assert.match(rejected('1001##READY').message, /has no event type after "1001#"/);
  });

  it('rejects binary junk: NUL bytes and other control characters', () => {
    assert.match(rejected('1001#State#READY\u0000\u0000').message, /control character U\+0000 at offset 16/);
    assert.match(rejected('\u0003\u00c8\u0001#State').message, /control character U\+0003 at offset 0: binary data/);
    assert.equal(parsed('1001#Control#PrintStatusBar#line 1\nline 2\tend').fields.message, 'line 1\nline 2\tend');
  });

  it('never throws and always yields a valid payload or a failure, whatever the segments', () => {
    const tokens = ['1001', 'System', 'DESTINATION', 'Error', 'State', 'InboundCall', 'NewInboundCall', 'DialogStatus', 'AgentInfo',
      'ConsultCall', 'ReasonCodes', 'Phonebooks', 'AgentsList', 'TeamInfoIDs', 'DialogID:', 'CallType:', 'Labels:', 'FAILED',
      'TotalNumberOfTeams:', 'a=b|c', ',', '', ' ', 'true', 'title', 'participants:x,y|'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % tokens.length;
    for (let i = 0; i < 3000; i++) {
      const body = Array.from({ length: 1 + (i % 12) }, () => tokens[next()]).join('#');
      const result = parseFinesseEvent(body);
      if (!result.ok) {
        assert.ok(result.message.length > 0 && result.issues.length > 0, body);
        continue;
      }
      const checked = FinesseEventSchema.safeParse(result.payload);
      assert.ok(checked.success, `${body}: ${checked.success ? '' : checked.error.message}`);
      assert.equal(result.known, result.payload.kind !== 'unknown', body);
    }
  });
});
