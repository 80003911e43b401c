import { clip } from '../../../shared/describe';
import { encodeBody, type CommandArgs } from './body';
import { findCommand } from './catalogue';
import { checkTarget, refuseCharacters } from './characters';
import { CommandArgumentError } from './errors';
import type { FinesseCommand } from './types';
import { argumentText } from './values';

export interface CommandRequest {
  /** A name, type or alias from FINESSE_COMMANDS, or `raw`. */
  command: string;
  /** For commands whose target is `agent`. */
  agentId?: string;
  /** For Hello and Beat: the client destination (topic name) GC answers on. */
  destination?: string;
  args?: CommandArgs;
  /** Raw mode: the whole JMS type, e.g. `SendDtmf#1001`; for commands the document lacks (§3.3) or unconfirmed spellings. */
  rawType?: string;
  rawBody?: string;
}

export interface EncodedCommand {
  /** The JMS type (STOMP `type` header): `<type>#<agentId|destination>`. */
  type: string;
  /** The JMS body: a text message, '' when there are no arguments. */
  body: string;
  /** Null in raw mode. */
  command: FinesseCommand | null;
}

export const RAW_COMMAND = 'raw';

/**
 * Builds the JMS type and body of one GC command (digest §1.3). Throws CommandArgumentError for
 * anything GC could misread, so a bad command is refused before it is sent rather than mangled.
 */
export function encodeCommand(request: CommandRequest): EncodedCommand {
  if (typeof request.command !== 'string' || request.command.trim() === '') {
    throw new CommandArgumentError('No command given: name one from the catalogue, or raw', 'command');
  }
  if (request.command.trim().toLowerCase() === RAW_COMMAND) return encodeRaw(request);
  const command = findCommand(request.command);
  if (!command) {
    throw new CommandArgumentError(`Unknown Finesse command "${clip(request.command)}": name one from the catalogue, or use raw mode`, 'command');
  }
  return { type: `${command.type}#${targetOf(command, request)}`, body: encodeBody(command, request.args), command };
}

function targetOf(command: FinesseCommand, request: CommandRequest): string {
  const argument = command.target === 'agent' ? 'agentId' : 'destination';
  const what = `${command.name}: ${argument}`;
  const target = argumentText(request[argument], what, argument);
  if (target === undefined) {
    const needed = command.target === 'agent' ? 'the agent login id' : 'the client destination';
    throw new CommandArgumentError(`${what} is required (${needed})`, argument);
  }
  checkTarget(target, what, argument);
  return target;
}

/** Raw mode checks only what would break the STOMP frame, plus the `#` every GC type has. */
function encodeRaw(request: CommandRequest): EncodedCommand {
  const { rawType, rawBody = '' } = request;
  if (typeof rawType !== 'string' || rawType === '') throw new CommandArgumentError('raw: rawType is required', 'rawType');
  if (typeof rawBody !== 'string') throw new CommandArgumentError('raw: rawBody must be a string', 'rawBody');
  refuseCharacters(rawType, '', 'raw: rawType', 'rawType');
  if (!rawType.includes('#')) throw new CommandArgumentError("raw: rawType must contain '#' (<Command>#<agentId or destination>)", 'rawType');
  refuseCharacters(rawBody, '', 'raw: rawBody', 'rawBody');
  return { type: rawType, body: rawBody, command: null };
}
