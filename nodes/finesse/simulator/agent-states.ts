/**
 * The UCCE agent state transition table (digest §4.9) as pure rules: which state a command may set now, which it
 * may only set as pending (during a call), and where an agent goes when its last call ends.
 */
import { AgentRecord } from './model';
import { WrapUpMode } from './options';

export type StateRequest = 'READY' | 'NOT_READY' | 'WORK' | 'WORK_READY' | 'LOGOUT';
export type Verdict = 'now' | 'pending' | 'invalid';

/** The table's rows a command can cause directly (From -> To). */
const DIRECT_FROM: Record<StateRequest, ReadonlySet<string>> = {
  READY: new Set(['NOT_READY', 'RESERVED_OUTBOUND', 'WORK', 'WORK_READY']),
  NOT_READY: new Set(['NOT_READY', 'READY', 'RESERVED_OUTBOUND', 'WORK', 'WORK_READY']),
  LOGOUT: new Set(['NOT_READY']),
  // No row leads into WORK or WORK_READY except the end of a call.
  WORK: new Set(),
  WORK_READY: new Set(),
};

/** During these, a requested state waits for the call (or reservation) to end. */
const PENDING_DURING: ReadonlySet<string> = new Set(['TALKING', 'HOLD', 'RESERVED_OUTBOUND_PREVIEW']);

export function judgeStateRequest(current: string, request: StateRequest, wrapUpMode: WrapUpMode): Verdict {
  if (DIRECT_FROM[request].has(current)) return 'now';
  if (request === 'LOGOUT' || !PENDING_DURING.has(current)) return 'invalid';
  if ((request === 'WORK' || request === 'WORK_READY') && wrapUpMode === 'NOT_ALLOWED') return 'invalid';
  return 'pending';
}

export interface StateChange {
  state: string;
  reasonCode: string;
  reasonLabel: string;
}

export interface AfterCall extends StateChange {
  /** The NOT_READY reason WORK ends in when the wrap-up timer expires. */
  exitReason: string;
  exitLabel: string;
}

const wrapUpRequired = (mode: WrapUpMode): boolean => mode === 'REQUIRED' || mode === 'REQUIRED_WITH_WRAP_UP_DATA';

/**
 * Where the agent goes when its last dialog ends. Without talk (a reservation that ended) there is no wrap-up.
 * After talk: a pending state wins over the state held before the call; wrap-up modes REQUIRED* turn READY into
 * WORK_READY and NOT_READY into WORK; OPTIONAL wraps up only when MakeWorkReady/MakeWorkNotReady asked for it.
 */
export function afterCallState(agent: AgentRecord): AfterCall {
  const pending = agent.pendingState;
  let target = pending || agent.returnState;
  const fromPending = pending === 'NOT_READY' || pending === 'WORK';
  const notReadyReason = (fromPending ? agent.pendingReason : agent.returnReason) || '-1';
  const notReadyLabel = fromPending ? agent.pendingLabel : agent.returnLabel;
  const exit = { exitReason: notReadyReason, exitLabel: notReadyLabel };
  const talked = agent.state === 'TALKING' || agent.state === 'HOLD';
  if (!talked) {
    if (target === 'WORK') target = 'NOT_READY';
    if (target === 'WORK_READY') target = 'READY';
  } else if (wrapUpRequired(agent.wrapUpMode)) {
    if (target === 'NOT_READY') target = 'WORK';
    if (target === 'READY') target = 'WORK_READY';
  }
  if (target === 'NOT_READY') return { state: target, reasonCode: notReadyReason, reasonLabel: notReadyLabel, ...exit };
  return { state: target, reasonCode: '', reasonLabel: '', ...exit };
}

/** Where the wrap-up timer leads. */
export function wrapUpExit(agent: AgentRecord): StateChange {
  return agent.state === 'WORK'
    ? { state: 'NOT_READY', reasonCode: agent.wrapUpExitReason || '-1', reasonLabel: agent.wrapUpExitLabel }
    : { state: 'READY', reasonCode: '', reasonLabel: '' };
}
