/** MakeCall, AnswerCall, ReleaseCall, HoldCall, RetrieveCall, GetDialogState, update_call_variable, wrapup (digest §3.3-§3.4). */
import { settleAgent } from './agent-lifecycle';
import { dialogStateEvent, inboundCallFailedEvent } from './call-format';
import { connect, join, notify, notifyAgents, openDialog, release } from './call-model';
import { arg, CommandCall, fail, SimContext } from './context';
import { ownDialog, pastOrPresentDialog } from './dialog-args';
import { scheduleRing } from './dialling';
import { AgentRecord, participantOf } from './model';

const DIALLABLE = /^\+?[0-9]+$/;

/** UCCE: only from NOT_READY (NOT_READY -> TALKING). A number that cannot be dialled fails with the FAILED layout. */
export function makeCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const number = arg(cmd, 0);
  if (number === '') return fail(sim, cmd, agent, 'MISSING_NUMBER');
  if (agent.state !== 'NOT_READY') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  const inside = sim.registry.agentOnExtension(number) !== undefined;
  const dialog = openDialog(sim, {
    kind: 'call', fromAddress: agent.extension, toAddress: number, callType: inside ? 'AGENT_INSIDE' : 'OUT', state: 'INITIATING',
  });
  if (!DIALLABLE.test(number)) {
    dialog.state = 'FAILED';
    dialog.agentIds.add(agent.id);
    sim.registry.forgetDialog(dialog);
    cmd.reply.toAgent(agent, inboundCallFailedEvent(agent, dialog.id, 'CF_INVALID_DESTINATION'));
    return;
  }
  const own = join(sim, dialog, { address: agent.extension, agentId: agent.id, state: 'INITIATING', role: 'caller' });
  notify(sim, cmd.reply, dialog, own);
  dialog.state = 'INITIATED';
  own.state = 'INITIATED';
  notify(sim, cmd.reply, dialog, own);
  settleAgent(sim, cmd.reply, agent);
  scheduleRing(sim, dialog, number);
}

export function answerCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (!found) return;
  if (found.own.role !== 'callee' || found.own.state !== 'ALERTING') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  connect(sim, cmd.reply, found.dialog, found.own);
}

export function releaseCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (found) release(sim, cmd.reply, found.dialog, found.own);
}

/** ACTIVE -> HELD with State HOLD. UCCX sends no hold event (and has no HOLD agent state). */
export function holdCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (!found) return;
  if (found.own.state !== 'ACTIVE') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  found.own.state = 'HELD';
  if (sim.opts.flavor === 'UCCE') notify(sim, cmd.reply, found.dialog, found.own);
  settleAgent(sim, cmd.reply, agent);
}

/** HELD -> ACTIVE with State TALKING; refused while the agent talks on another call (a consult, say). */
export function retrieveCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (!found) return;
  const talkingElsewhere = agent.dialogs.some((id) => {
    const other = id === found.dialog.id ? undefined : sim.registry.dialogs.get(id);
    return other !== undefined && participantOf(other, agent.id)?.state === 'ACTIVE';
  });
  if (found.own.state !== 'HELD' || talkingElsewhere) return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  found.own.state = 'ACTIVE';
  notify(sim, cmd.reply, found.dialog, found.own);
  settleAgent(sim, cmd.reply, agent);
}

export function getDialogState(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const found = ownDialog(sim, cmd, agent, 0);
  if (found) cmd.reply.toAgent(agent, dialogStateEvent(agent, found.dialog));
}

/** Body `<dialog_id>,<name>=<value>|<name>=<value>...`: merged into the dialog, which is announced again. */
export function updateCallVariable(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const comma = cmd.body.indexOf(',');
  const dialogId = (comma < 0 ? cmd.body : cmd.body.slice(0, comma)).trim();
  if (dialogId === '') return fail(sim, cmd, agent, 'MISSING_DIALOG_ID');
  const pairs = parsePairs(comma < 0 ? '' : cmd.body.slice(comma + 1));
  if (!pairs) return fail(sim, cmd, agent, 'INVALID_CALL_DATA');
  const dialog = sim.registry.dialogs.get(dialogId);
  const own = dialog && participantOf(dialog, agent.id);
  if (!dialog || !own) return fail(sim, cmd, agent, 'E_CTI_INVALID_CALL_ID');
  for (const [name, value] of pairs) {
    const existing = dialog.variables.find(([n]) => n === name);
    if (existing) existing[1] = value;
    else dialog.variables.push([name, value]);
  }
  notifyAgents(sim, cmd.reply, dialog, own);
}

/** `a=1| b=2`: blanks around entries are the document's typography. Undefined when malformed. */
function parsePairs(list: string): [string, string][] | undefined {
  if (list.trim() === '') return undefined;
  const pairs: [string, string][] = [];
  for (const entry of list.split('|')) {
    const text = entry.trim();
    const eq = text.indexOf('=');
    const name = eq < 0 ? '' : text.slice(0, eq).trim();
    const value = eq < 0 ? '' : text.slice(eq + 1).trim();
    if (name === '' || /[#=,]/.test(name) || /[#=,]/.test(value)) return undefined;
    pairs.push([name, value]);
  }
  return pairs;
}

/** Body `<Wrapup_Reason>,<dialog_id>` (reason first); GC sends nothing back on success. */
export function wrapup(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  if (arg(cmd, 1) === '') return fail(sim, cmd, agent, 'MISSING_DIALOG_ID');
  const reason = arg(cmd, 0);
  if (reason === '') return fail(sim, cmd, agent, 'INVALID_CALL_DATA');
  const dialog = pastOrPresentDialog(sim, cmd, agent, 1);
  if (dialog) dialog.wrapUpReason = reason;
}
