import { Message } from 'kafkajs';
import { startProducerLoop } from '../../shared/simulator/producer-loop';
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
  const simulator = new GenesysSimulator(opts);
  const startedAt = Date.now();
  const maxDebt = Math.max(10, Math.ceil(rate * 2));
  let skipped = 0;
  let sent = 0;
  // Generated but not yet acknowledged; a failed send retries exactly these records on the next tick.
  let pending: SimulatedRecord[] = [];

  const due = (): number => {
    let byClock = Math.floor(((Date.now() - startedAt) * rate) / 1000) + 1 - skipped;
    if (byClock - sent > maxDebt) {
      skipped += byClock - sent - maxDebt;
      byClock = sent + maxDebt;
    }
    return count === undefined ? byClock : Math.min(byClock, count);
  };

  const loop = startProducerLoop({
    brokers: opts.brokers,
    clientId: opts.clientId ?? 'genesys-voice-simulator',
    tickMs: TICK_MS,
    onError: opts.onError,
    step: async (tick) => {
      if (count !== undefined && sent >= count) return true;
      const producer = await tick.producer();
      const wanted = Math.min(due() - sent, MAX_BATCH);
      while (pending.length < wanted) pending.push(simulator.next());
      if (pending.length === 0) return false;
      await producer.send({ topic, messages: pending.map(toMessage) });
      sent += pending.length;
      pending = [];
      return false;
    },
  });

  return {
    stop: loop.stop,
    get sent() {
      return sent;
    },
    done: loop.done,
  };
}

function toMessage(record: SimulatedRecord): Message {
  return { key: record.key, value: record.value, timestamp: String(record.timestamp) };
}
