/**
 * Agent state transitions and their effect on every producer keyed by the agent or counting it (digest §8.1, §8.2):
 * counters and durations first, then the string attributes, one frame each, then the aggregates that follow.
 */
import { AgentState, Floor, paddedTimestamp } from './floor';
import { P } from './producers';
import { SimAgent } from './world';

export const AGENT_STATES: readonly AgentState[] = ['READY', 'NOT_READY', 'LOGGED_OUT'];

/** Whole seconds, rounded up so that every state left shows a visible duration even in a fast demo. */
const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

export function setAgentState(floor: Floor, agentId: string, state: AgentState, reasonCode?: string): void {
  if (!AGENT_STATES.includes(state)) throw new RangeError(`state must be one of ${AGENT_STATES.join(', ')}`);
  const agent = floor.agent(agentId);
  const rt = floor.state(agentId);
  const reason = state === 'NOT_READY' ? reasonCode ?? '0' : '0';
  if (rt.state === state && (state !== 'NOT_READY' || rt.reasonCode === reason)) return;
  const now = floor.now();
  const stamp = paddedTimestamp(now);
  const elapsed = seconds(now - rt.since);
  const dim = { agentId };
  const reasonName = floor.world.reasonCodes.find((r) => r.nrReasonCode === reason)?.nrReasonCodeName ?? reason;

  if (rt.state === state) {
    // A reason change alone is not a state change, but it still fires an event (§8.1 field notes).
    closeReason(floor, agentId, rt.reasonCode, elapsed);
    floor.add(P.AgentByReason, { agentId, nrReasonCode: reason }, { nrReasonCodeOccurrence: 1 });
    floor.set(P.AgentByReason, { agentId, nrReasonCode: reason }, { nrReasonCodeName: reasonName });
    floor.set(P.Agent, dim, { nrReasonCode: reason, nrReasonCodeName: reasonName, lastStateReasonTimestamp: stamp });
    Object.assign(rt, { reasonCode: reason, since: now });
    return;
  }

  const previous = rt.state;
  const loggingIn = previous === 'LOGGED_OUT';
  // Logged-on time accrues at each transition, by the time spent in the state being left.
  const logon = loggingIn ? 0 : elapsed;
  const counters: Record<string, number> = { agentLogonDuration: logon };
  if (previous === 'READY') counters.idleTimeDuration = elapsed;
  if (previous === 'NOT_READY') counters.agentNotReadyTimeDuration = elapsed;
  if (state === 'READY') counters.agentReady = 1;
  if (state === 'NOT_READY') counters.agentNotReady = 1;
  floor.add(P.Agent, dim, counters);
  floor.set(P.Agent, dim, {
    lastStateChangeTimestamp: stamp,
    nrReasonCodeName: reasonName,
    agentState: state,
    workState: state === 'READY' ? 'IDLE' : 'UNAVAILABLE',
    lastWorkCodeChangeTimestamp: stamp,
    lastStateReasonTimestamp: stamp,
    nrReasonCode: reason,
    ...(loggingIn ? { ...identity(floor, agent), loginTimeStamp: stamp, agentLogoutTimeStamp: 'UNKNOWN' } : {}),
    ...(state === 'LOGGED_OUT' ? { agentLogoutTimeStamp: stamp } : {}),
  });
  accounts(floor, agent, state, stamp, logon);
  if (previous === 'NOT_READY') closeReason(floor, agentId, rt.reasonCode, elapsed);
  if (state === 'NOT_READY') {
    floor.add(P.AgentByReason, { agentId, nrReasonCode: reason }, { nrReasonCodeOccurrence: 1 });
    floor.set(P.AgentByReason, { agentId, nrReasonCode: reason }, { nrReasonCodeName: reasonName });
  }
  Object.assign(rt, { state, reasonCode: reason, since: now });
  refreshHeadcounts(floor, agent);
}

/** The attributes that come with a login and rarely change (names, supervisor, work limit). */
function identity(floor: Floor, agent: SimAgent): Record<string, string> {
  const { supervisor } = floor.world;
  return {
    agentId: agent.agentId, agentFirstName: agent.firstName, agentLastName: agent.lastName, agentDisplayName: `${agent.firstName} ${agent.lastName}`,
    supervisorId: supervisor.supervisorId, supervisorFirstName: supervisor.firstName, supervisorLastName: supervisor.lastName,
    workLimit: '1', activeWorkCount: '0',
  };
}

/** Each channel account: its counter frame, then its state frame (the §8.2 pattern). */
function accounts(floor: Floor, agent: SimAgent, state: AgentState, stamp: string, logonSeconds: number): void {
  for (const account of agent.accounts) {
    const dim = { agentId: agent.agentId, accountId: account.accountId, channelId: account.channelId };
    const counters: Record<string, number> = { accountLogonDuration: logonSeconds };
    if (state === 'READY') counters.accountReady = 1;
    if (state === 'NOT_READY') counters.accountNotReady = 1;
    floor.add(P.AgentByAccount, dim, counters);
    const login = floor.store.row(P.AgentByAccount, dim).values.accountState;
    floor.set(P.AgentByAccount, dim, {
      accountState: state,
      ...(login === 'UNKNOWN' || login === 'LOGGED_OUT' ? { loginTimeStamp: stamp } : {}),
      lastStateChangeTimestamp: stamp,
      lastStateReasonTimestamp: stamp,
    });
  }
}

function closeReason(floor: Floor, agentId: string, reasonCode: string, elapsed: number): void {
  floor.add(P.AgentByReason, { agentId, nrReasonCode: reasonCode }, { nrReasonCodeDuration: elapsed });
}

/** Logged-in and ready headcounts of the agent's groups, its site and the routing services of its channels. */
export function refreshHeadcounts(floor: Floor, agent: SimAgent, groupIds: string[] = agent.groupIds): void {
  const agents = floor.world.agents;
  const counts = (members: SimAgent[]): Record<string, number> => {
    const states = members.map((m) => floor.state(m.agentId).state);
    return { agentsLoggedIn: states.filter((s) => s !== 'LOGGED_OUT').length, agentsReady: states.filter((s) => s === 'READY').length };
  };
  for (const groupId of groupIds) {
    const members = agents.filter((a) => a.groupIds.includes(groupId));
    const c = counts(members);
    floor.set(P.AgentGroup, { groupId }, { ...c, agentsNotReady: members.filter((m) => floor.state(m.agentId).state === 'NOT_READY').length });
  }
  floor.set(P.Site, { ...agent.site }, counts(agents.filter((a) => a.site.siteId === agent.site.siteId)));
  for (const service of floor.world.routingServices) {
    if (!agent.accounts.some((acc) => acc.channelId === service.channelId)) continue;
    const staffed = agents.filter((a) => a.accounts.some((acc) => acc.channelId === service.channelId));
    floor.set(P.RoutingService, { routingServiceName: service.routingServiceName }, counts(staffed));
  }
}
