/**
 * Transfer_sst, ConsultCall, TransferCall and Conferencecall (digest §3.3). A consult is a second dialog linked to
 * the main call both ways by associatedId; TransferCall and Conferencecall name the main call and find the consult.
 */
import { settleAgent } from './agent-lifecycle';
import { closeDialog, join, leave, notify, notifyAgents, offer, openDialog, settleAll, viable } from './call-model';
import { arg, CommandCall, fail, SimContext } from './context';
import { ownDialog, readyAgentOn } from './dialog-args';
import { scheduleRing } from './dialling';
import { AgentRecord, Dialog, Participant, participantOf } from './model';
import { conferenceParticipantsEvent } from './list-format';

/** Blind transfer: the agent drops out; a READY simulated agent on the number is offered the call (CallType TRANSFER). */
export function transferSst(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const number = arg(cmd, 0);
  if (number === '') return fail(sim, cmd, agent, 'MISSING_NUMBER');
  const found = ownDialog(sim, cmd, agent, 1);
  if (!found) return;
  const { dialog, own } = found;
  if (own.state !== 'ACTIVE' && own.state !== 'HELD') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  leave(sim, cmd.reply, dialog, own);
  const target = readyAgentOn(sim, number);
  const customers = dialog.participants.filter((p) => p.agentId === undefined);
  if (target && customers.length > 0) {
    const moved = openDialog(sim, {
      kind: 'call', fromAddress: dialog.fromAddress, toAddress: number, callType: 'TRANSFER', variables: dialog.variables, state: 'ALERTING',
    });
    for (const customer of customers) {
      leave(sim, cmd.reply, dialog, customer, true);
      join(sim, moved, { address: customer.address, state: 'ACTIVE', role: 'customer' });
    }
    offer(sim, cmd.reply, moved, target);
  }
  const dropped = closeDialog(sim, cmd.reply, dialog);
  settleAll(sim, cmd.reply, [own, ...dropped]);
}

/** The main call goes on hold and a consult leg is dialled (ConsultCall INITIATED, AssDialogID = the main call). */
export function consultCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const number = arg(cmd, 0);
  if (number === '') return fail(sim, cmd, agent, 'MISSING_NUMBER');
  const found = ownDialog(sim, cmd, agent, 1);
  if (!found) return;
  const { dialog: main, own } = found;
  const consulting = main.associatedId !== undefined && sim.registry.dialogs.has(main.associatedId);
  if (own.state !== 'ACTIVE' || main.kind === 'consult' || main.kind === 'monitor' || consulting) {
    return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  }
  own.state = 'HELD';
  notify(sim, cmd.reply, main, own);
  const consult = openDialog(sim, {
    kind: 'consult', fromAddress: agent.extension, toAddress: number, callType: 'CONSULT', variables: main.variables,
    state: 'INITIATED', associatedId: main.id,
  });
  main.associatedId = consult.id;
  const leg = join(sim, consult, { address: agent.extension, agentId: agent.id, state: 'INITIATED', role: 'consulter' });
  notify(sim, cmd.reply, consult, leg);
  settleAgent(sim, cmd.reply, agent);
  scheduleRing(sim, consult, number);
}

interface ConsultPair {
  main: Dialog;
  own: Participant;
  consult: Dialog;
  leg: Participant;
}

/** The main call (argument 2) and its answered consult; errors as GC gives them otherwise. */
function consultPair(sim: SimContext, cmd: CommandCall, agent: AgentRecord): ConsultPair | undefined {
  const found = ownDialog(sim, cmd, agent, 1);
  if (!found) return undefined;
  const consult = found.dialog.associatedId === undefined ? undefined : sim.registry.dialogs.get(found.dialog.associatedId);
  const leg = consult && participantOf(consult, agent.id);
  if (!consult || !leg || leg.role !== 'consulter' || consult.state !== 'ACTIVE') {
    fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
    return undefined;
  }
  return { main: found.dialog, own: found.own, consult, leg };
}

/**
 * Everyone else on the main call (the customer) joins the consulted party on the consult dialog, which becomes a
 * TRANSFER call; the transferring agent leaves both. An agent that moves is told its old dialog dropped.
 */
export function transferCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const pair = consultPair(sim, cmd, agent);
  if (!pair) return;
  const { main, own, consult, leg } = pair;
  leave(sim, cmd.reply, consult, leg);
  leave(sim, cmd.reply, main, own);
  moveParties(sim, cmd, main, consult);
  consult.kind = 'call';
  consult.fromAddress = main.fromAddress;
  consult.callType = 'TRANSFER';
  consult.variables = main.variables;
  consult.associatedId = undefined;
  main.associatedId = undefined;
  closeDialog(sim, cmd.reply, main);
  const affected: Participant[] = [own, ...consult.participants];
  if (viable(consult)) notifyAgents(sim, cmd.reply, consult);
  else affected.push(...closeDialog(sim, cmd.reply, consult));
  settleAll(sim, cmd.reply, affected);
}

/** Moves every party of `from` onto `to`; agents among them are told DROP for `from` (their state settles later). */
function moveParties(sim: SimContext, cmd: CommandCall, from: Dialog, to: Dialog): void {
  for (const party of [...from.participants]) {
    if (party.agentId !== undefined) notify(sim, cmd.reply, from, party, 'DROP');
    leave(sim, cmd.reply, from, party, true);
    const role = party.agentId !== undefined ? 'callee' : party.role === 'customer' ? 'customer' : 'far';
    join(sim, to, { address: party.address, agentId: party.agentId, state: party.state === 'HELD' ? 'HELD' : 'ACTIVE', role });
  }
}

/** The consult leg merges into the main call, which the agent takes off hold; supervisors learn the participants. */
export function conferenceCall(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const pair = consultPair(sim, cmd, agent);
  if (!pair) return;
  const { main, own, consult, leg } = pair;
  leave(sim, cmd.reply, consult, leg);
  moveParties(sim, cmd, consult, main);
  closeDialog(sim, cmd.reply, consult);
  main.associatedId = undefined;
  own.state = 'ACTIVE';
  notifyAgents(sim, cmd.reply, main, own);
  settleAll(sim, cmd.reply, main.participants);
  tellSupervisors(sim, cmd, agent, main);
}

function tellSupervisors(sim: SimContext, cmd: CommandCall, agent: AgentRecord, dialog: Dialog): void {
  const extensions = dialog.participants.map((p) => p.address);
  for (const sup of sim.registry.agents.values()) {
    if (!sup.supervisor || !sup.loggedIn || !sup.supervisedTeams.some((t) => t.id === agent.teamId)) continue;
    cmd.reply.toAgent(sup, conferenceParticipantsEvent(sup.id, extensions));
  }
}
