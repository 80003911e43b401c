/**
 * The ACM model behind the streams: agents with their channel accounts, agent groups, routing services and their
 * groups, routing points, sites and reason codes. Dimension data and the measure rows are both drawn from it.
 */

export interface SimChannelAccount {
  accountId: string;
  channelId: string;
}

export interface SimAgent {
  agentId: string;
  firstName: string;
  lastName: string;
  supervisorId: string;
  groupIds: string[];
  accounts: SimChannelAccount[];
  site: SimSite;
}

export interface SimSite {
  siteName: string;
  siteId: string;
}

export interface SimRoutingService {
  routingServiceName: string;
  channelId: string;
  groupId: string;
}

export interface SimGroup {
  groupId: string;
  groupName: string;
  kind: 'Agent' | 'RoutingService';
}

export interface SimReasonCode {
  nrReasonCode: string;
  nrReasonCodeName: string;
}

export interface World {
  agents: SimAgent[];
  groups: SimGroup[];
  routingServices: SimRoutingService[];
  routingPoints: { routingPointId: string; name: string }[];
  sites: SimSite[];
  reasonCodes: SimReasonCode[];
  channels: string[];
  supervisor: { supervisorId: string; firstName: string; lastName: string };
}

/** Names from the document's samples first (scollins, jsmith, nbolshak), then invented ones. */
const NAMES: [string, string, string][] = [
  ['scollins', 'Siobhan', 'Collins'], ['jsmith', 'John', 'Smith'], ['nbolshak', 'Natalia', 'Bolshakova'],
  ['mlopez', 'Maria', 'Lopez'], ['akhan', 'Aisha', 'Khan'], ['lwei', 'Li', 'Wei'], ['tbecker', 'Tom', 'Becker'],
  ['pnovak', 'Petra', 'Novak'],
];

export const CHANNELS = ['Voice', 'Chat', 'ShortMessageService', 'Email'];

/** '0' / DEFAULT is what the Agent example shows for a plain NOT_READY; '101' is the reason-code example's. */
export const REASON_CODES: SimReasonCode[] = [
  { nrReasonCode: '0', nrReasonCodeName: 'DEFAULT' },
  { nrReasonCode: 'NOT_AVAILABLE', nrReasonCodeName: 'NOT_AVAILABLE' },
  { nrReasonCode: '101', nrReasonCodeName: 'Lunch' },
  { nrReasonCode: '102', nrReasonCodeName: 'Break' },
  { nrReasonCode: '103', nrReasonCodeName: 'Meeting' },
];

export function buildWorld(agentCount: number): World {
  const sites: SimSite[] = [{ siteName: 'traffic2', siteId: '4981' }, { siteName: 'Galway', siteId: '4982' }];
  const groups: SimGroup[] = [
    { groupId: '10003', groupName: 'Sales agents', kind: 'Agent' },
    { groupId: '10004', groupName: 'Support agents', kind: 'Agent' },
    { groupId: '10037', groupName: 'Realtime services', kind: 'RoutingService' },
    { groupId: '10038', groupName: 'Messaging services', kind: 'RoutingService' },
  ];
  const agents = Array.from({ length: agentCount }, (_, i): SimAgent => {
    const [agentId, firstName, lastName] = NAMES[i] ?? [`agent${i + 1}`, 'Agent', `Number${i + 1}`];
    return {
      agentId, firstName, lastName, supervisorId: 'tmorris',
      groupIds: [i % 2 === 0 ? '10003' : '10004'],
      // The voice account id is the CC-Elite numeric agent id; other channels use routable addresses (§7.2).
      accounts: [
        { accountId: String(8501014 + i), channelId: 'Voice' },
        { accountId: `${agentId}_OCPChatRoutableAddress`, channelId: 'Chat' },
        { accountId: `${agentId}_OCPShortMessageServiceRoutableAddress`, channelId: 'ShortMessageService' },
      ],
      site: sites[i % sites.length],
    };
  });
  return {
    agents,
    groups,
    routingServices: [
      { routingServiceName: 'VoiceRoutingService', channelId: 'Voice', groupId: '10037' },
      { routingServiceName: 'ChatRoutingService', channelId: 'Chat', groupId: '10037' },
      { routingServiceName: 'SmsRoutingService', channelId: 'ShortMessageService', groupId: '10038' },
    ],
    routingPoints: [{ routingPointId: '5003', name: 'Sales VDN' }, { routingPointId: '5004', name: 'Support VDN' }],
    sites,
    reasonCodes: REASON_CODES,
    channels: CHANNELS,
    // The Agent example prints the supervisor's names this way round.
    supervisor: { supervisorId: 'tmorris', firstName: 'Morris', lastName: 'Tommy' },
  };
}
