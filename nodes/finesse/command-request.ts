import type { NodeMessage } from '../shared/node/node-red';
import { isUnset, resolveInput } from '../shared/node/input-precedence';
import { CommandArgumentError, RAW_COMMAND, encodeCommand, findCommand, type EncodedCommand, type FinesseCommand } from './schema/commands';
import type { GcCommand } from './client/gc-session';
import { commandArguments, type SetArgument } from './command-arguments';

export interface CommandNodeSettings {
  /** The node's Command: a catalogue name, "raw", or empty to take msg.command. */
  command: string;
  /** The agent of the node's cc-finesse-agent; empty to take msg.agentId. */
  agentId?: string;
  /** Argument values the node's dialog sets for its own command, by argument name. */
  args?: Record<string, unknown>;
  /** The login arguments the agent node sets for its own agent (password, extension, dial number). */
  loginArguments: Record<string, string>;
  clientDestination: string;
  timeoutMs: number;
}

export interface CommandRequest {
  name: string;
  encoded: EncodedCommand;
  command: GcCommand;
}

/**
 * The commands whose arguments the agent node can supply (its password and extension, the session's
 * destination). Other commands name other parties' extensions, which must never default to this agent's.
 */
export const LOGIN_COMMANDS = new Set(['Connect', 'Login', 'MobileAgentLogin']);

/**
 * Turns an input message into the GC command to send, by the rule every node of the pack follows: what the node
 * sets (its command, its agent, its arguments) is what it sends; msg.command, msg.agentId and msg.payload fill
 * only what it leaves empty, and a message asking for something else is refused (InputConflictError). Raw mode is
 * the node's choice alone. The encoder checks the result, so nothing malformed ever reaches GC. Errors name
 * arguments, never a secret's value.
 */
export function commandRequest(msg: NodeMessage, settings: CommandNodeSettings): CommandRequest {
  const command = resolveCommand(msg.command, settings.command);
  const agent = resolveInput<string>({ label: 'agent', property: 'msg.agentId', configured: settings.agentId, given: msg.agentId, read: (v) => String(v).trim() });
  const agentId = agent.value;
  if (command === RAW_COMMAND) return rawRequest(msg.payload, agentId, settings.timeoutMs);
  const set = nodeArguments(command, settings, !isUnset(settings.command), agent.from === 'node');
  const args = commandArguments(command, msg.payload, set, agentId);
  const encoded = encodeCommand({
    command: command.name,
    agentId: command.target === 'agent' ? agentId : undefined,
    destination: command.target === 'destination' ? settings.clientDestination : undefined,
    args,
  });
  const target = command.target === 'agent' ? ` for agent ${agentId}` : '';
  return {
    name: command.name,
    encoded,
    command: {
      type: encoded.type,
      body: encoded.body,
      agentId: command.target === 'agent' ? agentId : undefined,
      expectsReply: command.expectsReply,
      replyTypes: command.replyTypes,
      timeoutMs: settings.timeoutMs,
      describe: `${command.name}${target}`,
    },
  };
}

/** The node's command, else the message's; raw only when the node is set to it. */
function resolveCommand(given: unknown, configured: string): FinesseCommand | typeof RAW_COMMAND {
  const { value, from } = resolveInput<string>({
    label: 'command',
    property: 'msg.command',
    configured,
    given,
    read: (v) => String(v).trim(),
    same: (a, b) => canonical(a) === canonical(b),
  });
  if (value === undefined) throw new CommandArgumentError('no command: choose one in the node or set msg.command', 'command');
  if (value.toLowerCase() === RAW_COMMAND) {
    if (from === 'node') return RAW_COMMAND;
    throw new CommandArgumentError(
      'msg.command asks for a raw command, which a message cannot choose: raw must be chosen in the node itself ' +
      '(Command: raw), so only the flow\'s author decides that a node sends GC whatever type and body it is given', 'command');
  }
  const known = findCommand(value);
  if (!known) throw new CommandArgumentError(`unknown command "${value}": use one of the node's list`, 'command');
  return known;
}

/** A command's one name, whichever spelling (name, wire type, alias, case) asks for it. */
function canonical(name: string): string {
  if (name.toLowerCase() === RAW_COMMAND) return RAW_COMMAND;
  return findCommand(name)?.name ?? name.toLowerCase();
}

/**
 * The arguments set outside the message: the GC node's client destination and, for the agent node's own agent,
 * its login arguments (Connect, Login, MobileAgentLogin only); then the node's dialog values for its own command.
 */
function nodeArguments(command: FinesseCommand, settings: CommandNodeSettings, ownCommand: boolean, ownAgent: boolean): Map<string, SetArgument> {
  const takes = new Set(command.args.map((a) => a.name));
  const set = new Map<string, SetArgument>();
  if (LOGIN_COMMANDS.has(command.name)) {
    if (takes.has('client_destination')) set.set('client_destination', { value: settings.clientDestination, source: 'gc' });
    if (ownAgent) {
      for (const [name, value] of Object.entries(settings.loginArguments)) {
        if (takes.has(name) && !isUnset(value)) set.set(name, { value, source: 'agent' });
      }
    }
  }
  if (!ownCommand) return set;
  for (const [name, value] of Object.entries(settings.args ?? {})) {
    if (isUnset(value)) continue;
    if (!takes.has(name)) throw new CommandArgumentError(`this node sets the argument ${name}, which ${command.name} does not take: open the node and save it again`, name);
    set.set(name, { value, source: 'node' });
  }
  return set;
}

/** Raw mode: msg.payload = { type, body } sent as given; the agent (node or msg.agentId) only matches the reply. */
function rawRequest(payload: unknown, agentId: string | undefined, timeoutMs: number): CommandRequest {
  const given = (payload ?? {}) as { type?: unknown; body?: unknown };
  const encoded = encodeCommand({ command: RAW_COMMAND, rawType: stringOrUndefined(given.type), rawBody: stringOrUndefined(given.body) });
  return { name: RAW_COMMAND, encoded, command: { type: encoded.type, body: encoded.body, agentId, expectsReply: true, timeoutMs, describe: `raw command ${encoded.type}` } };
}

function stringOrUndefined(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}
