/**
 * The ten event families of the POM Event SDK and their Kafka topics (digest §2.1). The family of
 * a record is known from the topic it came from, never from its payload (§3.1): several families
 * carry no type field, and attempt and enriched-attempt events both say `Attempt`.
 */

/** In the order of the SDK's `EventTypeEnum` as the node lists them (the document's topic order). */
export const POM_FAMILIES = [
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
] as const;

export type PomFamily = (typeof POM_FAMILIES)[number];

const FAMILY_SET: ReadonlySet<string> = new Set(POM_FAMILIES);

export function isPomFamily(name: string): name is PomFamily {
  return FAMILY_SET.has(name);
}

/** The last topic segment: the EventTypeEnum name without its underscores. */
const TOPIC_SUFFIX: Readonly<Record<PomFamily, string>> = {
  JOB: 'JOB',
  AGENT: 'AGENT',
  ATTEMPT: 'ATTEMPT',
  ENRICHED_ATTEMPT_RESULT: 'ENRICHEDATTEMPTRESULT',
  JOB_STATISTICS: 'JOBSTATISTICS',
  AGENT_STATISTICS: 'AGENTSTATISTICS',
  IMPORT_STATISTICS: 'IMPORTSTATISTICS',
  HEART_BEAT: 'HEARTBEAT',
  INBOUND_SKILL: 'INBOUNDSKILL',
  CCTRENDS: 'CCTRENDS',
};

/** Heartbeats and inbound-skill data are global, so their topics have no org segment. */
const SHARED_FAMILIES: ReadonlySet<PomFamily> = new Set(['HEART_BEAT', 'INBOUND_SKILL']);

const FAMILY_BY_SUFFIX: ReadonlyMap<string, PomFamily> = new Map(
  POM_FAMILIES.map((family) => [TOPIC_SUFFIX[family], family]),
);

/** The org of the default (non multi-tenant) organisation, as POM spells it in topic names. */
const DEFAULT_ORG = 'Default';

/**
 * The digest's §2.1 default topic: `POM.<org>.<SUFFIX>` for per-org families, `POM.HEARTBEAT` /
 * `POM.INBOUNDSKILL` for the shared ones. A blank org means the default organisation.
 */
export function defaultPomTopic(family: PomFamily, org: string): string {
  const suffix = TOPIC_SUFFIX[family];
  if (SHARED_FAMILIES.has(family)) return `POM.${suffix}`;
  return `POM.${org.trim() || DEFAULT_ORG}.${suffix}`;
}

// Kafka topic names may hold dots, so the org is everything between `POM.` and the last segment.
const TOPIC_RE = /^POM\.(?:(.+)\.)?([A-Za-z]+)$/i;

/**
 * Which org a topic name belongs to (`POM.Acme.JOB` → 'Acme'; shared topics → undefined). Older
 * POM releases published inbound skill per org (`POM.Default.INBOUNDSKILL`); that org is returned.
 * Topics outside the `POM.<org>.<SUFFIX>` scheme (user overrides) have no org.
 */
export function orgOfTopic(topic: string): string | undefined {
  const match = TOPIC_RE.exec(topic);
  if (match === null || match[1] === undefined) return undefined;
  return FAMILY_BY_SUFFIX.has(match[2].toUpperCase()) ? match[1] : undefined;
}

/** The family a `POM.…` topic name carries by its suffix, or undefined for any other name. */
export function familyOfTopic(topic: string): PomFamily | undefined {
  const match = TOPIC_RE.exec(topic);
  return match === null ? undefined : FAMILY_BY_SUFFIX.get(match[2].toUpperCase());
}
