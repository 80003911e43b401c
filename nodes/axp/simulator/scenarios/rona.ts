/** Redirect on no answer: the offered agent does not answer, goes NOT_READY (RONA), and routing offers another agent. */
import { agentState } from '../bodies/agent';
import { matchOffered } from '../bodies/routing';
import { newEngagement } from '../engagement';
import { pickAgents, pickQueue, Scenario } from './kit';

export const rona: Scenario = (kit) => {
  const { f, world } = kit;
  const [first, second] = pickAgents(kit, 2);
  const queue = pickQueue(kit);
  const e = newEngagement(f.ids, world);
  return [
    matchOffered(f, e, { agent: first, queue, offers: ['queue'] }),
    agentState(f, first, world.profileId, 'NOT_READY', world.rona),
    matchOffered(f, e, { agent: second, queue, offers: ['queue'] }),
  ];
};
