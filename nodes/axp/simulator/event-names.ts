/** The 13 body types of family AGENT_ENGAGEMENT (AsyncAPI 1.0.2), the names a subscription's `events` may list besides ALL. */
export const AXP_EVENT_NAMES = [
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

export type AxpEventName = (typeof AXP_EVENT_NAMES)[number];

/** An event type the document does not know, sent when includeUnknownFields is on. */
export const UNKNOWN_EVENT_NAME = 'AgentCapacityChanged';
