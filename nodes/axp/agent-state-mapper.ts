/**
 * Unified agent states from cc-axp-events messages (Avaya Experience Platform, family AGENT_ENGAGEMENT).
 *
 * Agents are keyed by the body's `agentId`: it is on every body that concerns one agent (AgentState,
 * AgentParticipant, AfterContactWork*) and is the only way MatchOffered names its agent, while the envelope's
 * `loginId` is "only present on Agent related events" (the vendor document, schema Notification) and MatchOffered
 * has none. The login handle, where the envelope carries it, becomes the snapshot's `name`. (So a cc-axp-events node
 * that filters by login id passes no MatchOffered, and its agents show no RESERVED.)
 */
import type { AgentMapper, AgentObservation, AgentSourceMessage, Reason } from '../agent/model';
import { AgentWorkMemory, DEFAULT_LIMITS, type AxpMapperLimits } from './agent-state-mapper-memory';
import { offeredAgentIds, readNotification, text, type AxpNotificationRead } from './agent-state-mapper-read';

/** Actions that put the agent on the engagement: held is still on it, MOVED is on another dialog of it. */
const ON_CONTACT = new Set(['ADDED', 'HELD', 'UNHELD', 'MOVED']);

/** The supervising agent of each supervision action and its envelope login field (schemas AgentParticipant, Notification). */
const SUPERVISION = new Map([
  ['OBSERVING', { agentField: 'observingAgentId', loginField: 'observingLoginId' }],
  ['COACHING', { agentField: 'coachingAgentId', loginField: 'coachingLoginId' }],
  ['BARGEDIN', { agentField: 'bargingAgentId', loginField: 'bargingLoginId' }],
]);

/** "Redirect on no answer" (the cause in the vendor's AgentState example): routing took the offer away. */
const RONA = 'RONA';

interface Details {
  nativeState?: string;
  name?: string;
  extension?: string;
}

export class AxpAgentStateMapper implements AgentMapper {
  readonly vendor = 'axp' as const;
  private readonly memory: AgentWorkMemory;

