/**
 * Builds, from one field table, both halves of an object's normalisation: the zod schema of its
 * values and the key table that renames its members (keys.ts). Keeping them in one declaration
 * is what guarantees every canonical name the renamer produces is a field the schema types.
 *
 * Objects are loose: members no table lists survive. Every field is optional and nullable; the
 * parser reports a missing identifying field as a warning, never as a rejection.
 */
import { z } from 'zod';
import { expected, type Kind } from './fields';
import { keyTable, type Child } from './keys';

/** An object-valued field: its schema (without null/absence) and how its members are renamed. */
interface Nested<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly child: Child;
}

type Field = Kind | Nested;
type FieldSchema<F> = F extends Nested<infer S> ? z.ZodOptional<z.ZodNullable<S>> : F extends Kind<infer S> ? S : never;
type ShapeOf<F extends Record<string, Field>> = { -readonly [K in keyof F]: FieldSchema<F[K]> };

function build<F extends Record<string, Field>>(scope: string, labelPrefix: string, fields: F, aliases: Readonly<Record<string, string>>) {
  const shape: Record<string, z.ZodType> = {};
  const children = new Map<string, Child>();
  for (const [name, field] of Object.entries(fields)) {
    if (typeof field === 'function') {
      shape[name] = field(labelPrefix + name);
    } else {
      shape[name] = field.schema.nullish();
      children.set(name, field.child);
    }
  }
  return {
    schema: z.looseObject(shape as ShapeOf<F>, expected('an object')),
    table: keyTable(scope, Object.keys(fields), aliases, children),
  };
}

/** A nested vendor class (`JobHandlerInfo`, `CallQueue`, …); warnings name fields `Class.field`. */
export function nested<F extends Record<string, Field>>(className: string, fields: F, aliases: Readonly<Record<string, string>> = {}) {
  const { schema, table } = build(className, `${className}.`, fields, aliases);
  return { schema, child: { table, map: false } } satisfies Nested;
}

/** A family's top-level record; its warnings name fields bare, as the family's table does. */
export function eventRecord<F extends Record<string, Field>>(family: string, fields: F, aliases: Readonly<Record<string, string>> = {}) {
  return build(`${family} record`, '', fields, aliases);
}

export function listOf<S extends z.ZodType>(item: Nested<S>) {
  return { schema: z.array(item.schema, expected('an array')), child: item.child } satisfies Nested;
}

/** A map from open keys (completion-code ids) to one vendor class. */
export function mapOf<S extends z.ZodType>(item: Nested<S>) {
  return { schema: z.record(z.string(), item.schema, expected('an object')), child: { table: item.child.table, map: true } } satisfies Nested;
}

/** A member the document types "object/array": one object or a list of them. */
export function oneOrList<S extends z.ZodType>(item: Nested<S>) {
  return { schema: z.union([item.schema, z.array(item.schema)], expected('an object or an array of objects')), child: item.child } satisfies Nested;
}
