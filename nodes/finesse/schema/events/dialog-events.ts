/**
 * Builders for the dialog events (digest §4.4–§4.6, E8, E10–E14). Where a layout has a keyed
 * field after the call variables (`CallType:`, `DialogID:`), the builder finds it by its key, so
 * an omitted DialogID or a `#` inside the call variables does not shift the fields after it.
 */
import { parseCallVariables, parseParticipants } from './call-data';
import type { EventArgs } from './event-args';
import { countOf, stripPrefix } from './fields';
import type { EventBody } from './payload-schema';

/** E8; `<id>#DialogStatus###` (no dialog ID) means the agent has no active dialog. */
export function dialogStatus(a: EventArgs): EventBody<'dialogStatus'> {
  a.expectAtMost(8);
  const dialogId = a.at(0);
  if (!dialogId) return { kind: 'dialogStatus', hasDialog: false, ...parseCallVariables(undefined, a.warnings) };
  const dialog = {
    kind: 'dialogStatus',
    hasDialog: true,
    dialogId,
    dialogState: a.at(1),
    fromAddress: a.at(2),
    ...parseCallVariables(a.args[3], a.warnings),
  } as const;
  const associatedDialogId = a.at(4);
  if (!associatedDialogId) return dialog;
  const associated = parseCallVariables(a.args[7], a.warnings);
  return {
    ...dialog,
    associatedDialogId,
    associatedDialogState: a.at(5),
    associatedFromAddress: a.at(6),
    associatedCallVariables: associated.callVariables,
    associatedCallVariableFormat: associated.callVariableFormat,
  };
}

/**
 * E10. Normal: `<state>#DialogID:<id>#<from>#<vars>#<start>#CallType:<t>#ParticipantsCount:<n>#participants:<list>`.
 * Failure: `FAILED#DialogID:<id>#<cause>#<full name>` (at most 4 fields after the type).
 */
export function inboundCall(a: EventArgs): EventBody<'inboundCall' | 'inboundCallFailed'> {
  const state = a.required(0, 'state', 'call state (<Inboundcall_current_state>)');
  if (state === 'FAILED' && a.length <= 4) {
    return { kind: 'inboundCallFailed', state, dialogId: a.prefixed(1, 'DialogID:'), failureCause: a.at(2), fullName: a.at(3) };
  }
  const found = a.find('CallType:', 1);
  const typeAt = found === -1 ? 5 : found;
  // The document says DialogID is sent for some states only: without its key it is taken as
  // omitted, unless the full count of fields before CallType says it is there.
  const withDialog = stripPrefix(a.at(1) ?? '', 'DialogID:') !== undefined || typeAt - 1 >= 4;
  const fromAt = withDialog ? 2 : 1;
  const startAt = typeAt - 1;
  const variableFields = startAt - fromAt - 1;
  const variables = variableFields > 1 ? rejoined(a, fromAt + 1, startAt) : variableFields >= 0 ? a.args[fromAt + 1] : undefined;
  a.expectAtMost(typeAt + 3);

  const countField = a.prefixed(typeAt + 1, 'ParticipantsCount:');
  const participantsCount = countField ? countOf(countField, 'InboundCall ParticipantsCount', a.warnings) : undefined;
  const participantsField = a.prefixed(typeAt + 2, 'participants:');
  const participants = parseParticipants(participantsField);
  if (typeof participantsCount === 'number' && participantsField !== undefined && participantsCount !== participants.length) {
    a.warnings.push(`InboundCall says ParticipantsCount:${participantsCount} but lists ${participants.length} participant(s)`);
  }
  return {
    kind: 'inboundCall',
    state,
    dialogId: withDialog ? a.prefixed(1, 'DialogID:') : undefined,
    fromAddress: fromAt < typeAt ? a.at(fromAt) : undefined,
    ...parseCallVariables(variables, a.warnings),
    startTime: variableFields >= 1 ? a.at(startAt) : undefined,
    callType: a.prefixed(typeAt, 'CallType:'),
    participantsCount,
    participants,
  };
}

/** E11: `<from>#<vars>#DialogID:<id>#CallType:<t>#<start>`. */
export function newInboundCall(a: EventArgs): EventBody<'newInboundCall'> {
  const { dialogAt, offer } = offeredCall(a, 3);
  return { kind: 'newInboundCall', ...offer, startTime: a.at(dialogAt + 2) };
}

/** E12: `<from>#<vars>#DialogID:<id>#CallType:<t>` (no start time). */
export function newOutboundPreviewCall(a: EventArgs): EventBody<'newOutboundPreviewCall'> {
  return { kind: 'newOutboundPreviewCall', ...offeredCall(a, 2).offer };
}

/** What both offers share; `fieldsFromDialog` counts the layout's fields from DialogID on. */
function offeredCall(a: EventArgs, fieldsFromDialog: number) {
  const found = a.find('DialogID:', 1);
  const dialogAt = found === -1 ? 2 : found;
  const variables = dialogAt > 2 ? rejoined(a, 1, dialogAt) : dialogAt === 2 ? a.args[1] : undefined;
  a.expectAtMost(dialogAt + fieldsFromDialog);
  // Without a `DialogID:` key, position 4 is the dialog ID unless it is the CallType field (ID omitted).
  const omitted = found === -1 && stripPrefix(a.at(2) ?? '', 'CallType:') !== undefined;
  const dialogId = omitted ? '' : (a.prefixed(dialogAt, 'DialogID:') ?? '');
  if (dialogId === '') a.problem('dialogId', 'no dialog ID (DialogID:<dialog_ID>)');
  const offer = {
    fromAddress: a.at(0) ?? '',
    ...parseCallVariables(variables, a.warnings),
    dialogId,
    callType: a.prefixed(dialogAt + 1, 'CallType:'),
  };
  return { dialogAt, offer };
}

/** E13: `<dialog_state>#<dialog_ID>#<agent_full_name>`. */
export function dialogState(a: EventArgs): EventBody<'dialogState'> {
  a.expectAtMost(3);
  return { kind: 'dialogState', dialogState: a.required(0, 'dialogState', 'dialog state (<dialog_state>)'), dialogId: a.at(1), fullName: a.at(2) };
}

/**
 * E14. Normal: `<state>#AssDialogID:<id>#<from>#<vars>#<agent name>`. The failure layout is blank
 * in the document; by analogy with InboundCall it is `FAILED#AssDialogID:<id>#<cause>#<full name>`.
 */
export function consultCall(a: EventArgs): EventBody<'consultCall' | 'consultCallFailed'> {
  const state = a.required(0, 'state', 'consult call state (<ConsultCall_current_state>)');
  const associatedDialogId = a.prefixed(1, 'AssDialogID:');
  if (state === 'FAILED' && a.length <= 4) {
    return { kind: 'consultCallFailed', state, associatedDialogId, failureCause: a.at(2), fullName: a.at(3) };
  }
  const nameAt = Math.max(a.length - 1, 4);
  return {
    kind: 'consultCall',
    state,
    associatedDialogId,
    fromAddress: a.at(2),
    ...parseCallVariables(nameAt > 4 ? rejoined(a, 3, nameAt) : a.args[3], a.warnings),
    agentName: a.at(nameAt),
  };
}

/** Call variables spread over several segments: a value held `#`. */
function rejoined(a: EventArgs, from: number, to: number): string {
  a.warnings.push(`${a.type} call variables span ${to - from} "#"-separated fields; rejoined on the assumption that a value held "#"`);
  return a.args.slice(from, to).join('#');
}
