import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { AckToken } from './ack-registry';

/** msg.kafka: where a record came from, as ARCHITECTURE.md's contract lists it. */
export interface KafkaTransportMeta {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as the decimal string kafkajs gives. */
  offset: string;
  key: string | null;
  /** Record timestamp, epoch milliseconds. */
  timestamp: number;
  headers: Record<string, string | string[] | null>;
  /** Acknowledged mode: what cc-kafka-ack needs to find the source (see ack-registry). */
  ack?: AckToken;
}

export interface KafkaRecord {
  meta: KafkaTransportMeta;
  /** The value as UTF-8 text without a byte-order mark; null for a tombstone. */
  text: string | null;
  /** When the batch holding the record arrived (ISO 8601). */
  receivedAt: string;
}

function headerText(value: Buffer | string | undefined): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : value.toString('utf8');
}

function decodeHeaders(headers: IHeaders | undefined): KafkaTransportMeta['headers'] {
  const out: KafkaTransportMeta['headers'] = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? value.map((v) => headerText(v) ?? '') : headerText(value);
  }
  return out;
}

export function kafkaRecord(topic: string, partition: number, message: KafkaMessage, receivedAt: string): KafkaRecord {
  let text = message.value === null ? null : message.value.toString('utf8');
  if (text !== null && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return {
    text,
    receivedAt,
    meta: {
      topic,
      partition,
      offset: message.offset,
      key: message.key === null || message.key === undefined ? null : message.key.toString('utf8'),
      timestamp: Number(message.timestamp),
      headers: decodeHeaders(message.headers),
    },
  };
}
