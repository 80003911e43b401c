/**
 * The contact-center floor the measures describe: the world, every agent's current state, and the rows. The
 * transitions (agent-states.ts, contacts.ts) record what they change here as updates, one per frame to send.
 */
import { Random } from '../../shared/simulator/random';
import { Dimension, MeasureValue, RowStore } from './rows';
import { SimAgent, World } from './world';

export type AgentState = 'READY' | 'NOT_READY' | 'LOGGED_OUT';

export interface AgentRuntime {
  state: AgentState;
  reasonCode: string;
  /** Epoch ms of the last state (or reason) change. */
  since: number;
  activeContacts: number;
}

/** One frame's worth of change: the changed measures of one row, or the removal of a row. */
export interface Update {
  producerId: string;
  dimension: Dimension;
  changes: Record<string, MeasureValue>;
  action: 'UPSERT' | 'DELETE';
}

/** Padded epoch milliseconds, 20 characters, as most of the document's samples print them (§7.3). */
export function paddedTimestamp(ms: number): string {
  return String(Math.floor(ms)).padStart(20, '0');
}

export class Floor {
  readonly store = new RowStore();
  readonly runtime = new Map<string, AgentRuntime>();
  private pending: Update[] = [];

  constructor(readonly world: World, readonly now: () => number, readonly rng: Random) {
    for (const agent of world.agents) this.runtime.set(agent.agentId, { state: 'LOGGED_OUT', reasonCode: '0', since: now(), activeContacts: 0 });
  }

  agent(agentId: string): SimAgent {
    const agent = this.world.agents.find((a) => a.agentId === agentId);
    if (!agent) throw new RangeError(`no agent ${agentId}; agents are ${this.world.agents.map((a) => a.agentId).join(', ')}`);
    return agent;
  }

  state(agentId: string): AgentRuntime {
    const runtime = this.runtime.get(agentId);
    if (!runtime) throw new RangeError(`no agent ${agentId}`);
    return runtime;
  }

  /** An agent is visible to supervisors while it belongs to at least one Analytics group (digest §9). */
  visible(agentId: string): boolean {
    return (this.world.agents.find((a) => a.agentId === agentId)?.groupIds.length ?? 0) > 0;
  }

  set(producerId: string, dimension: Dimension, values: Record<string, MeasureValue>): void {
    this.record(producerId, dimension, this.store.set(producerId, dimension, values));
  }

  add(producerId: string, dimension: Dimension, amounts: Record<string, number>): void {
    this.record(producerId, dimension, this.store.add(producerId, dimension, amounts));
  }

  remove(producerId: string, dimension: Dimension): void {
    this.store.remove(producerId, dimension);
    this.pending.push({ producerId, dimension: { ...dimension }, changes: {}, action: 'DELETE' });
  }

  /** The updates recorded since the last call, in the order they happened. */
  take(): Update[] {
    const updates = this.pending;
    this.pending = [];
    return updates;
  }

  private record(producerId: string, dimension: Dimension, changes: Record<string, MeasureValue>): void {
    if (Object.keys(changes).length > 0) this.pending.push({ producerId, dimension: { ...dimension }, changes, action: 'UPSERT' });
  }
}
