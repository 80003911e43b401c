/** Outbound preview / personal callback offers and the callback commands (digest §3.6). */
import { callbackEvent } from './call-format';
import { connect, join, notify, release } from './call-model';
import { arg, CommandCall, fail, SimContext } from './context';
import { ownDialog, pastOrPresentDialog } from './dialog-args';
import { AgentRecord } from './model';
import { Reply } from './reply';

/** ACCEPT: InboundCall ACCEPTED now; the customer answers after answerMs (InboundCall ACTIVE, State TALKING). */
export function acceptOutboundPreview(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (!found) return;
  const { dialog, own } = found;
  if (own.role !== 'previewee' || own.state !== 'OFFERED') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  own.state = 'ACCEPTED';
  dialog.state = 'ACCEPTED';
  notify(sim, cmd.reply, dialog, own);
  dialog.timer = sim.timers.after(sim.opts.answerMs, () => {
    dialog.timer = undefined;
    join(sim, dialog, { address: dialog.fromAddress, state: 'ACTIVE', role: 'customer' });
    connect(sim, Reply.async(sim.outbox), dialog);
  });
}

/** REJECT and CLOSE: InboundCall DROP, and the agent leaves RESERVED_OUTBOUND_PREVIEW (to READY, or what is pending). */
export function rejectOutboundPreview(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (!found) return;
  if (found.own.role !== 'previewee' || found.own.state !== 'OFFERED') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  release(sim, cmd.reply, found.dialog, found.own);
}

/**
 * `<targetMediaAddress>,<dialog_id>,<callbackTime>,<callbackNumber>`. The document names the success event
 * `CallBack#<CallBack>` without its content; the simulator puts SCHEDULED / UPDATED there.
 */
function callback(sim: SimContext, cmd: CommandCall, agent: AgentRecord, status: string): void {
  if (arg(cmd, 1) === '') return fail(sim, cmd, agent, 'MISSING_DIALOG_ID');
  if (arg(cmd, 2) === '') return fail(sim, cmd, agent, 'INVALID_CALL_DATA');
  if (arg(cmd, 3) === '') return fail(sim, cmd, agent, 'MISSING_NUMBER');
  if (pastOrPresentDialog(sim, cmd, agent, 1)) cmd.reply.toAgent(agent, callbackEvent(sim.format, agent.id, status));
}

export const scheduleCallback = (sim: SimContext, cmd: CommandCall, agent: AgentRecord): void => callback(sim, cmd, agent, 'SCHEDULED');
export const updateCallback = (sim: SimContext, cmd: CommandCall, agent: AgentRecord): void => callback(sim, cmd, agent, 'UPDATED');

/** `<targetMediaAddress>,<dialog_id>`. */
export function cancelCallback(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  if (pastOrPresentDialog(sim, cmd, agent, 1)) cmd.reply.toAgent(agent, callbackEvent(sim.format, agent.id, 'CANCELLED'));
}

/** `<targetMediaAddress>,<dialog_id>,<Value>`; the document names no reply event, so success is silent. */
export function reclassifyCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  if (arg(cmd, 1) === '') return fail(sim, cmd, agent, 'MISSING_DIALOG_ID');
  if (arg(cmd, 2) === '') return fail(sim, cmd, agent, 'INVALID_CALL_DATA');
  const dialog = pastOrPresentDialog(sim, cmd, agent, 1);
  if (dialog) sim.log(`RECLASSIFYCALL#${agent.id}: dialog ${dialog.id} reclassified as ${arg(cmd, 2)}`);
}
