/**
 * POM AGENT-family messages (cc-pom-events) as unified agent observations.
 *
 * POM keeps four state models per agent (the vendor document, "Agent States"); two speak of what the agent does:
 * the Agent State (AgentStateEvent) and the Agent Call State (AgentCallStateEvent). The Job and Nail states say
 * which job the agent serves and whether its nail-up call stands, AgentOperationEvent reports skill changes, and
 * the other families (jobs, attempts, statistics, heartbeats, …) are about campaigns and contacts: all of them map
 * to nothing. Agent statistics repeat the current states every 6 s and on each change, so they would only echo
 * the AGENT events with a coarser time.
 */
import type { AgentMapper, AgentObservation, AgentSourceMessage, Reason, UnifiedState } from '../agent/model';
import { isPlainObject } from '../shared/describe';

type Fields = Record<string, unknown>;

interface Reading {
  state?: UnifiedState;
  reason?: Reason | null;
  contacts?: number;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A reason from a code field: the document sends an empty string (or nothing) when there is none. */
function reasonFrom(code: unknown): Reason | null {
  const value = text(code);
  return value === undefined ? null : { code: value };
}

/**
 * AgentStateEvent.state. LOGGED_IN is NOT_READY because the document says a logged-in agent goes to "Not Ready"
 * by default (Agent States, step 1). A logged-in or logged-out agent has no call, hence contacts 0.
 */
const AGENT_STATE: Readonly<Record<string, (sub: Fields) => Reading>> = {
  LOGGED_IN: () => ({ state: 'NOT_READY', reason: null, contacts: 0 }),
  READY: () => ({ state: 'READY', reason: null }),
  BUSY: () => ({ state: 'BUSY', reason: null }),
  WORK_NOT_READY: () => ({ state: 'WRAP_UP', reason: null }),
  NOT_READY: (sub) => ({ state: 'NOT_READY', reason: reasonFrom(sub.notReadyReasonCode) }),
  LOGGED_OUT: (sub) => ({ state: 'LOGGED_OUT', reason: reasonFrom(sub.logoutReasonCode), contacts: 0 }),
};

const OFFERED: Reading = { state: 'RESERVED', reason: null, contacts: 1 };
const ENGAGED: Reading = { state: 'BUSY', reason: null, contacts: 1 };

/**
 * AgentCallStateEvent.callState. An agent handles one POM attempt at a time, so contacts is 1 from its offer to
 * its wrap-up; a consult or conference leg belongs to the same contact.
 * - PREVIEW and PENDING_CALL offer a contact the agent has not taken yet: RESERVED.
 * - DIALING follows the agent's own decision to dial a previewed contact (Agent States, step 8): the agent is
 *   working it, so BUSY rather than RESERVED.
 * - WRAPUP_COMPLETE and IDLE end the contact but do not say where the agent goes: the document's step 9 calls the
 *   next state "Ready", which is the Agent State model's own READY event, and that model reports NOT_READY
 *   instead when the agent asked for it. Reading READY here would contradict it.
 * - CONFERENCE_ENDED and CALL_TRANSFERRED do not say whether the agent is still on the call; the next call state
 *   (ONCALL or WRAPUP) does, so they only update native.
 */
const CALL_STATE: Readonly<Record<string, Reading>> = {
  IDLE: { contacts: 0 },
  PENDING_CALL: OFFERED,
  PREVIEW: OFFERED,
  DIALING: ENGAGED,
  ONCALL: ENGAGED,
  CALL_HELD: ENGAGED,
  CONSULT_INITIATED: ENGAGED,
  CONSULT_ANSWERED: ENGAGED,
  CONFERENCED: ENGAGED,
  CONFERENCE_HELD: ENGAGED,
  CONFERENCE_ENDED: {},
  CALL_TRANSFERRED: {},
  WRAPUP: { state: 'WRAP_UP', reason: null, contacts: 1 },
  WRAPUP_COMPLETE: { contacts: 0 },
};

type StateKind = 'AgentStateEvent' | 'AgentCallStateEvent';

/**
 * What one agent event reads as, with the vendor's state word, or undefined when it names no state. A state value
 * the document does not list still tells that the agent changed state, into one we cannot name: UNKNOWN. An
 * unlisted call state leaves the agent's state alone.
 */
function readingOf(kind: StateKind, sub: Fields): { reading: Reading; word: string } | undefined {
  if (kind === 'AgentStateEvent') {
    const word = nativeWord(sub.state);
    if (word === undefined) return undefined;
    const read = Object.hasOwn(AGENT_STATE, word) ? AGENT_STATE[word] : undefined;
    return { reading: read ? read(sub) : { state: 'UNKNOWN', reason: null }, word };
  }
  const word = nativeWord(sub.callState);
  if (word === undefined) return undefined;
  return { reading: Object.hasOwn(CALL_STATE, word) ? CALL_STATE[word] : {}, word };
}

/** The parser keeps an unlisted enum value as given, which may be a number. */
function nativeWord(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : text(value);
}

export class PomAgentStateMapper implements AgentMapper {
  readonly vendor = 'pom' as const;

  map(msg: AgentSourceMessage): AgentObservation[] {
    const event = msg?.event;
    if (!isPlainObject(event) || event.vendor !== 'pom' || event.family !== 'AGENT') return [];
    const payload = msg.payload;
    if (!isPlainObject(payload) || !isPlainObject(payload.agentEventType)) return [];
    const kind = event.type;
    // The job and nail states and AgentOperationEvent say nothing about what the agent does (see above).
    if (kind !== 'AgentStateEvent' && kind !== 'AgentCallStateEvent') return [];
    const agentId = text(payload.agentId);
    if (agentId === undefined) return [];
    const sub = payload.agentEventType;
    const found = readingOf(kind, sub);
    if (found === undefined) return [];

    const observation: AgentObservation = { agentId, ...found.reading, native: { type: kind, state: found.word } };
    const name = text(payload.agentName);
    if (name !== undefined) observation.name = name;
    const station = text(payload.stationId);
    if (station !== undefined) observation.extension = station;
    const eventTime = eventTimeOf(sub, event);
    if (eventTime !== undefined) observation.eventTime = eventTime;
    return [observation];
  }
}

/**
 * The sub-event's `timestamp` is when the agent entered the state; `eventTimeStamp` (msg.event.eventTime when
 * the record has it) is when the Kafka server received the event (the vendor document, "Agent Events"), so it
 * only stands in. Both are normalised to ISO 8601 by the parser.
 */
function eventTimeOf(sub: Fields, event: Fields): string | undefined {
  return text(sub.timestamp) ?? (event.timeSource === 'event' ? text(event.eventTime) : undefined);
}

export function createPomAgentStateMapper(): PomAgentStateMapper {
  return new PomAgentStateMapper();
}
