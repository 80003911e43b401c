import assert from 'node:assert/strict';
import { parseFinesseEvent } from '../../nodes/finesse/schema/events';
import { parsed } from '../support/finesse-events';

function rejectedAt(body: string, path: string[]): string {
  const result = parseFinesseEvent(body);
  if (result.ok) assert.fail(`expected a failure for ${body}, got ${result.type}`);
  assert.deepEqual(result.issues[0].path, path);
  return result.message;
}

/** The real GC 4.2.9 body of digest §4.5. */
const REAL_INBOUND_CALL =
  '5000#InboundCall#ACTIVE#DialogID:17672721#42512#ani=42512|associatedDialogId=17672718|callVariable1=|callVariable4=CONSULT|' +
  'user.microapp.locale=en-us#2022-07-22 18:16:47#CallType:CONSULT_IN#ParticipantsCount:2#participants:42053,ACTIVE,AGENT_DEVICE,,' +
  '2022-07-22 18:16:47|42512,ACTIVE,AGENT_DEVICE,,2022-07-22 18:16:47';

describe('parseFinesseEvent: InboundCall (E10)', () => {
  it('reads every field of the real GC 4.2.9 body', () => {
    const result = parsed(REAL_INBOUND_CALL);
    assert.equal(result.type, 'InboundCall');
    assert.equal(result.family, 'agent');
    assert.equal(result.known, true);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'inboundCall', eventFor: '5000', agentId: '5000', state: 'ACTIVE', dialogId: '17672721', fromAddress: '42512',
      callVariables: { ani: '42512', associatedDialogId: '17672718', callVariable1: '', callVariable4: 'CONSULT', 'user.microapp.locale': 'en-us' },
      callVariableFormat: 'pairs', startTime: '2022-07-22 18:16:47', callType: 'CONSULT_IN', participantsCount: 2,
      participants: [
        { mediaAddress: '42053', state: 'ACTIVE', mediaAddressType: 'AGENT_DEVICE', stateCause: '', startTime: '2022-07-22 18:16:47' },
        { mediaAddress: '42512', state: 'ACTIVE', mediaAddressType: 'AGENT_DEVICE', stateCause: '', startTime: '2022-07-22 18:16:47' },
      ],
    });
  });

  it('reads the documented values-only call variables under Appendix A\'s default names', () => {
    const result = parsed('1001#InboundCall#ALERTING#DialogID:16777301#03001234567#123,VIP,,Gold#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:5001,ALERTING,AGENT_DEVICE,,2024-05-01 10:02:11');
    assert.equal(result.fields.callVariableFormat, 'values');
    assert.deepEqual(result.fields.callVariables, { callVariable1: '123', callVariable2: 'VIP', callVariable3: '', callVariable4: 'Gold' });
  });

  it('reads the document\'s prefix-less layout with a warning', () => {
    const result = parsed('InboundCall#HELD#DialogID:16777301#03001234567#callVariable1=123#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:5001,HELD,AGENT_DEVICE,,2024-05-01 10:02:11');
    assert.equal(result.fields.eventFor, null);
    assert.equal('agentId' in result.fields, false);
    assert.equal(result.fields.state, 'HELD');
    assert.equal(result.fields.dialogId, '16777301');
    assert.deepEqual(result.warnings, ['InboundCall event has no agent prefix (<agent_login_Id>#); delivered without an agent']);
  });

  it('reads a DialogID sent without its prefix, with a warning', () => {
    const result = parsed('1001#InboundCall#ACTIVE#16777301#03001234567#a=1#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:');
    assert.equal(result.fields.dialogId, '16777301');
    assert.equal(result.fields.fromAddress, '03001234567');
    assert.deepEqual(result.fields.participants, []);
    assert.match(result.warnings.join('\n'), /"16777301" lacks its "DialogID:" prefix/);
  });

  it('reads a body without DialogID (the document says it is sent for some states only)', () => {
    const result = parsed('1001#InboundCall#ACTIVE#03001234567#a=1#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:0#participants:');
    assert.equal('dialogId' in result.fields, false);
    assert.equal(result.fields.fromAddress, '03001234567');
    assert.deepEqual(result.fields.callVariables, { a: '1' });
    assert.equal(result.fields.startTime, '2024-05-01 10:02:11');
    assert.equal(result.fields.participantsCount, 0);
    assert.deepEqual(result.warnings, []);
  });

  it('rejoins call variables split by a "#" inside a value, finding CallType: by its key', () => {
    const result = parsed('1001#InboundCall#ACTIVE#DialogID:1#0300#note=room #4|vip=yes#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:5001,ACTIVE,AGENT_DEVICE,,t');
    assert.deepEqual(result.fields.callVariables, { note: 'room #4', vip: 'yes' });
    assert.equal(result.fields.startTime, '2024-05-01 10:02:11');
    assert.equal(result.fields.callType, 'ACD_IN');
    assert.match(result.warnings.join('\n'), /rejoined/);
  });

  it('keeps a ParticipantsCount that is not a number as text and warns on a count mismatch', () => {
    const odd = parsed('1001#InboundCall#ACTIVE#DialogID:1#0300##t#CallType:ACD_IN#ParticipantsCount:two#participants:');
    assert.equal(odd.fields.participantsCount, 'two');
    assert.match(odd.warnings.join('\n'), /ParticipantsCount "two" is not a number; kept as text/);
    const mismatch = parsed('1001#InboundCall#ACTIVE#DialogID:1#0300##t#CallType:ACD_IN#ParticipantsCount:3#participants:5001,ACTIVE,AGENT_DEVICE,,t');
    assert.match(mismatch.warnings.join('\n'), /ParticipantsCount:3 but lists 1 participant/);
  });

  it('reads the failure layout', () => {
    const result = parsed('1001#InboundCall#FAILED#DialogID:16777301#CF_GENERIC_OPERATION#Sara Khan');
    assert.equal(result.type, 'InboundCall');
    assert.deepEqual(result.fields, {
      kind: 'inboundCallFailed', eventFor: '1001', agentId: '1001', state: 'FAILED', dialogId: '16777301',
      failureCause: 'CF_GENERIC_OPERATION', fullName: 'Sara Khan',
    });
  });

  it('keeps states and call types the document does not list', () => {
    const result = parsed('1001#InboundCall#DROP#DialogID:1#0300##t#CallType:SILENT_MONITOR_X#ParticipantsCount:0#participants:');
    assert.equal(result.fields.state, 'DROP');
    assert.equal(result.fields.callType, 'SILENT_MONITOR_X');
  });

  it('rejects an InboundCall without a state', () => {
    assert.match(rejectedAt('1001#InboundCall##DialogID:1', ['state']), /^InboundCall event for "1001" rejected: no call state/);
  });
});

