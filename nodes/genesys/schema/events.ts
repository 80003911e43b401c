/**
 * zod schemas for normalised events. They run after normalize.ts, so they only see values that
 * normalisation could not coerce; their messages therefore say what was expected and what came.
 * Mandatory attributes are optional here on purpose: the seed's M column is reported as a
 * warning by the parser (lenient by default), never as a validation failure.
 */
import { z } from 'zod';
import { GENESYS_EVENT_IDS, type GenesysEventId } from './event-ids';
import { jsonType } from './describe';
import { isPlainObject, type KeyValueList } from './key-value';

function expected(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what} (got ${jsonType(issue.input)})` };
}

const identifier = z.string(expected('a string or number')).optional();
const enumValue = z.union([z.string(), z.number()], expected('a name or an integer')).optional();
// z.custom instead of z.record: a record schema copies every entry, and these lists can be large.
const keyValue = z.custom<KeyValueList>(isPlainObject, expected('a key-value list')).optional();
const time = z
  .object({
    seconds: z.number().int().nonnegative(),
    useconds: z.number().int().min(0).max(999_999),
  })
  .optional();

/** Every attribute of the topic, typed as it is after normalisation; unknown members pass through. */
const ATTRIBUTES = {
  id: z.string(expected('a string')),
  Server: identifier,
  ThisDN: identifier,
  time,
  AgentID: identifier,
  AgentWorkMode: enumValue,
  ThisQueue: identifier,
  CustomerID: identifier,
  ReferenceID: z.union([z.number(), z.string()], expected('a number')).optional(),
  Reasons: keyValue,
  Extensions: keyValue,
  InfoStatus: z.unknown().optional(),
  InfoType: z.unknown().optional(),
  OtherDN: identifier,
  ConnID: identifier,
  CallID: identifier,
  CallState: enumValue,
  CallType: enumValue,
  CallHistory: z.custom<Record<string, unknown>>(isPlainObject, expected('an object')).optional(),
  NetworkCallID: identifier,
  NetworkNodeID: identifier,
  ThisDNRole: enumValue,
  ThisTrunk: identifier,
  UserData: keyValue,
};

/** Any event of the topic, including ids the vendor page does not document. */
export const GenesysEventSchema = z.looseObject(ATTRIBUTES);
export type GenesysEvent = z.output<typeof GenesysEventSchema>;

function eventSchema<K extends GenesysEventId>(id: K) {
  return z.looseObject({ ...ATTRIBUTES, id: z.literal(id) });
}

export type GenesysEventSchemas = { [K in GenesysEventId]: ReturnType<typeof eventSchema<K>> };
export const EVENT_SCHEMAS = Object.fromEntries(GENESYS_EVENT_IDS.map((id) => [id, eventSchema(id)])) as GenesysEventSchemas;

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
