/**
 * The 13 notification bodies of the AGENT_ENGAGEMENT family (digest §6), discriminated by
 * `body.event`. No field is required (the vendor lists none); undeclared fields are kept; enum
 * fields are plain strings here and checked for documented values in notification-checks.ts.
 * Each body also gains `timestampMs` when its `timestamp` is a usable epoch in milliseconds.
 */
import { z } from 'zod';
import { isPlainObject, jsonType } from '../../shared/describe';
import {
  optionalAgentRouting, optionalAttributes, optionalCustomerIdentifiers, optionalEngagementParameters,
  optionalOfferedQueue, optionalOfferedService, optionalOfferedSpecifiedAgent, optionalPreroutedQueue,
} from './body-parts';
import { isAxpEventType, type AxpEventType } from './event-types';
import { looseRecord, optionalFlag, optionalText, optionalTextList } from './scalars';

const DIGITS_RE = /^\d+$/;
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Optional string fields by name, so each body below reads like the vendor's field table. */
function texts<K extends string>(...keys: K[]): Record<K, typeof optionalText> {
  const shape = {} as Record<K, typeof optionalText>;
  for (const key of keys) shape[key] = optionalText;
  return shape;
}

/**
 * Epoch milliseconds from `timestamp` when JavaScript can hold them exactly. The vendor's
 * example value 9223372036854776000 (Long.MAX_VALUE through a double) is a placeholder, not a
 * time, and stays text only. An ISO 8601 time (not documented) is read too.
 */
