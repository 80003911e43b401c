import type { Kafka } from 'kafkajs';
import { withinDeadline } from '../deadline';
import { kafkaRecord, type KafkaRecord } from './kafka-record';

export interface TopicReadOptions {
  /** The whole read, joining the group included, must fit in this. */
  timeoutMs?: number;
  /** Names the throwaway consumer group (a unique suffix is added). */
  groupPrefix?: string;
}

/**
 * Reads a topic from its beginning up to where it ends now (a compacted topic: the latest record per key), in
 * partition order, then leaves. The consumer group is a throwaway one that commits nothing, so reading never
 * moves anyone's offsets; records produced after the read began are not waited for.
 */
export async function readTopicToEnd(kafka: Kafka, topic: string, onRecord: (record: KafkaRecord) => void, options: TopicReadOptions = {}): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return 0;
  const groupId = `${options.groupPrefix ?? 'cc-topic-reader'}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 2000, maxWaitTimeInMs: 500 });
  let count = 0;
  const read = new Promise<void>((resolve, reject) => {
    const pending = new Set(ends.keys());
    const receivedAt = () => new Date().toISOString();
    consumer.connect()
      .then(() => consumer.subscribe({ topic, fromBeginning: true }))
      .then(() => consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const end = ends.get(batch.partition);
          if (end === undefined) return;
          const at = receivedAt();
          for (const message of batch.messages) {
            if (BigInt(message.offset) >= end) break;
            onRecord(kafkaRecord(batch.topic, batch.partition, message, at));
            count++;
          }
          if (BigInt(batch.lastOffset()) >= end - 1n) pending.delete(batch.partition);
          if (pending.size === 0) resolve();
        },
      }))
      .catch(reject);
  });
  try {
    await withinDeadline(read, options.timeoutMs ?? 60000, `reading ${topic} to its end`);
  } finally {
    await withinDeadline(consumer.disconnect(), 4000, 'closing the topic reader').catch(() => {});
  }
  return count;
}
