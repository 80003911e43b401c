/** Bodies about an agent rather than an engagement: AgentState, ChannelReady, and the after-contact-work pair. */
import { Body, BodyFactory } from '../body-factory';
import { SimEngagement } from '../engagement';
import { AgentProfile, NotReadyReason } from '../world';

export type AgentStateValue = 'LOGGED_IN' | 'LOGGED_OUT' | 'READY' | 'NOT_READY';

/** reasonCode and cause appear only with NOT_READY, which therefore needs a reason. */
export function agentState(f: BodyFactory, agent: AgentProfile, profileId: string, state: AgentStateValue, reason?: NotReadyReason): Body {
  if (state === 'NOT_READY' && !reason) throw new Error('AgentState NOT_READY needs a reason');
  const notReady = state === 'NOT_READY' && reason ? { reasonCode: f.reasonCode(reason.code), cause: reason.cause } : {};
  return f.event('AgentState', { agentId: agent.agentId, profileId, state, ...notReady });
}

export function channelReady(f: BodyFactory, agent: AgentProfile, channelProviderId: string, channelId = 'Voice'): Body {
  return f.event('ChannelReady', { agentId: agent.agentId, channelProviderId, channelId });
}

export function afterContactWork(
  f: BodyFactory, phase: 'Activated' | 'Completed', e: SimEngagement, agent: AgentProfile, connectionId: string,
): Body {
  return f.event(`AfterContactWork${phase}`, {
    engagementId: e.engagementId, agentId: agent.agentId, dialogId: e.dialogId, connectionId,
    channelProviderId: e.channelProviderId, channelId: e.channelId,
  });
}
