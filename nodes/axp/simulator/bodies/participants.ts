/** Participant bodies: agents (incl. supervisors observing, coaching, barging), automation (IVR/bot) and the customer. */
import { Body, BodyFactory } from '../body-factory';
import { SimEngagement } from '../engagement';
import { AgentProfile } from '../world';

export type AgentAction = 'ADDED' | 'HELD' | 'UNHELD' | 'INVITED' | 'REMOVED' | 'MOVED';
export type SupervisionAction = 'OBSERVING' | 'COACHING' | 'BARGEDIN';

export interface AgentAppearance {
  agent: AgentProfile;
  connectionId: string;
}

export interface AgentParticipantSpec extends AgentAppearance {
  action: AgentAction;
  /** REMOVED only (default false). */
  agentInitiatedDisconnect?: boolean;
  /** MOVED only, and required there: the dialog the agent was in before (the engagement's dialogId is the new one). */
  previousDialogId?: string;
}

/** Field order of the AsyncAPI schema; `previousDialogId` sits before dialogId, the action-specific fields go last. */
function participant(f: BodyFactory, e: SimEngagement, who: AgentAppearance, action: string, trailing: Body, previousDialogId?: string): Body {
  return f.event('AgentParticipant', {
    engagementId: e.engagementId, channelProviderId: e.channelProviderId, connectionId: who.connectionId, action,
    agentId: who.agent.agentId, ...(previousDialogId === undefined ? {} : { previousDialogId }), dialogId: e.dialogId,
    extension: who.agent.extension, channelId: e.channelId, providerEngagementId: e.providerEngagementId, ...trailing,
  });
}

export function agentParticipant(f: BodyFactory, e: SimEngagement, spec: AgentParticipantSpec): Body {
  if (spec.action === 'MOVED' && spec.previousDialogId === undefined) throw new Error('AgentParticipant MOVED needs previousDialogId');
  const trailing = spec.action === 'REMOVED' ? { agentInitiatedDisconnect: spec.agentInitiatedDisconnect ?? false } : {};
  return participant(f, e, spec, spec.action, trailing, spec.action === 'MOVED' ? spec.previousDialogId : undefined);
}

/** The supervisor's appearance joins (agentId/connectionId = the supervisor's) with the action's own id pair. */
export function supervisorParticipant(
  f: BodyFactory, e: SimEngagement, action: SupervisionAction, supervisor: AgentAppearance, agent: AgentAppearance,
): Body {
  const fields: Record<SupervisionAction, Body> = {
    OBSERVING: {
      observedAgentId: agent.agent.agentId, observingAgentId: supervisor.agent.agentId,
      observingAgentConnectionId: supervisor.connectionId, observedAgentConnectionId: agent.connectionId,
    },
    COACHING: {
      coachingAgentId: supervisor.agent.agentId, coachedAgentId: agent.agent.agentId,
      coachingAgentConnectionId: supervisor.connectionId, coachedAgentConnectionId: agent.connectionId,
    },
    BARGEDIN: { bargingAgentId: supervisor.agent.agentId, bargingAgentConnectionId: supervisor.connectionId },
  };
  return participant(f, e, supervisor, action, fields[action]);
}

export interface AutomationSpec {
  action: 'ADDED' | 'REMOVED';
  connectionId: string;
  automationParticipantId: string;
  automationType: string;
  automationInitiatedDisconnect?: boolean;
}

export function automationParticipant(f: BodyFactory, e: SimEngagement, spec: AutomationSpec): Body {
  return f.event('AutomationParticipant', {
    engagementId: e.engagementId, channelProviderId: e.channelProviderId, automationParticipantId: spec.automationParticipantId,
    action: spec.action, dialogId: e.dialogId, automationType: spec.automationType, connectionId: spec.connectionId,
    channelId: e.channelId, providerEngagementId: e.providerEngagementId,
    automationInitiatedDisconnect: spec.automationInitiatedDisconnect ?? false,
  });
}

export interface ExternalSpec {
  action: 'ADDED' | 'REMOVED' | 'INVITED';
  /** Default: the engagement's customer and their connection. */
  externalParticipantId?: string;
  connectionId?: string;
  initiatedDisconnect?: boolean;
}

export function externalParticipant(f: BodyFactory, e: SimEngagement, spec: ExternalSpec): Body {
  return f.event('ExternalParticipant', {
    engagementId: e.engagementId, channelProviderId: e.channelProviderId,
    externalParticipantId: spec.externalParticipantId ?? e.customer, action: spec.action,
    connectionId: spec.connectionId ?? e.customerConnectionId, dialogId: e.dialogId, channelId: e.channelId,
    providerEngagementId: e.providerEngagementId, externalParticipantInitiatedDisconnect: spec.initiatedDisconnect ?? false,
  });
}
