/** Simulator of the Genesys Voice Microservices `voice-agentstate` topic (the vendor side of the stream). */
export { GENESYS_SIMULATED_IDS } from './catalogue';
export type { GenesysDialect } from './dialect';
export { everyEventRecords } from './fixtures';
export { startGenesysPublisher } from './publisher';
export type { GenesysPublisher, GenesysPublisherOptions } from './publisher';
export { GenesysSimulator } from './stream';
export type { GenesysSimulatorOptions, SimulatedRecord } from './stream';
export { runGenesysCli } from './cli';
