/** Simulator of the Avaya Analytics REST & WebSocket Open Interface (orca-streams-rest and the data publisher). */
export { AnalyticsSimulator } from './simulator';
export type { SimSocketView, SimSubscriptionView } from './simulator';
export type { AnalyticsSimUser, AnalyticsSimulatorOptions, WireForm } from './options';
export { DEFAULT_USERS, DEFAULT_SOURCE_ID } from './options';
export type { RequestRecord, SimEvents } from './context';
export type { AgentState } from './floor';
export { HANG_POINTS, type HangPoint } from './faults';
export { PRODUCERS, ADMIN_PRODUCER_ID } from './producers';
export type { ProducerDef } from './producers';
export { LOCALES } from './locales';
export { DIMENSION_DATA_TYPES } from './dimension-data';
export { CLOSE } from './close-codes';
export { KEEPALIVE_TEXT, HEARTBEAT_FRAME } from './frames';
export { REST_BASE, WS_PATH } from './paths';
export { runAnalyticsCli, parseAnalyticsCliArgs } from './cli';
