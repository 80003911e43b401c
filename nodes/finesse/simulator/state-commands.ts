/** GetState and the state change commands, ruled by the UCCE transition table (digest §3.2, §4.9). */
import { stateEvent } from './agent-format';
import { changeState, clearPending } from './agent-lifecycle';
import { judgeStateRequest, StateRequest } from './agent-states';
import { arg, CommandCall, fail, SimContext } from './context';
import { AgentRecord } from './model';

export function getState(_sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  cmd.reply.toAgent(agent, stateEvent(agent));
}

export const makeReady = (sim: SimContext, cmd: CommandCall, agent: AgentRecord): void => requestState(sim, cmd, agent, 'READY');
export const makeNotReady = (sim: SimContext, cmd: CommandCall, agent: AgentRecord): void => requestState(sim, cmd, agent, 'NOT_READY');
export const makeWorkReady = (sim: SimContext, cmd: CommandCall, agent: AgentRecord): void => requestState(sim, cmd, agent, 'WORK_READY');
export const makeWorkNotReady = (sim: SimContext, cmd: CommandCall, agent: AgentRecord): void => requestState(sim, cmd, agent, 'WORK');

export function makeNotReadyWithReason(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const code = arg(cmd, 0);
  if (code === '') return fail(sim, cmd, agent, 'MISSING_REASON_CODE');
  requestState(sim, cmd, agent, 'NOT_READY', code);
}

/** Now, pending (during TALKING / HOLD / RESERVED_OUTBOUND_PREVIEW), or CF_INVALID_OBJECT_STATE. */
function requestState(sim: SimContext, cmd: CommandCall, agent: AgentRecord, request: StateRequest, code = '-1'): void {
  const verdict = judgeStateRequest(agent.state, request, agent.wrapUpMode);
  if (verdict === 'invalid') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  const notReady = request === 'NOT_READY' || request === 'WORK';
  const reasonCode = notReady ? code : '';
  const reasonLabel = notReady ? sim.opts.reasonCodes.notReady.find((r) => r.code === code)?.label ?? '' : '';
  if (verdict === 'pending') {
    agent.pendingState = request;
    agent.pendingReason = reasonCode;
    agent.pendingLabel = reasonLabel;
    cmd.reply.toAgent(agent, stateEvent(agent));
    return;
  }
  clearPending(agent);
  changeState(sim, cmd.reply, agent, { state: request, reasonCode, reasonLabel });
}
