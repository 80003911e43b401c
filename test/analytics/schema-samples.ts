/** Frames from the digest's §8 sample streams (already normalised to valid JSON there), used verbatim. */

export const AGENT_PUMPUP = [
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"consultsAccepted":0,"transferred":0,"idleTimeDuration":62,"agentNotReady":4,"agentReady":3,"agentNotReadyTimeDuration":4025,"offered":0,"answered":0},"pumpup":true,"pumpupComplete":false,"heartbeat":false}',
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"active":0},"pumpup":true,"pumpupComplete":false,"heartbeat":false}',
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"agentLogoutTimeStamp":"UNKNOWN","agentFirstName":"Siobhan","supervisorFirstName":"Morris","agentLastName":"Collins","lastStateChangeTimestamp":"00000001496919128431","supervisorId":"tmorris","supervisorLastName":"Tommy","nrReasonCode":"0","agentId":"scollins","lastStateReasonTimestamp":"0000001496919128117","loginTimeStamp":"UNKNOWN","accountAddress":"UNKNOWN","workLimit":"1","agentDisplayName":"Siobhan Collins","agentState":"NOT_READY","workState":"UNAVAILABLE","lastWorkCodeChangeTimestamp":"0000001496919128117","nrReasonCodeName":"DEFAULT","activeWorkCount":"0"},"pumpup":true,"pumpupComplete":false,"heartbeat":false}',
];

export const PUMPUP_COMPLETE = '{"dimension":{},"realtimeData":{},"pumpup":true,"pumpupComplete":true,"heartbeat":false}';
export const HEARTBEAT = '{"dimension":{},"realtimeData":{},"pumpup":false,"pumpupComplete":false,"heartbeat":true}';

export const AGENT_DELTAS = [
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"agentNotReadyTimeDuration":4352,"agentReady":4},"pumpup":false,"pumpupComplete":false,"heartbeat":false}',
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"lastStateChangeTimestamp":"00000001496919456478","nrReasonCodeName":"NOT_AVAILABLE","agentState":"READY","workState":"IDLE","lastWorkCodeChangeTimestamp":"00000001496919456497","lastStateReasonTimestamp":"00000001496919456495","nrReasonCode":"NOT_AVAILABLE"},"pumpup":false,"pumpupComplete":false,"heartbeat":false}',
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"idleTimeDuration":70},"pumpup":false,"pumpupComplete":false,"heartbeat":false}',
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"lastStateChangeTimestamp":"00000001496919465045","nrReasonCodeName":"DEFAULT","agentState":"PENDING_NOT_READY","workState":"UNAVAILABLE","lastWorkCodeChangeTimestamp":"00000001496919464696","lastStateReasonTimestamp":"00000001496919465049","nrReasonCode":"0"},"pumpup":false,"pumpupComplete":false,"heartbeat":false}',
  '{"dimension":{"agentId":"scollins"},"realtimeData":{"agentNotReady":5},"pumpup":false,"pumpupComplete":false,"heartbeat":false}',
];