function timestampMillis(timestamp: string | undefined): number | undefined {
  if (timestamp === undefined) return undefined;
  if (DIGITS_RE.test(timestamp)) {
    const ms = Number(timestamp);
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  if (!ISO_TIME_RE.test(timestamp)) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

function withTimestampMs<T extends object>(body: T): T & { timestampMs?: number } {
  const ms = timestampMillis((body as { timestamp?: string }).timestamp);
  return ms === undefined ? body : Object.assign(body, { timestampMs: ms });
}

function body<E extends AxpEventType, S extends z.ZodRawShape>(event: E, shape: S) {
  // `id` is declared on every body: SingleStepTransfer has none in the document, but one sent is read like the others'.
  return looseRecord({ event: z.literal(event), ...shape, ...texts('id', 'timestamp') }).transform(withTimestampMs);
}

const engagementRefs = texts('engagementId', 'channelProviderId', 'connectionId', 'dialogId', 'channelId');

const AgentStateBody = body('AgentState', texts('agentId', 'profileId', 'state', 'reasonCode', 'cause'));

const AgentParticipantBody = body('AgentParticipant', {
  ...engagementRefs,
  ...texts('action', 'agentId', 'previousDialogId', 'extension', 'providerEngagementId'),
  agentInitiatedDisconnect: optionalFlag,
  ...texts('observedAgentId', 'observingAgentId', 'observingAgentConnectionId', 'observedAgentConnectionId'),
  ...texts('coachingAgentId', 'coachedAgentId', 'coachingAgentConnectionId', 'coachedAgentConnectionId'),
  ...texts('bargingAgentId', 'bargingAgentConnectionId'),
});

const AutomationParticipantBody = body('AutomationParticipant', {
  ...engagementRefs,
  ...texts('automationParticipantId', 'action', 'automationType', 'providerEngagementId'),
  automationInitiatedDisconnect: optionalFlag,
});

const ExternalParticipantBody = body('ExternalParticipant', {
  ...engagementRefs,
  ...texts('externalParticipantId', 'action', 'providerEngagementId'),
  externalParticipantInitiatedDisconnect: optionalFlag,
});

const EngagementPreroutedBody = body('EngagementPrerouted', {
  ...texts('engagementId', 'dialogId', 'orchestrationFlow'),
  attributes: optionalAttributes,
  attributeList: optionalTextList,
  engagementParameters: optionalEngagementParameters,
  agentRoutingStrategy: optionalAgentRouting,
  adhocEmail: optionalFlag,
  ...texts('autoResponse', 'channelProviderId', 'channelId', 'channelIdentifier'),
  queue: optionalPreroutedQueue,
  customerIdentifiers: optionalCustomerIdentifiers,
  ...texts('externalParticipantId', 'sourceAddress', 'destinationAddress', 'subject'),
});

const InboundEngagementCreatedBody = body('InboundEngagementCreated', {
  ...engagementRefs,
  ...texts('externalParticipantId', 'callingNumber', 'dialledNumber', 'providerEngagementId'),
  customerIdentifiers: optionalCustomerIdentifiers,
  engagementParameters: optionalEngagementParameters,
});

const MatchOfferedBody = body('MatchOffered', {
  // `correlationId` here is the match request's, unrelated to the envelope's.
  ...texts('engagementId', 'matchId', 'correlationId', 'strategy'),
  offeredQueue: optionalOfferedQueue,
  offeredService: optionalOfferedService,
  offeredSpecifiedAgent: optionalOfferedSpecifiedAgent,
});

const OutboundEngagementCreatedBody = body('OutboundEngagementCreated', {
  ...texts('engagementId', 'agentId', 'dialogId', 'destinationAddress', 'channelProviderId', 'channelId'),
  customerIdentifiers: optionalCustomerIdentifiers,
  engagementParameters: optionalEngagementParameters,
});

const SingleStepTransferBody = body('SingleStepTransfer', {
  ...engagementRefs,
  ...texts('initiatingAgentId', 'transferTo', 'destination', 'queueId', 'queueName', 'providerDialogId', 'correlationId'),
});

const SingleStepTransferErrorBody = body('SingleStepTransferError', texts(
  'engagementId', 'initiatingAgentId', 'transferTo', 'errorType', 'destination', 'dialogId',
  'channelProviderId', 'channelId', 'correlationId', 'title', 'detail',
));

const ChannelReadyBody = body('ChannelReady', texts('agentId', 'channelProviderId', 'channelId'));

const afterContactWork = { ...engagementRefs, ...texts('agentId') };
const AfterContactWorkActivatedBody = body('AfterContactWorkActivated', afterContactWork);
const AfterContactWorkCompletedBody = body('AfterContactWorkCompleted', afterContactWork);

const KNOWN_BODIES = [
  AgentStateBody, AgentParticipantBody, AutomationParticipantBody, ExternalParticipantBody, EngagementPreroutedBody,
  InboundEngagementCreatedBody, MatchOfferedBody, OutboundEngagementCreatedBody, SingleStepTransferBody,
  SingleStepTransferErrorBody, ChannelReadyBody, AfterContactWorkActivatedBody, AfterContactWorkCompletedBody,
] as const;

/** The 13 documented bodies; a body with another `event` fails this schema (AxpBodySchema delivers it). */
export const AxpKnownBodySchema = z.discriminatedUnion('event', KNOWN_BODIES);

export type AxpKnownBody = z.output<typeof AxpKnownBodySchema>;
export type AxpBodyOf<E extends AxpEventType> = Extract<AxpKnownBody, { event: E }>;
/** A body whose `event` the document does not list: delivered exactly as sent. */
export type AxpUnknownBody = { event: string; [field: string]: unknown };
export type AxpBody = AxpKnownBody | AxpUnknownBody;

const BODY_BY_EVENT: ReadonlyMap<string, z.ZodType<AxpKnownBody>> = new Map(
  KNOWN_BODIES.map((schema) => [schema.in.shape.event.value, schema as z.ZodType<AxpKnownBody>]),
);

/**
 * Any body with a string `event`: a documented event is validated by its own schema (so an issue
 * names the exact field), any other is passed through untouched.
 */
export const AxpBodySchema = z.unknown().transform((raw, ctx): AxpBody => {
  if (!isPlainObject(raw) || typeof raw.event !== 'string') {
    const message = isPlainObject(raw) ? `expected the event name as a string (got ${jsonType(raw.event)})` : `expected an object (got ${jsonType(raw)})`;
    ctx.issues.push({ code: 'custom', message, input: raw, path: isPlainObject(raw) ? ['event'] : [] });
    return z.NEVER;
  }
  const schema = BODY_BY_EVENT.get(raw.event);
  if (schema === undefined) return raw as AxpUnknownBody;
  const checked = schema.safeParse(raw);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) ctx.issues.push({ ...issue, input: undefined });
  return z.NEVER;
});

export function isKnownBody(body: AxpBody): body is AxpKnownBody {
  return isAxpEventType(body.event);
}
