/**
 * The payload of every GC event as a zod discriminated union on `kind` (digest §4, §5). Values
 * the vendor document leaves open (states, call types, categories) are plain strings: unknown
 * values are never rejected. Fields a body may end before are optional and absent when not sent.
 */
import { z } from 'zod';
import {
  callVariables, common, count, keyedItem, optionalText, participant, reason, team, text,
} from './payload-parts';

function variant<K extends string, S extends z.ZodRawShape>(kind: K, shape: S) {
  return z.strictObject({ kind: z.literal(kind), ...common, ...shape });
}

const system = variant('system', { status: text });
const destination = variant('destination', { destination: text, action: text });
const error = variant('error', {
  errorFor: text,
  error: text,
  extra: z.array(text),
  /** True when the name is one of the 20 errors of the vendor document. */
  documented: z.boolean(),
});

const agentInfo = variant('agentInfo', {
  firstName: text,
  lastName: text,
  isSupervisor: z.boolean(),
  wrapUpMode: optionalText,
  teamId: optionalText,
  fullName: optionalText,
  loginName: optionalText,
  /** Supervisor form only: `TotalNumberOfTeams:<n>` and the `|`-separated team list. */
  teamsCount: count.optional(),
  teams: z.array(team).optional(),
});

const agentState = variant('agentState', {
  /** An agent state, or GC's pseudo-state RE_LOGIN (the agent is unknown to GC: connect and log in again). */
  state: text,
  /** '' for READY, '-1' for LOGOUT and the first NOT_READY. */
  reasonCode: optionalText,
  stateChangeTimeString: optionalText,
  pendingState: optionalText,
  stateChangeTime: optionalText,
  fullName: optionalText,
  loginId: optionalText,
  extension: optionalText,
  reasonLabel: optionalText,
  loginName: optionalText,
});

const dialogStatus = variant('dialogStatus', {
  /** False for GC's `DialogStatus###`: the agent has no active dialog. */
  hasDialog: z.boolean(),
  dialogId: optionalText,
  dialogState: optionalText,
  fromAddress: optionalText,
  ...callVariables,
  associatedDialogId: optionalText,
  associatedDialogState: optionalText,
  associatedFromAddress: optionalText,
  associatedCallVariables: callVariables.callVariables.optional(),
  associatedCallVariableFormat: callVariables.callVariableFormat.optional(),
});

const reasonCodes = variant('reasonCodes', {
  category: text,
  codes: z.array(text),
  labels: z.array(text),
  reasons: z.array(reason),
  fullName: optionalText,
});

const inboundCall = variant('inboundCall', {
  state: text,
  dialogId: optionalText,
  fromAddress: optionalText,
  ...callVariables,
  startTime: optionalText,
  callType: optionalText,
  participantsCount: count.optional(),
  participants: z.array(participant),
});

const inboundCallFailed = variant('inboundCallFailed', {
  state: text,
  dialogId: optionalText,
  failureCause: optionalText,
  fullName: optionalText,
});

const newInboundCall = variant('newInboundCall', {
  fromAddress: text,
  ...callVariables,
  dialogId: text,
  callType: optionalText,
  startTime: optionalText,
});

const newOutboundPreviewCall = variant('newOutboundPreviewCall', {
  fromAddress: text,
  ...callVariables,
  dialogId: text,
  callType: optionalText,
});

const dialogState = variant('dialogState', { dialogState: text, dialogId: optionalText, fullName: optionalText });

const consultCall = variant('consultCall', {
  state: text,
  associatedDialogId: optionalText,
  fromAddress: optionalText,
  ...callVariables,
  agentName: optionalText,
});

const consultCallFailed = variant('consultCallFailed', {
  state: text,
  associatedDialogId: optionalText,
  failureCause: optionalText,
  fullName: optionalText,
});

const teamInfoIds = variant('teamInfoIds', { teamIds: z.array(text), fullName: optionalText });
const teamInfoNames = variant('teamInfoNames', { teamNames: z.array(text), fullName: optionalText });
/** The QueueList layouts were lost (§4.7): the segments are kept, plus any `key:value` / `key=value` pairs in them. */
const queueList = variant('queueList', { queues: z.array(text), fields: keyedItem });
const agentsList = variant('agentsList', { users: z.array(keyedItem) });
const teamUsersList = variant('teamUsersList', { users: z.array(keyedItem) });
const teamMemberStateChanged = variant('teamMemberStateChanged', { teamId: optionalText, state: optionalText });
const conferenceParticipants = variant('conferenceParticipants', { extensions: z.array(text) });
const control = variant('control', { action: text, message: text });
/** `found` is false for GC's `No…Found` sentinels. */
const phonebooks = variant('phonebooks', { found: z.boolean(), phonebooks: z.array(keyedItem) });
const phonebookContacts = variant('phonebookContacts', { found: z.boolean(), contacts: z.array(keyedItem) });
const teamPhoneBooks = variant('teamPhoneBooks', { found: z.boolean(), phonebooks: z.array(keyedItem) });
const callbackScheduled = variant('callbackScheduled', { callback: text });
/** `<id>#title#data`: whether `title` is literal is unclear (§8 Q26); it is absent when the body used the literal token. */
const callbackMessage = variant('callbackMessage', { title: optionalText, data: text });
const unknown = variant('unknown', {});

export const FinesseEventSchema = z.discriminatedUnion('kind', [
  system, destination, error, agentInfo, agentState, dialogStatus, reasonCodes, inboundCall, inboundCallFailed,
  newInboundCall, newOutboundPreviewCall, dialogState, consultCall, consultCallFailed, teamInfoIds, teamInfoNames,
  queueList, agentsList, teamUsersList, teamMemberStateChanged, conferenceParticipants, control, phonebooks,
  phonebookContacts, teamPhoneBooks, callbackScheduled, callbackMessage, unknown,
]);

export type FinesseEventPayload = z.output<typeof FinesseEventSchema>;
export type FinesseEventKind = FinesseEventPayload['kind'];
export type FinesseEventOf<K extends FinesseEventKind> = Extract<FinesseEventPayload, { kind: K }>;

type CommonKey = keyof typeof common;
/** What an event builder returns: a payload without the fields every payload shares. */
export type EventBody<K extends FinesseEventKind = FinesseEventKind> = K extends FinesseEventKind
  ? Omit<FinesseEventOf<K>, CommonKey>
  : never;
