import { clip, isPlainObject } from '../shared/describe';
import { InputConflictError, isUnset, resolveInput } from '../shared/node/input-precedence';
import { CommandArgumentError, type FinesseCommand } from './schema/commands';
import type { CommandArgument } from './schema/commands';

/** Who set an argument outside the message: the command node's dialog, its agent node, or its GC node. */
export type ArgumentSource = 'node' | 'agent' | 'gc';

export interface SetArgument {
  value: unknown;
  source: ArgumentSource;
}

/**
 * A command's arguments by the rule every node of the pack follows: a value set in the node (its dialog, its
 * agent node's login arguments, its GC node's client destination) is always sent; msg.payload fills only the
 * arguments left empty; a message asking for a different value than one set is refused. Values never appear
 * in errors for secret arguments (passwords) nor for those an agent node or a GC node supplies.
 */
export function commandArguments(command: FinesseCommand, payload: unknown, set: ReadonlyMap<string, SetArgument>, agentId?: string): Record<string, unknown> | undefined {
  // An Inject node's timestamp is no argument: commands without arguments ignore whatever the payload is.
  if (command.args.length === 0) return undefined;
  const open = command.args.filter((a) => a.literal === undefined && isUnset(set.get(a.name)?.value)).map((a) => a.name);
  const given = payloadArguments(command, payload, open);
  const values: Record<string, unknown> = {};
  for (const argument of command.args) {
    const value = resolveArgument(command, argument, set.get(argument.name), given.get(argument.name), agentId);
    if (value !== undefined) values[argument.name] = value;
  }
  return values;
}

/**
 * msg.payload as named values: an object of named arguments (names in any case), an array in documented order,
 * or a plain value for the one argument the node leaves empty (ignored when it leaves none: an Inject timestamp).
 */
function payloadArguments(command: FinesseCommand, payload: unknown, open: string[]): Map<string, unknown> {
  const given = new Map<string, unknown>();
  if (isUnset(payload)) return given;
  if (Array.isArray(payload)) {
    if (payload.length > command.args.length) throw new CommandArgumentError(`${command.name} takes ${arity(command)}, got ${payload.length}`, 'args');
    payload.forEach((value, index) => given.set(command.args[index].name, value));
    return given;
  }
  if (isPlainObject(payload)) {
    for (const [key, value] of Object.entries(payload)) {
      const argument = command.args.find((a) => a.name.toLowerCase() === key.toLowerCase());
      if (!argument) throw new CommandArgumentError(`${command.name} has no argument "${clip(key)}"; it takes ${arity(command)}`, 'args');
      if (given.has(argument.name)) throw new CommandArgumentError(`${command.name}: ${argument.name} is given twice`, argument.name);
      given.set(argument.name, value);
    }
    return given;
  }
  if (typeof payload === 'object') throw new CommandArgumentError(`${command.name}: msg.payload must be an object of named arguments or an array in documented order`, 'args');
  if (open.length === 1) given.set(open[0], payload);
  else if (open.length > 1) throw new CommandArgumentError(`msg.payload must be an object with the named arguments (${open.join(', ')}) or an array in documented order`, 'args');
  return given;
}

function resolveArgument(command: FinesseCommand, argument: CommandArgument, set: SetArgument | undefined, given: unknown, agentId?: string): unknown {
  // A fixed token (ACCEPT, REJECT, CLOSE) is the encoder's: it fills it in, or refuses another value.
  if (argument.literal !== undefined) return given;
  try {
    return resolveInput<unknown>({
      label: argument.name,
      property: `msg.payload.${argument.name}`,
      configured: set?.value,
      given,
      read: (value) => value,
      same: (a, b) => valueKey(a) === valueKey(b),
    }).value;
  } catch (err) {
    const secret = command.secretArgs?.includes(argument.name) ?? false;
    if (!(err instanceof InputConflictError) || (set?.source === 'node' && !secret)) throw err;
    throw new InputConflictError(conflict(command, argument.name, set!.source, agentId));
  }
}

/** The conflict said without either value: it may be a password, or a setting of another node. */
function conflict(command: FinesseCommand, name: string, source: ArgumentSource, agentId?: string): string {
  const rule = 'a value set in the node is never replaced by a message';
  switch (source) {
    case 'agent':
      return `${command.name}: the agent node of agent ${agentId ?? ''} sets ${name}, but msg.payload.${name} asks for another value: ` +
        `${rule} (choose no agent in this node to give the login arguments in messages)`;
    case 'gc':
      return `${command.name}: ${name} is the GC node's client destination, but msg.payload.${name} asks for another: ` +
        `${rule} (GC would send the agent's events where this node does not listen)`;
    case 'node':
      return `this node is set to ${name}, but msg.payload.${name} asks for another value: ${rule} (leave ${name} empty in the node to let messages choose)`;
  }
}

/** Values compared as the body will carry them: 12 and "12", true and "true" are the same argument. */
function valueKey(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function arity(command: FinesseCommand): string {
  return `${command.args.length} argument${command.args.length === 1 ? '' : 's'} (${command.args.map((a) => a.name).join(', ')})`;
}
