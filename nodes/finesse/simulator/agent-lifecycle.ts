/** Applying agent state changes: the State event, the wrap-up timer, and the agent state that follows its dialogs. */
import { stateEvent } from './agent-format';
import { afterCallState, StateChange, wrapUpExit } from './agent-states';
import { SimContext } from './context';
import { AgentRecord, CALL_STATES, participantOf, stampChange } from './model';
import { Reply } from './reply';

export function changeState(sim: SimContext, reply: Reply, agent: AgentRecord, change: StateChange): void {
  sim.timers.cancel(agent.wrapUpTimer);
  agent.wrapUpTimer = undefined;
  agent.state = change.state;
  agent.reasonCode = change.reasonCode;
  agent.reasonLabel = change.reasonLabel;
  stampChange(agent);
  reply.toAgent(agent, stateEvent(agent));
  if (agent.state === 'WORK' || agent.state === 'WORK_READY') {
    agent.wrapUpTimer = sim.timers.after(sim.opts.wrapUpMs, () => {
      agent.wrapUpTimer = undefined;
      changeState(sim, Reply.async(sim.outbox), agent, wrapUpExit(agent));
    });
  }
}

export function clearPending(agent: AgentRecord): void {
  agent.pendingState = '';
  agent.pendingReason = '';
  agent.pendingLabel = '';
}

/** The state the agent's dialogs put it in, or undefined when it has none left. */
function callStateOf(sim: SimContext, agent: AgentRecord): string | undefined {
  let talking = false;
  let held = false;
  let ringing = false;
  let previewing = false;
  for (const id of agent.dialogs) {
    const dialog = sim.registry.dialogs.get(id);
    const own = dialog && participantOf(dialog, agent.id);
    if (!own) continue;
    if (own.state === 'HELD') held = true;
    else if (own.role === 'previewee' && (own.state === 'OFFERED' || own.state === 'ACCEPTED')) previewing = true;
    else if (own.role === 'callee' && own.state === 'ALERTING') ringing = true;
    else talking = true;
  }
  if (talking) return 'TALKING';
  // UCCX agents have no HOLD state: they stay TALKING with the call on hold.
  if (held) return sim.opts.flavor === 'UCCX' ? 'TALKING' : 'HOLD';
  if (ringing) return 'RESERVED';
  if (previewing) return 'RESERVED_OUTBOUND_PREVIEW';
  return undefined;
}

/**
 * Brings the agent's state in line with its dialogs: into RESERVED / TALKING / HOLD while it has calls, and through
 * the after-call rules (pending state, wrap-up) when the last one ends. Emits State only when something changed.
 */
export function settleAgent(sim: SimContext, reply: Reply, agent: AgentRecord): void {
  if (!agent.loggedIn) return;
  const inCall = callStateOf(sim, agent);
  if (inCall !== undefined) {
    if (inCall === agent.state) return;
    if (!CALL_STATES.has(agent.state)) {
      agent.returnState = agent.state === 'READY' ? 'READY' : 'NOT_READY';
      agent.returnReason = agent.returnState === 'READY' ? '' : agent.reasonCode;
      agent.returnLabel = agent.returnState === 'READY' ? '' : agent.reasonLabel;
    }
    changeState(sim, reply, agent, { state: inCall, reasonCode: '', reasonLabel: '' });
    return;
  }
  if (!CALL_STATES.has(agent.state)) return;
  const next = afterCallState(agent);
  agent.wrapUpExitReason = next.exitReason;
  agent.wrapUpExitLabel = next.exitLabel;
  clearPending(agent);
  changeState(sim, reply, agent, next);
}
