import { EventEmitter } from 'events';
import type { Consumer, EachBatchPayload, Kafka, RemoveInstrumentationEventListener } from 'kafkajs';
import { Backoff, type BackoffOptions } from '../backoff';
import { ConnectionStateMachine, type ConnectionChange, type ConnectionState } from '../connection-state';
import { describeKafkaError } from './kafka-errors';
import { kafkaRecord, type KafkaRecord } from './kafka-record';

export interface KafkaSourceOptions {
  topics: string[];
  groupId: string;
  /** Where a group with no committed offset starts: the oldest retained record, or only new ones. */
  fromBeginning: boolean;
  /**
   * Deliver only records produced after the source first reached the broker, even where the group
   * has committed offsets further back (what POM's SDK does with pom.receive.message.after.start).
   */
  onlyNew?: boolean;
  /** Called for each record in partition order; the offset is committed only after it returns. */
  onRecord: (record: KafkaRecord) => void;
  sessionTimeoutMs?: number;
  maxWaitTimeMs?: number;
  /** With no fetch or heartbeat answered for this long, the broker counts as unreachable. */
  stallAfterMs?: number;
  backoff?: BackoffOptions;
}

export interface KafkaSourceState {
  state: ConnectionState;
  reason?: string;
  partitions: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30000, factor: 2, jitter: 0.3 };

/**
 * One consumer-group member reading one topic, kept alive: reconnects with backoff when kafkajs
 * gives up, and reports its connection state (including a broker that stops answering without
 * closing the socket, which kafkajs alone only notices after its request timeout).
 * Emits 'state' (KafkaSourceState) and 'warning' (string).
 */
export class KafkaSource extends EventEmitter {
  private readonly machine = new ConnectionStateMachine();
  private readonly backoff: Backoff;
  private consumer: Consumer | undefined;
  private removers: RemoveInstrumentationEventListener<string>[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lastAlive = 0;
  private assigned = 0;
  private stopping = false;
  /** With onlyNew: per "topic:partition", the first offset to deliver. */
  private startOffsets: Map<string, bigint> | undefined;

  constructor(private readonly kafka: Kafka, private readonly options: KafkaSourceOptions) {
    super();
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.machine.on('change', (change: ConnectionChange) => this.publish(change.reason));
  }

  get state(): ConnectionState {
    return this.machine.state;
  }

  start(): void {
    if (this.machine.state !== 'idle') return;
    this.machine.dispatch('start');
    const stallAfter = this.options.stallAfterMs ?? 10000;
    this.watchdog = setInterval(() => {
      if (this.machine.state === 'connected' && Date.now() - this.lastAlive > stallAfter) {
        this.machine.dispatch('lost', `broker not responding for ${Math.round(stallAfter / 1000)} s`);
      }
    }, Math.min(1000, stallAfter / 2));
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    await this.teardown();
    this.machine.dispatch('stop');
    this.machine.removeAllListeners();
  }

  private publish(reason?: string): void {
    const update: KafkaSourceState = { state: this.machine.state, reason, partitions: this.assigned };
    this.emit('state', update);
  }

  private alive(): void {
    this.lastAlive = Date.now();
    if (this.machine.state === 'disconnected' || this.machine.state === 'error') this.machine.dispatch('ready');
  }

  private async connect(): Promise<void> {
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30000;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.max(100, Math.min(3000, Math.floor(sessionTimeout / 3))),
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 3000,
    });
    this.consumer = consumer;
    const on = <T>(event: string, listener: (e: T) => void) => {
      this.removers.push(consumer.on(event as never, listener as never));
    };
    const { events } = consumer;
    on(events.GROUP_JOIN, (e: { payload: { memberAssignment: Record<string, number[]> } }) => {
      this.assigned = this.options.topics.reduce((n, topic) => n + (e.payload.memberAssignment[topic] ?? []).length, 0);
      this.backoff.reset();
      this.lastAlive = Date.now();
      if (this.machine.state === 'connected') this.publish();
      else this.machine.dispatch('ready');
    });
    on(events.FETCH, () => this.alive());
    on(events.HEARTBEAT, () => this.alive());
    on(events.REBALANCING, () => this.machine.dispatch('rebalance', 'group rebalancing'));
    on(events.REQUEST_TIMEOUT, () => this.machine.dispatch('lost', 'broker not responding'));
    on(events.CRASH, (e: { payload: { error: unknown; restart: boolean } }) => {
      const problem = describeKafkaError(e.payload.error);
      this.machine.dispatch(problem.kind, problem.reason);
      if (!e.payload.restart) this.scheduleRetry();
    });
    try {
      await consumer.connect();
      if (this.options.onlyNew && !this.startOffsets) this.startOffsets = await this.currentEnds();
      await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning && !this.options.onlyNew });
      await consumer.run({ partitionsConsumedConcurrently: 1, eachBatchAutoResolve: false, eachBatch: (payload) => this.deliver(payload) });
    } catch (err) {
      if (this.stopping || consumer !== this.consumer) return;
      const problem = describeKafkaError(err);
      this.machine.dispatch(problem.kind, problem.reason);
      this.scheduleRetry();
    }
  }

  /**
   * Hands a fetched batch to onRecord record by record, synchronously, and only then resolves the
   * offset of the last record handed over, so a commit never covers a record not yet delivered.
   * One resolve and one heartbeat per batch instead of per record is most of the per-record cost
   * kafkajs's eachMessage would add.
   */
  private async deliver({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const receivedAt = new Date().toISOString();
    const firstNew = this.startOffsets?.get(`${batch.topic}:${batch.partition}`);
    let lastOffset: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      if (firstNew === undefined || BigInt(message.offset) >= firstNew) {
        this.options.onRecord(kafkaRecord(batch.topic, batch.partition, message, receivedAt));
      }
      lastOffset = message.offset;
    }
    if (lastOffset !== undefined) resolveOffset(lastOffset);
    await heartbeat();
  }

  /** Where each partition of our topics ends now; a topic that does not exist yet has no old records. */
  private async currentEnds(): Promise<Map<string, bigint>> {
    const ends = new Map<string, bigint>();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of this.options.topics) {
        const offsets = await admin.fetchTopicOffsets(topic).catch(() => []);
        for (const { partition, high } of offsets) ends.set(`${topic}:${partition}`, BigInt(high));
      }
    } finally {
      await admin.disconnect();
    }
    return ends;
  }

  private scheduleRetry(): void {
    if (this.stopping) return;
    clearTimeout(this.retryTimer);
    const delay = this.backoff.next();
    this.retryTimer = setTimeout(async () => {
      await this.teardown();
      if (this.stopping) return;
      this.machine.dispatch('retry');
      void this.connect();
    }, delay);
  }

  private async teardown(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    for (const remove of this.removers) remove();
    this.removers = [];
    this.assigned = 0;
    if (!consumer) return;
    try {
      await consumer.disconnect();
    } catch (err) {
      this.emit('warning', `closing the Kafka consumer failed: ${describeKafkaError(err).reason}`);
    }
  }
}