describe('parseFinesseEvent: NewInboundCall and NewOutboundPreviewCall (E11, E12)', () => {
  it('reads the NewInboundCall example with the agent prefix', () => {
    const result = parsed('1001#NewInboundCall#03001234567#callVariable1=123|callVariable2=VIP#DialogID:16777301#CallType:ACD_IN#2024-05-01 10:02:11');
    assert.equal(result.type, 'NewInboundCall');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'newInboundCall', eventFor: '1001', agentId: '1001', fromAddress: '03001234567',
      callVariables: { callVariable1: '123', callVariable2: 'VIP' }, callVariableFormat: 'pairs', dialogId: '16777301',
      callType: 'ACD_IN', startTime: '2024-05-01 10:02:11',
    });
  });

  it('reads the document\'s prefix-less NewInboundCall with values-only call variables', () => {
    const result = parsed('NewInboundCall#03001234567#123,VIP#DialogID:16777301#CallType:ACD_IN#2024-05-01 10:02:11');
    assert.equal(result.fields.eventFor, null);
    assert.deepEqual(result.fields.callVariables, { callVariable1: '123', callVariable2: 'VIP' });
    assert.equal(result.fields.callVariableFormat, 'values');
    assert.match(result.warnings.join('\n'), /no agent prefix/);
  });

  it('reads the NewOutboundPreviewCall example, BA variables included', () => {
    const result = parsed('1001#NewOutboundPreviewCall#03007654321#BACampaign=Renewals|BAAccountNumber=991#DialogID:16777400#CallType:OUTBOUND_PREVIEW');
    assert.equal(result.type, 'NewOutboundPreviewCall');
    assert.deepEqual(result.fields, {
      kind: 'newOutboundPreviewCall', eventFor: '1001', agentId: '1001', fromAddress: '03007654321',
      callVariables: { BACampaign: 'Renewals', BAAccountNumber: '991' }, callVariableFormat: 'pairs', dialogId: '16777400',
      callType: 'OUTBOUND_PREVIEW',
    });
    assert.equal(parsed('NewOutboundPreviewCall#03007654321##DialogID:16777400#CallType:OUTBOUND_PREVIEW').fields.eventFor, null);
  });

  it('finds DialogID: by its key when the call variables held "#" or are missing', () => {
    const split = parsed('1001#NewInboundCall#0300#a=x#y|b=2#DialogID:7#CallType:ACD_IN#t');
    assert.deepEqual(split.fields.callVariables, { a: 'x#y', b: '2' });
    assert.equal(split.fields.dialogId, '7');
    const none = parsed('1001#NewInboundCall#0300#DialogID:7#CallType:ACD_IN#t');
    assert.deepEqual(none.fields.callVariables, {});
    assert.equal(none.fields.callType, 'ACD_IN');
  });

  it('rejects an offer without a dialog ID', () => {
    assert.match(rejectedAt('1001#NewInboundCall#0300#a=1#DialogID:#CallType:ACD_IN#t', ['dialogId']), /NewInboundCall event for "1001" rejected: no dialog ID/);
    rejectedAt('1001#NewOutboundPreviewCall#0300#a=1#CallType:OUTBOUND_PREVIEW', ['dialogId']);
    rejectedAt('NewInboundCall#0300', ['dialogId']);
  });
});

