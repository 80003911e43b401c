import { UNIFIED_STATES, type AgentObservation, type AgentSnapshot, type AgentVendor, type UnifiedState } from './model';

/** A change of an agent's state, reason or pending state, with what it was before (Amazon Connect's current/previous). */
export interface AgentChange {
  snapshot: AgentSnapshot;
  previous?: { state: UnifiedState; since: string; durationMs: number };
}

export type RosterRow = AgentSnapshot & { durationMs: number };

interface AgentEntry {
  snapshot: AgentSnapshot;
  /** Local clock (ms) when the current state began: durations so far are measured on this clock only. */
  startedLocal: number;
  /** Vendor time (ms) of the current state's start, when the vendor gave one. */
  startedVendor?: number;
  /** The newest vendor time applied for this agent: an older event does not move the agent back. */
  latestVendor?: number;
  /** Local clock (ms) of the logout, for forgetAfter. */
  loggedOutAt?: number;
}

/** What survives a redeploy through the node's context. */
export interface StoredAgent {
  snapshot: AgentSnapshot;
  startedLocal: number;
  startedVendor?: number;
  latestVendor?: number;
  loggedOutAt?: number;
}

export interface AgentRosterOptions {
  /** The local clock (ms); injected by tests. */
  now?: () => number;
  /** Agents kept at most; beyond, the least recently changed is dropped. */
  maxAgents?: number;
  /** Told once when maxAgents is first reached. */
  onLimit?: (message: string) => void;
}

export const DEFAULT_MAX_AGENTS = 50000;

function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

function sameReason(a: AgentSnapshot['reason'], b: AgentSnapshot['reason']): boolean {
  return (a?.code ?? null) === (b?.code ?? null) && (a?.label ?? null) === (b?.label ?? null);
}

/**
 * Every agent the node has heard of, by vendor and agent id, kept current from mapper observations. Vendor event
 * times are compared only with vendor times of the same agent; where either side has none, arrival order decides.
 */
export class AgentRoster {
  private readonly agents = new Map<string, AgentEntry>();
  private readonly now: () => number;
  private readonly maxAgents: number;
  private limitSaid = false;

  constructor(private readonly options: AgentRosterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxAgents = options.maxAgents ?? DEFAULT_MAX_AGENTS;
  }

  get size(): number {
    return this.agents.size;
  }

  get(vendor: AgentVendor, agentId: string): AgentSnapshot | undefined {
    return this.agents.get(`${vendor}/${agentId}`)?.snapshot;
  }

  /**
   * Applies one observation received at `receivedAt` (ISO); returns the change when the agent's state, reason or
   * pending state moved (nothing for a repeat or for an event older than what the agent already shows).
   */
  apply(vendor: AgentVendor, observation: AgentObservation, receivedAt: string): AgentChange | undefined {
    const key = `${vendor}/${observation.agentId}`;
    const entry = this.agents.get(key);
    const vendorTime = timeOf(observation.eventTime);
    if (entry && vendorTime !== undefined && entry.latestVendor !== undefined && vendorTime < entry.latestVendor) return undefined;
    // Details (contacts, a name) of an agent not yet seen in any state say nothing a roster row could show.
    if (!entry && observation.state === undefined) return undefined;
    const local = this.now();
    const before = entry?.snapshot;
    const state = observation.state ?? before?.state ?? 'UNKNOWN';
    const stateChanged = !before || state !== before.state;
    // A reason or pending state belongs to the state it was given with: a new state the event does not qualify has none.
    const reason = observation.reason === null ? undefined : observation.reason ?? (stateChanged ? undefined : before?.reason);
    const pending = observation.pending === null ? undefined : observation.pending ?? (stateChanged ? undefined : before?.pending);
    const snapshot: AgentSnapshot = {
      vendor,
      agentId: observation.agentId,
      state,
      since: stateChanged ? (observation.eventTime !== undefined && vendorTime !== undefined ? observation.eventTime : receivedAt) : before.since,
      // What the vendor said about the state: an observation that only updates details keeps the state's own words.
      native: observation.state === undefined && before ? before.native : { ...observation.native },
    };
    if (reason) snapshot.reason = { ...reason };
    if (pending) snapshot.pending = pending;
    const contacts = observation.contacts ?? before?.contacts;
    if (contacts !== undefined) snapshot.contacts = contacts;
    const name = observation.name ?? before?.name;
    if (name !== undefined) snapshot.name = name;
    const extension = observation.extension ?? before?.extension;
    if (extension !== undefined) snapshot.extension = extension;

    const next: AgentEntry = {
      snapshot,
      startedLocal: stateChanged ? local : entry!.startedLocal,
      startedVendor: stateChanged ? vendorTime : entry!.startedVendor,
      latestVendor: vendorTime ?? entry?.latestVendor,
      loggedOutAt: state === 'LOGGED_OUT' ? (stateChanged ? local : entry?.loggedOutAt ?? local) : undefined,
    };
    // Re-inserting keeps the map ordered from least to most recently changed, which is the eviction order.
    this.agents.delete(key);
    this.agents.set(key, next);
    this.evictBeyondLimit();
    if (before && !stateChanged && sameReason(before.reason, snapshot.reason) && before.pending === snapshot.pending) return undefined;
    const change: AgentChange = { snapshot };
    if (before && entry) {
      const durationMs = entry.startedVendor !== undefined && vendorTime !== undefined && stateChanged
        ? vendorTime - entry.startedVendor
        : local - entry.startedLocal;
      change.previous = { state: before.state, since: before.since, durationMs: Math.max(0, durationMs) };
    }
    return change;
  }

