/**
 * Finesse Generic Connector commands (schema layer: pure, no I/O): the catalogue of every command
 * in the vendor document and the encoder that turns a request into a JMS type and body.
 */
export type { CommandArgument, CommandGroup, FinesseCommand } from './types';
export { FINESSE_COMMANDS, findCommand } from './catalogue';
export { CommandArgumentError } from './errors';
export { encodeCommand, RAW_COMMAND, type CommandRequest, type EncodedCommand } from './encode';
export type { CommandArgs } from './body';
