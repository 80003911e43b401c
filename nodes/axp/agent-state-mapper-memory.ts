/**
 * What the AXP agent-state mapper remembers per agent, and the unified state that follows from it.
 *
 * The vendor document's AgentState enum (LOGGED_IN, LOGGED_OUT, READY, NOT_READY) has no value for being on a contact
 * or in after-contact work: those are told per engagement (MatchOffered, AgentParticipant, AfterContactWork*). So
 * AgentState is read as the agent's availability, which holds through contacts, and the unified state is derived from
 * both: the agent's engagements first, the availability once none is left.
 */
import type { Reason, UnifiedState } from '../agent/model';

/** offered: MatchOffered or INVITED, not yet answered; connected: on it (held included); wrapUp: after-contact work. */
export type EngagementPhase = 'offered' | 'connected' | 'wrapUp';

export interface Availability {
  state: 'READY' | 'NOT_READY';
  reason: Reason | null;
}

export interface AxpMapperLimits {
  /** Agents remembered at once; the one not heard of for the longest is forgotten first. */
  maxAgents: number;
  /** Engagements remembered per agent; the oldest is dropped first (one whose end was missed must not count forever). */
  maxEngagementsPerAgent: number;
}

export const DEFAULT_LIMITS: AxpMapperLimits = { maxAgents: 10000, maxEngagementsPerAgent: 20 };

/** The part of an observation the memory decides. */
export interface DerivedState {
  state: UnifiedState;
  reason: Reason | null;
  pending: UnifiedState | null;
  contacts: number;
}

interface AgentMemory {
  /** Undefined until an AgentState says it (the mapper may start mid-shift). */
  availability?: Availability;
  /** By engagementId, in the order first seen. */
  engagements: Map<string, EngagementPhase>;
}

export class AgentWorkMemory {
  /** In order of last use: the first entry is the agent not heard of for the longest. */
  private readonly agents = new Map<string, AgentMemory>();

  constructor(private readonly limits: AxpMapperLimits) {}

  /** A new login: availability NOT_READY without a reason, and nothing left of an earlier session whose end was missed. */
  startSession(agentId: string): void {
    this.agents.delete(agentId);
    this.touch(agentId).availability = { state: 'NOT_READY', reason: null };
  }

  forget(agentId: string): void {
    this.agents.delete(agentId);
  }

  /** Undefined when the vendor said a state word the document does not list: where the agent stands is then unknown. */
  setAvailability(agentId: string, availability: Availability | undefined): void {
    this.touch(agentId).availability = availability;
  }

  /** An offer never demotes an engagement the agent is already on or wrapping up. */
  offer(agentId: string, engagementId: string): void {
    const memory = this.touch(agentId);
    if (!memory.engagements.has(engagementId)) this.put(memory, engagementId, 'offered');
  }

  connect(agentId: string, engagementId: string): void {
    this.put(this.touch(agentId), engagementId, 'connected');
  }

  wrapUp(agentId: string, engagementId: string): void {
    this.put(this.touch(agentId), engagementId, 'wrapUp');
  }

  /** The agent left the engagement or the offer went away; after-contact work on it, already begun, goes on. */
  endContact(agentId: string, engagementId: string): void {
    const memory = this.touch(agentId);
    if (memory.engagements.get(engagementId) !== 'wrapUp') memory.engagements.delete(engagementId);
  }

  /** Work on the engagement is over, whatever the memory says: a missed REMOVED must not keep the agent on it. */
  endWork(agentId: string, engagementId: string): void {
    this.touch(agentId).engagements.delete(engagementId);
  }

  dropOffers(agentId: string): void {
    const memory = this.touch(agentId);
    for (const [engagementId, phase] of memory.engagements) if (phase === 'offered') memory.engagements.delete(engagementId);
  }

  /** The agents that hold an unanswered offer of this engagement. */
  offeredTo(engagementId: string): string[] {
    const agentIds: string[] = [];
    for (const [agentId, memory] of this.agents) if (memory.engagements.get(engagementId) === 'offered') agentIds.push(agentId);
    return agentIds;
  }

  /**
   * On a contact (BUSY) before offered (RESERVED) before wrap-up (WRAP_UP), before the availability: an offer waits
   * for the agent's answer now, while wrap-up is work the agent can interrupt. `pending` is where the agent goes once
   * all of it ends, which is the availability AgentState last told (null when no AgentState has been seen).
   */
  derive(agentId: string): DerivedState {
    const memory = this.agents.get(agentId);
    let connected = 0;
    let offered = 0;
    let wrapUps = 0;
    for (const phase of memory?.engagements.values() ?? []) {
      if (phase === 'connected') connected++;
      else if (phase === 'offered') offered++;
      else wrapUps++;
    }
    const availability = memory?.availability;
    const contacts = connected + offered;
    const activity: UnifiedState | undefined = connected > 0 ? 'BUSY' : offered > 0 ? 'RESERVED' : wrapUps > 0 ? 'WRAP_UP' : undefined;
    if (activity !== undefined) return { state: activity, reason: null, pending: availability?.state ?? null, contacts };
    return { state: availability?.state ?? 'UNKNOWN', reason: availability?.reason ?? null, pending: null, contacts };
  }

  private touch(agentId: string): AgentMemory {
    let memory = this.agents.get(agentId);
    if (memory === undefined) memory = { engagements: new Map() };
    else this.agents.delete(agentId);
    this.agents.set(agentId, memory);
    if (this.agents.size > this.limits.maxAgents) this.agents.delete(this.agents.keys().next().value as string);
    return memory;
  }

  private put(memory: AgentMemory, engagementId: string, phase: EngagementPhase): void {
    memory.engagements.set(engagementId, phase);
    if (memory.engagements.size > this.limits.maxEngagementsPerAgent) {
      memory.engagements.delete(memory.engagements.keys().next().value as string);
    }
  }
}
