/** An inbound voice call through the IVR to an agent, with hold, a customer hang-up and after-contact work. */
import { afterContactWork } from '../bodies/agent';
import { engagementPrerouted, inboundEngagementCreated } from '../bodies/engagement';
import { agentParticipant, automationParticipant, externalParticipant } from '../bodies/participants';
import { matchOffered } from '../bodies/routing';
import { newEngagement } from '../engagement';
import { pickAgents, pickQueue, Scenario } from './kit';

export const inboundCall: Scenario = (kit) => {
  const { f, world } = kit;
  const [agent] = pickAgents(kit, 1);
  const queue = pickQueue(kit);
  const e = newEngagement(f.ids, world);
  const ivr = { connectionId: f.ids.uuid(), automationParticipantId: world.ivr.automationParticipantId, automationType: world.ivr.automationType };
  const connectionId = f.ids.uuid();
  return [
    inboundEngagementCreated(f, e),
    externalParticipant(f, e, { action: 'ADDED' }),
    automationParticipant(f, e, { ...ivr, action: 'ADDED' }),
    engagementPrerouted(f, world, e, { queue }),
    automationParticipant(f, e, { ...ivr, action: 'REMOVED', automationInitiatedDisconnect: true }),
    matchOffered(f, e, { agent, queue, offers: ['queue'] }),
    agentParticipant(f, e, { action: 'ADDED', agent, connectionId }),
    agentParticipant(f, e, { action: 'HELD', agent, connectionId }),
    agentParticipant(f, e, { action: 'UNHELD', agent, connectionId }),
    externalParticipant(f, e, { action: 'REMOVED', initiatedDisconnect: true }),
    agentParticipant(f, e, { action: 'REMOVED', agent, connectionId, agentInitiatedDisconnect: false }),
    afterContactWork(f, 'Activated', e, agent, connectionId),
    afterContactWork(f, 'Completed', e, agent, connectionId),
  ];
};
