/** When to try again: a source's next poll (its interval, or backoff when failing), and retries of a connection. */

/** The longest a failing source waits between attempts. */
export const MAX_BACKOFF_MS = 6 * 3600_000;
// Failures double the wait from the interval up; past 2^10 the cap has long been reached.
const MAX_EXPONENT = 10;

/**
 * Milliseconds until the next poll. With no failures: the interval. After n consecutive failures:
 * interval × 2^n with "equal jitter" (half fixed, half random, so a fleet of workers that failed
 * together does not return together), capped at MAX_BACKOFF_MS (or the interval, if that is longer).
 * Never earlier than the server's Retry-After, even when that exceeds the cap.
 * See https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function nextPollDelay(
  consecutiveFailures: number,
  intervalSeconds: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const intervalMs = Math.max(1, intervalSeconds) * 1000;
  let delay = intervalMs;
  if (consecutiveFailures > 0) {
    const exponent = Math.min(consecutiveFailures, MAX_EXPONENT);
    const ceiling = Math.min(intervalMs * 2 ** exponent, Math.max(MAX_BACKOFF_MS, intervalMs));
    delay = Math.max(intervalMs, equalJitter(ceiling, random));
  }
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > delay)
    delay = retryAfterMs;
  return Math.round(delay);
}

/** "Equal jitter": half of the ceiling fixed, half random. */
function equalJitter(ceilingMs: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return ceilingMs / 2 + (ceilingMs / 2) * r;
}

/**
 * The wait before retry `attempt` (1, 2, …) of something that failed for want of a connection:
 * `baseMs` doubling per attempt up to `capMs`, with equal jitter.
 */
export function retryDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
  return Math.round(equalJitter(ceiling, random));
}
