/**
 * Wording helpers for warnings and failure messages. Messages quote at most a short slice of a
 * value, so an oversized or sensitive record never ends up copied into logs.
 */
const MAX_QUOTE = 40;
const MAX_MESSAGE_PART = 150;

export function clip(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

/** For longer parts of a message (a parser's own error text, a list of member names). */
export function clipLong(text: string): string {
  return text.length > MAX_MESSAGE_PART ? `${text.slice(0, MAX_MESSAGE_PART)}…` : text;
}

/** JSON-flavoured type name: tells array and null apart, which `typeof` folds into "object". */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value as a message shows it: strings quoted and clipped, numbers and booleans as written, anything else by its type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : jsonType(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
