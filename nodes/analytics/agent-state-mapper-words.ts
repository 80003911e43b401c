/**
 * The Agent producer's measures that speak of an agent's state, and what its state words mean in the unified model.
 * Sources: the vendor document's "Agent goes Ready/Not Ready" samples and field notes, "Eventing considerations"
 * (LOGGED OUT → PENDING_LOGIN → LOGGED IN) and the FAQ "How to determine if an agent is logged in or logged out?".
 */
import type { UnifiedState } from '../agent/model';
import { timestampMs } from './schema/timestamps';

export interface AgentStateMeaning {
  state: UnifiedState;
  /** The state the agent moves to once its work ends; null for a word that leaves nothing pending. */
  pending: UnifiedState | null;
  /** Whether the row's not-ready reason code belongs to this state (it is sent with every state, READY included). */
  takesReason: boolean;
}

const READY: AgentStateMeaning = { state: 'READY', pending: null, takesReason: false };
const NOT_READY: AgentStateMeaning = { state: 'NOT_READY', pending: null, takesReason: true };
const LOGGED_OUT: AgentStateMeaning = { state: 'LOGGED_OUT', pending: null, takesReason: false };

/** Keyed by the normalised word (upper case, blanks and hyphens as `_`), since the document spells them several ways. */
const AGENT_STATES: Record<string, AgentStateMeaning> = {
  READY,
  NOT_READY,
  // Still taking work until what it has ends; the reason it carries is the one the coming NOT_READY will have.
  PENDING_NOT_READY: { state: 'READY', pending: 'NOT_READY', takesReason: true },
  LOGGED_OUT,
  // The FAQ's "Logout".
  LOGOUT: LOGGED_OUT,
  // Logging in, and logged in without a word on readiness: present but not taking work. The document puts the
  // not-ready reason code on these login events, which only fits an agent that is not ready.
  PENDING_LOGIN: NOT_READY,
  LOGGED_IN: NOT_READY,
  LOGIN: NOT_READY,
};

/** Undefined for a word the document does not list: the agent is then UNKNOWN, its word kept in native.state. */
export function agentStateMeaning(agentState: string): AgentStateMeaning | undefined {
  return AGENT_STATES[normalised(agentState)];
}

/**
 * Of the work states the document names (Available, Unavailable, Busy, Idle), only Busy changes what the agent
 * does: the others repeat what the agent state already says.
 */
export function isBusy(workState: string | undefined): boolean {
  return workState !== undefined && normalised(workState) === 'BUSY';
}

/** The unified state the agent and work states give together; undefined when neither says it. */
export function unifiedState(agentState: string | undefined, workState: string | undefined): UnifiedState | undefined {
  const meaning = agentState === undefined ? undefined : agentStateMeaning(agentState);
  if (meaning?.state === 'LOGGED_OUT') return 'LOGGED_OUT';
  if (isBusy(workState)) return 'BUSY';
  if (agentState !== undefined && meaning === undefined) return 'UNKNOWN';
  return meaning?.state;
}

/** What one Agent row or delta carries that the mapper reads; a measure not carried stays undefined. */
export interface AgentMeasures {
  agentState?: string;
  workState?: string;
  reasonCode?: string;
  reasonLabel?: string;
  stateChangedAt?: number;
  contacts?: number;
  name?: string;
}

export function readAgentMeasures(measures: Record<string, unknown>): AgentMeasures {
  const read: AgentMeasures = {
    agentState: word(measures.agentState),
    workState: word(measures.workState),
    reasonCode: value(measures.nrReasonCode),
    reasonLabel: value(measures.nrReasonCodeName),
    stateChangedAt: timestampMs(measures.lastStateChangeTimestamp),
    contacts: count(measures.activeWorkCount),
    name: value(measures.agentDisplayName) ?? fullName(value(measures.agentFirstName), value(measures.agentLastName)),
  };
  for (const key of Object.keys(read) as (keyof AgentMeasures)[]) if (read[key] === undefined) delete read[key];
  return read;
}

function normalised(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** A state word as sent; "UNKNOWN" stays, since for a state it is a value of its own. */
function word(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** Text or a number written out; the document's samples fill a measure that has no value with "UNKNOWN". */
function value(raw: unknown): string | undefined {
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : word(raw);
  return text === undefined || text.toUpperCase() === 'UNKNOWN' ? undefined : text;
}

/** activeWorkCount arrives as a string ("0") or a number. */
function count(raw: unknown): number | undefined {
  const text = value(raw);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function fullName(first: string | undefined, last: string | undefined): string | undefined {
  const name = [first, last].filter((part) => part !== undefined).join(' ');
  return name === '' ? undefined : name;
}
