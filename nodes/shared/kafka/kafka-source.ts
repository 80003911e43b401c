import { EventEmitter } from 'events';
import type { Consumer, EachBatchPayload, Kafka, RemoveInstrumentationEventListener } from 'kafkajs';
import { Backoff, type BackoffOptions } from '../backoff';
import { ConnectionStateMachine, type ConnectionChange, type ConnectionState } from '../connection-state';
import { withinDeadline } from '../deadline';
import { AckLedger, type AckOutcome } from './ack-ledger';
import { registerAckTarget, unregisterAckTarget, type AckTarget } from './ack-registry';
import { describeKafkaError } from './kafka-errors';
import { kafkaRecord, type KafkaRecord } from './kafka-record';

/**
 * When a record counts as done and its offset may be committed: once handed to the flow ("sent"), or once a
 * cc-kafka-ack node has received its message ("acked"), with at most maxUnacked messages outstanding.
 */
export type KafkaDelivery = { commit: 'sent' } | { commit: 'acked'; maxUnacked: number; sourceId: string };

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
  /**
   * Called for each record in partition order; the offset is committed only after it returns (sent) or after the
   * record is acknowledged (acked). Returns whether a message awaiting acknowledgement went out; a record that
   * left by the error output or was passed over needs none.
   */
  onRecord: (record: KafkaRecord) => boolean;
  delivery?: KafkaDelivery;
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
  /** Acknowledged mode: messages out and not yet acknowledged, while the source waits for them (paused). */
  paused?: { outstanding: number };
}

/** How long stop() waits for the last commit and for kafkajs to leave the group, each: a frozen broker never answers. */
const STOP_COMMIT_MS = 2500;
const STOP_DISCONNECT_MS = 4000;
/** Acks are committed in groups: at most this long after the first of them. */
const COMMIT_EVERY_MS = 200;
/** While paused at maxUnacked, the group is still told we are alive this often. */
const PAUSED_HEARTBEAT_MS = 1000;

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30000, factor: 2, jitter: 0.3 };

/**
 * One consumer-group member reading one topic, kept alive: reconnects with backoff when kafkajs
 * gives up, and reports its connection state (including a broker that stops answering without
 * closing the socket, which kafkajs alone only notices after its request timeout).
 * Emits 'state' (KafkaSourceState) and 'warning' (string).
 */
export class KafkaSource extends EventEmitter implements AckTarget {
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
  /** Acknowledged mode only. */
  private readonly ledger: AckLedger | undefined;
  private readonly sourceId: string | undefined;
  private paused = false;
  private wake: (() => void) | undefined;
  private commitTimer: NodeJS.Timeout | undefined;
  private committing: Promise<void> = Promise.resolve();

  constructor(private readonly kafka: Kafka, private readonly options: KafkaSourceOptions) {
    super();
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.machine.on('change', (change: ConnectionChange) => this.publish(change.reason));
    const delivery = options.delivery;
    if (delivery?.commit === 'acked') {
      this.ledger = new AckLedger(delivery.maxUnacked);
      this.sourceId = delivery.sourceId;
    }
  }

  /** Acknowledged mode: messages out and not yet acknowledged. */
  get outstanding(): number {
    return this.ledger?.outstanding ?? 0;
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
    if (this.ledger) registerAckTarget(this.sourceId!, this);
    void this.connect();
  }

  /**
   * Ends the consumer, committing what was acknowledged first. Bounded whatever the broker does: a frozen
   * broker answers neither the commit nor the leave, and kafkajs would wait for its request timeouts.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    clearTimeout(this.commitTimer);
    this.wake?.();
    if (this.ledger) {
      unregisterAckTarget(this.sourceId!, this);
      await withinDeadline(this.commitAcknowledged(), STOP_COMMIT_MS, 'committing acknowledged offsets')
        .catch((err: Error) => this.emit('warning', err.message));
    }
    await withinDeadline(this.teardown(), STOP_DISCONNECT_MS, 'closing the Kafka consumer')
      .catch((err: Error) => this.emit('warning', err.message));
    this.machine.dispatch('stop');
    this.machine.removeAllListeners();
  }

  /** cc-kafka-ack received a message of ours: it counts once its epoch is current (see AckLedger). */
  ack(topic: string, partition: number, offset: string, epoch: number): AckOutcome {
    if (!this.ledger) return 'stale';
    const outcome = this.ledger.ack(topic, partition, offset, epoch);
    if (outcome === 'acked') {
      if (this.paused && !this.ledger.full) this.wake?.();
      this.scheduleCommit();
    }
    return outcome;
  }

