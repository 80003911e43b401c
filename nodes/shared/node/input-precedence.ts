/**
 * Which value a node uses when both its dialog and the incoming message may name one (the command to send,
 * the agent, a query's locale, ...). Node-RED's own nodes (http request, mqtt out) set the rule every node of
 * the pack follows: a value set in the node wins, and the message supplies only what the node leaves empty.
 * A message that asks for a different value than the configured one is refused rather than silently
 * ignored, so a flow that relies on the message is told at once that the node does not listen.
 */

export class InputConflictError extends Error {
  readonly code = 'input-conflict';
}

export interface InputRule<T> {
  /** What a person calls the setting in the node's dialog, e.g. "command". */
  label: string;
  /** Where a message supplies it, e.g. "msg.command". */
  property: string;
  /** The node's own value; undefined, null or a blank string mean "from the message". */
  configured: T | undefined | null;
  /** What the message carries at `property`. */
  given: unknown;
  /** Reads the message's value as T (may throw an Error a person can act on); strings are trimmed by default. */
  read?: (given: unknown) => T;
  /** Whether a message's value names the configured one (default: ===; strings compared ignoring case). */
  same?: (configured: T, given: T) => boolean;
}

export interface ResolvedInput<T> {
  value: T | undefined;
  /** Where the value came from: the node's dialog, the message, or neither. */
  from: 'node' | 'message' | 'none';
}

/** Empty in the sense of "not set": a dialog field left blank, a message property absent. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readDefault<T>(given: unknown): T {
  return (typeof given === 'string' ? given.trim() : given) as T;
}

function sameDefault<T>(a: T, b: T): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/**
 * Decides one setting. Throws InputConflictError when the node has a value and the message asks for another,
 * naming what the node does and how to let messages choose.
 */
export function resolveInput<T>(rule: InputRule<T>): ResolvedInput<T> {
  const read = rule.read ?? readDefault;
  const configured = isUnset(rule.configured) ? undefined : (rule.configured as T);
  const given = isUnset(rule.given) ? undefined : read(rule.given);
  if (configured === undefined) return given === undefined ? { value: undefined, from: 'none' } : { value: given, from: 'message' };
  if (given !== undefined && !(rule.same ?? sameDefault)(configured, given)) {
    throw new InputConflictError(
      `this node is set to ${rule.label} ${shown(configured)}, but ${rule.property} asks for ${shown(given)}: ` +
      `a value set in the node is never replaced by a message (leave ${rule.label} empty in the node to let messages choose)`);
  }
  return { value: configured, from: 'node' };
}
