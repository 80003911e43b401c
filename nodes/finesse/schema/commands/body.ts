import { clip, isPlainObject } from '../../../shared/describe';
import { formatCallVariables } from './call-variables';
import { ARGUMENT_SEPARATORS, refuseCharacters } from './characters';
import { CommandArgumentError } from './errors';
import type { CommandArgument, FinesseCommand } from './types';
import { argumentText } from './values';

/** Arguments as a request gives them: in documented order, or by CommandArgument.name. */
export type CommandArgs = readonly unknown[] | Record<string, unknown>;

/**
 * The JMS body of a catalogue command (digest §1.3): the arguments joined by `,` in documented
 * order, '' when there are none. Missing optional arguments at the end are left out (Connect
 * without SSO sends two arguments); a missing one in the middle leaves its slot empty.
 */
export function encodeBody(command: FinesseCommand, args: CommandArgs | undefined): string {
  const values = orderedValues(command, args);
  const texts = command.args.map((argument, index) => argumentBodyText(command, argument, values[index]));
  while (texts.length > 0 && texts[texts.length - 1] === undefined) texts.pop();
  return texts.map((text) => text ?? '').join(',');
}

function argumentBodyText(command: FinesseCommand, argument: CommandArgument, value: unknown): string | undefined {
  const what = `${command.name}: ${argument.name}`;
  if (argument.format === 'call-variables') {
    if (value === undefined || value === null) throw missing(command, argument);
    return formatCallVariables(value, what, argument.name);
  }
  const text = argumentText(value, what, argument.name);
  if (argument.literal !== undefined) {
    if (text !== undefined && text !== argument.literal) {
      throw new CommandArgumentError(`${what} must be ${argument.literal} (or left out)`, argument.name);
    }
    return argument.literal;
  }
  if (text === undefined) {
    if (argument.required) throw missing(command, argument);
    return undefined;
  }
  refuseCharacters(text, ARGUMENT_SEPARATORS, what, argument.name);
  return text;
}

function missing(command: FinesseCommand, argument: CommandArgument): CommandArgumentError {
  return new CommandArgumentError(`${command.name}: ${argument.name} (${argument.label}) is required`, argument.name);
}

/** The given values lined up with command.args. */
function orderedValues(command: FinesseCommand, args: CommandArgs | undefined): unknown[] {
  if (args === undefined || args === null) return [];
  if (Array.isArray(args)) {
    if (args.length > command.args.length) {
      throw new CommandArgumentError(`${command.name} takes ${describeArity(command)}, got ${args.length}`, 'args');
    }
    return [...args];
  }
  if (isPlainObject(args)) return namedValues(command, args);
  throw new CommandArgumentError(`${command.name}: args must be an array in documented order or an object of named arguments`, 'args');
}

/** Names match case-insensitively, so the document's spelling (`Dialog_ID`) works as well as `dialog_id`. */
function namedValues(command: FinesseCommand, args: Record<string, unknown>): unknown[] {
  const values: unknown[] = [];
  const seen = new Set<number>();
  for (const [key, value] of Object.entries(args)) {
    const index = command.args.findIndex((argument) => argument.name.toLowerCase() === key.toLowerCase());
    if (index < 0) {
      throw new CommandArgumentError(`${command.name} has no argument "${clip(key)}"; it takes ${describeArity(command)}`, 'args');
    }
    if (seen.has(index)) throw new CommandArgumentError(`${command.name}: ${command.args[index].name} is given twice`, command.args[index].name);
    seen.add(index);
    values[index] = value;
  }
  return values;
}

function describeArity(command: FinesseCommand): string {
  if (command.args.length === 0) return 'no arguments';
  return `${command.args.length} argument${command.args.length === 1 ? '' : 's'} (${command.args.map((a) => a.name).join(', ')})`;
}
