/**
 * The vendor's words, read as the unified model's: GC's agent states (the UCCE transition table of the vendor
 * document, section "Agent State Transition"), its pending states, reason codes and state change times.
 */
import type { Reason, UnifiedState } from '../agent/model';

const STATE_OF: Readonly<Record<string, UnifiedState>> = {
  LOGOUT: 'LOGGED_OUT',
  // "LOGIN is a transient state and transitions to NOT_READY": a signed-in agent not yet available.
  LOGIN: 'NOT_READY',
  NOT_READY: 'NOT_READY',
  READY: 'READY',
  RESERVED: 'RESERVED',
  RESERVED_OUTBOUND: 'RESERVED',
  RESERVED_OUTBOUND_PREVIEW: 'RESERVED',
  TALKING: 'BUSY',
  HOLD: 'BUSY',
  WORK: 'WRAP_UP',
  WORK_READY: 'WRAP_UP',
  UNKNOWN: 'UNKNOWN',
};

/**
 * Where wrap-up leads when the agent does nothing: "Agents automatically transition to NOT_READY [from WORK] / to
 * READY [from WORK_READY] after the wrap-up timer expires" (the transition table).
 */
const AFTER_WRAP_UP: Readonly<Record<string, UnifiedState>> = { WORK: 'NOT_READY', WORK_READY: 'READY' };

/** The states whose reason code is a reason the agent chose (Finesse's NOT_READY and LOGOUT reason categories). */
export const REASON_CATEGORY: Readonly<Partial<Record<UnifiedState, string>>> = { NOT_READY: 'NOT_READY', LOGGED_OUT: 'LOGOUT' };

/** GC's pseudo-state: the agent is unknown to GC ("the client needs to send the Connect and Login commands again"). */
export const RE_LOGIN = 'RE_LOGIN';

/** A state word as the tables spell it: the document prints `RESERVED _OUTBOUND` with stray blanks. */
export function stateWord(word: string): string {
  return word.replace(/\s+/g, '').toUpperCase();
}

/** An agent state word GC does not document is still a state the agent is in: UNKNOWN, its word kept in native. */
export function unifiedState(word: string): UnifiedState {
  return STATE_OF[word] ?? 'UNKNOWN';
}

/**
 * The pending state: GC's `agent_PendingState` when it names one (WORK and WORK_READY pend as WRAP_UP), else the one
 * WORK / WORK_READY imply. An empty field says there is none (null); an absent one (short State form) says nothing.
 */
export function pendingState(word: string, reported: string | undefined): UnifiedState | null | undefined {
  const named = reported === undefined ? undefined : stateWord(reported);
  if (named) return unifiedState(named);
  const implied = AFTER_WRAP_UP[word];
  if (implied) return implied;
  return named === undefined ? undefined : null;
}

/**
 * The reason of a NOT_READY or LOGGED_OUT state. `-1` is GC's "no reason" ("In case of LOGOUT and NOT_READY for the
 * first time it will be -1"), empty is READY's; both clear the reason. Other states carry no reason of their own.
 */
export function reasonOf(state: UnifiedState, code: string | undefined, label: string | undefined, known?: (code: string) => string | undefined): Reason | null | undefined {
  if (REASON_CATEGORY[state] === undefined) return null;
  if (code === undefined) return undefined;
  const trimmed = code.trim();
  if (trimmed === '' || trimmed === '-1') return null;
  const named = label?.trim() || known?.(trimmed);
  return named ? { code: trimmed, label: named } : { code: trimmed };
}

// Full date, time and an explicit zone: GC's other time form, `yyyy-MM-dd HH:mm:ss`, is local time of an unknown zone.
const ZONED_ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `agent_StateChangeTime` as the observation's eventTime. The document names the field but not its format; Finesse
 * gives ISO 8601 with a zone, which orders this agent's states and dates their start. Any other form is left out
 * (arrival order decides).
 */
export function stateChangeTime(field: string | undefined): string | undefined {
  const value = field?.trim();
  if (!value || !ZONED_ISO_RE.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * Dialog states after which the agent is no longer on the dialog: GC sends DROP "in case of (Failed, Dropped,
 * Deleted)", FAILED in its failure layout; the Finesse words themselves and WRAP_UP (the call is over, the agent
 * wraps up) are read the same way. Every other word, the ones the document lost included, is a live dialog.
 */
const DIALOG_ENDED: ReadonlySet<string> = new Set(['DROP', 'DROPPED', 'FAILED', 'DELETED', 'WRAP_UP']);

export function dialogEnded(word: string): boolean {
  return DIALOG_ENDED.has(stateWord(word));
}
