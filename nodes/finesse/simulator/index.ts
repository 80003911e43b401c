/** Simulator of the Cisco Finesse Generic Connector (the vendor side of the STOMP link). */
export { GcSimulator } from './simulator';
export type { GcCommandRecord, SimAgentView, SimDialogView } from './simulator';
export type { GcSimulatorOptions, SimAgent, SimReasonCode, SimReasonCodes, SimTeam, WrapUpMode, FinesseFlavor } from './options';
export type { InboundCallSpec, PreviewOfferSpec } from './control';
export { DEFAULT_EXTENSIONS, DEFAULT_ROSTER } from './fixtures';
export { GC_COMMANDS, parseCommandType } from './command-table';
export { runFinesseCli, parseFinesseCliArgs } from './cli';
export { startCallGenerator, type CallGenerator } from './call-generator';
