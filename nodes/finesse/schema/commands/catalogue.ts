import { CALL_COMMANDS } from './call-commands';
import { OUTBOUND_COMMANDS } from './outbound-commands';
import { SESSION_COMMANDS } from './session-commands';
import { SUPERVISOR_COMMANDS } from './supervisor-commands';
import type { FinesseCommand } from './types';

/**
 * Every command of digest §3, in the document's order of sections. Frozen: several nodes share
 * these objects, and one editing a row would change what another sends.
 */
export const FINESSE_COMMANDS: readonly FinesseCommand[] = Object.freeze(
  [...SESSION_COMMANDS, ...CALL_COMMANDS, ...SUPERVISOR_COMMANDS, ...OUTBOUND_COMMANDS].map(freezeCommand),
);

/**
 * Lookup key: case, blanks, `_` and `-` ignored, so the document's headings ("Get_Queue_Info",
 * "Mobile Agent Login") and its casing variants (`Conferencecall`, `logoutwithreason`) all resolve.
 */
export function lookupKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_KEY: ReadonlyMap<string, FinesseCommand> = indexCommands(FINESSE_COMMANDS);

/** The command by its name, its wire type or one of its aliases; undefined when none matches. */
export function findCommand(name: string): FinesseCommand | undefined {
  return BY_KEY.get(lookupKey(name));
}

function indexCommands(commands: readonly FinesseCommand[]): Map<string, FinesseCommand> {
  const index = new Map<string, FinesseCommand>();
  for (const command of commands) {
    for (const key of new Set([command.name, command.type, ...(command.aliases ?? [])].map(lookupKey))) {
      const taken = index.get(key);
      if (taken) throw new Error(`Finesse command catalogue: "${key}" names both ${taken.name} and ${command.name}`);
      index.set(key, command);
    }
  }
  return index;
}

function freezeCommand(command: FinesseCommand): FinesseCommand {
  command.args.forEach((argument) => Object.freeze(argument));
  for (const list of [command.args, command.replyTypes, command.secretArgs, command.aliases]) if (list) Object.freeze(list);
  return Object.freeze(command);
}
