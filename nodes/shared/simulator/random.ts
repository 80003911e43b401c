/**
 * Seedable PRNG (mulberry32). Math.random cannot be seeded, and the simulator promises that the same seed and
 * options give the same record sequence, so every random choice goes through one of these.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Mixing the seed once keeps seeds 1, 2, 3 ... from starting on visibly correlated sequences.
    this.state = (Math.imul(seed >>> 0 ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** k distinct items in random order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.float() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** Exponentially distributed duration (Poisson arrivals), clamped so a freak draw cannot stall an agent. */
  exp(mean: number, max = mean * 6): number {
    return Math.min(max, -Math.log(1 - this.float()) * mean);
  }

  /** A new independent generator, so one concern's draws do not shift another concern's sequence. */
  fork(salt: number): Random {
    return new Random(Math.floor(this.float() * 4294967296) ^ salt);
  }
}
