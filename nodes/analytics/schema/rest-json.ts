/**
 * The first steps of every REST response parser: the body must be JSON, and a list may come bare
 * or wrapped in an object. Error messages name the response and the JSON type, never the body,
 * which may carry a token.
 */
import { isPlainObject, jsonType } from '../../shared/describe';

export function parsedJson(text: string, what: string): unknown {
  if (typeof text !== 'string') throw new Error(`${what} is not text (got ${jsonType(text)})`);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw new Error(`${what} is empty; expected JSON`);
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
}

export function parsedObject(text: string, what: string): Record<string, unknown> {
  const root = parsedJson(text, what);
  if (!isPlainObject(root)) throw new Error(`${what} is not a JSON object (got ${jsonType(root)})`);
  return root;
}

/**
 * The entries of a list response. The vendor's shapes are undocumented (digest §16.3), so besides
 * a bare array this takes an object whose member named in `wrappers` holds the array, else an
 * object with exactly one array member, else a lone object holding `idField`, read as a list of one.
 */
export function listEntries(root: unknown, what: string, wrappers: readonly string[], idField?: string): unknown[] {
  if (Array.isArray(root)) return root;
  if (isPlainObject(root)) {
    for (const key of wrappers) if (Array.isArray(root[key])) return root[key] as unknown[];
    const arrays = Object.values(root).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0];
    if (idField !== undefined && root[idField] !== undefined) return [root];
    const members = Object.keys(root).slice(0, 5).join(', ');
    throw new Error(`${what} holds no list (an object with ${members === '' ? 'no members' : `members ${members}`})`);
  }
  throw new Error(`${what} is not a JSON list (got ${jsonType(root)})`);
}

/** An id-like value: a non-empty string, or a number written out (ids and versions such as 3.5 arrive as numbers). */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
