/**
 * Member-name normalisation (digest §3.4, §7). The vendor tables print some names capitalised
 * (`Address`, `Subtype`), run together (`Jobstarttime`), lower-cased (`pimsessionid`) or with OCR
 * errors (`zoneld`), while the one real sample uses lowerCamelCase. Every member is matched
 * case-insensitively, blind to spaces, `_`, `-` and `.`, plus a per-object alias list, and renamed
 * to the single canonical spelling of its object's field table. Members no table knows are kept.
 */
import { isPlainObject } from '../../shared/describe';

/** How a nested member's value is walked: one object (or a list of them), or a map of them. */
export interface Child {
  readonly table: KeyTable;
  readonly map: boolean;
}

export interface KeyTable {
  /** The vendor's class name (or family), used to say where a warning comes from. */
  readonly scope: string;
  /** Canonical name → how its value is walked (null: a scalar). One lookup per canonical member. */
  readonly fields: ReadonlyMap<string, Child | null>;
  readonly folded: ReadonlyMap<string, string>;
}

const FOLD_RE = /[\s_.\-]/g;
const hasOwnProperty = Object.prototype.hasOwnProperty;

export function foldName(name: string): string {
  return name.toLowerCase().replace(FOLD_RE, '');
}

/**
 * Folded spelling → canonical name, for the names themselves and for `aliases` (further spellings:
 * misspellings, renamed fields). Spellings that differ only by case or separators need no alias.
 */
export function foldIndex(scope: string, names: readonly string[], aliases: Readonly<Record<string, string>>): Map<string, string> {
  const folded = new Map<string, string>();
  const add = (spelling: string, name: string) => {
    const key = foldName(spelling);
    const clash = folded.get(key);
    // A table mistake would silently turn one name into another; fail at module load instead.
    if (clash !== undefined && clash !== name) throw new Error(`${scope}: "${spelling}" folds onto both ${clash} and ${name}`);
    folded.set(key, name);
  };
  for (const name of names) add(name, name);
  for (const [alias, name] of Object.entries(aliases)) add(alias, name);
  return folded;
}

export function keyTable(
  scope: string,
  names: readonly string[],
  aliases: Readonly<Record<string, string>>,
  children: ReadonlyMap<string, Child>,
): KeyTable {
  return { scope, fields: new Map(names.map((name) => [name, children.get(name) ?? null])), folded: foldIndex(scope, names, aliases) };
}

/**
 * `record` with its members renamed, recursing into the nested objects its table knows. A record
 * that already uses the canonical spellings is returned as it is (nested objects are updated in
 * place: the record is the caller's freshly parsed JSON); one that does not is copied with the new
 * names in the same order, since deleting members would slow every later read of the object.
 * When two spellings of one field are present the canonical one wins and the other is kept under
 * its own name, with a warning.
 */
export function normalizeKeys(record: Record<string, unknown>, table: KeyTable, warnings: string[]): Record<string, unknown> {
  let renames: Map<string, string> | undefined;
  // for...in with this form of the own-member test: V8 folds the test away and reads
  // `record[member]` from the enumeration cache.
  for (const member in record) {
    if (!hasOwnProperty.call(record, member)) continue;
    const child = table.fields.get(member);
    if (child !== undefined) {
      if (child !== null) descend(record, member, child, warnings);
      continue;
    }
    const canonical = table.folded.get(foldName(member));
    if (canonical !== undefined) (renames ??= new Map()).set(member, canonical);
  }
  return renames === undefined ? record : renamed(record, renames, table, warnings);
}

function renamed(record: Record<string, unknown>, renames: ReadonlyMap<string, string>, table: KeyTable, warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member in record) {
    if (!hasOwnProperty.call(record, member)) continue;
    const canonical = renames.get(member);
    if (canonical === undefined) {
      setOwn(out, member, record[member]);
    } else if (hasOwnProperty.call(record, canonical) || hasOwnProperty.call(out, canonical)) {
      warnings.push(`${table.scope} member "${member}" is another spelling of ${canonical}, which is also present; kept under its own name`);
      setOwn(out, member, record[member]);
    } else {
      out[canonical] = record[member];
      const child = table.fields.get(canonical);
      if (child != null) descend(out, canonical, child, warnings);
    }
  }
  return out;
}

/** Normalises the object(s) under `holder[member]`, writing back any that were copied. */
function descend(holder: Record<string, unknown>, member: string, child: Child, warnings: string[]): void {
  const value = holder[member];
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isPlainObject(item)) {
        const normalized = normalizeKeys(item, child.table, warnings);
        if (normalized !== item) value[i] = normalized;
      }
    }
  } else if (child.map) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const item = map[key];
      if (!hasOwnProperty.call(map, key) || !isPlainObject(item)) continue;
      const normalized = normalizeKeys(item, child.table, warnings);
      if (normalized !== item) map[key] = normalized;
    }
  } else {
    const normalized = normalizeKeys(value as Record<string, unknown>, child.table, warnings);
    if (normalized !== value) holder[member] = normalized;
  }
}

/** A plain assignment of `__proto__` would set the copy's prototype instead of a member. */
function setOwn(target: Record<string, unknown>, member: string, value: unknown): void {
  if (member === '__proto__') Object.defineProperty(target, member, { value, enumerable: true, writable: true, configurable: true });
  else target[member] = value;
}
