/**
 * The simulator's own copy of the POM facts it relies on (spec §2.1, §4). It deliberately does not import the
 * node's schema, so that a mistake in one of the two shows up as a disagreement in the tests.
 */

/** The ten `EventTypeEnum` families, in the order the document lists its topics (§2.1). */
export const POM_SIMULATED_FAMILIES: readonly string[] = Object.freeze([
  'JOB',
  'AGENT',
  'ATTEMPT',
  'ENRICHED_ATTEMPT_RESULT',
  'JOB_STATISTICS',
  'AGENT_STATISTICS',
  'IMPORT_STATISTICS',
  'HEART_BEAT',
  'INBOUND_SKILL',
  'CCTRENDS',
]);

// null marks the two topics that POM shares across organizations.
const TOPIC_SUFFIX: Record<string, string | null> = {
  JOB: 'JOB',
  AGENT: 'AGENT',
  ATTEMPT: 'ATTEMPT',
  ENRICHED_ATTEMPT_RESULT: 'ENRICHEDATTEMPTRESULT',
  JOB_STATISTICS: 'JOBSTATISTICS',
  AGENT_STATISTICS: 'AGENTSTATISTICS',
  IMPORT_STATISTICS: 'IMPORTSTATISTICS',
  CCTRENDS: 'CCTRENDS',
  HEART_BEAT: null,
  INBOUND_SKILL: null,
};

/** The default topic of a family (§2.1): `POM.<org>.<SUFFIX>`, or the shared `POM.HEARTBEAT` / `POM.INBOUNDSKILL`. */
export function pomTopic(family: string, org: string): string {
  if (!(family in TOPIC_SUFFIX)) throw new RangeError(`unknown POM family ${family}`);
  if (family === 'HEART_BEAT') return 'POM.HEARTBEAT';
  if (family === 'INBOUND_SKILL') return 'POM.INBOUNDSKILL';
  return `POM.${org}.${TOPIC_SUFFIX[family]}`;
}

export interface CodeDef {
  id: number;
  name: string;
  rpc: boolean;
  success: boolean;
  closure: boolean;
}

const system = (id: number, name: string): CodeDef => ({ id, name, rpc: false, success: false, closure: false });

/**
 * System completion codes. The names come from the document (the CCTrends sample and the drop-call defaults);
 * the ids are invented, since the document gives none.
 */
export const SYSTEM_CODES = {
  answered: system(1, 'Call Answered'),
  busy: system(2, 'Call Busy'),
  noAnswer: system(3, 'Ring No Answer'),
  machine: system(4, 'Answer Machine'),
  nuisance: system(5, 'Disconnected By System-NuisanceApp'),
  cancelled: system(6, 'Preview Cancelled'),
} as const;

/** Codes that make a done contact "connected" (JobStatistics `connectCount`). */
export const CONNECT_CODE_IDS: ReadonlySet<number> = new Set([SYSTEM_CODES.answered.id]);
/** The default `CompletionIDsDropCall` list, as far as these codes go (§2.9). */
export const DROP_CODE_IDS: ReadonlySet<number> = new Set([SYSTEM_CODES.nuisance.id]);

export interface AgentCodeDef extends CodeDef {
  weight: number;
  /** What the code makes POM do with the contact besides completing the attempt. */
  effect: 'callback' | 'dnc' | null;
}

/** Custom (agent) completion codes; CC1 and CC2 are the names in the document's CCTrends sample. */
export const AGENT_CODES: readonly AgentCodeDef[] = [
  { id: 101, name: 'CC1', rpc: true, success: true, closure: true, weight: 20, effect: null },
  { id: 102, name: 'CC2', rpc: true, success: false, closure: false, weight: 25, effect: null },
  { id: 103, name: 'Not Interested', rpc: true, success: false, closure: true, weight: 20, effect: null },
  { id: 104, name: 'Callback Requested', rpc: true, success: false, closure: false, weight: 15, effect: 'callback' },
  { id: 105, name: 'Do Not Call', rpc: true, success: false, closure: true, weight: 5, effect: 'dnc' },
  { id: 106, name: 'Wrong Party', rpc: false, success: false, closure: false, weight: 15, effect: null },
];

export type Pacing = 'Progressive' | 'Preview';

export interface CampaignDef {
  campaignId: number;
  campaignName: string;
  strategyName: string;
  pacing: Pacing;
  listId: number;
  listName: string;
  filterTemplate: string;
  actionId: number;
  actionName: string;
  handlerName: string;
  skill: string;
  dataSourceName: string;
  importType: string;
  /** The caller id the campaign dials from. */
  ani: string;
}

/** Jobs alternate between these, so a long run covers both agent sequence families of §5.3. */
export const CAMPAIGNS: readonly CampaignDef[] = [
  {
    campaignId: 7, campaignName: 'Renewals_June', strategyName: 'Renewals_Strategy', pacing: 'Progressive',
    listId: 3, listName: 'june_list', filterTemplate: 'all', actionId: 100, actionName: 'CallAction',
    handlerName: 'CallHandler', skill: 'OB_Sales', dataSourceName: 'june_upload', importType: 'UPLOAD_CONTACT_FILE',
    ani: '5550100',
  },
  {
    campaignId: 8, campaignName: 'Collections_Preview', strategyName: 'Collections_Strategy', pacing: 'Preview',
    listId: 4, listName: 'collections_list', filterTemplate: 'overdue', actionId: 200, actionName: 'PreviewAction',
    handlerName: 'PreviewHandler', skill: 'OB_Collections', dataSourceName: 'collections_ftp', importType: 'CONTACT_FILE',
    ani: '5550200',
  },
];

export const ZONE = { id: 1, name: 'Default' } as const;

export const INBOUND_SKILLS: readonly { skill: string; skillId: number }[] = [
  { skill: 'IB_Service', skillId: 21 },
  { skill: 'IB_Sales', skillId: 22 },
];

export const FIRST_NAMES: readonly string[] = ['Alice', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Goran', 'Hana'];
export const LAST_NAMES: readonly string[] = ['Smith', 'Okafor', 'Nguyen', 'Garcia', 'Novak', 'Haddad', 'Larsen', 'Ito'];