  constructor(limits: Partial<AxpMapperLimits> = {}) {
    const resolved = { ...DEFAULT_LIMITS, ...limits };
    for (const [name, value] of Object.entries(resolved)) {
      if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`${name} must be a whole number >= 1`);
    }
    this.memory = new AgentWorkMemory(resolved);
  }

  map(msg: AgentSourceMessage): AgentObservation[] {
    const n = readNotification(msg);
    if (n === undefined) return [];
    switch (n.event) {
      case 'AgentState': return this.agentState(n);
      case 'AgentParticipant': return this.agentParticipant(n);
      case 'MatchOffered': return this.matchOffered(n);
      case 'ExternalParticipant': return this.externalParticipant(n);
      case 'AfterContactWorkActivated': return this.afterContactWork(n, true);
      case 'AfterContactWorkCompleted': return this.afterContactWork(n, false);
      // ChannelReady has no described meaning. OutboundEngagementCreated and the transfer events name an agent whose
      // part follows as AgentParticipant; the other events name no agent.
      default: return [];
    }
  }

  /**
   * LOGGED_IN is its own state beside READY, so a logged-in agent is not yet taking contacts: NOT_READY, without a
   * reason (reasonCode and cause are "Only for AGENT_NOT_READY state"). LOGGED_OUT forgets the agent.
   */
  private agentState(n: AxpNotificationRead): AgentObservation[] {
    const agentId = text(n.body.agentId);
    const state = text(n.body.state);
    if (agentId === undefined || state === undefined) return [];
    const details = { nativeState: state, name: text(n.envelope.loginId) };
    if (state === 'LOGGED_OUT') {
      this.memory.forget(agentId);
      return [{ ...this.base(n, agentId, details), state: 'LOGGED_OUT', reason: null, pending: null, contacts: 0 }];
    }
    if (state === 'LOGGED_IN') this.memory.startSession(agentId);
    else if (state === 'READY') this.memory.setAvailability(agentId, { state: 'READY', reason: null });
    else if (state === 'NOT_READY') {
      this.memory.setAvailability(agentId, { state: 'NOT_READY', reason: notReadyReason(text(n.body.reasonCode), text(n.body.cause)) });
      if (text(n.body.cause) === RONA) this.memory.dropOffers(agentId);
    } else this.memory.setAvailability(agentId, undefined);
    return [this.observe(n, agentId, details)];
  }

  /**
   * INVITED is read as an offer (the document describes no action; an invited agent has not joined yet). REMOVED ends
   * the agent's part: with no engagement left the agent is back to its availability at once, since the document
   * promises no AgentState after a contact; after-contact work, where it follows, turns that into WRAP_UP.
   */
  private agentParticipant(n: AxpNotificationRead): AgentObservation[] {
    const action = text(n.body.action);
    const engagementId = text(n.body.engagementId);
    if (action === undefined || engagementId === undefined) return [];
    const supervision = SUPERVISION.get(action);
    const agentId = supervision === undefined ? text(n.body.agentId) : text(n.body[supervision.agentField]) ?? text(n.body.agentId);
    if (agentId === undefined) return [];
    if (supervision !== undefined || ON_CONTACT.has(action)) this.memory.connect(agentId, engagementId);
    else if (action === 'INVITED') this.memory.offer(agentId, engagementId);
    else if (action === 'REMOVED') this.memory.endContact(agentId, engagementId);
    else return [];
    return [this.observe(n, agentId, {
      nativeState: action,
      name: text(n.envelope[supervision?.loginField ?? 'loginId']),
      extension: agentId === text(n.body.agentId) ? text(n.body.extension) : undefined,
    })];
  }

  /**
   * The named agent is offered the engagement. The document has no event for an offer that goes unanswered, so an
   * offer of the same engagement to another agent takes it from whoever held it unanswered (routing matches one
   * agent at a time).
   */
  private matchOffered(n: AxpNotificationRead): AgentObservation[] {
    const engagementId = text(n.body.engagementId);
    const offered = offeredAgentIds(n.body);
    if (engagementId === undefined || offered.length === 0) return [];
    const withdrawn = this.memory.offeredTo(engagementId).filter((agentId) => !offered.includes(agentId));
    for (const agentId of withdrawn) this.memory.endContact(agentId, engagementId);
    for (const agentId of offered) this.memory.offer(agentId, engagementId);
    return [...offered, ...withdrawn].map((agentId) => this.observe(n, agentId));
  }

  /** The customer leaving before anyone answered ends the offer (no agent event follows for an offer never taken). */
  private externalParticipant(n: AxpNotificationRead): AgentObservation[] {
    const engagementId = text(n.body.engagementId);
    if (text(n.body.action) !== 'REMOVED' || engagementId === undefined) return [];
    const withdrawn = this.memory.offeredTo(engagementId);
    for (const agentId of withdrawn) this.memory.endContact(agentId, engagementId);
    return withdrawn.map((agentId) => this.observe(n, agentId, { nativeState: 'REMOVED' }));
  }

  /**
   * Work on an engagement after the contact: WRAP_UP unless the agent is on or offered another. Completed ends the
   * engagement for the agent and returns it to the availability AgentState last told, which contacts and wrap-up do
   * not change (its enum has no value for either); UNKNOWN when no AgentState has been seen.
   */
  private afterContactWork(n: AxpNotificationRead, activated: boolean): AgentObservation[] {
    const agentId = text(n.body.agentId);
    const engagementId = text(n.body.engagementId);
    if (agentId === undefined || engagementId === undefined) return [];
    if (activated) this.memory.wrapUp(agentId, engagementId);
    else this.memory.endWork(agentId, engagementId);
    return [this.observe(n, agentId, { name: text(n.envelope.loginId) })];
  }

  private observe(n: AxpNotificationRead, agentId: string, details: Details = {}): AgentObservation {
    return { ...this.base(n, agentId, details), ...this.memory.derive(agentId) };
  }

  private base(n: AxpNotificationRead, agentId: string, details: Details): AgentObservation {
    const observation: AgentObservation = { agentId, native: { type: n.event } };
    if (details.nativeState !== undefined) observation.native.state = details.nativeState;
    if (details.name !== undefined) observation.name = details.name;
    if (details.extension !== undefined) observation.extension = details.extension;
    if (n.eventTime !== undefined) observation.eventTime = n.eventTime;
    return observation;
  }
}

/** reasonCode is the code; cause (e.g. RONA) is the only wording the event gives, so it is the label. */
function notReadyReason(code: string | undefined, cause: string | undefined): Reason | null {
  if (code === undefined) return cause === undefined ? null : { code: cause };
  return cause === undefined ? { code } : { code, label: cause };
}

export function createAxpAgentStateMapper(limits: Partial<AxpMapperLimits> = {}): AxpAgentStateMapper {
  return new AxpAgentStateMapper(limits);
}
