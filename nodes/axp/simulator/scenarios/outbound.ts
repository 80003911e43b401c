/** An outbound (POM campaign) call: created for the agent, prerouted with System.Outbound, connected, ended, wrapped up. */
import { afterContactWork } from '../bodies/agent';
import { engagementPrerouted, outboundEngagementCreated } from '../bodies/engagement';
import { agentParticipant, externalParticipant } from '../bodies/participants';
import { newEngagement } from '../engagement';
import { pickAgents, pickQueue, Scenario } from './kit';

export const outbound: Scenario = (kit) => {
  const { f, world } = kit;
  const [agent] = pickAgents(kit, 1);
  const e = newEngagement(f.ids, world);
  const connectionId = f.ids.uuid();
  return [
    outboundEngagementCreated(f, e, agent),
    engagementPrerouted(f, world, e, { queue: pickQueue(kit), outbound: true }),
    agentParticipant(f, e, { action: 'ADDED', agent, connectionId }),
    externalParticipant(f, e, { action: 'ADDED' }),
    externalParticipant(f, e, { action: 'REMOVED', initiatedDisconnect: false }),
    agentParticipant(f, e, { action: 'REMOVED', agent, connectionId, agentInitiatedDisconnect: true }),
    afterContactWork(f, 'Activated', e, agent, connectionId),
    afterContactWork(f, 'Completed', e, agent, connectionId),
  ];
};
