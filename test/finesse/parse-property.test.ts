import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FINESSE_EVENT_TYPES, FinesseEventSchema, parseFinesseEvent } from '../../nodes/finesse/schema/events';
import { anyBytesAsText, anyJsonValue, anyString, assertParseResult, mutatedText } from '../support/mutations';

const RUNS = { numRuns: 1000 };

/** Valid GC bodies, one or more per event of the digest's catalogue, in the richer forms the example tests use. */
const VALID_BODIES = [
  'System#IN_SERVICE',
  'System#OUT_OF_SERVICE',
  'DESTINATION#NR_host1_a1b2#RECONNECT',
  'CallBack#Callback scheduled',
  '1001#CallBack#16777500',
  '1001#AgentInfo#Sara#Khan#false#OPTIONAL#5000#Sara Khan#skhan',
  '2001#AgentInfo#Omar#Ali#True#REQUIRED#TotalNumberOfTeams:2#5000Sales|5001 Support#5000#Omar Ali#oali',
  '1001#State#NOT_READY#-1#2024-05-01 10:00:00##2024-05-01T10:00:00.000Z#Sara Khan#1001#5001##Sara Khan#skhan',
  '1001#State#RE_LOGIN',
  '1001#DialogStatus#16777301#ACTIVE#03001234567#callVariable1=A|callVariable2=B#16777302#HELD#5002#',
  '1001#ReasonCodes#Category:NOT_READY#11,12#Labels:Break,Lunch#Sara Khan',
  '1001#InboundCall#FAILED#DialogID:16777301#CF_GENERIC_OPERATION#Sara Khan',
  '1001#InboundCall#ALERTING#DialogID:16777301#03001234567#123,VIP,,Gold#2024-05-01 10:02:11#CallType:ACD_IN#ParticipantsCount:1#participants:5001,ALERTING,AGENT_DEVICE,,2024-05-01 10:02:11',
  '1001#NewInboundCall#03001234567#callVariable1=123|callVariable2=VIP#DialogID:16777301#CallType:ACD_IN#2024-05-01 10:02:11',
  '1001#NewOutboundPreviewCall#03007654321#BACampaign=Renewals|BAAccountNumber=991#DialogID:16777400#CallType:OUTBOUND_PREVIEW',
  '1001#DialogState#ACTIVE#16777301#Sara Khan',
  '1001#ConsultCall#INITIATED#AssDialogID:16777301#5002#callVariable1=A#Sara Khan',
  '1001#ConsultCall#FAILED#AssDialogID:16777301#CF_INVALID_OBJECT_STATE#Sara Khan',
  '2001#TeamInfoIDs#TeamID#5000,5001#Omar Ali',
  '2001#TeamInfoNames#TeamName#Sales,Support#Omar Ali',
  '2001#QueueList#queue_1_Name:Sales,queue_1_WaitingCalls:3|queue_2_Name:Support,queue_2_WaitingCalls=0#Omar Ali',
  '2001#AgentsList#LoginId=1001,Name=Sara Khan Extension=5001,State=READY,Team=Sales|LoginId=1002,Name=Ali Raza Extension=5002,State=NOT_READY,Team=Support',
  '2001#TeamUsersList#FirstName:Sara,LastName:Khan,Extension:5001,',
  '2001#TeamMemberStateChanged#5000#READY',
  '2001#ConferenceParticipants#5001,5002',
  '1001#Control#PrintStatusBar#Hello',
  '2001#Phonebooks#NoPhoneBookFound',
  '2001#PhonebookContacts#description:Head office,firstName:Nadia,lastName:Shah,phoneNumber:0421234567,id:31',
  '2001#TeamPhoneBooks#name:Sales,type:TEAM,id:7',
  '1001#title#data',
  '1001#CallbackMessage#Reminder#Call Mr. Khan back at 15:00',
  '1001#Error#CF_INVALID_OBJECT_STATE',
  'System#Error#PLEASE_RETRY#timeout#30s',
];

/** The `Key:value` prefixes, list separators and tokens GC fields carry, alone and with values. */
const FIELD_TOKENS = [
  'DialogID:', 'DialogID:1', 'AssDialogID:', 'AssDialogID:x', 'CallType:', 'CallType:ACD_IN', 'ParticipantsCount:', 'ParticipantsCount:2',
  'ParticipantsCount:99999999999999999', 'participants:', 'participants:5001,ACTIVE,AGENT_DEVICE,,t|5002', 'Category:', 'Labels:',
  'TotalNumberOfTeams:', 'TotalNumberOfTeams:3', 'TeamID', 'TeamName', 'NoPhoneBookFound', 'NoContactFound', 'NoTeamPhoneBookFound',
  'PrintStatusBar', 'LoginId=1001,Name=x Extension=1,State=READY,Team=S', '__proto__=x|constructor=y', 'a=1|b=2', 'key:value',
  ',', ',,', '|', '||', '=', ':', 'true', 'FALSE', '-1', '0', 'System', 'DESTINATION', 'Error', 'RECONNECT', 'title',
];