  /**
   * Takes an agent as another cc-agent-state published it (a change or roster row read back from a compacted
   * topic), unless this roster already knows it in a state that began later. Time in state counts from its `since`
   * as that node saw it (never later than now).
   */
  seed(snapshot: AgentSnapshot): boolean {
    const key = `${snapshot.vendor}/${snapshot.agentId}`;
    const since = timeOf(snapshot.since);
    const existing = this.agents.get(key);
    const existingSince = existing ? timeOf(existing.snapshot.since) : undefined;
    if (existing && (since === undefined || (existingSince !== undefined && existingSince > since))) return false;
    const now = this.now();
    this.agents.delete(key);
    this.agents.set(key, {
      snapshot,
      startedLocal: since === undefined ? now : Math.min(now, since),
      loggedOutAt: snapshot.state === 'LOGGED_OUT' ? now : undefined,
    });
    this.evictBeyondLimit();
    return true;
  }

  /** Drops one agent (a tombstone in a compacted topic). */
  remove(vendor: AgentVendor, agentId: string): boolean {
    return this.agents.delete(`${vendor}/${agentId}`);
  }

  /** How long the agent has been in its current state, by the local clock. */
  durationMs(vendor: AgentVendor, agentId: string): number | undefined {
    const entry = this.agents.get(`${vendor}/${agentId}`);
    return entry ? Math.max(0, this.now() - entry.startedLocal) : undefined;
  }

  /** Every agent, sorted by vendor and agent id, each with the time in its state so far. */
  roster(): RosterRow[] {
    const now = this.now();
    const rows: RosterRow[] = [];
    for (const entry of this.agents.values()) rows.push({ ...entry.snapshot, durationMs: Math.max(0, now - entry.startedLocal) });
    return rows.sort((a, b) => (a.vendor === b.vendor ? compareIds(a.agentId, b.agentId) : a.vendor < b.vendor ? -1 : 1));
  }

  /** Agents per unified state (every state present, zero included). */
  counts(): Record<UnifiedState, number> {
    const counts = Object.fromEntries(UNIFIED_STATES.map((s) => [s, 0])) as Record<UnifiedState, number>;
    for (const entry of this.agents.values()) counts[entry.snapshot.state]++;
    return counts;
  }

  /** Each agent with its local start time, for the alert check. */
  *entries(): IterableIterator<{ key: string; snapshot: AgentSnapshot; durationMs: number }> {
    const now = this.now();
    for (const [key, entry] of this.agents) yield { key, snapshot: entry.snapshot, durationMs: Math.max(0, now - entry.startedLocal) };
  }

  /** Drops agents whose logout is longer ago than `afterMs` by the local clock; returns how many. */
  forgetLoggedOut(afterMs: number): number {
    const now = this.now();
    let dropped = 0;
    for (const [key, entry] of this.agents) {
      if (entry.loggedOutAt !== undefined && now - entry.loggedOutAt >= afterMs) {
        this.agents.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  store(): StoredAgent[] {
    return [...this.agents.values()].map((e) => ({ ...e }));
  }

  /** Takes back what store() gave (from the node's context); entries that do not look right are skipped. */
  restore(stored: unknown): void {
    if (!Array.isArray(stored)) return;
    for (const item of stored as StoredAgent[]) {
      const s = item?.snapshot;
      if (!s || typeof s.agentId !== 'string' || typeof s.vendor !== 'string' || typeof item.startedLocal !== 'number') continue;
      this.agents.set(`${s.vendor}/${s.agentId}`, { ...item });
    }
    this.evictBeyondLimit();
  }

  private evictBeyondLimit(): void {
    if (this.agents.size <= this.maxAgents) return;
    if (!this.limitSaid) {
      this.limitSaid = true;
      this.options.onLimit?.(`the roster holds ${this.maxAgents} agents, its limit: the least recently changed are dropped from now on`);
    }
    while (this.agents.size > this.maxAgents) this.agents.delete(this.agents.keys().next().value as string);
  }
}

/** Numeric ids in numeric order (1002 before 10010), others as text. */
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && a.trim() !== '' && b.trim() !== '') return na - nb || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}
