/**
 * Capped exponential backoff with full jitter: the delay before retry n is a random value in
 * [base * (1 - jitter), base] with base = min(maxMs, initialMs * factor^n). Jitter keeps many
 * Node-RED instances from hammering a broker in lock-step after it comes back.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor?: number;
  /** 0 = none, 1 = anywhere between 0 and the base delay. */
  jitter?: number;
  random?: () => number;
}

export class Backoff {
  private attempts = 0;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(private readonly options: BackoffOptions) {
    if (options.initialMs <= 0 || options.maxMs < options.initialMs) {
      throw new RangeError('backoff needs 0 < initialMs <= maxMs');
    }
    this.factor = options.factor ?? 2;
    this.jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
    this.random = options.random ?? Math.random;
  }

  get attempt(): number {
    return this.attempts;
  }

  next(): number {
    const base = Math.min(this.options.maxMs, this.options.initialMs * this.factor ** this.attempts);
    this.attempts++;
    return Math.round(base * (1 - this.jitter * this.random()));
  }

  reset(): void {
    this.attempts = 0;
  }
}