  private publish(reason?: string): void {
    const update: KafkaSourceState = { state: this.machine.state, reason, partitions: this.assigned };
    if (this.paused && this.ledger) update.paused = { outstanding: this.ledger.outstanding };
    this.emit('state', update);
  }

  private setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    this.publish();
  }

  private scheduleCommit(): void {
    if (this.commitTimer || this.stopping) return;
    this.commitTimer = setTimeout(() => {
      this.commitTimer = undefined;
      void this.commitAcknowledged();
    }, COMMIT_EVERY_MS);
  }

  /** Commits each partition's commit point that moved; one commit at a time, a failed one offered again later. */
  private commitAcknowledged(): Promise<void> {
    this.committing = this.committing.then(async () => {
      const consumer = this.consumer;
      const commits = this.ledger?.takeCommits() ?? [];
      if (!consumer || commits.length === 0) return;
      try {
        await consumer.commitOffsets(commits);
      } catch (err) {
        this.ledger?.returnCommits(commits);
        if (!this.stopping) this.scheduleCommit();
        this.emit('warning', `committing acknowledged offsets failed (tried again): ${describeKafkaError(err).reason}`);
      }
    });
    return this.committing;
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
      // After a join Kafka delivers again from the committed offsets: what was outstanding comes again.
      this.ledger?.reset();
      this.paused = false;
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
      await consumer.run({
        partitionsConsumedConcurrently: 1,
        eachBatchAutoResolve: false,
        // Acknowledged mode commits itself, only up to what the flow has acknowledged.
        autoCommit: !this.ledger,
        eachBatch: (payload) => (this.ledger ? this.deliverAcked(payload, this.ledger) : this.deliver(payload)),
      });
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
        this.handOut(kafkaRecord(batch.topic, batch.partition, message, receivedAt));
      }
      lastOffset = message.offset;
    }
    if (lastOffset !== undefined) resolveOffset(lastOffset);
    await heartbeat();
  }

  /**
   * Acknowledged mode: like deliver, but each record handed out stays outstanding until acknowledged, and at
   * maxUnacked the batch waits (kafkajs fetches nothing more meanwhile, so nothing piles up) while the group
   * is still told we are alive. Resolved offsets only move the fetch position here; commits follow the acks.
   */
  private async deliverAcked({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload, ledger: AckLedger): Promise<void> {
    const receivedAt = new Date().toISOString();
    const firstNew = this.startOffsets?.get(`${batch.topic}:${batch.partition}`);
    const epoch = ledger.epoch;
    const usable = () => isRunning() && !isStale() && !this.stopping && ledger.epoch === epoch;
    let lastOffset: string | undefined;
    for (const message of batch.messages) {
      if (!usable()) break;
      if (ledger.full) {
        this.setPaused(true);
        while (ledger.full && usable()) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, PAUSED_HEARTBEAT_MS);
            this.wake = () => { clearTimeout(timer); resolve(); };
          });
          this.wake = undefined;
          if (usable()) await heartbeat();
        }
        if (!usable()) break;
        this.setPaused(false);
      }
      const { topic, partition } = batch;
      if (firstNew !== undefined && BigInt(message.offset) < firstNew) {
        ledger.passOver(topic, partition, message.offset);
      } else {
        const record = kafkaRecord(topic, partition, message, receivedAt);
        record.meta.ack = { source: this.sourceId!, epoch };
        ledger.handOut(topic, partition, message.offset);
        if (!this.handOut(record)) ledger.ack(topic, partition, message.offset, epoch);
      }
      lastOffset = message.offset;
    }
    if (lastOffset !== undefined) resolveOffset(lastOffset);
    this.scheduleCommit();
    await heartbeat();
  }

  /**
   * One record to the node. A throw here would make kafkajs fetch the same batch again, forever: the node
   * routes its own failures to its error output, so this only guards against what slips past it.
   */
  private handOut(record: KafkaRecord): boolean {
    try {
      return this.options.onRecord(record);
    } catch (err) {
      this.emit('warning', `record at ${record.meta.topic}/${record.meta.partition}@${record.meta.offset} could not be handed over and was passed over: ${(err as Error).message}`);
      return false;
    }
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
