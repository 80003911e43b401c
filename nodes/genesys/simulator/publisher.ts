import { Kafka, logLevel, Message, Partitioners } from 'kafkajs';
import { GenesysSimulator, GenesysSimulatorOptions, SimulatedRecord } from './stream';

export interface GenesysPublisherOptions extends GenesysSimulatorOptions {
  brokers: string[];
  /** Default 'voice-agentstate'. */
  topic?: string;
  /** Default 5. */
  ratePerSecond?: number;
  /** Stop after this many records; default endless. */
  count?: number;
  clientId?: string;
  /** Connection and send failures; the publisher keeps retrying either way. Default: process.emitWarning. */
  onError?: (err: Error) => void;
}

export interface GenesysPublisher {
  stop(): Promise<void>;
  readonly sent: number;
  /** Resolves when `count` records are acknowledged or after stop(). */
  done: Promise<void>;
}

const TICK_MS = 50;
const MAX_BATCH = 1000;

/**
 * Publishes the simulator's records at a fixed rate. The number of records due is computed from the start
 * instant rather than per tick, so timer jitter does not make the rate drift; after a broker outage the
 * backlog is capped at about two seconds' worth so that recovery does not turn into a flood.
 */
export function startGenesysPublisher(opts: GenesysPublisherOptions): GenesysPublisher {
  if (!Array.isArray(opts.brokers) || opts.brokers.length === 0) throw new RangeError('brokers must not be empty');
  const rate = opts.ratePerSecond ?? 5;
  if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError('ratePerSecond must be a positive number');
  const count = opts.count;
  if (count !== undefined && !(Number.isInteger(count) && count >= 0)) {
    throw new RangeError('count must be a non-negative integer');
  }
  const topic = opts.topic ?? 'voice-agentstate';
  const onError = opts.onError ?? ((err: Error) => process.emitWarning(err));

  const simulator = new GenesysSimulator(opts);
  const kafka = new Kafka({
    brokers: opts.brokers,
    clientId: opts.clientId ?? 'genesys-voice-simulator',
    logLevel: logLevel.NOTHING,
    // The tick loop retries forever anyway; short client retries surface errors and honour stop() quickly.
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 },
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

  const startedAt = Date.now();
  const maxDebt = Math.max(10, Math.ceil(rate * 2));
  let skipped = 0;
  let sent = 0;
  // Generated but not yet acknowledged; a failed send retries exactly these records on the next tick.
  let pending: SimulatedRecord[] = [];
  let connected = false;
  let inFlight: Promise<void> | null = null;
  let shutdown: Promise<void> | null = null;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const due = (): number => {
    let byClock = Math.floor(((Date.now() - startedAt) * rate) / 1000) + 1 - skipped;
    if (byClock - sent > maxDebt) {
      skipped += byClock - sent - maxDebt;
      byClock = sent + maxDebt;
    }
    return count === undefined ? byClock : Math.min(byClock, count);
  };

  const step = async (): Promise<void> => {
    try {
      if (!connected) {
        await producer.connect();
        connected = true;
      }
      const wanted = Math.min(due() - sent, MAX_BATCH);
      while (pending.length < wanted) pending.push(simulator.next());
      if (pending.length === 0) return;
      await producer.send({ topic, messages: pending.map(toMessage) });
      sent += pending.length;
      pending = [];
    } catch (err) {
      // Reconnect on the next tick; the producer may have lost its brokers.
      connected = false;
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const tick = (): void => {
    if (inFlight || shutdown) return;
    if (count !== undefined && sent >= count) {
      void stop();
      return;
    }
    inFlight = step().finally(() => {
      inFlight = null;
    });
  };

  const stop = (): Promise<void> => {
    if (!shutdown) {
      clearInterval(timer);
      shutdown = (async () => {
        await inFlight;
        await producer.disconnect().catch(() => undefined);
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
  };
}

function toMessage(record: SimulatedRecord): Message {
  return { key: record.key, value: record.value, timestamp: String(record.timestamp) };
}
