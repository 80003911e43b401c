/** MatchOffered: routing offers the engagement to an agent through a queue, a service, or by naming the agent. */
import { Body, BodyFactory } from '../body-factory';
import { LANGUAGE_ATTRIBUTE } from './engagement';
import { SimEngagement } from '../engagement';
import { AgentProfile, SimQueue } from '../world';

export type OfferKind = 'queue' | 'service' | 'specifiedAgent';

export interface MatchSpec {
  agent: AgentProfile;
  queue: SimQueue;
  /** Which offer objects to fill (normally one; the document does not say they exclude each other). */
  offers: OfferKind[];
  strategy?: 'MOST_IDLE' | 'OCCUPANCY';
}

function agentData(e: SimEngagement, agent: AgentProfile): Body {
  return {
    agentId: agent.agentId, providerAgentId: agent.providerAgentId, channelProviderId: e.channelProviderId, channelId: e.channelId,
    channelProviderAddress: agent.channelProviderAddress, providerAgentAddress: agent.loginId,
  };
}

export function matchOffered(f: BodyFactory, e: SimEngagement, spec: MatchSpec): Body {
  const ranges = { proficiencyRangeMin: 1, proficiencyRangeMax: 1 };
  const offers: Body = {};
  if (spec.offers.includes('queue')) {
    offers.offeredQueue = {
      queueId: spec.queue.queueId, channelId: e.channelId, priority: 1, rank: 1, ...ranges,
      attributes: f.flatAttributes([LANGUAGE_ATTRIBUTE]), offeredAgentData: agentData(e, spec.agent),
    };
  }
  if (spec.offers.includes('service')) {
    offers.offeredService = { priority: 1, rank: 1, ...ranges, attributes: f.attributes([LANGUAGE_ATTRIBUTE]), offeredAgentData: agentData(e, spec.agent) };
  }
  if (spec.offers.includes('specifiedAgent')) {
    offers.offeredSpecifiedAgent = { rank: 1, offeredSpecifiedAgentData: agentData(e, spec.agent) };
  }
  return f.event('MatchOffered', {
    engagementId: e.engagementId, matchId: f.ids.uuid(), correlationId: f.ids.uuid(), strategy: spec.strategy ?? 'MOST_IDLE', ...offers,
  });
}
