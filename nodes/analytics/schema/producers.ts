/**
 * GET …/producers (digest §4.3). A producer is a header (sourceId, producerId, producerName,
 * streamType, description, version), dimensions, measures and locales. Whether the header sits
 * flat or under a `header` member is undocumented, so both are read and flattened; a member the
 * document does not name is kept. `version` may be the number 3.5 and is given as a string.
 */
import { z } from 'zod';
import { isPlainObject, jsonType } from '../../shared/describe';
import { idText, listEntries, parsedJson } from './rest-json';

export interface AnalyticsProducer {
  producerId: string;
  producerName?: string;
  sourceId?: string;
  /** Copied from the server, never assumed: ContactDetail's is `CDR`, not `SoD`. */
  streamType?: string;
  version?: string;
  dimensions: { name: string; [k: string]: unknown }[];
  measures: { name: string; [k: string]: unknown }[];
  locales: string[];
  [k: string]: unknown;
}

const WHAT = 'Producers response';
/** Header fields given as strings, numbers written out (version 3.5 -> "3.5"); an unusable one is left out. */
const TEXT_HEADER_FIELDS = ['producerName', 'sourceId', 'streamType', 'version'] as const;

/** A catalogue entry is only useful with a name; an entry without one is left out rather than failing the list. */
const NamedEntries = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((entry) => isPlainObject(entry) && idText(entry.name) !== undefined) : []),
  z.array(z.looseObject({ name: z.union([z.string(), z.number()]).transform(String) })),
);

/** The document gives an array; a comma- or blank-separated string is read too. */
const Locales = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : []),
  z.array(z.unknown()).transform((codes) => codes.filter((code): code is string => typeof code === 'string' && code !== '')),
);

export function parseProducers(text: string): AnalyticsProducer[] {
  const entries = listEntries(parsedJson(text, WHAT), WHAT, ['producers', 'data', 'items'], 'producerId');
  return entries.map((entry, i) => producerFrom(entry, `${WHAT} entry ${i}`));
}

function producerFrom(entry: unknown, what: string): AnalyticsProducer {
  if (!isPlainObject(entry)) throw new Error(`${what} is not a JSON object (got ${jsonType(entry)})`);
  const { header, ...rest } = entry;
  const flat: Record<string, unknown> = isPlainObject(header) ? { ...header, ...rest } : entry;
  const producerId = idText(flat.producerId);
  if (producerId === undefined) {
    const got = flat.producerId === undefined ? 'no producerId' : `an unusable producerId (${jsonType(flat.producerId)})`;
    throw new Error(`${what} has ${got}${typeof flat.producerName === 'string' ? ` (producerName "${flat.producerName}")` : ''}`);
  }
  const producer: AnalyticsProducer = {
    ...flat,
    producerId,
    dimensions: NamedEntries.parse(flat.dimensions),
    measures: NamedEntries.parse(flat.measures),
    locales: Locales.parse(flat.locales),
  };
  for (const field of TEXT_HEADER_FIELDS) {
    const value = idText(flat[field]);
    if (value === undefined) delete producer[field];
    else producer[field] = value;
  }
  return producer;
}
