/** Dialog lifecycle: who is on a call, what each agent is told, and when a call is over. */
import { settleAgent } from './agent-lifecycle';
import { consultCallEvent, inboundCallEvent, newInboundCallEvent } from './call-format';
import { SimContext } from './context';
import { gcNow } from './gc-time';
import { AgentRecord, Dialog, DialogKind, Participant } from './model';
import { Reply } from './reply';

export interface DialogInit {
  kind: DialogKind;
  fromAddress: string;
  toAddress: string;
  callType: string;
  variables?: [string, string][];
  state: string;
  associatedId?: string;
}

export function openDialog(sim: SimContext, init: DialogInit): Dialog {
  const dialog: Dialog = {
    id: sim.registry.newDialogId(),
    kind: init.kind,
    fromAddress: init.fromAddress,
    toAddress: init.toAddress,
    callType: init.callType,
    variables: init.variables ? init.variables.map(([n, v]) => [n, v] as [string, string]) : [],
    startTime: gcNow().text,
    state: init.state,
    participants: [],
    associatedId: init.associatedId,
    agentIds: new Set(),
  };
  sim.registry.dialogs.set(dialog.id, dialog);
  return dialog;
}

export function join(sim: SimContext, dialog: Dialog, entry: Omit<Participant, 'since'>): Participant {
  const participant: Participant = { ...entry, since: gcNow().text };
  dialog.participants.push(participant);
  if (participant.agentId !== undefined) {
    dialog.agentIds.add(participant.agentId);
    sim.registry.agents.get(participant.agentId)?.dialogs.push(dialog.id);
  }
  return participant;
}

/** The dialog as this participant's agent sees it: ConsultCall for the consulting agent, InboundCall otherwise. */
export function notify(sim: SimContext, reply: Reply, dialog: Dialog, p: Participant, state = p.state): void {
  const agent = p.agentId === undefined ? undefined : sim.registry.agents.get(p.agentId);
  if (!agent) return;
  const body = p.role === 'consulter' ? consultCallEvent(sim.format, agent, dialog, state) : inboundCallEvent(sim.format, agent.id, dialog, state);
  reply.toAgent(agent, body);
}

export function notifyAgents(sim: SimContext, reply: Reply, dialog: Dialog, first?: Participant): void {
  if (first) notify(sim, reply, dialog, first);
  for (const p of dialog.participants) if (p !== first) notify(sim, reply, dialog, p);
}

/** A call ringing at an agent: NewInboundCall, State RESERVED, InboundCall ALERTING. */
export function offer(sim: SimContext, reply: Reply, dialog: Dialog, agent: AgentRecord): Participant {
  const p = join(sim, dialog, { address: agent.extension, agentId: agent.id, state: 'ALERTING', role: 'callee' });
  reply.toAgent(agent, newInboundCallEvent(sim.format, agent.id, dialog));
  settleAgent(sim, reply, agent);
  notify(sim, reply, dialog, p);
  return p;
}

/** Everyone still ringing or dialling is connected; `first` (the answering agent) hears about it first. */
export function connect(sim: SimContext, reply: Reply, dialog: Dialog, first?: Participant): void {
  sim.timers.cancel(dialog.timer);
  dialog.timer = undefined;
  dialog.state = 'ACTIVE';
  if (dialog.answeredAt === undefined) {
    dialog.answeredAt = Date.now();
    if (dialog.kind === 'call' && dialog.participants.some((p) => p.role === 'customer')) sim.registry.counters.handled++;
  }
  for (const p of dialog.participants) if (p.state !== 'HELD') p.state = 'ACTIVE';
  notifyAgents(sim, reply, dialog, first);
  settleAll(sim, reply, dialog.participants);
}

export function settleAll(sim: SimContext, reply: Reply, participants: readonly Participant[]): void {
  for (const p of participants) {
    const agent = p.agentId === undefined ? undefined : sim.registry.agents.get(p.agentId);
    if (agent) settleAgent(sim, reply, agent);
  }
}

/** Takes the participant off the dialog; its agent is told DROP unless `quietly` (it moves on to another leg). */
export function leave(sim: SimContext, reply: Reply, dialog: Dialog, p: Participant, quietly = false): void {
  if (!quietly) {
    p.state = 'DROPPED';
    notify(sim, reply, dialog, p, 'DROP');
  }
  const index = dialog.participants.indexOf(p);
  if (index >= 0) dialog.participants.splice(index, 1);
  const agent = p.agentId === undefined ? undefined : sim.registry.agents.get(p.agentId);
  if (agent) {
    const at = agent.dialogs.indexOf(dialog.id);
    if (at >= 0) agent.dialogs.splice(at, 1);
  }
}

/** A call goes on while two parties remain and at least one of them is an agent. */
export function viable(dialog: Dialog): boolean {
  return dialog.participants.length >= 2 && dialog.participants.some((p) => p.agentId !== undefined);
}

/** Ends the dialog for everyone left on it (DROP each) and forgets it; returns who was dropped. */
export function closeDialog(sim: SimContext, reply: Reply, dialog: Dialog): Participant[] {
  sim.timers.cancel(dialog.timer);
  dialog.timer = undefined;
  const dropped = [...dialog.participants];
  for (const p of dropped) leave(sim, reply, dialog, p);
  dialog.state = 'DROPPED';
  if (dialog.answeredAt !== undefined) {
    const counters = sim.registry.counters;
    counters.longestHandleMs = Math.max(counters.longestHandleMs, Date.now() - dialog.answeredAt);
  }
  const associated = dialog.associatedId === undefined ? undefined : sim.registry.dialogs.get(dialog.associatedId);
  if (associated && associated.associatedId === dialog.id) associated.associatedId = undefined;
  sim.registry.forgetDialog(dialog);
  return dropped;
}

/**
 * One party leaves (hang-up, release, drop): it gets DROP; if the call cannot go on, everyone else does too,
 * otherwise the rest learn the new participant list. Agents' states follow.
 */
export function release(sim: SimContext, reply: Reply, dialog: Dialog, p: Participant): void {
  leave(sim, reply, dialog, p);
  const affected = [p];
  if (viable(dialog)) notifyAgents(sim, reply, dialog);
  else affected.push(...closeDialog(sim, reply, dialog));
  settleAll(sim, reply, affected);
}
