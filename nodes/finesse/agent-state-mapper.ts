/**
 * Reads the messages of cc-finesse-events and the replies of cc-finesse-command (the same event messages, plus
 * msg.command) as unified agent observations. GC's State event says what an agent does; dialog events only count
 * the agent's contacts, since State already reports every state change ("GC sends this event when the agent state
 * is changed on finesse") and a dialog does not always change it: a supervisor silently monitoring a call has a
 * live dialog and stays NOT_READY.
 */
import type { AgentMapper, AgentObservation, AgentSourceMessage } from '../agent/model';
import { AgentDialogs, ReasonLabels } from './agent-state-mapper-memory';
import {
  dialogEnded, pendingState, REASON_CATEGORY, RE_LOGIN, reasonOf, stateChangeTime, stateWord, unifiedState,
} from './agent-state-mapper-words';

export interface FinesseAgentStateMapperOptions {
  /** Agents whose dialogs are remembered at once; beyond, the one whose dialogs changed longest ago is forgotten. */
  maxAgents?: number;
  /** Dialogs remembered per agent; beyond, the oldest is forgotten. */
  maxDialogsPerAgent?: number;
  /** Reason code labels remembered per category (NOT_READY, LOGOUT); beyond, the one learned longest ago goes. */
  maxReasonCodes?: number;
}

type Fields = Record<string, unknown>;

/** One agent's state as a State event or a list item tells it; every field but the state word may be missing. */
interface StateReport {
  word?: string;
  reasonCode?: string;
  reasonLabel?: string;
  pending?: string;
  changeTime?: string;
  name?: string;
  extension?: string;
}

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A name, extension or ID: blank is not one. */
const filled = (value: unknown): string | undefined => textOf(value)?.trim() || undefined;

/**
 * cc-finesse-command's second output keeps the input message's payload and event and adds msg.error; its first
 * output always carries the reply record msg.command = { name, type, … }. A failure says nothing new about an agent.
 */
const isCommandFailure = (msg: Fields): boolean => msg.error !== undefined && !isFields(msg.command);

export class FinesseAgentStateMapper implements AgentMapper {
  readonly vendor = 'finesse' as const;
  private readonly dialogs: AgentDialogs;
  private readonly labels: ReasonLabels;

  constructor(options: FinesseAgentStateMapperOptions = {}) {
    this.dialogs = new AgentDialogs(options.maxAgents ?? 50000, options.maxDialogsPerAgent ?? 16);
    this.labels = new ReasonLabels(options.maxReasonCodes ?? 1000);
  }

  map(msg: AgentSourceMessage): AgentObservation[] {
    if (!isFields(msg) || isCommandFailure(msg)) return [];
    const { event, payload } = msg;
    if (!isFields(event) || event.vendor !== 'finesse' || typeof event.type !== 'string' || !isFields(payload)) return [];
    const type = event.type;
    const agentId = filled(payload.agentId);
    switch (payload.kind) {
      case 'agentState':
        return agentId && filled(payload.state) ? [this.stateObservation(agentId, type, stateEventReport(payload))] : [];
      case 'agentInfo':
        return agentId ? this.agentInfo(agentId, type, payload) : [];
      case 'reasonCodes':
        this.learnReasons(payload);
        return [];
      case 'agentsList':
      case 'teamUsersList':
        return this.listedAgents(type, payload);
      case 'dialogStatus':
        return agentId ? this.dialogStatus(agentId, type, payload) : [];
      case 'newInboundCall':
      case 'newOutboundPreviewCall':
      case 'inboundCall':
      case 'inboundCallFailed':
      case 'dialogState':
        return agentId ? this.dialogUpdate(agentId, type, payload) : [];
      default:
        // ConsultCall is left out: its AssDialogID names the consult leg or the main call (the document is
        // unclear), and a consultation is part of the agent's contact, not a contact of its own.
        return [];
    }
  }

  private stateObservation(agentId: string, type: string, report: StateReport): AgentObservation {
    const observation: AgentObservation = { agentId, native: { type } };
    if (report.name) observation.name = report.name;
    if (report.extension) observation.extension = report.extension;
    if (report.word === undefined) return observation;
    observation.native.state = report.word.trim();
    const word = stateWord(report.word);
    if (word === RE_LOGIN) {
      // GC no longer knows the agent and reports nothing about it until Connect and Login again: what the agent
      // does in Finesse meanwhile is unknown.
      this.dialogs.forget(agentId);
      return { ...observation, state: 'UNKNOWN', reason: null, pending: null };
    }
    const state = unifiedState(word);
    observation.state = state;
    const category = REASON_CATEGORY[state];
    const reason = reasonOf(state, report.reasonCode, report.reasonLabel, category ? (code) => this.labels.label(category, code) : undefined);
    if (reason !== undefined) observation.reason = reason;
    const pending = pendingState(word, report.pending);
    if (pending !== undefined) observation.pending = pending;
    const eventTime = stateChangeTime(report.changeTime);
    if (eventTime) observation.eventTime = eventTime;
    if (state === 'LOGGED_OUT') {
      this.dialogs.forget(agentId);
      observation.contacts = 0;
    }
    return observation;
  }

