/** The Finesse side of the world, driven by tests and the demo: calls arriving, far ends hanging up, offers (§6.4). */
import { controlEvent } from './agent-format';
import { newOutboundPreviewCallEvent } from './call-format';
import { settleAgent } from './agent-lifecycle';
import { closeDialog, join, leave, notifyAgents, offer, openDialog, settleAll, viable } from './call-model';
import { SimContext } from './context';
import { AgentRecord } from './model';
import { Reply } from './reply';
import { sendDialogStatus } from './session-commands';

export interface InboundCallSpec {
  ani?: string;
  callVariables?: Record<string, string>;
  callType?: string;
}

export interface PreviewOfferSpec {
  /** The customer number the preview would dial (the event's from_address). */
  number?: string;
  callVariables?: Record<string, string>;
  callType?: string;
}

let generatedNumbers = 0;
const customerNumber = (): string => `0300${String(1000000 + (generatedNumbers++ % 9000000)).padStart(7, '0')}`;

function readyAgent(sim: SimContext, agentId: string, what: string): AgentRecord {
  const agent = sim.registry.agents.get(agentId);
  if (!agent) throw new Error(`cannot ${what}: no simulated agent ${agentId}`);
  if (!agent.loggedIn || agent.state !== 'READY') {
    throw new Error(`cannot ${what}: agent ${agentId} is ${agent.loggedIn ? agent.state : 'not logged in'}, and GC offers calls only to READY agents`);
  }
  return agent;
}

/** Names and values become wire fields, so the characters that separate fields cannot appear in them. */
function variables(spec: Record<string, string> | undefined): [string, string][] {
  const entries = Object.entries(spec ?? {});
  for (const [name, value] of entries) {
    if (name === '' || /[#=,|]/.test(name) || /[#=,|]/.test(String(value))) {
      throw new Error(`call variable ${JSON.stringify(name)}: names and values must not contain # = , or |`);
    }
  }
  return entries.map(([name, value]) => [name, String(value)]);
}

function address(value: string | undefined, what: string): string {
  const text = value ?? customerNumber();
  if (text === '' || /[#,|]/.test(text)) throw new Error(`${what} must be non-empty without # , or |`);
  return text;
}

/** A customer call rings at a READY agent: NewInboundCall, State RESERVED, InboundCall ALERTING. Returns the dialog id. */
export function injectInboundCall(sim: SimContext, agentId: string, call: InboundCallSpec = {}): string {
  const agent = readyAgent(sim, agentId, 'offer an inbound call');
  const ani = address(call.ani, 'ani');
  const dialog = openDialog(sim, {
    kind: 'call', fromAddress: ani, toAddress: agent.extension, callType: call.callType ?? 'ACD_IN',
    variables: variables(call.callVariables), state: 'ALERTING',
  });
  join(sim, dialog, { address: ani, state: 'ACTIVE', role: 'customer' });
  sim.registry.counters.offered++;
  offer(sim, Reply.async(sim.outbox), dialog, agent);
  return dialog.id;
}

/** The far end (customer or dialled number) releases; agent-only calls end as a whole. */
export function hangUp(sim: SimContext, dialogId: string): void {
  const dialog = sim.registry.dialogs.get(dialogId);
  if (!dialog) throw new Error(`cannot hang up: no live dialog ${dialogId}`);
  const reply = Reply.async(sim.outbox);
  if (dialog.kind === 'call' && dialog.answeredAt === undefined) sim.registry.counters.abandoned++;
  for (const party of dialog.participants.filter((p) => p.agentId === undefined)) leave(sim, reply, dialog, party);
  if (viable(dialog)) notifyAgents(sim, reply, dialog);
  else settleAll(sim, reply, closeDialog(sim, reply, dialog));
}

/** A preview (or personal callback) reservation: NewOutboundPreviewCall, State RESERVED_OUTBOUND_PREVIEW. */
export function offerPreview(sim: SimContext, agentId: string, spec: PreviewOfferSpec = {}): string {
  const agent = readyAgent(sim, agentId, 'offer a preview call');
  const dialog = openDialog(sim, {
    kind: 'preview', fromAddress: address(spec.number, 'number'), toAddress: agent.extension,
    callType: spec.callType ?? 'OUTBOUND_PREVIEW', variables: variables(spec.callVariables), state: 'OFFERED',
  });
  join(sim, dialog, { address: agent.extension, agentId: agent.id, state: 'OFFERED', role: 'previewee' });
  const reply = Reply.async(sim.outbox);
  reply.toAgent(agent, newOutboundPreviewCallEvent(sim.format, agent.id, dialog));
  settleAgent(sim, reply, agent);
  return dialog.id;
}

export function printStatusBar(sim: SimContext, agentId: string, text: string): void {
  const agent = sim.registry.agents.get(agentId);
  if (!agent || agent.topic === undefined) throw new Error(`cannot print to agent ${agentId}: it is not connected`);
  if (text.includes('#')) throw new Error('status bar text must not contain #');
  Reply.async(sim.outbox).toAgent(agent, controlEvent(agent.id, text));
}

/** After a GC / Finesse failover GC fetches every agent's dialogs again and sends DialogStatus. */
export function failover(sim: SimContext): void {
  const reply = Reply.async(sim.outbox);
  for (const agent of sim.registry.agents.values()) if (agent.loggedIn && agent.topic !== undefined) sendDialogStatus(sim, reply, agent);
}
