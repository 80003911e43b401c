/** Simulator of the Avaya POM Event SDK's Kafka topics (the vendor side of the stream). */
export { POM_SIMULATED_FAMILIES, pomTopic } from './catalogue';
export type { PomKeyStyle } from './encode';
export { everyFamilyRecords } from './fixtures';
export { startPomPublisher } from './publisher';
export type { PomPublisher, PomPublisherOptions } from './publisher';
export { PomSimulator } from './simulator';
export type { PomDateStyle, PomRecord, PomSimulatorOptions } from './simulator';
export { runPomCli } from './cli';
