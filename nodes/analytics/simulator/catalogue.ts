/** The JSON of GET /sources, GET .../producers and GET .../dictionaries (digest §4.2-4.4; shapes beyond the named fields are [assumption]). */
import { displayName, Locale, LOCALES } from './locales';
import { ProducerDef } from './producers';

/** The source's name, which the SubscriptionResponse calls `source`. */
export const SOURCE_NAME = 'Oceana_Streams';

export function sourceJson(sourceId: string): Record<string, unknown> {
  return { sourceId, sourceName: SOURCE_NAME, description: 'Avaya Analytics real-time measure source', version: '3.5' };
}

/** Flat header fields (the ones a subscription copies), then dimensions, measures and locales. */
export function producerJson(producer: ProducerDef, sourceId: string, locale: Locale): Record<string, unknown> {
  return {
    sourceId,
    producerId: producer.producerId,
    producerName: producer.producerName,
    streamType: producer.streamType,
    description: producer.description,
    version: producer.version,
    dimensions: producer.dimensionKeys.map((name) => ({ name, type: 'String', value: '', displayName: displayName(name, locale), description: '' })),
    measures: producer.measures.map((m) => ({
      name: m.name, type: m.type, format: m.format, values: m.name === 'channelId' ? ['Voice', 'Chat', 'ShortMessageService', 'Email'] : [],
      displayName: displayName(m.name, locale), description: m.doc ? '' : 'Simulator measure, not in the vendor document',
    })),
    locales: [...LOCALES],
  };
}

/** A flat map from measure or dimension name to its display name in the locale. */
export function dictionaryJson(producer: ProducerDef, locale: Locale): Record<string, unknown> {
  const names = [...producer.dimensionKeys, ...producer.measures.map((m) => m.name)];
  return { locale, producerId: producer.producerId, entries: Object.fromEntries(names.map((n) => [n, displayName(n, locale)])) };
}
