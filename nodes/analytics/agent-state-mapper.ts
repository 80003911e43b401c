/**
 * Reads agent states from cc-analytics-measures messages. Only the Agent producer speaks of an agent's state: its
 * row (dimension agentId) carries agentState, workState, the not-ready reason, the names and activeWorkCount.
 * AgentByAccount has one row per channel account, each with its own accountState (an agent can be READY on Voice
 * and NOT_READY on Chat at once), so reading it too would make one agent flip between its channels; the agent's
 * overall state is the Agent row's. The other agent-keyed producers (RoutingServiceByAgent, Agent By Not Ready
 * Reason Code) only count.
 */
import type { AgentMapper, AgentObservation, AgentSourceMessage, Reason } from '../agent/model';
import { isPlainObject } from '../shared/describe';
import { AgentMemory, DEFAULT_MAX_AGENTS, type AgentWords } from './agent-state-mapper-memory';
import { agentStateMeaning, readAgentMeasures, unifiedState, type AgentMeasures, type AgentStateMeaning } from './agent-state-mapper-words';
import { producerNamesForDimension } from './schema/catalogue';

export interface AnalyticsAgentStateMapperOptions {
  /** Agents whose state words are remembered at most (default 10000). */
  maxAgents?: number;
}

/**
 * The document sends "a delete event" but shows none; beside the "UPSERT" of every sample, eventAction "DELETE" is the
 * likely form. Compared case-insensitively, as the measure cache does.
 */
const DELETE_ACTION = 'delete';

export class AnalyticsAgentStateMapper implements AgentMapper {
  readonly vendor = 'analytics' as const;
  private readonly memory: AgentMemory;

  constructor(options: AnalyticsAgentStateMapperOptions = {}) {
    this.memory = new AgentMemory(options.maxAgents ?? DEFAULT_MAX_AGENTS);
  }

  /** An update or pumpup message carries one row (a delta or the merged row), a snapshot every cached row. */
  map(msg: AgentSourceMessage): AgentObservation[] {
    if (!isPlainObject(msg) || !isPlainObject(msg.event) || msg.event.vendor !== 'analytics') return [];
    const { type } = msg.event;
    if (type !== 'update' && type !== 'pumpup' && type !== 'snapshot') return [];
    const rows = type !== 'snapshot' ? [msg.payload] : Array.isArray(msg.payload) ? msg.payload : [];
    const observations: AgentObservation[] = [];
    for (const row of rows) {
      const observation = this.observe(row, type);
      if (observation) observations.push(observation);
    }
    return observations;
  }

  private observe(row: unknown, type: string): AgentObservation | undefined {
    if (!isPlainObject(row)) return undefined;
    const agentId = agentIdOf(row.dimension);
    if (agentId === undefined) return undefined;
    if (typeof row.eventAction === 'string' && row.eventAction.toLowerCase() === DELETE_ACTION) return this.removed(agentId, row.eventAction);
    if (!isPlainObject(row.measures)) return undefined;
    const told = readAgentMeasures(row.measures);
    const before = this.memory.get(agentId);
    const now = remembered(before, told);
    const meaning = now.agentState === undefined ? undefined : agentStateMeaning(now.agentState);
    const state = unifiedState(now.agentState, now.workState);
    const observation: AgentObservation = { agentId, native: nativeOf(type, now) };
    if (state !== undefined && (told.agentState !== undefined || told.workState !== undefined)) observation.state = state;
    if (told.agentState !== undefined && meaning) observation.pending = meaning.pending;
    const reason = reasonTold(told, now, meaning);
    if (reason !== undefined) observation.reason = reason;
    if (told.contacts !== undefined) observation.contacts = told.contacts;
    if (told.name !== undefined) observation.name = told.name;
    // A row keeps lastStateChangeTimestamp after the change it stamps (a merged row repeats it with every later
    // frame): only a time not seen before, or the time beside a new agent state (two changes within one millisecond),
    // dates the event; else a later Busy would be dated back to the agent's last state change.
    const newAgentState = told.agentState !== undefined && told.agentState !== before.agentState;
    if (told.stateChangedAt !== undefined && (told.stateChangedAt !== before.stateChangedAt || newAgentState)) {
      observation.eventTime = new Date(told.stateChangedAt).toISOString();
    }
    if (state === 'LOGGED_OUT') this.memory.forget(agentId);
    else if (Object.keys(told).length > 0) this.memory.set(agentId, now);
    return tellsSomething(observation) ? observation : undefined;
  }

