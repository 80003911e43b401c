/** A supervisor observes, coaches and barges in on an agent's call; the agent is then MOVED to the conference's new dialog. */
import { agentParticipant, externalParticipant, supervisorParticipant } from '../bodies/participants';
import { newDialogId } from '../engagement';
import { connectedCall, pickAgents, Scenario } from './kit';

export const supervision: Scenario = (kit) => {
  const { f } = kit;
  const [agent, supervisor] = pickAgents(kit, 2);
  const call = connectedCall(kit, agent);
  const { e } = call;
  const agentSide = { agent, connectionId: call.agentConnectionId };
  const supervisorSide = { agent: supervisor, connectionId: f.ids.uuid() };
  const opening = [
    ...call.bodies,
    supervisorParticipant(f, e, 'OBSERVING', supervisorSide, agentSide),
    supervisorParticipant(f, e, 'COACHING', supervisorSide, agentSide),
    supervisorParticipant(f, e, 'BARGEDIN', supervisorSide, agentSide),
  ];
  const previousDialogId = e.dialogId;
  e.dialogId = newDialogId(f.ids);
  return [
    ...opening,
    agentParticipant(f, e, { action: 'MOVED', ...agentSide, previousDialogId }),
    agentParticipant(f, e, { action: 'REMOVED', ...supervisorSide, agentInitiatedDisconnect: true }),
    externalParticipant(f, e, { action: 'REMOVED', initiatedDisconnect: true }),
    agentParticipant(f, e, { action: 'REMOVED', ...agentSide, agentInitiatedDisconnect: false }),
  ];
};
