/** When to poll a source next: its interval when healthy, exponential backoff with jitter when failing. */

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
    const r = Math.min(Math.max(random(), 0), 1);
    delay = Math.max(intervalMs, ceiling / 2 + (ceiling / 2) * r);
  }
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > delay)
    delay = retryAfterMs;
  return Math.round(delay);
}
