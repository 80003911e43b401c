import { clip, isPlainObject } from '../../../shared/describe';
import { refuseCharacters } from './characters';
import { CommandArgumentError } from './errors';
import { scalarText } from './values';

/**
 * The variable list of update_call_variable: `name=value|name=value` (digest §1.3). The document
 * prints `| ` with a blank, taken as typography: a preformatted list has blanks around `|` trimmed.
 */

/** Characters that would break the list apart; `#` and `,` as in every argument. */
const LIST_SEPARATORS = '|=,#';

export function formatCallVariables(value: unknown, what: string, argument: string): string {
  const pairs = variablePairs(value, what, argument);
  if (pairs.length === 0) throw new CommandArgumentError(`${what} is an empty list: give at least one name=value`, argument);
  return pairs
    .map(([name, raw]) => {
      if (typeof name !== 'string' || name === '') throw new CommandArgumentError(`${what} has a variable without a name`, argument);
      const quotedName = `"${clip(name)}"`;
      refuseCharacters(name, LIST_SEPARATORS, `${what}: the name ${quotedName}`, argument);
      const text = scalarText(raw, `${what}: the value of ${quotedName}`, argument);
      refuseCharacters(text, LIST_SEPARATORS, `${what}: the value of ${quotedName}`, argument);
      return `${name}=${text}`;
    })
    .join('|');
}

function variablePairs(value: unknown, what: string, argument: string): Array<[unknown, unknown]> {
  if (typeof value === 'string') return parsePreformatted(value, what, argument);
  if (Array.isArray(value)) {
    return value.map((entry) => {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw new CommandArgumentError(`${what} as an array must hold [name, value] pairs`, argument);
      }
      return [entry[0], entry[1]];
    });
  }
  if (isPlainObject(value)) return Object.entries(value);
  throw new CommandArgumentError(`${what} must be an object {name: value}, an array of [name, value] or a "name=value|..." string`, argument);
}

function parsePreformatted(text: string, what: string, argument: string): Array<[string, string]> {
  if (text.trim() === '') return [];
  return text.split('|').map((item) => {
    const pair = item.trim();
    const equals = pair.indexOf('=');
    if (equals < 0) throw new CommandArgumentError(`${what} has an entry without '=' (expected name=value|name=value)`, argument);
    return [pair.slice(0, equals), pair.slice(equals + 1)];
  });
}
