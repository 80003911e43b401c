/**
 * What the Analytics mapper remembers of one agent: the state words its Agent row last told. A delta carries only the
 * measures that changed (the vendor document, "Eventing considerations": the client builds the accumulated view), so
 * a frame that only turns the work state back to Idle needs the agent state told earlier to say what the agent is.
 */
export interface AgentWords {
  agentState?: string;
  workState?: string;
  reasonCode?: string;
  reasonLabel?: string;
  /** Epoch ms of lastStateChangeTimestamp. */
  stateChangedAt?: number;
}

/** Agents remembered at most; the least recently heard of is dropped first. */
export const DEFAULT_MAX_AGENTS = 10000;

export class AgentMemory {
  private readonly agents = new Map<string, AgentWords>();

  constructor(private readonly limit: number = DEFAULT_MAX_AGENTS) {}

  get(agentId: string): AgentWords {
    return this.agents.get(agentId) ?? {};
  }

  /** Stores the agent's words as its most recently heard entry, dropping the oldest beyond the limit. */
  set(agentId: string, words: AgentWords): void {
    this.agents.delete(agentId);
    this.agents.set(agentId, words);
    if (this.agents.size > this.limit) this.agents.delete(this.agents.keys().next().value as string);
  }

  forget(agentId: string): void {
    this.agents.delete(agentId);
  }
}
