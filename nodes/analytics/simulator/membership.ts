/** ACM membership changes at run time (digest §9): an agent leaving its groups disappears from the streams with a DELETE. */
import { refreshHeadcounts } from './agent-states';
import { Floor } from './floor';
import { PRODUCERS } from './producers';

/** Removes the agent from every Analytics group; each of its agent-keyed rows gets a DELETE frame. */
export function removeAgentFromGroup(floor: Floor, agentId: string): void {
  const agent = floor.agent(agentId);
  const formerGroups = agent.groupIds;
  if (formerGroups.length === 0) return;
  agent.groupIds = [];
  for (const producer of PRODUCERS.filter((p) => p.agentKeyed)) {
    for (const row of floor.store.rows(producer.producerId)) {
      if (row.dimension.agentId === agentId) floor.remove(producer.producerId, row.dimension);
    }
  }
  refreshHeadcounts(floor, agent, formerGroups);
}