describe('parseFinesseEvent: DialogStatus, DialogState and ConsultCall (E8, E13, E14)', () => {
  it('reads the DialogStatus example with its associated dialog', () => {
    const result = parsed('1001#DialogStatus#16777301#ACTIVE#03001234567#callVariable1=A|callVariable2=B#16777302#HELD#5002#');
    assert.equal(result.type, 'DialogStatus');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.fields, {
      kind: 'dialogStatus', eventFor: '1001', agentId: '1001', hasDialog: true, dialogId: '16777301', dialogState: 'ACTIVE',
      fromAddress: '03001234567', callVariables: { callVariable1: 'A', callVariable2: 'B' }, callVariableFormat: 'pairs',
      associatedDialogId: '16777302', associatedDialogState: 'HELD', associatedFromAddress: '5002', associatedCallVariables: {},
      associatedCallVariableFormat: 'values',
    });
  });

  it('reads a DialogStatus without an associated dialog', () => {
    const result = parsed('1001#DialogStatus#16777301#ACTIVE#03001234567#123,VIP####');
    assert.equal(result.fields.hasDialog, true);
    assert.deepEqual(result.fields.callVariables, { callVariable1: '123', callVariable2: 'VIP' });
    assert.equal('associatedDialogId' in result.fields, false);
  });

  it('reads DialogStatus### (no active dialog), with and without the prefix', () => {
    assert.deepEqual(parsed('1001#DialogStatus###').fields, {
      kind: 'dialogStatus', eventFor: '1001', agentId: '1001', hasDialog: false, callVariables: {}, callVariableFormat: 'values',
    });
    const bare = parsed('DialogStatus###');
    assert.equal(bare.fields.hasDialog, false);
    assert.equal(bare.fields.eventFor, null);
    assert.deepEqual(bare.payload.args, ['', '', '']);
  });

  it('reads DialogState', () => {
    const result = parsed('1001#DialogState#ACTIVE#16777301#Sara Khan');
    assert.equal(result.type, 'DialogState');
    assert.deepEqual(result.fields, {
      kind: 'dialogState', eventFor: '1001', agentId: '1001', dialogState: 'ACTIVE', dialogId: '16777301', fullName: 'Sara Khan',
    });
    rejectedAt('1001#DialogState##16777301#Sara Khan', ['dialogState']);
  });

  it('reads ConsultCall, normal and failure', () => {
    const result = parsed('1001#ConsultCall#INITIATED#AssDialogID:16777301#5002#callVariable1=A#Sara Khan');
    assert.equal(result.type, 'ConsultCall');
    assert.deepEqual(result.fields, {
      kind: 'consultCall', eventFor: '1001', agentId: '1001', state: 'INITIATED', associatedDialogId: '16777301',
      fromAddress: '5002', callVariables: { callVariable1: 'A' }, callVariableFormat: 'pairs', agentName: 'Sara Khan',
    });
    assert.deepEqual(parsed('1001#ConsultCall#FAILED#AssDialogID:16777301#CF_INVALID_OBJECT_STATE#Sara Khan').fields, {
      kind: 'consultCallFailed', eventFor: '1001', agentId: '1001', state: 'FAILED', associatedDialogId: '16777301',
      failureCause: 'CF_INVALID_OBJECT_STATE', fullName: 'Sara Khan',
    });
    rejectedAt('1001#ConsultCall', ['state']);
  });

  it('keeps the agent name last when ConsultCall\'s call variables held "#"', () => {
    const result = parsed('1001#ConsultCall#ACTIVE#AssDialogID:1#5002#a=x#y#Sara Khan');
    assert.deepEqual(result.fields.callVariables, { a: 'x#y' });
    assert.equal(result.fields.agentName, 'Sara Khan');
  });
});

describe('parseFinesseEvent: call variables (§1.7)', () => {
  it('splits pairs on "|" and the first "=", keeping empty values and trimming the document\'s "| " artifact', () => {
    const result = parsed('1001#NewInboundCall#0300#callVariable1=| user.case.url=https://x/?a=1 |ani=0300#DialogID:1#CallType:ACD_IN#t');
    assert.deepEqual(result.fields.callVariables, { callVariable1: '', 'user.case.url': 'https://x/?a=1', ani: '0300' });
  });

  it('continues a value that held "|" and keeps a variable named __proto__', () => {
    const result = parsed('1001#NewInboundCall#0300#note=a|b|__proto__=x#DialogID:1#CallType:ACD_IN#t');
    const variables = result.fields.callVariables as Record<string, string>;
    assert.equal(variables.note, 'a|b');
    assert.ok(Object.prototype.hasOwnProperty.call(variables, '__proto__'));
    assert.equal(Object.getPrototypeOf(variables), Object.prototype);
  });

  it('names values positionally and gives an empty field no variables', () => {
    assert.deepEqual(parsed('1001#NewInboundCall#0300#a, b ,#DialogID:1#CallType:ACD_IN#t').fields.callVariables, {
      callVariable1: 'a', callVariable2: 'b', callVariable3: '',
    });
    const empty = parsed('1001#NewInboundCall#0300##DialogID:1#CallType:ACD_IN#t');
    assert.deepEqual(empty.fields.callVariables, {});
  });
});
