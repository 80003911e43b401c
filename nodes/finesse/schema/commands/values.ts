import { jsonType } from '../../../shared/describe';
import { CommandArgumentError } from './errors';

/**
 * One argument value as body text: strings as given, finite numbers and booleans stringified.
 * Returns undefined for "not given" (undefined, null or ''), which the caller treats as missing.
 */
export function argumentText(value: unknown, what: string, argument: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return scalarText(value, what, argument);
}

/** Like argumentText, but '' is a value (a call variable may be cleared) and null/undefined are refused. */
export function scalarText(value: unknown, what: string, argument: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    throw new CommandArgumentError(`${what} must be a finite number`, argument);
  }
  throw new CommandArgumentError(`${what} must be a string, number or boolean (got ${jsonType(value)})`, argument);
}
