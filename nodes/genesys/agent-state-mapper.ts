/**
 * Genesys `voice-agentstate` messages (cc-genesys-agentstate) as unified agent observations.
 *
 * Only the four agent events speak of an agent's state. The DN events say nothing about it, by the vendor
 * document or for want of anything it says:
 * - EventDNOutOfService / EventDNBackInService: the document, section EventDNOutOfService, says the agent state
 *   changes an outage causes (not ready, logout) arrive as ordinary events and applications should rely only on
 *   those.
 * - EventOffHook / EventOnHook: the document calls them the handset state of the telephony object, nothing more.
 *   A handset goes off-hook to dial, for a consult or for a private call as well as for an ACD call, and the calls
 *   themselves are reported on another topic; reading BUSY into off-hook would invent a contact.
 * - EventDNDOn/Off, EventForwardSet/Cancel, EventMuteOn/Off: features of the DN or of one call party. Whether the
 *   agent takes ACD calls is what EventAgentReady / EventAgentNotReady report, and the document ties neither
 *   feature to them.
 */
import type { AgentMapper, AgentObservation, AgentSourceMessage, Reason, UnifiedState } from '../agent/model';
import { isPlainObject } from '../shared/describe';
import { AgentDirectory, type DirectoryEvent } from './agent-directory';
import { agentOf } from './filter';

type AgentEventId = 'EventAgentLogin' | 'EventAgentReady' | 'EventAgentNotReady' | 'EventAgentLogout';

/**
 * The state each agent event reports. The document says an EventAgentLogin "does not indicate by itself a
 * transition of agent state" and never says what readiness follows a login, so a first login is UNKNOWN (logged
 * in, readiness not told) until EventAgentReady / EventAgentNotReady says more.
 */
const STATE_OF: Readonly<Record<AgentEventId, (workMode: string | undefined) => UnifiedState>> = {
  EventAgentLogin: () => 'UNKNOWN',
  EventAgentReady: () => 'READY',
  // AfterCallWork is the not-ready work mode of after-call work; every other mode (AuxWork, WalkAway,
  // NoCallDisconnect, LegalGuard, …) is a plain not-ready whose mode stays in native.state.
  EventAgentNotReady: (workMode) => (workMode === 'AfterCallWork' ? 'WRAP_UP' : 'NOT_READY'),
  EventAgentLogout: () => 'LOGGED_OUT',
};

function isAgentEvent(id: string): id is AgentEventId {
  return Object.hasOwn(STATE_OF, id);
}

const REASON_CODE_KEY = 'reasoncode';

/** The value of a key-value list's ReasonCode pair, any spelling of the key (the document fixes no serialisation). */
function reasonCodeIn(list: unknown): string | undefined {
  if (!isPlainObject(list)) return undefined;
  for (const key of Object.keys(list)) {
    if (key.toLowerCase().replace(/[\s_.-]/g, '') !== REASON_CODE_KEY) continue;
    const value = list[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/**
 * The reason the user of the DN gave (Reasons) before the hardware reason the document says Extensions may carry
 * on agent events: when both are there, the person's reason is the one the agent chose.
 */
function reasonOf(payload: Record<string, unknown>): Reason | null {
  const code = reasonCodeIn(payload.Reasons) ?? reasonCodeIn(payload.Extensions);
  return code === undefined ? null : { code };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The work mode as the parser normalised it: a canonical name, or what came when it knew none (maybe a number). */
function workModeOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return text(value);
}

function kafkaKey(msg: AgentSourceMessage): string | null {
  const kafka = msg.kafka;
  return isPlainObject(kafka) && typeof kafka.key === 'string' ? kafka.key : null;
}

export class GenesysAgentStateMapper implements AgentMapper {
  readonly vendor = 'genesys' as const;
  /**
   * DN → agent bindings, learnt from agent events: EventAgentReady / EventAgentNotReady may lack AgentID (the
   * document's tables omit it), so they are resolved through the DN the agent logged in on. Bounded by the
   * directory and forgotten at the agent's logout.
   */
  private readonly directory = new AgentDirectory();

  map(msg: AgentSourceMessage): AgentObservation[] {
    const event = msg?.event;
    if (!isPlainObject(event) || event.vendor !== 'genesys') return [];
    const payload = msg.payload;
    if (!isPlainObject(payload) || typeof payload.id !== 'string' || !isAgentEvent(payload.id)) return [];
    const id = payload.id;
    const dn = text(payload.ThisDN);
    const sighted: DirectoryEvent = { id, ThisDN: dn, AgentID: text(payload.AgentID), ThisQueue: text(payload.ThisQueue) };
    const agentId = agentOf(sighted, kafkaKey(msg), this.directory);
    if (agentId === undefined) return [];

    // Multiple logins for one DN and agent are allowed and are no transition (the document, section
    // EventAgentLogin): a login on the DN the agent is already bound to changes nothing.
    const repeatedLogin = id === 'EventAgentLogin' && dn !== undefined && this.directory.agentAt(dn) === agentId;
    const resolved: DirectoryEvent = { ...sighted, AgentID: agentId };
    this.directory.learn(resolved);
    this.directory.forget(resolved);
    if (repeatedLogin) return [];

    const workMode = workModeOf(payload.AgentWorkMode);
    const observation: AgentObservation = {
      agentId,
      state: STATE_OF[id](workMode),
      // A ready agent has no reason; on the other three a missing reason clears the previous one.
      reason: id === 'EventAgentReady' ? null : reasonOf(payload),
      native: workMode === undefined ? { type: id } : { type: id, state: workMode },
    };
    if (dn !== undefined) observation.extension = dn;
    // Only the event's own `time` orders the agent's events; a Kafka or receive time is the model's fallback.
    if (event.timeSource === 'event' && typeof event.eventTime === 'string') observation.eventTime = event.eventTime;
    return [observation];
  }
}

export function createGenesysAgentStateMapper(): GenesysAgentStateMapper {
  return new GenesysAgentStateMapper();
}
