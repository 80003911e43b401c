/** Finding the dialog a command names, with the errors GC gives when it cannot (digest §5: #16, #18). */
import { arg, CommandCall, fail, SimContext } from './context';
import { AgentRecord, Dialog, Participant, participantOf } from './model';

export interface OwnDialog {
  dialog: Dialog;
  own: Participant;
}

/** The live dialog at argument `index` that the agent is on; MISSING_DIALOG_ID or E_CTI_INVALID_CALL_ID otherwise. */
export function ownDialog(sim: SimContext, cmd: CommandCall, agent: AgentRecord, index: number): OwnDialog | undefined {
  const id = arg(cmd, index);
  if (id === '') {
    fail(sim, cmd, agent, 'MISSING_DIALOG_ID');
    return undefined;
  }
  const dialog = sim.registry.dialogs.get(id);
  const own = dialog && participantOf(dialog, agent.id);
  if (!dialog || !own) {
    fail(sim, cmd, agent, 'E_CTI_INVALID_CALL_ID');
    return undefined;
  }
  return { dialog, own };
}

/** The dialog at argument `index`, live or recently ended, that the agent took part in (wrap-up, callbacks). */
export function pastOrPresentDialog(sim: SimContext, cmd: CommandCall, agent: AgentRecord, index: number): Dialog | undefined {
  const id = arg(cmd, index);
  if (id === '') {
    fail(sim, cmd, agent, 'MISSING_DIALOG_ID');
    return undefined;
  }
  const dialog = sim.registry.dialogOfAgent(id, agent.id);
  if (!dialog) fail(sim, cmd, agent, 'E_CTI_INVALID_CALL_ID');
  return dialog;
}

/** A logged-in agent, READY, on this extension: the only kind a simulated call may ring at. */
export function readyAgentOn(sim: SimContext, extension: string): AgentRecord | undefined {
  const agent = sim.registry.agentOnExtension(extension);
  return agent && agent.loggedIn && agent.state === 'READY' ? agent : undefined;
}
