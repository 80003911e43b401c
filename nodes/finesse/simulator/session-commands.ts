/** Hello, Beat, Connect, Login / MOBILEAGENTLOGIN and Logout (digest §2, §3.1, §6.3). */
import {
  agentInfoEvent, destinationReconnectEvent, errorEvent, stateEvent, systemEvent, teamInfoIdsEvent, teamInfoNamesEvent,
} from './agent-format';
import { clearPending } from './agent-lifecycle';
import { judgeStateRequest } from './agent-states';
import { dialogStatusEvent } from './call-format';
import { arg, CommandCall, fail, SimContext } from './context';
import { AgentRecord, Dialog, stampChange } from './model';
import { Reply, topicOf } from './reply';

export function hello(sim: SimContext, cmd: CommandCall): void {
  const topic = topicOf(cmd.target);
  if (sim.opts.registerDestinationOn === 'hello') sim.registry.destinations.add(topic);
  cmd.reply.answer(topic, systemEvent(sim.inService));
}

export function beat(sim: SimContext, cmd: CommandCall): void {
  const topic = topicOf(cmd.target);
  const known = sim.registry.destinations.has(topic);
  cmd.reply.answer(topic, sim.inService && !known ? destinationReconnectEvent(cmd.target) : systemEvent(sim.inService));
}

/** Binds the agent to the client destination; success is silent. Errors go to that destination (or reply-to). */
export function connect(sim: SimContext, cmd: CommandCall, agent: AgentRecord | undefined): void {
  const destinationName = arg(cmd, 0);
  const password = cmd.args[1] ?? '';
  const topic = destinationName === '' ? undefined : topicOf(destinationName);
  const refuse = (error: string): void => {
    const to = topic ?? cmd.replyTo;
    if (to === undefined) sim.log(`Connect#${cmd.target}: ${error}, but there is no destination to send it to`);
    else cmd.reply.answer(to, errorEvent(cmd.target, error));
  };
  if (topic === undefined) return refuse('PLEASE_RETRY');
  if (password === '') return refuse('MISSING_PASSWORD');
  if (!agent) return refuse('USER_NOT_FOUND');
  if (password !== agent.password) return refuse('SUBSCRIPTION_FAILED');
  if (agent.topic !== undefined && agent.topic !== topic) invalidateSession(sim, cmd.reply, agent);
  agent.topic = topic;
  agent.destinationName = destinationName;
  agent.infoSent = false;
  sim.registry.destinations.add(topic);
}

/** The old destination loses the agent: SESSION_INVALIDATED and State LOGOUT, in the configured order. */
function invalidateSession(sim: SimContext, reply: Reply, agent: AgentRecord): void {
  const old = agent.topic as string;
  if (agent.loggedIn) signOut(sim, agent, '-1', '');
  const bodies = [errorEvent(agent.id, 'SESSION_INVALIDATED'), stateEvent(agent)];
  if (sim.opts.sessionInvalidatedOrder === 'logoutFirst') bodies.reverse();
  for (const body of bodies) reply.aside(old, body);
}

export function login(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  logIn(sim, cmd, agent, false);
}

export function mobileAgentLogin(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  logIn(sim, cmd, agent, true);
}

