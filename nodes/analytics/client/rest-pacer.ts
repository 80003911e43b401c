import { RequestCancelledError } from '../../shared/http/http-request';

/** The pacing queue is full: the request was refused at once rather than left to wait behind too many others. */
export class RestQueueFullError extends Error {
  readonly code = 'queue-full';
}

interface Waiting {
  start(): Promise<void>;
  fail(err: Error): void;
}

/** How many requests may wait their turn by default: about 10 s of requests at the vendor's pace. */
export const DEFAULT_MAX_WAITING = 100;

/**
 * Runs REST requests one after another, each starting at least `gapMs` after the previous one was answered:
 * the vendor expects calls "staggered by 100ms" (digest §2), and counting from the answer keeps that true where
 * the server measures it, whatever the network adds to one request and not the next. At most `maxWaiting`
 * requests wait their turn: a flow sending more than that is told at once instead of piling up memory and delay.
 */
export class RestPacer {
  private readonly queue: Waiting[] = [];
  private running = false;
  private lastDone = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed: RequestCancelledError | undefined;

  constructor(private readonly gapMs = 100, private readonly maxWaiting = DEFAULT_MAX_WAITING) {}

  /** Requests waiting their turn, not counting the one running. */
  get waiting(): number {
    return this.queue.length;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    if (this.queue.length >= this.maxWaiting) {
      return Promise.reject(new RestQueueFullError(
        `${this.maxWaiting} REST requests are already waiting their turn (the server wants them ${this.gapMs} ms apart): this one is refused; send fewer requests at once`));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ start: () => Promise.resolve().then(task).then(resolve, reject), fail: reject });
      this.pump();
    });
  }

  /** Every waiting request fails with RequestCancelledError; the one running finishes on its own. */
  cancel(reason: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiting of this.queue.splice(0)) waiting.fail(new RequestCancelledError(reason));
  }

  /** As cancel(), and every later request fails at once. */
  close(reason = 'the Analytics server node closed'): void {
    this.closed = new RequestCancelledError(reason);
    this.cancel(reason);
  }

  private pump(): void {
    if (this.running || this.timer || this.queue.length === 0) return;
    const wait = this.lastDone + this.gapMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    const next = this.queue.shift()!;
    this.running = true;
    void next.start().finally(() => {
      this.running = false;
      this.lastDone = Date.now();
      this.pump();
    });
  }
}
