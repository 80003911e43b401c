import { CommandArgumentError } from './errors';

/**
 * Character rules of the GC wire format (digest §1.3). GC has no escaping: `#` separates the
 * command from its target and `,` the body's arguments, and a STOMP frame cannot carry a line
 * break in its type header or a NUL in its body. Offenders are refused, never mangled.
 */

const FRAME_BREAKERS: ReadonlyArray<[string, string]> = [
  ['\r', 'a carriage return (CR)'],
  ['\n', 'a line feed (LF)'],
  ['\0', 'a NUL character'],
];

/** Characters that would cut an argument into two. */
export const ARGUMENT_SEPARATORS = ',#';

/** Throws unless `text` is free of CR, LF, NUL and every character of `forbidden`. */
export function refuseCharacters(text: string, forbidden: string, what: string, argument: string): void {
  for (const [character, description] of FRAME_BREAKERS) {
    if (text.includes(character)) throw new CommandArgumentError(`${what} contains ${description}`, argument);
  }
  for (const character of forbidden) {
    if (text.includes(character)) throw new CommandArgumentError(`${what} contains '${character}'`, argument);
  }
}

/** The agent id or client destination after `#`: non-empty, one token. */
export function checkTarget(value: string, what: string, argument: string): void {
  if (value === '') throw new CommandArgumentError(`${what} is empty`, argument);
  refuseCharacters(value, ARGUMENT_SEPARATORS, what, argument);
  if (/\s/.test(value)) throw new CommandArgumentError(`${what} contains whitespace`, argument);
}
