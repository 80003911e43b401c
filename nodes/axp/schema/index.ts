/**
 * Schema layer for Avaya Experience Platform agent & engagement events: pure functions, no I/O,
 * no Node-RED. Frames from the WebSocket, the messages sent on it, and the REST bodies around it.
 */
export {
  AXP_AUTH_STATUSES, AXP_EVENT_TYPES, AXP_FAMILY, DOCUMENTED_ENUMS, isAxpAuthStatus, isAxpEventType,
  type AxpAuthStatus, type AxpEventType,
} from './event-types';
export {
  AxpBodySchema, AxpKnownBodySchema, isKnownBody,
  type AxpBody, type AxpBodyOf, type AxpKnownBody, type AxpUnknownBody,
} from './bodies';
export type { AxpAttribute } from './body-parts';
export { AxpNotificationSchema, notificationId, type AxpNotification } from './notification';
export { parseAxpFrame, type AxpFrame } from './frames';
export { authenticationMessage, pingMessage, subscriptionRequest, type AxpSubscriptionRequest } from './outgoing';
export { parseSubscription, parseSubscriptionPage, type AxpSubscription, type AxpSubscriptionPage } from './subscription';
export { DEFAULT_TOKEN_LIFETIME_S, parseTokenResponse, type AxpToken } from './token';
export { describeProblem } from './problem';
export { redactSecrets } from '../../shared/redact-secrets';
