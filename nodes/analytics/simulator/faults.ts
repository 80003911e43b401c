/** Injected faults: one-shot REST failures and a pod failover window in which REST and WebSocket upgrades get 503. */

export class Faults {
  private rest?: { status: number; times: number };
  private refusedUntil = 0;

  constructor(private readonly now: () => number) {}

  failNextRest(status: number, times = 1): void {
    if (!(Number.isInteger(status) && status >= 400 && status <= 599)) throw new RangeError('failNextRest needs an HTTP error status (400-599)');
    if (!(Number.isInteger(times) && times >= 1)) throw new RangeError('failNextRest needs times >= 1');
    this.rest = { status, times };
  }

  /** The injected status for this request, if one is pending. */
  takeRest(): number | undefined {
    const fault = this.rest;
    if (!fault) return undefined;
    this.rest = fault.times > 1 ? { status: fault.status, times: fault.times - 1 } : undefined;
    return fault.status;
  }

  refuseFor(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError('refuseConnections needs a number of ms >= 0');
    this.refusedUntil = this.now() + ms;
  }

  get refusing(): boolean {
    return this.now() < this.refusedUntil;
  }
}
