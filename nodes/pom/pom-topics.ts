import { defaultPomTopic, POM_FAMILIES, type PomFamily } from './schema';

export interface PomSubscription {
  /** Selected families in the document's order; each has an event output when outputs are per family. */
  families: PomFamily[];
  topicOf: Map<PomFamily, string>;
  familyOf: Map<string, PomFamily>;
}

/**
 * Which topics to read for which families: the digest's defaults for the org, or the user's
 * override per family (older POM releases used per-org topics for inbound skill, for example).
 * Throws an Error a person can act on when two families would share a topic.
 */
export function pomSubscription(selected: unknown, org: string, overrides: unknown): PomSubscription {
  const wanted = new Set(Array.isArray(selected) ? selected.map(String) : []);
  const families = POM_FAMILIES.filter((f) => wanted.size === 0 || wanted.has(f));
  const unknown = [...wanted].filter((f) => !(POM_FAMILIES as readonly string[]).includes(f));
  if (unknown.length > 0) throw new Error(`Unknown POM event families: ${unknown.join(', ')} (use ${POM_FAMILIES.join(', ')})`);
  const custom = overrides && typeof overrides === 'object' ? (overrides as Record<string, unknown>) : {};
  const topicOf = new Map<PomFamily, string>();
  const familyOf = new Map<string, PomFamily>();
  for (const family of families) {
    const override = typeof custom[family] === 'string' ? (custom[family] as string).trim() : '';
    const topic = override || defaultPomTopic(family, org);
    const clash = familyOf.get(topic);
    if (clash) throw new Error(`POM families ${clash} and ${family} are both set to read topic ${topic}: give each its own topic`);
    topicOf.set(family, topic);
    familyOf.set(topic, family);
  }
  return { families, topicOf, familyOf };
}
