/**
 * Schema layer of the Genesys `voice-agentstate` node: pure functions, no I/O, no Node-RED.
 */
export { GENESYS_EVENT_IDS, genesysFamily, isGenesysEventId, type GenesysEventId, type GenesysFamily } from './event-ids';
export { GENESYS_ATTRIBUTES, type GenesysAttribute } from './attributes';
export { EVENT_SCHEMAS, GenesysEventSchema, MANDATORY, type GenesysEvent, type GenesysEventOf } from './events';
export type { GenesysTime } from './time';
export type { KeyValueList } from './key-value';
export { parseGenesysEvent, type GenesysDetails } from './parse';
