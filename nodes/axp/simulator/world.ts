/** The simulated tenant: agents with their devices, queues, the IVR and the numbers callers dial (values in the vendor's styles). */
import { AxpSimAgent, ResolvedAxpOptions } from './options';

export interface AgentProfile extends AxpSimAgent {
  extension: string;
  providerAgentId: string;
  channelProviderAddress: string;
}

export interface SimQueue {
  queueId: string;
  queueName: string;
}

export interface NotReadyReason {
  code: number;
  cause: string;
}

export interface World {
  agents: AgentProfile[];
  agentsById: ReadonlyMap<string, AgentProfile>;
  /** One voice provider (the vendor's example id) serves every engagement. */
  channelProviderId: string;
  queues: SimQueue[];
  ivr: { automationParticipantId: string; automationType: string; address: string };
  serviceNumber: string;
  supportMailbox: string;
  orchestrationFlows: { inbound: string; outbound: string; email: string };
  profileId: string;
  /** Reasons an agent picks; RONA is the one routing sets when an offer goes unanswered. */
  notReadyReasons: NotReadyReason[];
  rona: NotReadyReason;
}

export function buildWorld(opts: ResolvedAxpOptions): World {
  const agents = opts.agents.map((a, i) => ({
    ...a,
    extension: String(8010017 + i),
    providerAgentId: String(8011001 + i),
    channelProviderAddress: `+77755501135${String(55 + i).padStart(2, '0')}`,
  }));
  return {
    agents,
    agentsById: new Map(agents.map((a) => [a.agentId, a])),
    channelProviderId: '4dc53692-e25c-4e8c-a780-0b2f05008478',
    queues: [
      { queueId: '6d1490d5-7886-417d-ac85-fb0825d53a93', queueName: 'Default' },
      { queueId: '16119117-7986-426e-bd3f-6f2e1d92ee1d', queueName: 'VoiceQ' },
      { queueId: '2b0e5a3c-91f4-4c8e-a0d7-5e6f7a8b9c0d', queueName: 'BillingQ' },
    ],
    ivr: { automationParticipantId: 'AvayaVoiceIVR', automationType: 'SELF_SERVICE', address: '+12125550100' },
    serviceNumber: '+18005555555',
    supportMailbox: 'support@example.com',
    orchestrationFlows: { inbound: 'OneCloud Voice Inbound', outbound: 'OneCloud Voice Outbound', email: 'OneCloud Email Inbound' },
    profileId: 'HomeProfile',
    notReadyReasons: [
      { code: 101, cause: 'BREAK' },
      { code: 102, cause: 'LUNCH' },
      { code: 103, cause: 'TRAINING' },
    ],
    rona: { code: 514, cause: 'RONA' },
  };
}
