/**
 * Measure timestamps (digest §7.3) are strings holding zero-padded epoch milliseconds in UTC, 19 or
 * 20 characters long ("00000001496919128431"); "UNKNOWN" stands for no value.
 */
const DIGITS_RE = /^\s*\d+\s*$/;

/** Epoch ms, or undefined for "UNKNOWN", an empty or non-numeric value, or one too large to hold exactly. */
export function timestampMs(value: unknown): number | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && DIGITS_RE.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : undefined;
}
