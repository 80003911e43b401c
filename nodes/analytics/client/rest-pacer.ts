/**
 * Runs REST requests one after another, each starting at least `gapMs` after the previous one was answered:
 * the vendor expects calls "staggered by 100ms" (digest §2), and counting from the answer keeps that true where
 * the server measures it, whatever the network adds to one request and not the next.
 */
export class RestPacer {
  private tail: Promise<unknown> = Promise.resolve();
  private lastDone = 0;

  constructor(private readonly gapMs = 100) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(async () => {
      const wait = this.lastDone + this.gapMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await task();
      } finally {
        this.lastDone = Date.now();
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}
