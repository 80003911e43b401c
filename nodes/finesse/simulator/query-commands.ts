/** Reason codes, agent and team lists, queues and phonebooks (digest §3.4-§3.5, layouts §4.7). */
import { reasonCodesEvent, stateEvent } from './agent-format';
import { arg, CommandCall, fail, SimContext } from './context';
import { SIM_PHONEBOOKS, SIM_QUEUE_NAME } from './fixtures';
import {
  agentsListEvent, phonebookContactsEvent, phonebooksEvent, QueueFigures, queueListEvent, teamUsersListEvent,
} from './list-format';
import { AgentRecord } from './model';

export function reasonCodeNotReady(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const codes = sim.opts.reasonCodes.notReady;
  cmd.reply.toAgent(agent, reasonCodesEvent(agent, 'NOT_READY', codes.map((r) => r.code), codes.map((r) => r.label)));
}

export function reasonCodeLogout(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const codes = sim.opts.reasonCodes.logout;
  cmd.reply.toAgent(agent, reasonCodesEvent(agent, 'LOGOUT', codes.map((r) => r.code), codes.map((r) => r.label)));
}

/** Wrap-up reasons have labels only, so the codes field stays empty. */
export function wrapUpReasonCode(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  cmd.reply.toAgent(agent, reasonCodesEvent(agent, 'WRAP_UP', [], sim.opts.reasonCodes.wrapUp));
}

const loggedIn = (sim: SimContext): AgentRecord[] => [...sim.registry.agents.values()].filter((a) => a.loggedIn);

export function getAllAgents(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  cmd.reply.toAgent(agent, agentsListEvent(agent.id, loggedIn(sim)));
}

/** Body `<team_id>,<true|false>`; an empty team id means the supervisor's own team. Subscribing is accepted and not modelled. */
export function getTeamUsers(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const teamId = arg(cmd, 0) || agent.teamId;
  const members = [...sim.registry.agents.values()].filter((a) => a.teamId === teamId);
  cmd.reply.toAgent(agent, teamUsersListEvent(agent.id, members));
}

/** The team member's State, sent to the supervisor's destination. */
export function getTeamUserState(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const member = sim.registry.agents.get(arg(cmd, 0));
  if (!member) return fail(sim, cmd, agent, 'USER_NOT_FOUND');
  if (agent.topic !== undefined) cmd.reply.answer(agent.topic, stateEvent(member));
}

export function getQueueList(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const agents = loggedIn(sim);
  const count = (...states: string[]): number => agents.filter((a) => states.includes(a.state)).length;
  const { counters } = sim.registry;
  const queue: QueueFigures = {
    name: SIM_QUEUE_NAME, waiting: 0, ready: count('READY'), notReady: count('NOT_READY'), talking: count('TALKING', 'HOLD'),
    reserved: count('RESERVED', 'RESERVED_OUTBOUND', 'RESERVED_OUTBOUND_PREVIEW'), workReady: count('WORK_READY'),
    workNotReady: count('WORK'), loggedIn: agents.length, handled: counters.handled, abandoned: counters.abandoned,
    total: counters.offered, longestHandleSeconds: Math.round(counters.longestHandleMs / 1000),
  };
  cmd.reply.toAgent(agent, queueListEvent(agent, sim.opts.flavor, [queue]));
}

export function getPhonebooks(_sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const books = SIM_PHONEBOOKS.filter((b) => b.type === 'GLOBAL' || b.teamId === agent.teamId);
  cmd.reply.toAgent(agent, phonebooksEvent(agent.id, books, false));
}

export function getTeamPhonebooks(_sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const teamId = arg(cmd, 0) || agent.teamId;
  cmd.reply.toAgent(agent, phonebooksEvent(agent.id, SIM_PHONEBOOKS.filter((b) => b.type === 'TEAM' && b.teamId === teamId), true));
}

export function getPhonebookContacts(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const id = arg(cmd, 0);
  if (id === '') return fail(sim, cmd, agent, 'INVALID_CALL_DATA');
  cmd.reply.toAgent(agent, phonebookContactsEvent(agent.id, SIM_PHONEBOOKS.find((b) => b.id === id)));
}

/** GETSKILLGROPU and GETSUPERVISOR: the document names no reply event for them, so GC's answer is unknown; nothing is sent. */
export function undocumentedReply(sim: SimContext, cmd: CommandCall): void {
  sim.log(`${cmd.command}#${cmd.target}: no reply event is documented; nothing sent`);
}