/** §8.3, one example per producer, with the producer each belongs to and whether it is string-encoded. */
export const PRODUCER_EXAMPLES: { producer: string; wireForm: 'object' | 'string'; text: string }[] = [
  { producer: 'Agent', wireForm: 'string', text: '{"dimension":"{\\"agentId\\":\\"traffic181\\"}","realtimeData":"{\\"offered\\":1358,\\"notAnswered\\":1358}","pumpupIdentifier":null,"pumpup":false,"pumpupComplete":false,"heartbeat":false,"extra":null,"sourceId":"Oceana_Streams_{ip}_3.5","producerId":"Agent_SoD_3.5","eventAction":"UPSERT"}' },
  { producer: 'AgentByAccount', wireForm: 'object', text: '{"dimension":{"accountId":"8881001","agentId":"8881001","channelId":"Voice"},"realtimeData":{"activeWorkCount":"0","lastStateReasonTimestamp":"00000001471351598494"},"pumpup":false,"pumpupComplete":false,"heartbeat":false}' },
  { producer: 'AgentGroup', wireForm: 'string', text: '{"dimension":"{\\"groupId\\":\\"10003\\"}","realtimeData":"{\\"acwDuration\\":7,\\"shortAcw\\":4}","pumpupIdentifier":null,"pumpup":false,"pumpupComplete":false,"heartbeat":false,"extra":null,"sourceId":"Oceana_Streams_{ip}_3.5","producerId":"AgentGroup_SoD_3.5","eventAction":"UPSERT"}' },
  { producer: 'Agent By Not Ready Reason Code', wireForm: 'object', text: '{"dimension":{"agentId":"nbolshak","nrReasonCode":"101"},"realtimeData":{"nrReasonCodeOccurrence":1},"pumpup":false,"pumpupComplete":false,"heartbeat":false}' },
  { producer: 'ContactDetail', wireForm: 'string', text: '{"dimension":"{\\"segmentId\\":\\"dab814ea-316d-439e-9364-8652b2cb3aa0\\"}","realtimeData":"{\\"initialDisposition\\":\\"UNKNOWN\\",\\"workType\\":\\"DEFAULT\\"}","pumpupIdentifier":null,"pumpup":false,"pumpupComplete":false,"heartbeat":false,"extra":null,"sourceId":"Oceana_Streams_{ip}_3.5","producerId":"ContactDetail_CDR_3.5","eventAction":"UPSERT"}' },
  { producer: 'RoutingServiceByAgent', wireForm: 'object', text: '{"dimension":{"agentId":"8881001","routingServiceName":"ChatRoutingService"},"realtimeData":{"offered":1,"alertDuration":109},"pumpup":false,"pumpupComplete":false,"heartbeat":false}' },
  { producer: 'Site', wireForm: 'string', text: '{"dimension":"{\\"siteName\\":\\"traffic2\\",\\"siteId\\":\\"4981\\"}","realtimeData":"{\\"replied\\":101206}","pumpupIdentifier":null,"pumpup":false,"pumpupComplete":false,"heartbeat":false,"extra":null,"sourceId":"Oceana_Streams_{ip}_3.5","producerId":"Site_SoD_3.5","eventAction":"UPSERT"}' },
  { producer: 'VDN', wireForm: 'string', text: '{"dimension":"{\\"routingPointId\\":\\"5003\\"}","realtimeData":"{\\"routePointDisconnects\\":1,\\"routingDuration\\":1,\\"routePointHandled\\":1}","pumpupIdentifier":"{username}_2_ROUTINGPOINTMEASURES_1613054564915","pumpup":true,"pumpupComplete":false,"heartbeat":false,"extra":null,"sourceId":"Oceana_Streams_{ip}_3.5","producerId":"VDN_SoD_3.5","eventAction":"UPSERT"}' },
  { producer: 'RoutingServiceGroup', wireForm: 'string', text: '{"dimension":"{\\"groupId\\":\\"10037\\"}","realtimeData":"{\\"shortAcw\\":3}","pumpupIdentifier":null,"pumpup":false,"pumpupComplete":false,"heartbeat":false,"extra":null,"sourceId":"Oceana_Streams_{ip}_3.5","producerId":"RoutingServiceGroup_SoD_3.5","eventAction":"UPSERT"}' },
];

/** The RoutingService example: a row of data on a frame that is also flagged pumpupComplete. */
export const ROUTING_SERVICE_COMPLETE_WITH_DATA = '{"dimension":{"routingServiceName":"ChatRoutingService"},"realtimeData":{"contactsWaiting":0,"active":0,"heldContacts":0,"contactsAtAgent":1,"alerting":1},"pumpup":true,"pumpupComplete":true,"heartbeat":false}';

/** Re-encodes an object-form frame in the string form with the extended envelope (§5.3). */
export function stringForm(text: string, envelope: Record<string, unknown> = {}): string {
  const frame = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify({ ...frame, dimension: JSON.stringify(frame.dimension), realtimeData: JSON.stringify(frame.realtimeData), pumpupIdentifier: null, extra: null, ...envelope });
}

/** An unsigned JWT-shaped token with the given payload (the schema reads claims, never verifies). */
export function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.c2lnbmF0dXJl`;
}
