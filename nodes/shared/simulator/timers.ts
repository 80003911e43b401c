/** Every timer a simulator runs, so stop(), reset() or restart() can clear them all at once. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly sleepers = new Set<() => void>();

  after(ms: number, run: () => void): NodeJS.Timeout {
    // setTimeout fires at once for delays beyond 2^31-1 ms; a far-off expiry must wait instead.
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      run();
    }, Math.min(Math.max(0, ms), 0x7fffffff));
    this.pending.add(timer);
    return timer;
  }

  every(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setInterval(run, Math.max(1, ms));
    this.pending.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.pending.delete(timer);
  }

  /** Resolves true after ms, or false as soon as clearAll() runs or the signal aborts, so no caller waits forever. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (elapsed: boolean): void => {
        this.sleepers.delete(wake);
        signal?.removeEventListener('abort', wake);
        this.cancel(timer);
        resolve(elapsed);
      };
      const wake = (): void => finish(false);
      const timer = this.after(ms, () => finish(true));
      this.sleepers.add(wake);
      signal?.addEventListener('abort', wake);
    });
  }

  clearAll(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    for (const wake of [...this.sleepers]) wake();
  }
}
