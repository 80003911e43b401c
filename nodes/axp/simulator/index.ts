/** Simulator of Avaya Experience Platform agent & engagement notifications (token, Notification REST API, WebSocket). */
export { AxpSimulator } from './simulator';
export type { ScenarioOptions, SimSocketView, SimSubscriptionView } from './simulator';
export type { AxpSimAgent, AxpSimClient, AxpSimulatorOptions, AttributesShape, ReasonCodeAs, TimestampAs } from './options';
export { DEFAULT_AGENTS, DEFAULT_CLIENT } from './options';
export type { SentNotification } from './delivery';
export type { RequestRecord } from './rest-router';
export type { SimEvents } from './context';
export type { AxpScenarioName } from './scenarios';
export { SCENARIO_NAMES } from './scenarios';
export { AXP_EVENT_NAMES, UNKNOWN_EVENT_NAME } from './event-names';
export { AUTH_FAILURES } from './auth-status';
export { HANG_TARGETS } from './faults';
export type { HangTarget } from './faults';
export { CLOSE } from './close-codes';
export type { TransferTo } from './bodies/transfer';
export { runAxpCli, parseAxpCliArgs } from './cli';
