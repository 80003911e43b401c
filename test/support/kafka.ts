import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { until } from './wait';

/** The broker `npm test` started (scripts/test.js) or the one KAFKA_BROKERS names. */
export const BROKERS = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
if (BROKERS.length === 0) throw new Error('KAFKA_BROKERS is not set: run the suite with `npm test`, which starts a broker');

/** PID of the librdkafka mock cluster when the suite started one (absent with an external broker). */
export const MOCK_PID = Number(process.env.CC_KAFKA_MOCK_PID) || undefined;

const kafka = new Kafka({ brokers: BROKERS, clientId: 'cc-test', logLevel: logLevel.NOTHING });

let counter = 0;
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;
}

/** Creates a topic with the given partitions (the mock cluster auto-creates topics with 4). */
export async function createTopic(topic: string, partitions = 4): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (MOCK_PID) await admin.fetchTopicMetadata({ topics: [topic] });
    else await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export async function partitionCount(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    return meta.topics[0].partitions.length;
  } finally {
    await admin.disconnect();
  }
}

export interface TestRecord {
  key?: string | null;
  value: string | null;
  timestamp?: number;
  partition?: number;
  headers?: Record<string, string>;
}

export async function produce(topic: string, records: TestRecord[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: records.map((r) => ({
        key: r.key ?? null,
        value: r.value,
        partition: r.partition,
        headers: r.headers,
        timestamp: r.timestamp === undefined ? undefined : String(r.timestamp),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** The offsets a group has committed per partition. */
export async function committedOffsets(groupId: string, topic: string): Promise<Record<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries(entry.partitions.map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}

/** Resolves once the group has committed `total` records of the topic: by then every message it would send has been sent. */
export async function consumedAll(groupId: string, topic: string, total: number, timeoutMs = 30000): Promise<void> {
  let sum = 0;
  try {
    await until(`group ${groupId} to commit ${total} records of ${topic}`, async () => {
      const offsets = await committedOffsets(groupId, topic);
      sum = Object.values(offsets).reduce((n, o) => n + Math.max(0, Number(o)), 0);
      return sum >= total;
    }, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message} (committed ${sum})`);
  }
}
