/** Supervisor call functions: silentmonitor, endsilentmonitor, bargein, dropparticipant (digest §3.5, optional in §6.3). */
import { closeDialog, join, leave, notify, notifyAgents, openDialog, release, settleAll } from './call-model';
import { arg, CommandCall, fail, SimContext } from './context';
import { ownDialog } from './dialog-args';
import { AgentRecord, Dialog, participantOf } from './model';
import { conferenceParticipantsEvent } from './list-format';

/** The talking call of the agent on this extension, if any. */
function talkingCallOn(sim: SimContext, extension: string): Dialog | undefined {
  const watched = sim.registry.agentOnExtension(extension);
  if (!watched) return undefined;
  for (const id of watched.dialogs) {
    const dialog = sim.registry.dialogs.get(id);
    if (dialog && participantOf(dialog, watched.id)?.state === 'ACTIVE') return dialog;
  }
  return undefined;
}

/**
 * The supervisor (NOT_READY, as Finesse requires) gets its own SUPERVISOR_MONITOR dialog on the agent's call;
 * the agent is not told, which is what makes it silent.
 */
export function silentMonitor(sim: SimContext, cmd: CommandCall, sup: AgentRecord): void {
  const extension = arg(cmd, 0);
  if (extension === '') return fail(sim, cmd, sup, 'MISSING_NUMBER');
  const watched = talkingCallOn(sim, extension);
  if (!watched) return fail(sim, cmd, sup, 'E_CTI_INVALID_CALL_ID');
  if (sup.state !== 'NOT_READY') return fail(sim, cmd, sup, 'CF_INVALID_OBJECT_STATE');
  const monitor = openDialog(sim, {
    kind: 'monitor', fromAddress: extension, toAddress: sup.extension, callType: 'SUPERVISOR_MONITOR', variables: watched.variables,
    state: 'ACTIVE', associatedId: watched.id,
  });
  const own = join(sim, monitor, { address: sup.extension, agentId: sup.id, state: 'ACTIVE', role: 'monitor' });
  join(sim, monitor, { address: extension, state: 'ACTIVE', role: 'far' });
  notify(sim, cmd.reply, monitor, own);
  settleAll(sim, cmd.reply, [own]);
}

export function endSilentMonitor(sim: SimContext, cmd: CommandCall, sup: AgentRecord): void {
  const found = ownDialog(sim, cmd, sup, 0);
  if (!found) return;
  if (found.dialog.kind !== 'monitor') return fail(sim, cmd, sup, 'E_CTI_INVALID_CALL_ID');
  release(sim, cmd.reply, found.dialog, found.own);
}

/** The supervisor joins the agent's call (ending its monitor dialog on it, if any); everyone on it is updated. */
export function bargeIn(sim: SimContext, cmd: CommandCall, sup: AgentRecord): void {
  const extension = arg(cmd, 0);
  if (extension === '') return fail(sim, cmd, sup, 'MISSING_NUMBER');
  const dialogId = arg(cmd, 1);
  if (dialogId === '') return fail(sim, cmd, sup, 'MISSING_DIALOG_ID');
  const dialog = sim.registry.dialogs.get(dialogId);
  if (!dialog || !dialog.participants.some((p) => p.address === extension) || participantOf(dialog, sup.id)) {
    return fail(sim, cmd, sup, 'E_CTI_INVALID_CALL_ID');
  }
  for (const id of [...sup.dialogs]) {
    const monitor = sim.registry.dialogs.get(id);
    const own = monitor && participantOf(monitor, sup.id);
    if (!monitor || !own || monitor.kind !== 'monitor' || monitor.associatedId !== dialog.id) continue;
    leave(sim, cmd.reply, monitor, own);
    closeDialog(sim, cmd.reply, monitor);
  }
  const own = join(sim, dialog, { address: sup.extension, agentId: sup.id, state: 'ACTIVE', role: 'barger' });
  notifyAgents(sim, cmd.reply, dialog, own);
  settleAll(sim, cmd.reply, dialog.participants);
}

/** Drops the party on this extension from the call; the supervisor learns who is left. */
export function dropParticipant(sim: SimContext, cmd: CommandCall, sup: AgentRecord): void {
  const extension = arg(cmd, 0);
  if (extension === '') return fail(sim, cmd, sup, 'MISSING_NUMBER');
  const dialogId = arg(cmd, 1);
  if (dialogId === '') return fail(sim, cmd, sup, 'MISSING_DIALOG_ID');
  const dialog = sim.registry.dialogs.get(dialogId);
  const party = dialog?.participants.find((p) => p.address === extension);
  if (!dialog || !party) return fail(sim, cmd, sup, 'E_CTI_INVALID_CALL_ID');
  release(sim, cmd.reply, dialog, party);
  cmd.reply.toAgent(sup, conferenceParticipantsEvent(sup.id, dialog.participants.map((p) => p.address)));
}
