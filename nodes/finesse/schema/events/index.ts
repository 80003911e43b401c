/**
 * Schema layer for Finesse Generic Connector events: pure functions, no I/O, no Node-RED.
 */
export { parseFinesseEvent } from './parse';
export { FINESSE_EVENT_TYPES, type FinesseFamily } from './event-types';
export { FINESSE_ERROR_NAMES, type FinesseErrorName } from './error-names';
export {
  FinesseEventSchema, type FinesseEventKind, type FinesseEventOf, type FinesseEventPayload,
} from './payload-schema';
export type { CallVariableFormat, KeyedItem, Participant, Reason, Team } from './payload-parts';
