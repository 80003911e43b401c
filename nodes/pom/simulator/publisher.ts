import { Message } from 'kafkajs';
import { startProducerLoop } from '../../shared/simulator/producer-loop';
import { POM_SIMULATED_FAMILIES } from './catalogue';
import { PomRecord, PomSimulator, PomSimulatorOptions } from './simulator';

export interface PomPublisherOptions extends PomSimulatorOptions {
  brokers: string[];
  /** Simulated seconds per real second; default 1 (real time). Tests use e.g. 30 so a heartbeat arrives every second. */
  speed?: number;
  /** Stop after this much simulated time (ms); default endless. */
  durationMs?: number;
  /** Only these families are published (default all). */
  families?: string[];
  /** Per-family topic override. */
  topics?: Partial<Record<string, string>>;
  clientId?: string;
  /** Connection and send failures; the publisher keeps retrying either way. Default: process.emitWarning. */
  onError?: (err: Error) => void;
}

export interface PomPublisher {
  stop(): Promise<void>;
  readonly sent: number;
  /** Resolves once `durationMs` of simulated time is published, or after stop(). */
  done: Promise<void>;
  /** While paused, heartbeat records are dropped (not delayed), as when kafkamonitor is down. */
  pauseHeartbeats(paused: boolean): void;
}

const TICK_MS = 100;
/** Records kept for retry while the broker is away; older ones are dropped, as POM's own producer would give up. */
const MAX_PENDING = 20000;
/** Keeps each produce request well below the broker's default 1 MB message limit (job statistics are ~3 kB). */
const MAX_BATCH = 200;

/**
 * Publishes the simulator's records as simulated time passes: each tick advances the simulation to
 * `start + elapsed real time × speed`, so the clock does not drift with timer jitter. Every topic is written on
 * partition 0, like POM's single-partition topics (§10.1), which keeps each topic in total order.
 */
export function startPomPublisher(opts: PomPublisherOptions): PomPublisher {
  if (!Array.isArray(opts.brokers) || opts.brokers.length === 0) throw new RangeError('brokers must not be empty');
  const speed = opts.speed ?? 1;
  if (!(speed > 0 && Number.isFinite(speed))) throw new RangeError('speed must be a positive number');
  const durationMs = opts.durationMs;
  if (durationMs !== undefined && !(durationMs >= 0 && Number.isFinite(durationMs))) {
    throw new RangeError('durationMs must be a non-negative number');
  }
  const families = new Set(opts.families ?? POM_SIMULATED_FAMILIES);
  for (const family of [...families, ...Object.keys(opts.topics ?? {})]) {
    if (!POM_SIMULATED_FAMILIES.includes(family)) throw new RangeError(`unknown POM family ${family}`);
  }
  for (const topic of Object.values(opts.topics ?? {})) {
    if (typeof topic !== 'string' || topic.trim() === '') throw new RangeError('topic overrides must be non-empty strings');
  }
  const simulator = new PomSimulator(opts);
  const simStart = simulator.now;
  const simEnd = durationMs === undefined ? Infinity : simStart + durationMs;
  const realStart = Date.now();
  let sent = 0;
  let heartbeatsPaused = false;
  let pending: PomRecord[] = [];

  const loop = startProducerLoop({
    brokers: opts.brokers,
    clientId: opts.clientId ?? 'pom-event-simulator',
    connectionTimeout: 3000,
    requestTimeout: 5000,
    tickMs: TICK_MS,
    onError: opts.onError,
    step: async (tick) => {
      const target = Math.min(simEnd, simStart + (Date.now() - realStart) * speed);
      for (const record of simulator.advanceTo(target)) {
        if (!families.has(record.family) || (heartbeatsPaused && record.family === 'HEART_BEAT')) continue;
        pending.push(record);
      }
      if (pending.length > MAX_PENDING) pending = pending.slice(pending.length - MAX_PENDING);
      while (pending.length > 0 && !tick.stopping) {
        const producer = await tick.producer();
        const batch = pending.slice(0, MAX_BATCH);
        await producer.sendBatch({ acks: -1, topicMessages: byTopic(batch, opts.topics ?? {}) });
        sent += batch.length;
        pending = pending.slice(batch.length);
      }
      return target >= simEnd && pending.length === 0;
    },
  });

  return {
    stop: loop.stop,
    get sent() {
      return sent;
    },
    done: loop.done,
    pauseHeartbeats(paused: boolean) {
      heartbeatsPaused = paused;
    },
  };
}

function byTopic(records: PomRecord[], overrides: Partial<Record<string, string>>): { topic: string; messages: Message[] }[] {
  const topics = new Map<string, Message[]>();
  for (const r of records) {
    const topic = overrides[r.family] ?? r.topic;
    const messages = topics.get(topic) ?? [];
    messages.push({ key: r.key, value: r.value, timestamp: String(r.timestamp), partition: 0 });
    topics.set(topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
