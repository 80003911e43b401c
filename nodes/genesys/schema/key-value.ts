/**
 * Key-value lists (`Extensions`, `Reasons`, `UserData`). In T-Library these are ordered lists of
 * pairs whose keys may repeat; the seed does not say how they are serialised, so the object form,
 * both pair-array forms and a double-encoded JSON string of either are accepted and flattened to
 * a plain object.
 */
import { clip, isPlainObject, jsonType } from '../../shared/describe';

export type KeyValueList = Record<string, unknown>;

export type KeyValueResult =
  | { value: KeyValueList; warnings?: string[] }
  | { error: string; path: (string | number)[] };

const SHAPES = 'an object, an array of {key, value} or [key, value] pairs, or a JSON string of those';

/** Assigning `__proto__` would replace the prototype instead of adding a member. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function normalizeKeyValue(attribute: string, raw: unknown): KeyValueResult {
  if (isPlainObject(raw)) return { value: raw };
  if (Array.isArray(raw)) return fromPairs(attribute, raw);
  if (typeof raw === 'string') return fromJsonText(attribute, raw);
  return { error: `expected a key-value list: ${SHAPES} (got ${jsonType(raw)})`, path: [] };
}

function fromJsonText(attribute: string, text: string): KeyValueResult {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      return { error: `is a string that looks like JSON but does not parse: ${clip((err as Error).message)}`, path: [] };
    }
    // Decoded once only: a string inside a string is not a list.
    if (isPlainObject(parsed)) return { value: parsed };
    if (Array.isArray(parsed)) return fromPairs(attribute, parsed);
  }
  return { error: `expected a key-value list: ${SHAPES} (got the string "${clip(text)}")`, path: [] };
}

function fromPairs(attribute: string, items: unknown[]): KeyValueResult {
  const out: KeyValueList = {};
  let warnings: string[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let key: unknown;
    let value: unknown;
    if (Array.isArray(item) && item.length === 2) {
      [key, value] = item;
    } else if (isPlainObject(item)) {
      key = item.key ?? item.Key ?? item.name;
      value = 'value' in item ? item.value : item.Value;
    } else {
      return { error: `expected a {key, value} object or a [key, value] pair (got ${jsonType(item)})`, path: [i] };
    }
    if (typeof key === 'number') key = String(key);
    if (typeof key !== 'string' || key === '') {
      return { error: 'has no key: expected a non-empty string in "key" or as the first element of the pair', path: [i] };
    }
    if (Object.hasOwn(out, key)) (warnings ??= []).push(`${attribute} has key "${clip(key)}" more than once; the last value was kept`);
    setOwn(out, key, value);
  }
  return warnings === undefined ? { value: out } : { value: out, warnings };
}
