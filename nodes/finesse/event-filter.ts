import type { ParsedEvent } from '../shared/parse-result';

export interface FinesseEventFilter {
  /** Agent login ids to pass; empty = every agent. Events not about an agent (System, RECONNECT) always pass. */
  agents: Set<string>;
  /** Event types to pass (msg.topic spellings); empty = every type. */
  types: Set<string>;
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
  return items.map((item) => String(item).trim()).filter((item) => item && item !== 'ALL');
}

export function eventFilter(agents: unknown, events: unknown): FinesseEventFilter {
  return { agents: new Set(list(agents)), types: new Set(list(events)) };
}

export function passes(filter: FinesseEventFilter, parsed: ParsedEvent<{ agentId?: string | null }>): boolean {
  if (filter.types.size > 0 && !filter.types.has(parsed.type)) return false;
  if (filter.agents.size === 0) return true;
  const agentId = parsed.payload.agentId;
  return !agentId || filter.agents.has(agentId);
}
