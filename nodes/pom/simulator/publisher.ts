import { Kafka, logLevel, Message, Partitioners, Producer } from 'kafkajs';
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
const STOP_GRACE_MS = 2000;
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
  const onError = opts.onError ?? ((err: Error) => process.emitWarning(err));

  const simulator = new PomSimulator(opts);
  const simStart = simulator.now;
  const simEnd = durationMs === undefined ? Infinity : simStart + durationMs;
  const kafka = new Kafka({
    brokers: opts.brokers,
    clientId: opts.clientId ?? 'pom-event-simulator',
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 5000,
    // The tick loop retries forever anyway; short client retries surface errors and let stop() finish quickly.
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 },
  });
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

  const realStart = Date.now();
  let sent = 0;
  let heartbeatsPaused = false;
  let pending: PomRecord[] = [];
  let connected = false;
  let inFlight: Promise<void> | null = null;
  let shutdown: Promise<void> | null = null;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const step = async (): Promise<void> => {
    const target = Math.min(simEnd, simStart + (Date.now() - realStart) * speed);
    for (const record of simulator.advanceTo(target)) {
      if (!families.has(record.family) || (heartbeatsPaused && record.family === 'HEART_BEAT')) continue;
      pending.push(record);
    }
    if (pending.length > MAX_PENDING) pending = pending.slice(pending.length - MAX_PENDING);
    try {
      while (pending.length > 0 && !shutdown) {
        if (!connected) {
          await producer.connect();
          connected = true;
        }
        const batch = pending.slice(0, MAX_BATCH);
        await producer.sendBatch({ acks: -1, topicMessages: byTopic(batch, opts.topics ?? {}) });
        sent += batch.length;
        pending = pending.slice(batch.length);
      }
      if (target >= simEnd && pending.length === 0) void stop();
    } catch (err) {
      // Reconnect on the next tick; the producer may have lost its brokers.
      connected = false;
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const tick = (): void => {
    if (inFlight || shutdown) return;
    inFlight = step().finally(() => {
      inFlight = null;
    });
  };

  const stop = (): Promise<void> => {
    if (!shutdown) {
      clearInterval(timer);
      shutdown = (async () => {
        // A send to a vanished broker can hang for its request timeout; do not let stop() wait that long.
        if (inFlight) await within(inFlight, STOP_GRACE_MS);
        await within(producer.disconnect().catch(() => undefined), STOP_GRACE_MS);
        resolveDone();
      })();
    }
    return shutdown;
  };

  const timer = setInterval(tick, TICK_MS);
  tick();

  return {
    stop,
    get sent() {
      return sent;
    },
    done,
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

function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => undefined, () => undefined).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
