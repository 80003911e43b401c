import type { FeedEvent } from './client/analytics-feed';
import type { MeasureRow } from './schema';

export type OutputMode = 'update' | 'merged';

/** msg.ws: where the measures came from. */
function origin(event: { sourceId: string; producerId: string; guid: string }) {
  return { source: event.sourceId, producer: event.producerId, guid: event.guid };
}

function topicOf(event: { producerId: string; producerName?: string }): string {
  return event.producerName ?? event.producerId;
}

/**
 * The message for one feed event (ARCHITECTURE.md's contract): msg.topic is the producer, msg.event.type
 * update / pumpup / pumpupComplete; the payload is the changed measures with the dimension keys, or the merged
 * row when the node is in merged mode.
 */
export function measureMessage(event: FeedEvent, mode: OutputMode): Record<string, unknown> {
  const family = topicOf(event);
  const payload = event.type === 'pumpupComplete'
    ? { producerId: event.producerId }
    : mode === 'merged' && event.row
      ? { dimension: event.row.dimension, measures: event.row.measures, updatedAt: event.row.updatedAt, ...(event.eventAction ? { eventAction: event.eventAction } : {}) }
      : { dimension: event.dimension, measures: event.changed, ...(event.eventAction ? { eventAction: event.eventAction } : {}) };
  return {
    topic: family,
    payload,
    event: { vendor: 'analytics', family, type: event.type, known: true, receivedAt: event.receivedAt },
    ws: origin(event),
  };
}

/** The whole cache of the node's producers, on request. */
export function snapshotMessage(rows: MeasureRow[], producers: { producerId: string; producerName?: string; sourceId: string; guid: string }[]): Record<string, unknown> {
  const names = producers.map(topicOf);
  return {
    topic: names.join(','),
    payload: rows,
    event: { vendor: 'analytics', family: names.join(','), type: 'snapshot', known: true, receivedAt: new Date().toISOString() },
    ws: producers.length === 1 ? origin(producers[0]) : producers.map(origin),
  };
}
