import { HttpTransportError } from '../../shared/http/http-request';

/** The caller stopped waiting (its time was up or it was cancelled); the work itself may still finish. */
export class GaveUpWaiting extends HttpTransportError {}

/** How long a caller waits for shared work (a token request other callers await too), and until when. */
export interface WaitLimits {
  timeoutMs?: number;
  /** The caller is going away (its node closes): it stops waiting at once. */
  signal?: AbortSignal;
}

/**
 * Settles with `work`, or rejects once the caller's time is up or its signal fires. The work goes on for the
 * others waiting on it; only this caller stops waiting.
 */
export function waitWithin<T>(work: Promise<T>, limits: WaitLimits, what: string): Promise<T> {
  const { timeoutMs, signal } = limits;
  if (timeoutMs === undefined && !signal) return work;
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancelled);
    };
    const giveUp = (why: string) => {
      cleanup();
      reject(new GaveUpWaiting(`gave up waiting for ${what}: ${why}`));
    };
    function cancelled(): void {
      giveUp('cancelled');
    }
    if (signal?.aborted) return giveUp('cancelled');
    signal?.addEventListener('abort', cancelled, { once: true });
    if (timeoutMs !== undefined) timer = setTimeout(() => giveUp(`none within ${timeoutMs} ms`), timeoutMs);
    work.then((value) => { cleanup(); resolve(value); }, (err: unknown) => { cleanup(); reject(err); });
  });
}
