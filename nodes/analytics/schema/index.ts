/**
 * Schema layer for Avaya Analytics real-time measures (REST & WebSocket Open Interface): pure
 * functions, no I/O, no Node-RED. The REST bodies, the messages sent on the WebSocket, the frames
 * received on it, and the cache that accumulates the delta rows.
 */
export {
  ADMIN_PRODUCER_ID, ANALYTICS_LOCALES, CONTACT_LEVEL_PRODUCERS, DIMENSION_DATA_TYPES, PRODUCER_DIMENSION_KEYS, isContactLevelProducer, producerNamesForDimension,
} from './catalogue';
export { parseLogin, type AnalyticsLogin } from './login';
export { parseDictionary, parseDimensionData, parseSources, type AnalyticsSource } from './catalogue-bodies';
export { parseProducers, type AnalyticsProducer } from './producers';
export {
  parseSubscriptionResponse, redirectMessage, subscriptionRequest,
  type AnalyticsFilter, type AnalyticsSubscription, type AnalyticsSubscriptionRequestOptions,
} from './subscription';
export { KEEPALIVE, parseAnalyticsFrame, type AnalyticsFrame } from './frames';
export { describeRestError } from './rest-error';
export { redactSecrets } from '../../shared/redact-secrets';
export { timestampMs } from './timestamps';
export { DEFAULT_CONTACT_IDLE_MS, DEFAULT_MAX_ROWS, MeasureCache, type MeasureCacheOptions, type MeasureRow } from './measure-cache';