/** Validation order: password, extension (missing, not digits, not a device, taken), dial number, licences. */
function logIn(sim: SimContext, cmd: CommandCall, agent: AgentRecord, mobile: boolean): void {
  const password = cmd.args[0] ?? '';
  const extension = arg(cmd, 1);
  if (password === '') return fail(sim, cmd, agent, 'MISSING_PASSWORD');
  if (password !== agent.password) return fail(sim, cmd, agent, 'SUBSCRIPTION_FAILED');
  if (extension === '') return fail(sim, cmd, agent, 'MISSING_EXTENSION');
  if (!/^[0-9]+$/.test(extension)) return fail(sim, cmd, agent, 'WRONG_EXTENSION');
  const devices = sim.opts.extensions;
  const holder = sim.registry.agentOnExtension(extension);
  if ((devices && !devices.has(extension)) || (holder && holder !== agent)) return fail(sim, cmd, agent, 'CF_INVALID_LOGON_DEVICE_SPECIFIED');
  if (mobile && arg(cmd, 2) === '') return fail(sim, cmd, agent, 'MISSING_NUMBER');
  if (agent.loggedIn) {
    // A client re-logging in after RE_LOGIN or RECONNECT finds the session as it left it.
    if (agent.extension !== extension) return fail(sim, cmd, agent, 'CF_INVALID_LOGON_DEVICE_SPECIFIED');
    return announceLogin(sim, cmd.reply, agent);
  }
  if (sim.registry.loggedInCount() >= sim.opts.maxLicenses) return fail(sim, cmd, agent, 'LICENSES_EXCEEDED');
  sim.registry.bindExtension(agent, extension);
  agent.loggedIn = true;
  // LOGOUT -> LOGIN -> NOT_READY; LOGIN is transient and not reported.
  agent.state = 'NOT_READY';
  agent.reasonCode = '-1';
  agent.reasonLabel = '';
  clearPending(agent);
  stampChange(agent);
  announceLogin(sim, cmd.reply, agent);
}

/** AgentInfo (first login of the session only), State, DialogStatus; supervisors also get their team info. */
function announceLogin(sim: SimContext, reply: Reply, agent: AgentRecord): void {
  if (!agent.infoSent) {
    reply.toAgent(agent, agentInfoEvent(agent));
    agent.infoSent = true;
  }
  reply.toAgent(agent, stateEvent(agent));
  sendDialogStatus(sim, reply, agent);
  if (agent.supervisor) {
    reply.toAgent(agent, teamInfoIdsEvent(agent));
    reply.toAgent(agent, teamInfoNamesEvent(agent));
  }
}

/** One DialogStatus per call the agent is on (a consult travels with its main call), or the idle form. */
export function sendDialogStatus(sim: SimContext, reply: Reply, agent: AgentRecord): void {
  const dialogs = agent.dialogs.map((id) => sim.registry.dialogs.get(id)).filter((d): d is Dialog => d !== undefined);
  const shown = new Set<string>();
  for (const dialog of dialogs) {
    if (shown.has(dialog.id)) continue;
    const associated = dialog.associatedId === undefined ? undefined : sim.registry.dialogs.get(dialog.associatedId);
    shown.add(dialog.id);
    if (associated) shown.add(associated.id);
    reply.toAgent(agent, dialogStatusEvent(sim.format, agent, dialog, associated));
  }
  if (shown.size === 0) reply.toAgent(agent, dialogStatusEvent(sim.format, agent));
}

export function logout(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  leave(sim, cmd, agent, '-1', '');
}

export function logoutWithReason(sim: SimContext, cmd: CommandCall, agent: AgentRecord): void {
  const code = arg(cmd, 0);
  if (code === '') return fail(sim, cmd, agent, 'MISSING_REASON_CODE');
  leave(sim, cmd, agent, code, sim.opts.reasonCodes.logout.find((r) => r.code === code)?.label ?? '');
}

function leave(sim: SimContext, cmd: CommandCall, agent: AgentRecord, code: string, label: string): void {
  if (judgeStateRequest(agent.state, 'LOGOUT', agent.wrapUpMode) !== 'now') return fail(sim, cmd, agent, 'CF_INVALID_OBJECT_STATE');
  signOut(sim, agent, code, label);
  cmd.reply.toAgent(agent, stateEvent(agent));
}

function signOut(sim: SimContext, agent: AgentRecord, code: string, label: string): void {
  sim.timers.cancel(agent.wrapUpTimer);
  agent.wrapUpTimer = undefined;
  clearPending(agent);
  sim.registry.releaseExtension(agent);
  agent.loggedIn = false;
  agent.state = 'LOGOUT';
  agent.reasonCode = code;
  agent.reasonLabel = label;
  stampChange(agent);
}
