import { isUnset, resolveInput } from '../shared/node/input-precedence';
import type { NodeMessage } from '../shared/node/node-red';
import { ANALYTICS_LOCALES, DIMENSION_DATA_TYPES } from './schema';

export type Query = 'sources' | 'producers' | 'dictionary' | 'dimensionData';
export const QUERIES: readonly Query[] = ['sources', 'producers', 'dictionary', 'dimensionData'];

/** What a cc-analytics-query node is set to; an empty field means "from the message". */
export interface QuerySettings {
  query?: Query;
  sourceId?: string;
  producerId?: string;
  locale?: string;
  dimDataType?: string;
}

/** One request, every argument decided and checked before anything is sent. */
export interface QueryRequest {
  query: Query;
  /** Absent: the first source the server lists. */
  sourceId?: string;
  producerId?: string;
  locale?: string;
  dimDataType?: string;
}

/** The dictionary's locale when neither the node nor the message names one. */
export const DEFAULT_DICTIONARY_LOCALE = 'en-us';

function pick(value: unknown, allowed: readonly string[], what: string): string {
  const text = String(value ?? '').trim();
  const found = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
  if (!found) throw new Error(`${what} "${text}" is not one of ${allowed.join(', ')}`);
  return found;
}

function text(property: string): (given: unknown) => string {
  return (given) => {
    if (typeof given !== 'string') throw new Error(`${property} must be text, not ${typeof given}`);
    return given.trim();
  };
}

/** Ids are compared as the server spells them. */
const exact = (a: string, b: string) => a === b;

/** The node's own settings, checked once when it starts: a value that cannot work is named with its field. */
export function querySettings(config: Record<string, unknown>): QuerySettings {
  const field = (name: string) => (isUnset(config[name]) ? undefined : String(config[name]).trim());
  const settings: QuerySettings = {};
  const query = field('query');
  if (query !== undefined) settings.query = pick(query, QUERIES, 'query') as Query;
  const sourceId = field('sourceId');
  if (sourceId !== undefined) settings.sourceId = sourceId;
  const producerId = field('producerId');
  if (producerId !== undefined) settings.producerId = producerId;
  const locale = field('locale');
  if (locale !== undefined) settings.locale = pick(locale, ANALYTICS_LOCALES, 'locale');
  const dimDataType = field('dimDataType');
  if (dimDataType !== undefined) settings.dimDataType = pick(dimDataType, DIMENSION_DATA_TYPES, 'dimension data type');
  return settings;
}

/**
 * The request for one message: a value set in the node wins, the message fills only what the node leaves
 * empty, and a message asking for something else than the node is set to is refused (InputConflictError).
 * Only what the query uses is read. The dimension data type may also come from msg.payload (an Inject node's
 * usual carrier), but only where the node leaves the type empty: a payload never conflicts with the node.
 */
export function queryRequest(settings: QuerySettings, msg: NodeMessage): QueryRequest {
  const query = resolveInput<Query>({
    label: 'query', property: 'msg.query', configured: settings.query, given: msg.query, read: (v) => pick(v, QUERIES, 'query') as Query,
  }).value;
  if (query === undefined) throw new Error(`no query: choose one in the node, or leave it empty and send msg.query (${QUERIES.join(', ')})`);
  const request: QueryRequest = { query };
  if (query === 'sources') return request;
  request.sourceId = resolveInput({ label: 'source', property: 'msg.sourceId', configured: settings.sourceId, given: msg.sourceId, read: text('msg.sourceId'), same: exact }).value;
  if (query === 'producers' || query === 'dictionary') {
    const locale = resolveInput({ label: 'locale', property: 'msg.locale', configured: settings.locale, given: msg.locale, read: (v) => pick(v, ANALYTICS_LOCALES, 'locale') }).value;
    request.locale = locale ?? (query === 'dictionary' ? DEFAULT_DICTIONARY_LOCALE : undefined);
  }
  if (query === 'dictionary') {
    request.producerId = resolveInput({ label: 'producer', property: 'msg.producerId', configured: settings.producerId, given: msg.producerId, read: text('msg.producerId'), same: exact }).value;
    if (request.producerId === undefined) throw new Error('no producer: set Producer in the node, or send msg.producerId (e.g. Agent_SoD_3.5), to read its dictionary');
  }
  if (query === 'dimensionData') {
    const fromPayload = isUnset(msg.dimDataType) && settings.dimDataType === undefined;
    request.dimDataType = resolveInput({
      label: 'dimension data type', property: fromPayload ? 'msg.payload' : 'msg.dimDataType', configured: settings.dimDataType,
      given: fromPayload ? msg.payload : msg.dimDataType, read: (v) => pick(v, DIMENSION_DATA_TYPES, 'dimension data type'),
    }).value;
    if (request.dimDataType === undefined) {
      throw new Error(`no dimension data type: set Type in the node, or send msg.dimDataType or msg.payload (${DIMENSION_DATA_TYPES.join(', ')})`);
    }
  }
  return request;
}
