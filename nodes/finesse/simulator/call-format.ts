/** Event bodies about dialogs (digest §4.4-§4.6), including the two call-variable encodings of §1.7. */
import { AgentRecord, Dialog, Participant } from './model';

export interface CallFormat {
  /** 'pairs' = `name=value|name=value` (real GC); 'values' = `value,value` (the document). */
  variables: 'pairs' | 'values';
  /** Leave out the `<agent>#` prefix the document omits on InboundCall, NewInboundCall, NewOutboundPreviewCall and CallBack. */
  omitPrefix: boolean;
}

export function variablesField(variables: readonly [string, string][], format: CallFormat): string {
  if (variables.length === 0) return '';
  if (format.variables === 'values') return variables.map(([, value]) => value).join(',');
  return variables.map(([name, value]) => `${name}=${value}`).join('|');
}

/** Real GC: `mediaAddress,state,mediaAddressType,<stateCause>,startTime` per participant, joined by '|'. */
export function participantsField(dialog: Dialog): string {
  return dialog.participants.map((p) => `${p.address},${p.state},${p.agentId ? 'AGENT_DEVICE' : ''},,${p.since}`).join('|');
}

const prefix = (format: CallFormat, agentId: string): string => (format.omitPrefix ? '' : `${agentId}#`);

export function inboundCallEvent(format: CallFormat, agentId: string, dialog: Dialog, state: string): string {
  return `${prefix(format, agentId)}InboundCall#${state}#DialogID:${dialog.id}#${dialog.fromAddress}#${variablesField(dialog.variables, format)}#${dialog.startTime}#CallType:${dialog.callType}#ParticipantsCount:${dialog.participants.length}#participants:${participantsField(dialog)}`;
}

export function inboundCallFailedEvent(agent: AgentRecord, dialogId: string, cause: string): string {
  return `${agent.id}#InboundCall#FAILED#DialogID:${dialogId}#${cause}#${agent.fullName}`;
}

export function newInboundCallEvent(format: CallFormat, agentId: string, dialog: Dialog): string {
  return `${prefix(format, agentId)}NewInboundCall#${dialog.fromAddress}#${variablesField(dialog.variables, format)}#DialogID:${dialog.id}#CallType:${dialog.callType}#${dialog.startTime}`;
}

export function newOutboundPreviewCallEvent(format: CallFormat, agentId: string, dialog: Dialog): string {
  return `${prefix(format, agentId)}NewOutboundPreviewCall#${dialog.fromAddress}#${variablesField(dialog.variables, format)}#DialogID:${dialog.id}#CallType:${dialog.callType}`;
}

/** The consulting agent's view of the consult leg; AssDialogID names the main call the consult belongs to. */
export function consultCallEvent(format: CallFormat, agent: AgentRecord, consult: Dialog, state: string): string {
  return `${agent.id}#ConsultCall#${state}#AssDialogID:${consult.associatedId ?? ''}#${consult.fromAddress}#${variablesField(consult.variables, format)}#${agent.fullName}`;
}

export function dialogStateEvent(agent: AgentRecord, dialog: Dialog): string {
  return `${agent.id}#DialogState#${dialog.state}#${dialog.id}#${agent.fullName}`;
}

export function callbackEvent(format: CallFormat, agentId: string, status: string): string {
  return `${prefix(format, agentId)}CallBack#${status}`;
}

/** `<id>#DialogStatus###` when idle; otherwise one event per dialog, with its associated dialog when there is one. */
export function dialogStatusEvent(format: CallFormat, agent: AgentRecord, dialog?: Dialog, associated?: Dialog): string {
  if (!dialog) return `${agent.id}#DialogStatus###`;
  const main = `${dialog.id}#${stateFor(dialog, agent)}#${dialog.fromAddress}#${variablesField(dialog.variables, format)}`;
  const other = associated
    ? `${associated.id}#${stateFor(associated, agent)}#${associated.fromAddress}#${variablesField(associated.variables, format)}`
    : '###';
  return `${agent.id}#DialogStatus#${main}#${other}`;
}

function stateFor(dialog: Dialog, agent: AgentRecord): string {
  const own: Participant | undefined = dialog.participants.find((p) => p.agentId === agent.id);
  return own ? own.state : dialog.state;
}