  /** Sent once per session after a successful login: the agent's names. */
  private agentInfo(agentId: string, type: string, payload: Fields): AgentObservation[] {
    const name = filled(payload.fullName) ?? filled(`${textOf(payload.firstName) ?? ''} ${textOf(payload.lastName) ?? ''}`);
    return name ? [{ agentId, name, native: { type } }] : [];
  }

  /** Labels for codes that State events send without one; only the NOT_READY and LOGOUT categories have codes. */
  private learnReasons(payload: Fields): void {
    const category = stateWord(textOf(payload.category) ?? '');
    if (category !== 'NOT_READY' && category !== 'LOGOUT') return;
    if (!Array.isArray(payload.reasons)) return;
    for (const reason of payload.reasons) {
      if (!isFields(reason)) continue;
      const code = filled(reason.code);
      const label = filled(reason.label);
      if (code && label) this.labels.learn(category, code, label);
    }
  }

  /** getallagents (AgentsList) and getteamusers (TeamUsersList): one observation per listed user with a login ID. */
  private listedAgents(type: string, payload: Fields): AgentObservation[] {
    if (!Array.isArray(payload.users)) return [];
    const observations: AgentObservation[] = [];
    for (const user of payload.users) {
      const agentId = isFields(user) ? filled(user.loginId) : undefined;
      if (!agentId) continue;
      const report = listedUserReport(user as Fields);
      if (report.word === undefined && !report.name && !report.extension) continue;
      observations.push(this.stateObservation(agentId, type, report));
    }
    return observations;
  }

  /**
   * Sent after login and after a GC failover: the agent's active dialog, or `DialogStatus###` for none. The
   * associated dialog is not counted: it is linked to the agent's dialog, not necessarily one the agent is on.
   */
  private dialogStatus(agentId: string, type: string, payload: Fields): AgentObservation[] {
    if (payload.hasDialog === false) {
      this.dialogs.forget(agentId);
      return [{ agentId, contacts: 0, native: { type } }];
    }
    const dialogId = filled(payload.dialogId);
    if (payload.hasDialog !== true || !dialogId) return [];
    const word = filled(payload.dialogState);
    const contacts = word && dialogEnded(word) ? this.dialogs.remove(agentId, dialogId) : this.dialogs.add(agentId, dialogId);
    return [withName({ agentId, contacts, native: word ? { type, state: word } : { type } }, payload)];
  }

  /**
   * A dialog offered (NewInboundCall, NewOutboundPreviewCall), changed (InboundCall, DialogState) or failed. Without
   * its dialog ID (the document sends `DialogID:` for some states only) an event cannot be counted.
   */
  private dialogUpdate(agentId: string, type: string, payload: Fields): AgentObservation[] {
    const dialogId = filled(payload.dialogId);
    if (!dialogId) return [];
    // The failure layout of InboundCall carries its state, FAILED, like the normal one.
    const word = filled(payload.kind === 'dialogState' ? payload.dialogState : payload.state);
    const contacts = word && dialogEnded(word) ? this.dialogs.remove(agentId, dialogId) : this.dialogs.add(agentId, dialogId);
    return [withName({ agentId, contacts, native: word ? { type, state: word } : { type } }, payload)];
  }
}

/** The State event's fields (the vendor document, section "AgentState"). */
function stateEventReport(payload: Fields): StateReport {
  return {
    word: textOf(payload.state),
    reasonCode: textOf(payload.reasonCode),
    reasonLabel: textOf(payload.reasonLabel),
    pending: textOf(payload.pendingState),
    changeTime: textOf(payload.stateChangeTime),
    name: filled(payload.fullName),
    extension: filled(payload.extension),
  };
}

/**
 * One user of AgentsList (`LoginId=…,Name=… Extension=…,State=…`) or TeamUsersList (FirstName, LastName, Extension,
 * loginID, state, pendingState, stateChangeTime, …), as the parser keys them. A list gives a label without its code,
 * which is no reason the model can hold.
 */
function listedUserReport(user: Fields): StateReport {
  const state = filled(user.state);
  return {
    word: state,
    pending: textOf(user.pendingState),
    changeTime: textOf(user.stateChangeTime),
    name: filled(user.name) ?? filled(`${textOf(user.firstName) ?? ''} ${textOf(user.lastName) ?? ''}`),
    extension: filled(user.extension),
  };
}

/** DialogState and the failure layout of InboundCall end with the agent's full name. */
function withName(observation: AgentObservation, payload: Fields): AgentObservation {
  const name = filled(payload.fullName);
  if (name) observation.name = name;
  return observation;
}

export function createFinesseAgentStateMapper(options?: FinesseAgentStateMapperOptions): FinesseAgentStateMapper {
  return new FinesseAgentStateMapper(options);
}
