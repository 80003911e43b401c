/**
 * Fixed names from the vendor document (digest §4.3, §4.7, §7.1): supported locales, the AdminData
 * producer and its dimension-data types, and the dimension keys of each measure producer.
 */

/** The locales a producer supports, exactly as the document prints them (mixed formats included). */
export const ANALYTICS_LOCALES: readonly string[] = Object.freeze([
  'de', 'en-us', 'es', 'fr', 'it', 'ja', 'ko', 'pt_BR', 'ru', 'zh-cn', 'zh-tw',
]);

/** Valid `dimDataName` = `dimDataType` values of the AdminData producer. */
export const DIMENSION_DATA_TYPES: readonly string[] = Object.freeze([
  'Agent', 'Account', 'Group', 'GroupMember', 'GroupPrivilege', 'ReasonCode', 'RoutingPoint', 'RoutingService', 'Channel',
]);

/** The producer that serves dimension (administrative) data over REST only. */
export const ADMIN_PRODUCER_ID = 'Admin_Admin_3.5';

/**
 * producerName -> the keys of its `dimension`, in the casing of the document's examples (the format
 * column writes `groupid` and `segmentid`). Names follow the document's producer list, including
 * the one spelled with spaces, whose real producerName is unknown.
 */
export const PRODUCER_DIMENSION_KEYS: Record<string, string[]> = {
  Agent: ['agentId'],
  AgentByAccount: ['accountId', 'agentId', 'channelId'],
  AgentGroup: ['groupId'],
  'Agent By Not Ready Reason Code': ['agentId', 'nrReasonCode'],
  ContactDetail: ['segmentId'],
  RoutingService: ['routingServiceName'],
  RoutingServiceByAgent: ['agentId', 'routingServiceName'],
  Site: ['siteId', 'siteName'],
  VDN: ['routingPointId'],
  RoutingServiceGroup: ['groupId'],
};

/**
 * The producers whose dimension has exactly this key set, compared case-insensitively. A frame
 * without producerId on a shared socket may match two (AgentGroup and RoutingServiceGroup both
 * use groupId); the caller decides rather than this guessing.
 */
export function producerNamesForDimension(dimension: Record<string, string>): string[] {
  const keys = keySet(Object.keys(dimension));
  if (keys === '') return [];
  return Object.entries(PRODUCER_DIMENSION_KEYS).filter(([, names]) => keySet(names) === keys).map(([name]) => name);
}

function keySet(keys: readonly string[]): string {
  return [...new Set(keys.map((key) => key.toLowerCase()))].sort().join('\n');
}

/**
 * Producers with a row per contact rather than per agent, service or site: of the document's producer list only
 * ContactDetail (dimension segmentId, one row per contact segment). Their rows only ever grow through the day,
 * so a client keeping them needs an expiry the other producers do not.
 */
export const CONTACT_LEVEL_PRODUCERS: readonly string[] = Object.freeze(['ContactDetail']);

/**
 * Whether a producer is contact-level, by its producerName when the server gave one, else by the name part of
 * its producerId (`{ProducerName}_{streamType}_{version}`, e.g. ContactDetail_CDR_3.5).
 */
export function isContactLevelProducer(producer: { producerId: string; producerName?: string }): boolean {
  const name = producer.producerName ?? producer.producerId.split('_')[0];
  return CONTACT_LEVEL_PRODUCERS.some((p) => p.toLowerCase() === name.replace(/\s+/g, '').toLowerCase());
}
