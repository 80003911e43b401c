import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';

export interface ProducerLoopOptions {
  brokers: string[];
  clientId: string;
  /** Client timeouts in ms; kafkajs's defaults when left out. */
  connectionTimeout?: number;
  requestTimeout?: number;
  tickMs: number;
  /**
   * One tick's work; ticks never overlap, so a slow broker delays the next tick instead of piling up sends.
   * Resolving true stops the loop. A throw is reported through onError and the next tick tries again.
   */
  step: (tick: ProducerTick) => Promise<boolean>;
  /** Default: process.emitWarning. */
  onError?: (err: Error) => void;
}

export interface ProducerTick {
  /** The producer, connected; after a failed tick it reconnects, as it may have lost its brokers. */
  producer(): Promise<Producer>;
  /** Set once stop() is called, so that a tick draining a backlog gives way. */
  readonly stopping: boolean;
}

export interface ProducerLoop {
  stop(): Promise<void>;
  /** Resolves once the loop has stopped and the producer is disconnected (or given up on). */
  done: Promise<void>;
}

const STOP_GRACE_MS = 2000;

export function startProducerLoop(opts: ProducerLoopOptions): ProducerLoop {
  const onError = opts.onError ?? ((err: Error) => process.emitWarning(err));
  const kafka = new Kafka({
    brokers: opts.brokers,
    clientId: opts.clientId,
    logLevel: logLevel.NOTHING,
    connectionTimeout: opts.connectionTimeout,
    requestTimeout: opts.requestTimeout,
    // The tick loop retries forever anyway; short client retries surface errors and let stop() finish quickly.
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 },
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

  let connected = false;
  let inFlight: Promise<void> | null = null;
  let shutdown: Promise<void> | null = null;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const tick: ProducerTick = {
    async producer() {
      if (!connected) {
        await producer.connect();
        connected = true;
      }
      return producer;
    },
    get stopping() {
      return shutdown !== null;
    },
  };

  const run = async (): Promise<void> => {
    try {
      if (await opts.step(tick)) void stop();
    } catch (err) {
      connected = false;
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const onTick = (): void => {
    if (inFlight || shutdown) return;
    inFlight = run().finally(() => {
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

  const timer = setInterval(onTick, opts.tickMs);
  onTick();
  return { stop, done };
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
