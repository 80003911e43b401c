import { createAnalyticsAgentStateMapper } from '../analytics/agent-state-mapper';
import { createAxpAgentStateMapper } from '../axp/agent-state-mapper';
import { createFinesseAgentStateMapper } from '../finesse/agent-state-mapper';
import { createGenesysAgentStateMapper } from '../genesys/agent-state-mapper';
import { createPomAgentStateMapper } from '../pom/agent-state-mapper';
import { AGENT_VENDORS, type AgentMapper, type AgentVendor } from './model';

const FACTORIES: Record<AgentVendor, () => AgentMapper> = {
  genesys: createGenesysAgentStateMapper,
  pom: createPomAgentStateMapper,
  finesse: createFinesseAgentStateMapper,
  axp: createAxpAgentStateMapper,
  analytics: createAnalyticsAgentStateMapper,
};

/** One mapper per vendor the node accepts; each vendor's mapping lives in that vendor's folder. */
export function agentMappers(vendors: readonly AgentVendor[] = AGENT_VENDORS): Map<AgentVendor, AgentMapper> {
  return new Map(vendors.map((vendor) => [vendor, FACTORIES[vendor]()]));
}
