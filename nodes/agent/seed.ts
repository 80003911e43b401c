import { AGENT_VENDORS, AgentSnapshotSchema, type AgentSnapshot, type AgentVendor } from './model';

export type SeedEntry = { kind: 'agent'; snapshot: AgentSnapshot } | { kind: 'gone'; vendor: AgentVendor; agentId: string } | { kind: 'unreadable'; reason: string };

/**
 * Reads one record of a topic that cc-kafka-publish filled from a cc-agent-state's changes (or roster rows): the
 * value is a snapshot (extra fields such as previous or durationMs are ignored); a record without value (a
 * compacted topic's tombstone) whose key is "<vendor>/<agentId>" removes that agent.
 */
export function seedEntry(key: string | null, text: string | null): SeedEntry {
  if (text === null) {
    const slash = key?.indexOf('/') ?? -1;
    const vendor = slash > 0 ? key!.slice(0, slash) : '';
    if (!(AGENT_VENDORS as readonly string[]).includes(vendor) || slash === key!.length - 1) return { kind: 'unreadable', reason: `a tombstone whose key ${JSON.stringify(key)} is not "<vendor>/<agentId>"` };
    return { kind: 'gone', vendor: vendor as AgentVendor, agentId: key!.slice(slash + 1) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'the value is not JSON' };
  }
  const parsed = AgentSnapshotSchema.safeParse(value);
  if (!parsed.success) return { kind: 'unreadable', reason: `not an agent snapshot: ${parsed.error.issues[0]?.path.join('.') || 'value'} ${parsed.error.issues[0]?.message ?? ''}`.trim() };
  return { kind: 'agent', snapshot: parsed.data };
}
