/** Keeps computed timer delays inside the range Node's timers accept. Pure. */

/**
 * Node's setTimeout/setInterval take a signed 32-bit delay: past 2^31-1 ms (about 24.8 days) they
 * warn and fire after 1 ms, so an interval that overflows fires a thousand times a second.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A delay Node will honour: NaN or negative becomes `min`, anything past MAX_TIMER_MS becomes
 * MAX_TIMER_MS (a very long wait ends early instead of at once). Every timer whose delay is computed
 * (an interval from the store, a server's Retry-After) goes through this.
 */
export function boundedDelay(ms: number, min = 0): number {
  if (!Number.isFinite(ms)) return ms === Number.POSITIVE_INFINITY ? MAX_TIMER_MS : min;
  return Math.min(MAX_TIMER_MS, Math.max(min, Math.round(ms)));
}
