/**
 * Why a command was refused before anything was sent. Messages name the argument and the
 * offending character or rule, never an argument's value: some values are passwords.
 */
export class CommandArgumentError extends Error {
  /** The argument at fault: a catalogue argument name, or `command`, `agentId`, `destination`, `args`, `rawType`, `rawBody`. */
  readonly argument?: string;

  constructor(message: string, argument?: string) {
    super(message);
    this.name = 'CommandArgumentError';
    this.argument = argument;
  }
}
