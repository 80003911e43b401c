/** Agent shift: LOGGED_IN, ChannelReady, READY, NOT_READY (with reason), READY, LOGGED_OUT. */
import { agentState, channelReady } from '../bodies/agent';
import { pickAgents, Scenario } from './kit';

export const agentShift: Scenario = (kit) => {
  const { f, world } = kit;
  const [agent] = pickAgents(kit, 1);
  const profile = world.profileId;
  return [
    agentState(f, agent, profile, 'LOGGED_IN'),
    channelReady(f, agent, world.channelProviderId),
    agentState(f, agent, profile, 'READY'),
    agentState(f, agent, profile, 'NOT_READY', kit.rng.pick(world.notReadyReasons)),
    agentState(f, agent, profile, 'READY'),
    agentState(f, agent, profile, 'LOGGED_OUT'),
  ];
};
