/**
 * zod schemas for normalised events. They run after normalize.ts, so they only see values that
 * normalisation could not coerce; their messages therefore say what was expected and what came.
 * `conformsToSchema` gives the same verdict without a zod pass, which the parser uses to spare
 * zod's copy of every well-formed record.
 * Mandatory attributes are optional here on purpose: the seed's M column is reported as a
 * warning by the parser (lenient by default), never as a validation failure.
 */
import { z } from 'zod';
import { GENESYS_EVENT_IDS, type GenesysEventId } from './event-ids';
import { jsonType } from '../../shared/describe';
import { isPlainObject } from '../../shared/describe';
import type { KeyValueList } from './key-value';

function expected(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what} (got ${jsonType(issue.input)})` };
}

/**
 * One attribute type: its zod schema and a predicate that accepts exactly the values the schema
 * accepts. Keeping the two side by side is what lets `conformsToSchema` stand in for a zod pass;
 * the parse tests hold every pair to agreement over a battery of values.
 */
function attributeType<S extends z.ZodType>(schema: S, accepts: (value: unknown) => boolean) {
  return { schema, accepts };
}

const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isNameOrNumber = (value: unknown) => value === undefined || typeof value === 'string' || isFiniteNumber(value);

const identifier = attributeType(z.string(expected('a string or number')).optional(), (value) => value === undefined || typeof value === 'string');
const enumValue = attributeType(z.union([z.string(), z.number()], expected('a name or an integer')).optional(), isNameOrNumber);
const reference = attributeType(z.union([z.number(), z.string()], expected('a number')).optional(), isNameOrNumber);
// z.custom instead of z.record: a record schema copies every entry, and these lists can be large.
const keyValue = attributeType(z.custom<KeyValueList>(isPlainObject, expected('a key-value list')).optional(), isOptionalObject);
const struct = attributeType(z.custom<Record<string, unknown>>(isPlainObject, expected('an object')).optional(), isOptionalObject);
const anything = attributeType(z.unknown().optional(), () => true);
const time = attributeType(
  z
    .object({
      seconds: z.number().int().nonnegative(),
      useconds: z.number().int().min(0).max(999_999),
    })
    .optional(),
  (value) => value === undefined || (isPlainObject(value) && isSeconds(value.seconds) && isMicros(value.useconds)),
);

function isOptionalObject(value: unknown): boolean {
  return value === undefined || isPlainObject(value);
}

// zod's .int() also demands a safe integer.
function isSeconds(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isMicros(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 999_999;
}

/** Every attribute of the topic, typed as it is after normalisation; unknown members pass through. */
const ATTRIBUTE_TYPES = {
  Server: identifier,
  ThisDN: identifier,
  time,
  AgentID: identifier,
  AgentWorkMode: enumValue,
  ThisQueue: identifier,
  CustomerID: identifier,
  ReferenceID: reference,
  Reasons: keyValue,
  Extensions: keyValue,
  InfoStatus: anything,
  InfoType: anything,
  OtherDN: identifier,
  ConnID: identifier,
  CallID: identifier,
  CallState: enumValue,
  CallType: enumValue,
  CallHistory: struct,
  NetworkCallID: identifier,
  NetworkNodeID: identifier,
  ThisDNRole: enumValue,
  ThisTrunk: identifier,
  UserData: keyValue,
};
type AttributeTypes = typeof ATTRIBUTE_TYPES;

// Object.entries keeps the declaration order above, which is the order zod reports issues in.
const ATTRIBUTES = {
  id: z.string(expected('a string')),
  ...(Object.fromEntries(Object.entries(ATTRIBUTE_TYPES).map(([name, t]) => [name, t.schema])) as {
    [K in keyof AttributeTypes]: AttributeTypes[K]['schema'];
  }),
};

/** Any event of the topic, including ids the vendor page does not document. */
export const GenesysEventSchema = z.looseObject(ATTRIBUTES);
export type GenesysEvent = z.output<typeof GenesysEventSchema>;

function eventSchema<K extends GenesysEventId>(id: K) {
  return z.looseObject({ ...ATTRIBUTES, id: z.literal(id) });
}

export type GenesysEventSchemas = { [K in GenesysEventId]: ReturnType<typeof eventSchema<K>> };
export const EVENT_SCHEMAS = Object.fromEntries(GENESYS_EVENT_IDS.map((id) => [id, eventSchema(id)])) as GenesysEventSchemas;

const ACCEPTS: ReadonlyMap<string, (value: unknown) => boolean> = new Map(
  Object.entries(ATTRIBUTE_TYPES).map(([name, t]) => [name, t.accepts]),
);

/**
 * True exactly when `EVENT_SCHEMAS[literalId]` (or, without `literalId`, `GenesysEventSchema`)
 * would accept `payload`, which must be a plain object. The parser only needs zod's verdict, not
 * its copy of the payload, so a conforming payload skips the zod pass; anything else still goes
 * through zod, which words the issues.
 */
export function conformsToSchema(payload: Record<string, unknown>, literalId?: string): boolean {
  if (literalId === undefined ? typeof payload.id !== 'string' : payload.id !== literalId) return false;
  // A schema key the payload lacks reads as undefined for zod too (none is an Object.prototype
  // member), and every attribute but `id` accepts undefined.
  for (const key in payload) {
    const accepts = ACCEPTS.get(key);
    if (accepts !== undefined && !accepts(payload[key])) return false;
  }
  return true;
}

/** The payload type of one documented event, e.g. `GenesysEventOf<'EventAgentReady'>`. */
export type GenesysEventOf<K extends GenesysEventId> = z.output<GenesysEventSchemas[K]>;

/** The seed's M column per event (`id` aside, which the parser already requires). */
export const MANDATORY: Readonly<Record<GenesysEventId, readonly string[]>> = {
  EventAgentLogin: ['Server', 'ThisDN', 'time'],
  EventAgentLogout: ['Server', 'ThisDN', 'time'],
  EventAgentReady: ['Server', 'ThisDN', 'time', 'AgentWorkMode'],
  EventAgentNotReady: ['Server', 'ThisDN', 'time'],
  EventDNOutOfService: ['ThisDN'],
  EventDNBackInService: ['ThisDN'],
  EventDNDOn: ['Server', 'ThisDN', 'time'],
  EventDNDOff: ['Server', 'ThisDN', 'time'],
  EventForwardSet: ['Server', 'ThisDN', 'time'],
  EventForwardCancel: ['Server', 'ThisDN', 'time'],
  EventOffHook: ['Server', 'ThisDN', 'time'],
  EventOnHook: ['Server', 'ThisDN', 'time'],
  EventMuteOn: ['ThisDN', 'ConnID', 'ThisDNRole'],
  EventMuteOff: ['ThisDN', 'ConnID', 'ThisDNRole'],
};
