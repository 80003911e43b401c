import { z } from 'zod';

/**
 * One vocabulary for what an agent is doing, whichever system reports it. The states follow ECMA-269 CSTA's agent
 * states (loggedOff, notReady, ready, busy, workingAfterCall) with the offer phase Amazon Connect and Finesse show
 * separately (RESERVED), and UNKNOWN for an agent a system names without saying what it does.
 */
export const UNIFIED_STATES = ['LOGGED_OUT', 'NOT_READY', 'READY', 'RESERVED', 'BUSY', 'WRAP_UP', 'UNKNOWN'] as const;
export type UnifiedState = (typeof UNIFIED_STATES)[number];
export const UnifiedStateSchema = z.enum(UNIFIED_STATES);

export const AGENT_VENDORS = ['genesys', 'pom', 'finesse', 'axp', 'analytics'] as const;
export type AgentVendor = (typeof AGENT_VENDORS)[number];

export const ReasonSchema = z.object({ code: z.string(), label: z.string().optional() });
export type Reason = z.infer<typeof ReasonSchema>;

/** What the vendor said, kept beside the unified state so nothing is lost in translation. */
export const NativeSchema = z.object({ type: z.string(), state: z.string().optional() });

export const AgentSnapshotSchema = z.object({
  vendor: z.enum(AGENT_VENDORS),
  agentId: z.string().min(1),
  state: UnifiedStateSchema,
  /** ISO 8601: when the state began, by the vendor's event time, else by the time the event was received. */
  since: z.string(),
  reason: ReasonSchema.optional(),
  /** The state the agent goes to once the current contact or wrap-up ends (Finesse pending states, Analytics PENDING_NOT_READY). */
  pending: UnifiedStateSchema.optional(),
  /** Contacts the agent is on or offered at once, where the system says. */
  contacts: z.number().int().nonnegative().optional(),
  name: z.string().optional(),
  extension: z.string().optional(),
  native: NativeSchema,
});
export type AgentSnapshot = z.infer<typeof AgentSnapshotSchema>;

/**
 * What a vendor mapper reads from one message about one agent. Fields left undefined are not told by the event and
 * keep their current value; `null` clears one (a reason that no longer applies, a pending state that was taken).
 */
export interface AgentObservation {
  agentId: string;
  /** Undefined when the event only updates details (contacts, name) without saying what the agent does. */
  state?: UnifiedState;
  reason?: Reason | null;
  pending?: UnifiedState | null;
  contacts?: number;
  name?: string;
  extension?: string;
  native: { type: string; state?: string };
  /**
   * The vendor's own time for the event (ISO 8601), when it carries one that orders its events for this agent.
   * Vendor times are only ever compared with vendor times of the same agent and vendor.
   */
  eventTime?: string;
}

/** The parts of a pack message a mapper reads (the public contract's msg shape). */
export interface AgentSourceMessage {
  topic?: unknown;
  payload?: unknown;
  event?: { vendor?: unknown; family?: unknown; type?: unknown; known?: unknown; receivedAt?: unknown; [detail: string]: unknown };
  [property: string]: unknown;
}

/**
 * Turns one vendor's messages into observations. Stateful where a vendor reports contacts one by one (counting
 * several engagements), so one instance per cc-agent-state node; whatever it remembers is bounded.
 */
export interface AgentMapper {
  readonly vendor: AgentVendor;
  /** Observations for the agents the message speaks of; empty when it says nothing about an agent's state. */
  map(msg: AgentSourceMessage): AgentObservation[];
}
