import type { NodeMessage } from '../shared/node/node-red';
import { CommandArgumentError, encodeCommand, findCommand, type EncodedCommand } from './schema/commands';
import type { GcCommand } from './client/gc-session';

export interface CommandNodeSettings {
  /** The command from the editor; msg.command wins. */
  command: string;
  /** The agent from the editor's cc-finesse-agent; msg.agentId wins. */
  agentId?: string;
  /** Values the agent config node holds for arguments (password, extension), used where msg.payload leaves them out. */
  argumentDefaults: Record<string, string>;
  clientDestination: string;
  timeoutMs: number;
}

export interface CommandRequest {
  name: string;
  encoded: EncodedCommand;
  command: GcCommand;
}

const RAW = 'raw';

/**
 * The commands whose arguments the agent node can supply (its password and extension, the session's
 * destination). Other commands name other parties' extensions, which must never default to this agent's.
 */
export const LOGIN_COMMANDS = new Set(['Connect', 'Login', 'MobileAgentLogin']);

/**
 * Turns an input message into the GC command to send: the command and agent from msg or the editor, the
 * arguments from msg.payload (named fields in documented order, or an array), checked by the encoder so
 * nothing malformed ever reaches GC. Throws CommandArgumentError with a message a person can act on.
 */
export function commandRequest(msg: NodeMessage, settings: CommandNodeSettings): CommandRequest {
  const name = String(msg.command || settings.command || '').trim();
  if (!name) throw new CommandArgumentError('no command: choose one in the node or set msg.command');
  const agentId = msg.agentId !== undefined && msg.agentId !== '' ? String(msg.agentId) : settings.agentId;
  if (name.toLowerCase() === RAW) {
    const payload = (msg.payload ?? {}) as { type?: unknown; body?: unknown };
    const encoded = encodeCommand({ command: RAW, rawType: stringOrUndefined(payload.type), rawBody: stringOrUndefined(payload.body) });
    return { name: RAW, encoded, command: { type: encoded.type, body: encoded.body, agentId, expectsReply: true, timeoutMs: settings.timeoutMs, describe: `raw command ${encoded.type}` } };
  }
  const known = findCommand(name);
  if (!known) throw new CommandArgumentError(`unknown command "${name}": use one of the node's list, or "raw"`);
  // The agent node's password and extension belong to its own agent only, never to one msg.agentId names.
  const ownAgent = agentId === settings.agentId;
  const defaults = LOGIN_COMMANDS.has(known.name) ? { ...(ownAgent ? settings.argumentDefaults : {}), client_destination: settings.clientDestination } : {};
  const args = withDefaults(known.args.map((a) => a.name), msg.payload, defaults);
  const encoded = encodeCommand({
    command: known.name,
    agentId: known.target === 'agent' ? agentId : undefined,
    destination: known.target === 'destination' ? settings.clientDestination : undefined,
    args,
  });
  const target = known.target === 'agent' ? ` for agent ${agentId}` : '';
  return {
    name: known.name,
    encoded,
    command: {
      type: encoded.type,
      body: encoded.body,
      agentId: known.target === 'agent' ? agentId : undefined,
      expectsReply: known.expectsReply,
      replyTypes: known.replyTypes,
      timeoutMs: settings.timeoutMs,
      describe: `${known.name}${target}`,
    },
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** Named arguments the message leaves out are taken from the agent node (password, extension) and the session (destination). */
function withDefaults(names: string[], payload: unknown, defaults: Record<string, string>): unknown[] | Record<string, unknown> | undefined {
  // An Inject node's timestamp is no argument: commands without arguments ignore whatever the payload is.
  if (names.length === 0) return undefined;
  if (Array.isArray(payload)) return payload;
  const given = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  if (payload !== undefined && payload !== null && typeof payload !== 'object' && payload !== '') {
    if (names.length === 1) return [payload];
    throw new CommandArgumentError(`msg.payload must be an object with the named arguments (${names.join(', ')}) or an array in that order`);
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) args[key] = value;
  const givenNames = new Set(Object.keys(given).map((key) => key.toLowerCase()));
  for (const name of names) if (!givenNames.has(name.toLowerCase()) && defaults[name] !== undefined) args[name] = defaults[name];
  return args;
}
