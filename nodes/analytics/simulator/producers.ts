/** The ten measure producers of digest §7.1 and the AdminData producer: ids, names, stream names and dimension keys. */
import { MeasureDef, MEASURES_BY_PRODUCER } from './measures';

export interface ProducerDef {
  producerId: string;
  producerName: string;
  streamType: string;
  version: string;
  /** The name in pumpupIdentifier, e.g. AGENTMEASURES. */
  streamName: string;
  /** Dimension keys, in the order the examples print them. */
  dimensionKeys: string[];
  measures: MeasureDef[];
  description: string;
  /** The wire form this producer's examples use in the document ('mixed' wire form follows it). */
  documentForm: 'string' | 'object';
  /** Rows keyed by an agent: they stop, with a DELETE, when the agent leaves its groups (digest §9). */
  agentKeyed: boolean;
}

export const ADMIN_PRODUCER_ID = 'Admin_Admin_3.5';
export const VERSION = '3.5';

type Row = [name: string, id: string, stream: string, keys: string, form: 'string' | 'object', description: string];

/** Ids marked [assumption] in §7.1 follow the documented pattern {ProducerName}_{streamType}_{version}. */
const ROWS: Row[] = [
  ['Agent', 'Agent_SoD_3.5', 'AGENTMEASURES', 'agentId', 'string', 'Agent measures, start of day'],
  ['AgentByAccount', 'AgentByAccount_SoD_3.5', 'AGENTBYACCOUNTMEASURES', 'agentId accountId channelId', 'object', 'Agent measures per channel account, start of day'],
  ['AgentGroup', 'AgentGroup_SoD_3.5', 'AGENTGROUPMEASURES', 'groupId', 'string', 'Agent group measures, start of day'],
  ['Agent By Not Ready Reason Code', 'AgentByNotReadyReasonCode_SoD_3.5', 'AGENTBYNOTREADYREASONCODEMEASURES', 'agentId nrReasonCode', 'object', 'Agent not-ready reason code measures, start of day'],
  ['ContactDetail', 'ContactDetail_CDR_3.5', 'CONTACTDETAILMEASURES', 'segmentId', 'string', 'Contact detail records'],
  ['RoutingService', 'RoutingService_SoD_3.5', 'ROUTINGSERVICEMEASURES', 'routingServiceName', 'object', 'Routing service measures, start of day'],
  ['RoutingServiceByAgent', 'RoutingServiceByAgent_SoD_3.5', 'ROUTINGSERVICEBYAGENTMEASURES', 'agentId routingServiceName', 'object', 'Agent by routing service measures, start of day'],
  ['Site', 'Site_SoD_3.5', 'SITEMEASURES', 'siteName siteId', 'string', 'Site measures, start of day'],
  ['VDN', 'VDN_SoD_3.5', 'ROUTINGPOINTMEASURES', 'routingPointId', 'string', 'Routing point (VDN) measures, start of day'],
  ['RoutingServiceGroup', 'RoutingServiceGroup_SoD_3.5', 'ROUTINGSERVICEGROUPMEASURES', 'groupId', 'string', 'Routing service group measures, start of day'],
];

export const PRODUCERS: readonly ProducerDef[] = ROWS.map(([producerName, producerId, streamName, keys, documentForm, description]) => ({
  producerId,
  producerName,
  streamType: producerId.split('_')[1],
  version: VERSION,
  streamName,
  dimensionKeys: keys.split(' '),
  measures: MEASURES_BY_PRODUCER[producerName],
  description,
  documentForm,
  agentKeyed: keys.split(' ')[0] === 'agentId',
}));

/** Producer ids by name, so the model reads `P.Agent` rather than a string it could misspell. */
export const P = {
  Agent: 'Agent_SoD_3.5',
  AgentByAccount: 'AgentByAccount_SoD_3.5',
  AgentGroup: 'AgentGroup_SoD_3.5',
  AgentByReason: 'AgentByNotReadyReasonCode_SoD_3.5',
  ContactDetail: 'ContactDetail_CDR_3.5',
  RoutingService: 'RoutingService_SoD_3.5',
  RoutingServiceByAgent: 'RoutingServiceByAgent_SoD_3.5',
  Site: 'Site_SoD_3.5',
  VDN: 'VDN_SoD_3.5',
  RoutingServiceGroup: 'RoutingServiceGroup_SoD_3.5',
} as const;

export function findProducer(producerId: string): ProducerDef | undefined {
  return PRODUCERS.find((p) => p.producerId === producerId);
}

/** The AdminData producer's catalogue entry (listed only when asked for): dimension data over REST, no stream. */
export const ADMIN_PRODUCER: ProducerDef = {
  producerId: ADMIN_PRODUCER_ID, producerName: 'AdminData', streamType: 'Admin', version: VERSION, streamName: 'ADMINDATA',
  dimensionKeys: [], measures: [], description: 'Dimension (administrative) data over REST', documentForm: 'object', agentKeyed: false,
};
