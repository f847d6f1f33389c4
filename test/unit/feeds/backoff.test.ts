/** nextPollDelay: interval when healthy, capped exponential backoff with jitter, never before Retry-After. */
import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextPollDelay } from '../../../src/feeds/backoff.js';
import { parseRetryAfter } from '../../../src/feeds/retry-after.js';

const fixed = (value: number) => () => value;

describe('nextPollDelay', () => {
  it('is the interval when there are no failures', () => {
    expect(nextPollDelay(0, 600, undefined, fixed(0.7))).toBe(600_000);
  });

  it('doubles with each failure, jittered between half and all of the ceiling', () => {
    expect(nextPollDelay(1, 60, undefined, fixed(0))).toBe(60_000);
    expect(nextPollDelay(1, 60, undefined, fixed(1))).toBe(120_000);
    expect(nextPollDelay(3, 60, undefined, fixed(0))).toBe(240_000);
    expect(nextPollDelay(3, 60, undefined, fixed(1))).toBe(480_000);
    const spread = new Set([0, 0.25, 0.5, 0.75, 1].map((r) => nextPollDelay(4, 60, undefined, fixed(r))));
    expect(spread.size).toBe(5);
  });

  it('is capped', () => {
    expect(nextPollDelay(50, 600, undefined, fixed(1))).toBe(MAX_BACKOFF_MS);
    expect(nextPollDelay(1_000_000, 600, undefined, fixed(0.5))).toBeLessThanOrEqual(MAX_BACKOFF_MS);
  });

  it('never comes before Retry-After, even past the cap', () => {
    expect(nextPollDelay(1, 60, 300_000, fixed(0))).toBe(300_000);
    expect(nextPollDelay(0, 60, 90_000, fixed(0))).toBe(90_000);
    expect(nextPollDelay(50, 600, 24 * 3600_000, fixed(1))).toBe(24 * 3600_000);
    expect(nextPollDelay(2, 60, 1000, fixed(0))).toBe(120_000);
  });

  it('never polls earlier than the interval, whatever random returns', () => {
    for (const r of [-1, 0, 0.5, 1, 2])
      expect(nextPollDelay(1, 600, undefined, fixed(r))).toBeGreaterThanOrEqual(600_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
