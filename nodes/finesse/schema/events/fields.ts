/**
 * Readers for the encodings inside GC event fields (digest §1.7, §4.7): `Key:value` prefixes,
 * comma lists, `True|False` flags, counts and keyed item lists. Pure string work, no zod.
 */
import { clip } from '../../../shared/describe';
import type { KeyedItem } from './payload-parts';

const DIGITS_RE = /^\d+$/;

/** The value after `prefix` (matched in any case), or undefined when the field does not start with it. */
export function stripPrefix(field: string, prefix: string): string | undefined {
  if (field.startsWith(prefix)) return field.slice(prefix.length).trim();
  // Every prefix starts with a letter: comparing its first letter caselessly turns most fields away cheaply.
  if (field.length < prefix.length || (field.charCodeAt(0) | 0x20) !== (prefix.charCodeAt(0) | 0x20)) return undefined;
  return field.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() ? field.slice(prefix.length).trim() : undefined;
}

/** A comma list of names or IDs; blank entries (a trailing comma, the document's stray blanks) are dropped. */
export function listOf(field: string | undefined): string[] {
  if (field === undefined) return [];
  const items: string[] = [];
  for (const item of field.split(',')) {
    const value = item.trim();
    if (value !== '') items.push(value);
  }
  return items;
}

/** A comma list whose positions matter (reason codes beside their labels): blanks are kept, an empty field is no entries. */
export function columns(field: string | undefined): string[] {
  if (field === undefined || field.trim() === '') return [];
  return field.split(',').map((item) => item.trim());
}

/** `True`/`False` in any case (§1.7); undefined for anything else. */
export function flag(field: string | undefined): boolean | undefined {
  const value = field?.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A documented count as a number; text that is not one is kept as sent, with a warning. */
export function countOf(field: string, what: string, warnings: string[]): number | string {
  if (DIGITS_RE.test(field) && field.length < 16) return Number(field);
  warnings.push(`${what} "${clip(field)}" is not a number; kept as text`);
  return field;
}

/** Sets a key even when it is `__proto__`, which plain assignment would swallow. */
export function setEntry(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** The vendor's key names as payload keys: lower camelCase, with `loginID`-style acronyms folded. */
export function camelKey(key: string): string {
  const folded = key.endsWith('ID') ? `${key.slice(0, -2)}Id` : key;
  return folded.charAt(0).toLowerCase() + folded.slice(1);
}

export interface KeyedListFormat {
  /** Splits one item into its `key<sep>value` pieces. */
  pieces: RegExp;
  /** Between key and value: the first occurrence counts, so values may contain it (times hold `:`). */
  separator: string;
}

/**
 * Items such as `LoginId=1,Name=Sara Khan Extension=5001|LoginId=2,…` (§4.7). Items are split on
 * `|`; a piece without a key continues the previous value (a comma inside a name); a key seen
 * again in the same item starts a new one, for lists that separate items with the same comma.
 */
export function keyedItems(segments: readonly string[], format: KeyedListFormat): KeyedItem[] {
  const items: KeyedItem[] = [];
  for (const segment of segments) {
    for (const entry of segment.split('|')) {
      let item: KeyedItem | undefined;
      let lastKey: string | undefined;
      for (const piece of entry.split(format.pieces)) {
        const at = piece.indexOf(format.separator);
        if (at <= 0) {
          if (item !== undefined && lastKey !== undefined && piece.trim() !== '') item[lastKey] += `,${piece}`;
          continue;
        }
        const key = camelKey(piece.slice(0, at).trim());
        if (item === undefined || Object.prototype.hasOwnProperty.call(item, key)) items.push((item = {}));
        setEntry(item, key, piece.slice(at + 1).trim());
        lastKey = key;
      }
    }
  }
  return items;
}

/** `key:value` / `key=value` pairs wherever they appear in the segments (QueueList, whose layout was lost). */
export function pairsIn(segments: readonly string[]): KeyedItem {
  const pairs: KeyedItem = {};
  for (const segment of segments) {
    for (const piece of segment.split(/[,|]/)) {
      const match = /^\s*([A-Za-z_][\w.]*)\s*[:=](.*)$/.exec(piece);
      if (match !== null) setEntry(pairs, match[1], match[2].trim());
    }
  }
  return pairs;
}
