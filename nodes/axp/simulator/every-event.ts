/** One documented body of each of the 13 types, each with every field its condition allows (the catalogue order of §6). */
import { Body, BodyFactory } from './body-factory';
import { afterContactWork, agentState, channelReady } from './bodies/agent';
import { engagementPrerouted, inboundEngagementCreated, outboundEngagementCreated } from './bodies/engagement';
import { agentParticipant, automationParticipant, externalParticipant } from './bodies/participants';
import { matchOffered } from './bodies/routing';
import { singleStepTransfer, singleStepTransferError, TransferRequest } from './bodies/transfer';
import { newEngagement } from './engagement';
import { World } from './world';

export function everyEventBody(f: BodyFactory, world: World): Body[] {
  const [agent, other] = world.agents;
  const queue = world.queues[0];
  const e = newEngagement(f.ids, world);
  // The e-mail fields of EngagementPrerouted (subject, autoResponse, adhocEmail) exist only for e-mail engagements.
  const mail = newEngagement(f.ids, world, 'Email');
  const connectionId = f.ids.uuid();
  const transfer: TransferRequest = {
    initiator: agent, connectionId, target: { transferTo: 'USER', agent: other, queue }, correlationId: f.ids.uuid(),
  };
  const ivr = world.ivr;
  return [
    agentState(f, agent, world.profileId, 'NOT_READY', world.notReadyReasons[0]),
    agentParticipant(f, e, { action: 'REMOVED', agent, connectionId, agentInitiatedDisconnect: true }),
    automationParticipant(f, e, {
      action: 'ADDED', connectionId: f.ids.uuid(), automationParticipantId: ivr.automationParticipantId, automationType: ivr.automationType,
    }),
    externalParticipant(f, e, { action: 'REMOVED', initiatedDisconnect: true }),
    engagementPrerouted(f, world, mail, { queue }),
    inboundEngagementCreated(f, e),
    matchOffered(f, e, { agent, queue, offers: ['queue', 'service', 'specifiedAgent'] }),
    outboundEngagementCreated(f, e, agent),
    singleStepTransfer(f, e, transfer),
    singleStepTransferError(f, e, transfer, 'FAILED'),
    channelReady(f, agent, world.channelProviderId),
    afterContactWork(f, 'Activated', e, agent, connectionId),
    afterContactWork(f, 'Completed', e, agent, connectionId),
  ];
}