  /**
   * The agent left the supervisor's Analytics groups (the vendor document, "Subscription Management"): nothing more
   * will be heard of it. It did not log out, and its last state would otherwise stand forever, so it becomes UNKNOWN.
   */
  private removed(agentId: string, eventAction: string): AgentObservation {
    this.memory.forget(agentId);
    return { agentId, state: 'UNKNOWN', reason: null, pending: null, native: { type: eventAction } };
  }
}

export function createAnalyticsAgentStateMapper(options: AnalyticsAgentStateMapperOptions = {}): AnalyticsAgentStateMapper {
  return new AnalyticsAgentStateMapper(options);
}

/** The agent of an Agent-producer row: its dimension is exactly agentId (any casing), unlike the other agent-keyed producers. */
function agentIdOf(dimension: unknown): string | undefined {
  if (!isPlainObject(dimension) || !producerNamesForDimension(dimension as Record<string, string>).includes('Agent')) return undefined;
  const value = Object.entries(dimension).find(([key]) => key.toLowerCase() === 'agentid')?.[1];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function remembered(before: AgentWords, told: AgentMeasures): AgentWords {
  const now: AgentWords = { ...before };
  if (told.agentState !== undefined) now.agentState = told.agentState;
  if (told.workState !== undefined) now.workState = told.workState;
  if (told.reasonLabel !== undefined) now.reasonLabel = told.reasonLabel;
  const codeChanged = told.reasonCode !== undefined && told.reasonCode !== before.reasonCode;
  if (codeChanged && (told.reasonLabel === undefined || told.reasonLabel === before.reasonLabel)) {
    // A new code must not borrow the previous code's name: from memory when a delta brings the code alone, from the
    // cache when a merged row still holds the old name beside it.
    delete now.reasonLabel;
  }
  if (told.reasonCode !== undefined) now.reasonCode = told.reasonCode;
  if (told.stateChangedAt !== undefined) now.stateChangedAt = told.stateChangedAt;
  return now;
}

/**
 * The row sends nrReasonCode with every state, READY included (the document's READY sample carries NOT_AVAILABLE),
 * so a reason counts only for a not-ready state; a ready or logged-out agent has none. A reason changed on its own
 * (the document's lastStateReasonTimestamp note) is read against the agent state remembered.
 */
function reasonTold(told: AgentMeasures, now: AgentWords, meaning: AgentStateMeaning | undefined): Reason | null | undefined {
  if (told.agentState !== undefined && meaning && !meaning.takesReason) return null;
  if (told.reasonCode === undefined && told.reasonLabel === undefined) return undefined;
  if (now.reasonCode === undefined || (meaning && !meaning.takesReason)) return undefined;
  return now.reasonLabel === undefined ? { code: now.reasonCode } : { code: now.reasonCode, label: now.reasonLabel };
}

/** native.state: the agent state and work state as the vendor spelled them, "READY/BUSY". */
function nativeOf(type: string, now: AgentWords): AgentObservation['native'] {
  const state = [now.agentState, now.workState].filter((word) => word !== undefined).join('/');
  return state === '' ? { type } : { type, state };
}

function tellsSomething(observation: AgentObservation): boolean {
  return [observation.state, observation.reason, observation.pending, observation.contacts, observation.name].some((field) => field !== undefined);
}