/** One GC field: a known token, arbitrary text, or pieces joined by the separators GC nests inside fields. */
const gcField: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FIELD_TOKENS),
  anyString,
  fc.tuple(fc.array(fc.oneof(fc.constantFrom(...FIELD_TOKENS), anyString), { maxLength: 4 }), fc.constantFrom(',', '|', ':', '=', ' '))
    .map(([pieces, separator]) => pieces.join(separator)),
);

/** Every type token the parser dispatches on, in the spellings it folds (case, blanks). */
const typeToken = fc.tuple(fc.constantFrom(...FINESSE_EVENT_TYPES, 'title', 'System', 'DESTINATION'), fc.constantFrom('as-is', 'lower', 'upper', 'padded'))
  .map(([token, spelling]) => (spelling === 'lower' ? token.toLowerCase() : spelling === 'upper' ? token.toUpperCase() : spelling === 'padded' ? ` ${token} ` : token));

const FIELD_EDITS = ['drop', 'replace', 'insert', 'duplicate', 'swap', 'edit-part'] as const;

const fieldEdit = fc.record({ kind: fc.constantFrom(...FIELD_EDITS), at: fc.nat(), field: gcField });

/** A valid body with one to four of its `#` fields dropped, replaced, added, repeated, swapped, or changed inside. */
const mutatedBody: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...VALID_BODIES), fc.array(fieldEdit, { minLength: 1, maxLength: 4 }))
  .map(([body, edits]) => {
    const fields = body.split('#');
    for (const { kind, at, field } of edits) {
      const i = at % (fields.length + (kind === 'insert' ? 1 : 0));
      if (kind === 'drop' && fields.length > 1) fields.splice(i, 1);
      else if (kind === 'replace') fields[i] = field;
      else if (kind === 'insert') fields.splice(i, 0, field);
      else if (kind === 'duplicate') fields.splice(i, 0, fields[i]);
      else if (kind === 'swap') [fields[i], fields[(i + 1) % fields.length]] = [fields[(i + 1) % fields.length], fields[i]];
      else if (kind === 'edit-part') fields[i] = replacedPart(fields[i], at, field);
    }
    return fields.join('#');
  });

/** One of the pieces between `,` `|` `:` `=` replaced, the separators kept. */
function replacedPart(field: string, at: number, replacement: string): string {
  const parts = field.split(/([,|:=])/);
  const pieces = parts.map((part, index) => index).filter((index) => index % 2 === 0);
  parts[pieces[at % pieces.length]] = replacement;
  return parts.join('');
}

/** Never throws; a delivered payload still passes FinesseEventSchema and keeps the body as raw. */
function parsesWithoutThrowing(body: string): void {
  const result = parseFinesseEvent(body);
  assertParseResult(result);
  if (!result.ok) return;
  const checked = FinesseEventSchema.safeParse(result.payload);
  assert.ok(checked.success, `payload fails FinesseEventSchema: ${checked.error?.message}`);
  assert.equal(result.payload.raw, body);
}

describe('parseFinesseEvent: properties', () => {
  it('never throws on a valid body with fields dropped, replaced, added, repeated, swapped or changed inside', () => {
    fc.assert(fc.property(mutatedBody, parsesWithoutThrowing), RUNS);
  });

  it('never throws on any agent, type token and fields', () => {
    const body = fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('1001', '2001', 'System', 'DESTINATION') }, anyString), typeToken, fc.array(gcField, { maxLength: 12 }))
      .map(([agent, type, fields]) => [agent, type, ...fields].join('#'));
    fc.assert(fc.property(body, parsesWithoutThrowing), RUNS);
  });

  it('never throws on a valid body cut short or with characters inserted, deleted or repeated', () => {
    fc.assert(fc.property(mutatedText(fc.constantFrom(...VALID_BODIES)), parsesWithoutThrowing), RUNS);
  });

  it('never throws on any JSON value as text', () => {
    fc.assert(fc.property(anyJsonValue, (value) => parsesWithoutThrowing(JSON.stringify(value))), RUNS);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyString, parsesWithoutThrowing), RUNS);
  });

  it('never throws on arbitrary bytes decoded as UTF-8 or latin1', () => {
    fc.assert(fc.property(anyBytesAsText, parsesWithoutThrowing), RUNS);
  });
});
