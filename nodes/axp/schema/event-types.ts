/**
 * The names the AXP document gives (digest §4.3, §6): the 13 `body.event` values of the
 * AGENT_ENGAGEMENT family, the five authenticationResponse statuses, and the documented enum
 * values of body fields. The vendor adds values between versions (1.0.1 -> 1.0.2 added three
 * events and four actions), so these lists classify values; they never reject them.
 */

/** The family this pack subscribes to; also msg.event.family when a notification does not name one. */
export const AXP_FAMILY = 'AGENT_ENGAGEMENT';

/** In the order of the AsyncAPI `NotificationBody.oneOf` list. */
export const AXP_EVENT_TYPES = [
  'AgentState',
  'AgentParticipant',
  'AutomationParticipant',
  'ExternalParticipant',
  'EngagementPrerouted',
  'InboundEngagementCreated',
  'MatchOffered',
  'OutboundEngagementCreated',
  'SingleStepTransfer',
  'SingleStepTransferError',
  'ChannelReady',
  'AfterContactWorkActivated',
  'AfterContactWorkCompleted',
] as const;

export type AxpEventType = (typeof AXP_EVENT_TYPES)[number];

const EVENT_TYPE_SET: ReadonlySet<string> = new Set(AXP_EVENT_TYPES);

export function isAxpEventType(name: string): name is AxpEventType {
  return EVENT_TYPE_SET.has(name);
}

export const AXP_AUTH_STATUSES = [
  'CONNECTION_CONFIRMED',
  'CONNECTION_FAILED_INVALID_TOKEN',
  'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION',
  'CONNECTION_FAILED_INTERNAL_SERVER_ERROR',
  'CONNECTION_FAILED_CONSTRAINT_VIOLATION',
] as const;

export type AxpAuthStatus = (typeof AXP_AUTH_STATUSES)[number];

const AUTH_STATUS_SET: ReadonlySet<string> = new Set(AXP_AUTH_STATUSES);

export function isAxpAuthStatus(status: string): status is AxpAuthStatus {
  return AUTH_STATUS_SET.has(status);
}

const TRANSFER_TARGETS = ['QUEUE', 'USER', 'AUTOMATION', 'EXTERNAL'] as const;

/** One enum-typed field of a body: where it sits and the values the document lists. */
export interface DocumentedEnum {
  path: readonly string[];
  values: readonly string[];
}

/** Per event type, the body fields typed as enums in the YAML (1.0.2). */
export const DOCUMENTED_ENUMS: Readonly<Partial<Record<AxpEventType, readonly DocumentedEnum[]>>> = {
  AgentState: [{ path: ['state'], values: ['LOGGED_IN', 'LOGGED_OUT', 'READY', 'NOT_READY'] }],
  AgentParticipant: [{
    path: ['action'],
    values: ['ADDED', 'HELD', 'UNHELD', 'INVITED', 'REMOVED', 'MOVED', 'OBSERVING', 'COACHING', 'BARGEDIN'],
  }],
  AutomationParticipant: [{ path: ['action'], values: ['ADDED', 'REMOVED'] }],
  ExternalParticipant: [{ path: ['action'], values: ['ADDED', 'REMOVED', 'INVITED'] }],
  EngagementPrerouted: [{ path: ['agentRoutingStrategy', 'type'], values: ['LAR', 'PAR'] }],
  // "values include MOST_IDLE or OCCUPANCY": an open set, so another value only earns a warning like the rest.
  MatchOffered: [{ path: ['strategy'], values: ['MOST_IDLE', 'OCCUPANCY'] }],
  SingleStepTransfer: [{ path: ['transferTo'], values: TRANSFER_TARGETS }],
  SingleStepTransferError: [
    { path: ['transferTo'], values: TRANSFER_TARGETS },
    { path: ['errorType'], values: ['CANCELLED', 'FAILED'] },
  ],
};
