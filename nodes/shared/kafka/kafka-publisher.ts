import { EventEmitter } from 'events';
import type { Kafka, Producer } from 'kafkajs';
import { Backoff, type BackoffOptions } from '../backoff';
import { ConnectionStateMachine, type ConnectionChange, type ConnectionState } from '../connection-state';
import { withinDeadline } from '../deadline';
import { describeKafkaError } from './kafka-errors';

export interface KafkaPublisherState {
  state: ConnectionState;
  reason?: string;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30000, factor: 2, jitter: 0.3 };
const STOP_MS = 4000;
const CONNECT_WAIT_MS = 10000;

/**
 * One idempotent-free, acks=all producer kept connected (reconnecting with backoff), for publishing JSON to a topic.
 * A send resolves only once every in-sync replica has the record, so a caller that waits for it delivers
 * at-least-once. Emits 'state' (KafkaPublisherState).
 */
export class KafkaPublisher extends EventEmitter {
  private readonly machine = new ConnectionStateMachine();
  private readonly backoff: Backoff;
  private producer: Producer | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(private readonly kafka: Kafka, backoff: BackoffOptions = DEFAULT_BACKOFF) {
    super();
    this.backoff = new Backoff(backoff);
    this.machine.on('change', (change: ConnectionChange) => this.emit('state', { state: change.to, reason: change.reason } satisfies KafkaPublisherState));
  }

  get state(): ConnectionState {
    return this.machine.state;
  }

  start(): void {
    if (this.machine.state !== 'idle') return;
    this.machine.dispatch('start');
    void this.connect();
  }

  /**
   * Sends one record; while the producer is still connecting (just deployed, reconnecting), waits for it up to
   * CONNECT_WAIT_MS rather than failing a message that arrived a moment too early.
   */
  async publish(topic: string, key: string | null, value: string): Promise<void> {
    if (this.machine.state !== 'connected' && !this.stopping) await this.connected();
    const producer = this.producer;
    if (!producer || this.stopping) throw new Error(`not connected to the broker (${this.machine.state})`);
    try {
      await producer.send({ topic, acks: -1, messages: [{ key, value }] });
      if (this.machine.state !== 'connected') this.machine.dispatch('ready');
    } catch (err) {
      const problem = describeKafkaError(err);
      this.machine.dispatch(problem.kind, problem.reason);
      throw new Error(`publishing to ${topic} failed: ${problem.reason}`);
    }
  }

  private connected(): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.off('state', onState);
        resolve();
      };
      const onState = (state: KafkaPublisherState) => {
        if (state.state === 'connected' || state.state === 'stopped') finish();
      };
      const timer = setTimeout(finish, CONNECT_WAIT_MS);
      this.on('state', onState);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await withinDeadline(producer.disconnect(), STOP_MS, 'closing the Kafka producer').catch(() => {});
    this.machine.dispatch('stop');
    this.machine.removeAllListeners();
  }

  private async connect(): Promise<void> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: true });
    this.producer = producer;
    try {
      await producer.connect();
      if (this.stopping) return;
      this.backoff.reset();
      this.machine.dispatch('ready');
    } catch (err) {
      if (this.stopping) return;
      const problem = describeKafkaError(err);
      this.machine.dispatch(problem.kind, problem.reason);
      this.producer = undefined;
      this.retryTimer = setTimeout(() => {
        if (this.stopping) return;
        this.machine.dispatch('retry');
        void this.connect();
      }, this.backoff.next());
    }
  }
}
