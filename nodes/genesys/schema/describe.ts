/**
 * Wording helpers for warnings and failure messages. Messages quote at most a short slice of a
 * value so an oversized or sensitive record never ends up copied into logs.
 */
const MAX_QUOTE = 40;

export function clip(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

/** JSON-flavoured type name: distinguishes array and null, which `typeof` folds into "object". */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
