/**
 * Single-step transfers of a connected call: the request, then either the target's participant events or
 * SingleStepTransferError quoting the request's correlationId.
 */
import { Body } from '../body-factory';
import { afterContactWork } from '../bodies/agent';
import { agentParticipant, automationParticipant, externalParticipant } from '../bodies/participants';
import { matchOffered } from '../bodies/routing';
import { singleStepTransfer, singleStepTransferError, TRANSFER_TARGETS, TransferRequest, TransferTarget } from '../bodies/transfer';
import { AgentProfile, SimQueue } from '../world';
import { connectedCall, ConnectedCall, pickAgents, ScenarioKit, Scenario } from './kit';

function transferTarget(kit: ScenarioKit, other: AgentProfile, queue: SimQueue): TransferTarget {
  const to = kit.transferTo ?? kit.rng.pick(TRANSFER_TARGETS);
  if (to === 'QUEUE') return { transferTo: 'QUEUE', queue };
  if (to === 'USER') return { transferTo: 'USER', agent: other, queue };
  if (to === 'AUTOMATION') return { transferTo: 'AUTOMATION', address: kit.world.ivr.address };
  return { transferTo: 'EXTERNAL', address: `+4420795${kit.f.ids.digits(5)}` };
}

function request(kit: ScenarioKit): { call: ConnectedCall; agent: AgentProfile; r: TransferRequest; other: AgentProfile } {
  const [agent, other] = pickAgents(kit, 2);
  const call = connectedCall(kit, agent);
  const target = transferTarget(kit, other, call.queue);
  return { call, agent, other, r: { initiator: agent, connectionId: call.agentConnectionId, target, correlationId: kit.f.ids.uuid() } };
}

/** What the target adds: the events of its joining, and those of its leaving once the customer has hung up. */
function targetJoins(kit: ScenarioKit, call: ConnectedCall, target: TransferTarget, other: AgentProfile): { joined: Body[]; left: Body[] } {
  const { f, world } = kit;
  const { e } = call;
  const connectionId = f.ids.uuid();
  if (target.transferTo === 'QUEUE' || target.transferTo === 'USER') {
    // A queue transfer is routed to the other agent; a USER transfer names it.
    const agent = target.transferTo === 'USER' ? target.agent : other;
    const offer = target.transferTo === 'QUEUE' ? [matchOffered(f, e, { agent, queue: target.queue, offers: ['queue'] })] : [];
    return {
      joined: [...offer, agentParticipant(f, e, { action: 'ADDED', agent, connectionId })],
      left: [
        agentParticipant(f, e, { action: 'REMOVED', agent, connectionId, agentInitiatedDisconnect: false }),
        afterContactWork(f, 'Activated', e, agent, connectionId),
        afterContactWork(f, 'Completed', e, agent, connectionId),
      ],
    };
  }
  if (target.transferTo === 'AUTOMATION') {
    const ivr = { connectionId, automationParticipantId: world.ivr.automationParticipantId, automationType: world.ivr.automationType };
    return {
      joined: [automationParticipant(f, e, { ...ivr, action: 'ADDED' })],
      left: [automationParticipant(f, e, { ...ivr, action: 'REMOVED', automationInitiatedDisconnect: false })],
    };
  }
  const far = { externalParticipantId: target.address, connectionId };
  return {
    joined: [externalParticipant(f, e, { ...far, action: 'ADDED' })],
    left: [externalParticipant(f, e, { ...far, action: 'REMOVED', initiatedDisconnect: false })],
  };
}

export const transfer: Scenario = (kit) => {
  const { f } = kit;
  const { call, agent, other, r } = request(kit);
  const { e, agentConnectionId } = call;
  const target = targetJoins(kit, call, r.target, other);
  return [
    ...call.bodies,
    singleStepTransfer(f, e, r),
    ...target.joined,
    agentParticipant(f, e, { action: 'REMOVED', agent, connectionId: agentConnectionId, agentInitiatedDisconnect: true }),
    afterContactWork(f, 'Activated', e, agent, agentConnectionId),
    afterContactWork(f, 'Completed', e, agent, agentConnectionId),
    externalParticipant(f, e, { action: 'REMOVED', initiatedDisconnect: true }),
    ...target.left,
  ];
};

/** The transfer fails (or is cancelled), so the initiating agent keeps the customer until the call ends. */
export const transferError: Scenario = (kit) => {
  const { f } = kit;
  const { call, agent, r } = request(kit);
  const { e, agentConnectionId } = call;
  return [
    ...call.bodies,
    singleStepTransfer(f, e, r),
    singleStepTransferError(f, e, r, kit.rng.pick(['CANCELLED', 'FAILED'] as const)),
    externalParticipant(f, e, { action: 'REMOVED', initiatedDisconnect: true }),
    agentParticipant(f, e, { action: 'REMOVED', agent, connectionId: agentConnectionId, agentInitiatedDisconnect: false }),
  ];
};
