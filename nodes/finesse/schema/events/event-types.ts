/**
 * The event type tokens of `<Event_For>#<Event_Type>#…` bodies (digest §4.1), each with its family
 * and builder. System, DESTINATION and Error bodies break that pattern and are read in parse.ts.
 */
import { agentInfo, agentState, callbackMessage, callbackMessageAsPrinted, callbackScheduled, control, reasonCodes } from './agent-events';
import { consultCall, dialogState, dialogStatus, inboundCall, newInboundCall, newOutboundPreviewCall } from './dialog-events';
import type { EventArgs } from './event-args';
import { agentsList, phonebookContacts, phonebooks, queueList, teamPhoneBooks, teamUsersList } from './list-events';
import type { EventBody } from './payload-schema';
import { conferenceParticipants, teamInfoIds, teamInfoNames, teamMemberStateChanged } from './supervisor-events';

/** msg.event.family: the kind of Event_For (§1.4). */
export type FinesseFamily = 'system' | 'destination' | 'agent' | 'supervisor';

export interface EventSpec {
  /** As msg.topic spells it. */
  type: string;
  family: 'agent' | 'supervisor';
  /** The body layout after the type token, quoted when a required field is missing. */
  layout: string;
  build(a: EventArgs): EventBody;
}

function event(type: string, family: EventSpec['family'], layout: string, build: EventSpec['build']): EventSpec {
  return { type, family, layout, build };
}

const SPECS: readonly EventSpec[] = [
  event('CallBack', 'agent', '<CallBack>', callbackScheduled),
  event('AgentInfo', 'agent', '<first_name>#<last_name>#<Is_Supervisor>#<wrap_up_mode>#…', agentInfo),
  event('State', 'agent', '<agent_current_state>[#<resonCodeId>#…]', agentState),
  event('DialogStatus', 'agent', '<dialog_ID>#<DialogState>#<fromAddress>#<Call-Variables>#…', dialogStatus),
  event('ReasonCodes', 'agent', 'Category:<category>#<codes>#Labels:<labels>#<agent_full_name>', reasonCodes),
  event('InboundCall', 'agent', '<Inboundcall_current_state>#DialogID:<dialog_ID>#<fromAddress>#…', inboundCall),
  event('NewInboundCall', 'agent', '<from_address>#<call variables>#DialogID:<dialog_ID>#CallType:<call_type>#<start_time>', newInboundCall),
  event('NewOutboundPreviewCall', 'agent', '<from_address>#<call variables>#DialogID:<dialog_ID>#CallType:<call_type>', newOutboundPreviewCall),
  event('DialogState', 'agent', '<dialog_state>#<dialog_ID>#<agent_full_name>', dialogState),
  event('ConsultCall', 'agent', '<ConsultCall_current_state>#AssDialogID:<associated_dialog_ID>#…', consultCall),
  event('TeamInfoIDs', 'supervisor', 'TeamID#<team_IDs>#<agent_full_name>', teamInfoIds),
  event('TeamInfoNames', 'supervisor', 'TeamName#<team_names>#<agent_full_name>', teamInfoNames),
  event('QueueList', 'supervisor', '<queue fields>', queueList),
  event('AgentsList', 'agent', 'LoginId=…,Name=… Extension=…,State=…,Team=…|…', agentsList),
  event('TeamUsersList', 'supervisor', 'FirstName:…,LastName:…,Extension:…,…|…', teamUsersList),
  event('TeamMemberStateChanged', 'supervisor', '<teamID>#<agent_state>', teamMemberStateChanged),
  event('ConferenceParticipants', 'supervisor', '<extension_1>,<extension_2>,…', conferenceParticipants),
  event('Control', 'agent', 'PrintStatusBar#<Message_To_Agent>', control),
  event('Phonebooks', 'supervisor', 'name:<name>,type:<type>,id:<id> or NoPhoneBookFound', phonebooks),
  event('PhonebookContacts', 'supervisor', 'description:…,firstName:…,lastName:…,phoneNumber:…,id:… or NoContactFound', phonebookContacts),
  event('TeamPhoneBooks', 'supervisor', 'name:<name>,type:<type>,id:<id> or NoTeamPhoneBookFound', teamPhoneBooks),
  event('CallbackMessage', 'agent', '<title>#<data>', callbackMessage),
];

/** The document prints CallbackMessage as `<agent_login_Id>#title#data`; `title` may be that literal token. */
const PRINTED_CALLBACK_MESSAGE = event('CallbackMessage', 'agent', '<data>', callbackMessageAsPrinted);

/** Every event type the parser knows, as msg.topic spells it (for the editor's filters). */
export const FINESSE_EVENT_TYPES: readonly string[] = Object.freeze([
  'IN_SERVICE',
  'OUT_OF_SERVICE',
  'RECONNECT',
  ...SPECS.map((spec) => spec.type),
  'Error',
]);

/** §1.4: the document prints these without the agent prefix; a body may start with them. */
export const PREFIXLESS_TYPES: ReadonlySet<string> = new Set(['InboundCall', 'NewInboundCall', 'NewOutboundPreviewCall', 'CallBack', 'DialogStatus']);

export const SYSTEM_STATUSES: readonly string[] = ['IN_SERVICE', 'OUT_OF_SERVICE'];

const BY_TOKEN: ReadonlyMap<string, EventSpec> = new Map([...SPECS.map((spec) => [spec.type, spec] as const), ['title', PRINTED_CALLBACK_MESSAGE]]);
const BY_FOLDED_TOKEN: ReadonlyMap<string, EventSpec> = new Map([...BY_TOKEN].map(([token, spec]) => [token.toLowerCase(), spec]));

/** The spec for a type token; `exact` is false when it matched only once blanks and case were ignored. */
export function eventSpecFor(token: string): { spec: EventSpec; exact: boolean } | undefined {
  const spec = BY_TOKEN.get(token);
  if (spec !== undefined) return { spec, exact: true };
  const folded = BY_FOLDED_TOKEN.get(token.trim().toLowerCase());
  return folded === undefined ? undefined : { spec: folded, exact: false };
}
