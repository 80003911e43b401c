/** The document's "staggered by 100ms" rule for REST requests (§2), tracked per token (login has none). */
export const MIN_SPACING_MS = 100;

export class Pacing {
  private readonly lastByToken = new Map<string, number>();
  violations = 0;

  constructor(private readonly now: () => number) {}

  /** Records a request with this token; true when it came too soon after the previous one. */
  tooSoon(token: string): boolean {
    const at = this.now();
    const last = this.lastByToken.get(token);
    this.lastByToken.set(token, at);
    const early = last !== undefined && at - last < MIN_SPACING_MS;
    if (early) this.violations++;
    return early;
  }
}
