import type { EventEmitter } from 'events';

/** Polls an async condition (used where the thing awaited is state on the broker, which sends no event). */
export async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Resolves with the first value the emitter emits for the event from now on that satisfies the predicate;
 * the error after timeoutMs says what was awaited and, through `seen`, what came instead.
 */
export function nextEmitted<T>(emitter: EventEmitter, event: string, what: string, predicate: (value: T) => boolean, timeoutMs = 10000, seen?: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (value: T) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no ${what} within ${timeoutMs} ms${seen ? `; ${seen()}` : ''}`));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}
