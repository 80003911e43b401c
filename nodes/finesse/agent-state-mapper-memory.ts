/**
 * What the Finesse mapper remembers between messages, each part bounded: the dialogs each agent is on (to count its
 * contacts) and the reason code labels GC listed (for State events that carry a code without its label).
 */

/** A Map that keeps at most `limit` entries: setting an entry makes it the newest, the oldest goes first. */
class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}

/** The dialog IDs each agent is on or offered; an agent with none is not kept. */
export class AgentDialogs {
  private readonly byAgent: BoundedMap<string, Set<string>>;

  constructor(maxAgents: number, private readonly maxDialogsPerAgent: number) {
    this.byAgent = new BoundedMap(maxAgents);
  }

  /** Returns how many dialogs the agent is on now. */
  add(agentId: string, dialogId: string): number {
    const dialogs = this.byAgent.get(agentId) ?? new Set<string>();
    dialogs.delete(dialogId);
    dialogs.add(dialogId);
    if (dialogs.size > this.maxDialogsPerAgent) dialogs.delete(dialogs.values().next().value as string);
    this.byAgent.set(agentId, dialogs);
    return dialogs.size;
  }

  remove(agentId: string, dialogId: string): number {
    const dialogs = this.byAgent.get(agentId);
    if (!dialogs) return 0;
    dialogs.delete(dialogId);
    if (dialogs.size === 0) this.byAgent.delete(agentId);
    return dialogs.size;
  }

  forget(agentId: string): void {
    this.byAgent.delete(agentId);
  }
}

/** Reason code labels per category (NOT_READY, LOGOUT), from GC's ReasonCodes lists. */
export class ReasonLabels {
  private readonly byCategory = new Map<string, BoundedMap<string, string>>();

  constructor(private readonly maxPerCategory: number) {}

  learn(category: string, code: string, label: string): void {
    let labels = this.byCategory.get(category);
    if (!labels) this.byCategory.set(category, (labels = new BoundedMap(this.maxPerCategory)));
    labels.set(code, label);
  }

  label(category: string, code: string): string | undefined {
    return this.byCategory.get(category)?.get(code);
  }
}
