import { parseThresholds, type Threshold } from './alerts';
import { AGENT_VENDORS, type AgentVendor } from './model';

export interface AgentStateDefinition {
  vendors?: unknown;
  agents?: unknown;
  thresholds?: unknown;
  rosterInterval?: unknown;
  forgetAfter?: unknown;
  broker?: unknown;
  seedTopic?: unknown;
}

export interface AgentStateSettings {
  vendors: AgentVendor[];
  /** Agent ids to keep ("1001" for any vendor, "finesse/1001" for one); empty = all. */
  agents: Set<string>;
  thresholds: Threshold[];
  /** 0 = only on request. */
  rosterIntervalMs: number;
  forgetAfterMs: number;
  /** A topic of published changes to read from its beginning before live input (with the cc-kafka-broker `broker`). */
  seed?: { broker: string; topic: string };
}

const DAY_S = 86400;

function seconds(value: unknown, fallback: number, what: string): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${what} must be a number of seconds ≥ 0, not ${JSON.stringify(value)}`);
  return n;
}

/** Reads the node's dialog values; throws an Error a person can act on. */
export function agentStateSettings(config: AgentStateDefinition): AgentStateSettings {
  const listed = Array.isArray(config.vendors) ? config.vendors.map(String) : String(config.vendors ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = listed.filter((v) => !(AGENT_VENDORS as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`unknown vendor ${unknown.join(', ')}: use ${AGENT_VENDORS.join(', ')}`);
  const agents = new Set(String(config.agents ?? '').split(',').map((a) => a.trim()).filter(Boolean));
  const seedTopic = String(config.seedTopic ?? '').trim();
  const broker = String(config.broker ?? '').trim();
  if (seedTopic && !broker) throw new Error('a seed topic needs a Kafka broker: pick the cc-kafka-broker it is on');
  return {
    seed: seedTopic ? { broker, topic: seedTopic } : undefined,
    vendors: listed.length === 0 ? [...AGENT_VENDORS] : (listed as AgentVendor[]),
    agents,
    thresholds: parseThresholds(config.thresholds),
    rosterIntervalMs: seconds(config.rosterInterval, 0, 'Roster interval') * 1000,
    forgetAfterMs: seconds(config.forgetAfter, DAY_S, 'Forget after') * 1000,
  };
}

export function agentWanted(settings: AgentStateSettings, vendor: AgentVendor, agentId: string): boolean {
  return settings.agents.size === 0 || settings.agents.has(agentId) || settings.agents.has(`${vendor}/${agentId}`);
}
