/** Bodies that open an engagement or describe it before routing: Inbound/OutboundEngagementCreated, EngagementPrerouted. */
import { Body, BodyFactory, RoutingAttribute } from '../body-factory';
import { SimEngagement } from '../engagement';
import { AgentProfile, SimQueue, World } from '../world';

const ENGAGEMENT_PARAMETERS = { language: 'en' };
export const LANGUAGE_ATTRIBUTE: RoutingAttribute = { category: 'Language', values: ['English'] };
/** What marks a POM (outbound campaign) call in attributeList. */
export const OUTBOUND_ATTRIBUTE = 'System.Outbound';

function customerIdentifiers(e: SimEngagement): Body {
  const voice = e.channelId === 'Voice';
  return { phoneNumbers: voice ? [e.customer] : [], emailAddresses: voice ? [] : [e.customer], accountIds: [] };
}

export function inboundEngagementCreated(f: BodyFactory, e: SimEngagement): Body {
  return f.event('InboundEngagementCreated', {
    engagementId: e.engagementId, channelProviderId: e.channelProviderId, connectionId: e.customerConnectionId,
    externalParticipantId: e.customer, dialogId: e.dialogId, callingNumber: e.customer, dialledNumber: e.serviceAddress,
    channelId: e.channelId, customerIdentifiers: customerIdentifiers(e), providerEngagementId: e.providerEngagementId,
    engagementParameters: { ...ENGAGEMENT_PARAMETERS },
  });
}

export function outboundEngagementCreated(f: BodyFactory, e: SimEngagement, agent: AgentProfile): Body {
  return f.event('OutboundEngagementCreated', {
    engagementId: e.engagementId, agentId: agent.agentId, dialogId: e.dialogId, destinationAddress: e.customer,
    channelProviderId: e.channelProviderId, channelId: e.channelId, customerIdentifiers: customerIdentifiers(e),
    engagementParameters: { ...ENGAGEMENT_PARAMETERS },
  });
}

export interface PreroutedSpec {
  queue: SimQueue;
  /** A POM campaign call: attributeList carries System.Outbound and the outbound orchestration flow applies. */
  outbound?: boolean;
}

/** The e-mail-only fields (adhocEmail, autoResponse, subject) appear for e-mail engagements only. */
export function engagementPrerouted(f: BodyFactory, world: World, e: SimEngagement, spec: PreroutedSpec): Body {
  const email = e.channelId === 'Email';
  const flows = world.orchestrationFlows;
  const attributeList = ['Language.English', ...(spec.outbound ? [OUTBOUND_ATTRIBUTE] : [])];
  // Outbound, the customer is the one called; inbound, the one calling.
  const [source, destination] = spec.outbound ? [e.serviceAddress, e.customer] : [e.customer, e.serviceAddress];
  return f.event('EngagementPrerouted', {
    engagementId: e.engagementId, dialogId: e.dialogId,
    orchestrationFlow: email ? flows.email : spec.outbound ? flows.outbound : flows.inbound,
    attributes: f.attributes([LANGUAGE_ATTRIBUTE]), attributeList, engagementParameters: { ...ENGAGEMENT_PARAMETERS },
    agentRoutingStrategy: { type: 'LAR', waitTime: 5 },
    ...(email ? { adhocEmail: false, autoResponse: 'Thank you for your e-mail; an agent will answer shortly.' } : {}),
    channelProviderId: e.channelProviderId, channelId: e.channelId, channelIdentifier: e.channelId,
    queue: { queueId: spec.queue.queueId, queueName: spec.queue.queueName, priority: 5, proficiencyRangeMin: 1, proficiencyRangeMax: 1 },
    customerIdentifiers: customerIdentifiers(e), externalParticipantId: e.customer, sourceAddress: source, destinationAddress: destination,
    ...(email ? { subject: 'Question about my order' } : {}),
  });
}
