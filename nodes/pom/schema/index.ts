/**
 * Schema layer of the Avaya POM Event SDK node: pure functions, no I/O, no Node-RED.
 */
export { defaultPomTopic, familyOfTopic, isPomFamily, orgOfTopic, POM_FAMILIES, type PomFamily } from './families';
export { POM_SCHEMAS, type PomEventOf } from './schemas';
export { JOB_EVENT_TYPES } from './job';
export { AGENT_EVENT_TYPES } from './agent';
export { ATTEMPT_SUBTYPES } from './attempt';
export { parsePomEvent, type PomDetails, type PomEvent } from './parse';
