/** Reads an HTTP Retry-After value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */

// A server asking for more than a week is misconfigured; the poller's own backoff cap applies anyway.
const MAX_RETRY_AFTER_MS = 7 * 24 * 3600_000;

/** Milliseconds to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}
