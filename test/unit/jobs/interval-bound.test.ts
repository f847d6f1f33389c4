// Issue 12, finding 1: a poll interval past Node's 32-bit timer range fired the in-process runner
// thousands of times a second. Intervals are bounded, and so is every computed timer delay.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import { pollSource } from '../../../jobs/handlers/poll-source.js';
import { createInProcessRunner } from '../../../jobs/runners/in-process-runner.js';
import type { JobHandlers } from '../../../jobs/runners/job-runner.js';
import { classify } from '../../../src/classify/classify.js';
import { PlatformRateLimitError } from '../../../src/errors.js';
import { MAX_INTERVAL_SECONDS } from '../../../src/sources/poll-interval.js';
import { boundedDelay, MAX_TIMER_MS } from '../../../src/time/bounded-delay.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { startFeedServer } from '../../helpers/feed-server.js';
import { makeSource } from '../../helpers/make-source.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { delivery } from '../../helpers/runner-contract.js';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

afterEach(() => {
  vi.useRealTimers();
});

describe('the in-process runner at the largest allowed interval', () => {
  it('fetches a source once on start and once a day for a week, on a clock the test advances', async () => {
    const feed = await startFeedServer();
    const store = await createCorpusStore(':memory:');
    const clock = createFakeClock('2025-03-01T00:00:00Z');
    const log = createMemoryLogger();
    try {
      const source = await store.addSource(
        { id: 'daily', name: 'Daily', url: feed.url, intervalSeconds: MAX_INTERVAL_SECONDS },
        clock.now().toISOString(),
      );
      const deps = { store, classify, fetchOptions: { allowPrivate: true }, clock, log };
      const handlers: JobHandlers = {
        poll: (payload, context) => pollSource(payload, deps, context),
        deliver: async () => undefined,
      };
      const runner = createInProcessRunner({ handlers, log, clock, pollOnStart: true });
      await runner.syncSchedules([source]);
      await runner.idle();
      expect(feed.requests).toBe(1);

      for (let hour = 0; hour < 7 * 24; hour++) await clock.advance(HOUR_MS, () => runner.idle());
      expect(feed.requests).toBe(1 + 7);
      expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
      await runner.close();
    } finally {
      await store.close();
      await feed.close();
    }
  });
});

describe('timer delays are bounded', () => {
  it('an interval stored by an older version (3,000,000 s) does not overflow Node’s timer', async () => {
    vi.useFakeTimers();
    let polls = 0;
    const handlers: JobHandlers = { poll: async () => void polls++, deliver: async () => undefined };
    const runner = createInProcessRunner({ handlers, log: createMemoryLogger(), pollOnStart: true });
    await runner.syncSchedules([makeSource({ id: 'legacy', intervalSeconds: 3_000_000 })]);
    await vi.advanceTimersByTimeAsync(5_000);
    // Before the bound, the overflowing interval fired every millisecond: thousands of polls.
    expect(polls).toBe(1);
    await runner.close();
  });

  it('a platform asking to wait longer than the timer range is not retried at once', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const handlers: JobHandlers = {
      poll: async () => undefined,
      deliver: async () => {
        attempts++;
        throw new PlatformRateLimitError('telegram', 2 ** 32);
      },
    };
    const runner = createInProcessRunner({ handlers, log: createMemoryLogger() });
    await runner.enqueue('deliver', delivery(1));
    await vi.advanceTimersByTimeAsync(10);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(attempts).toBe(1);
    // Before the bound, the paused platform's wake-up timer overflowed and re-armed every millisecond.
    expect(timers.mock.calls.length).toBeLessThan(5);
    timers.mockRestore();
    await runner.close();
  });

  it('boundedDelay keeps any computed delay inside 0 … 2^31-1 ms', () => {
    expect(boundedDelay(3_000_000_000)).toBe(MAX_TIMER_MS);
    expect(boundedDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
    expect(boundedDelay(Number.NaN)).toBe(0);
    expect(boundedDelay(-5)).toBe(0);
    expect(boundedDelay(0, 1)).toBe(1);
    expect(boundedDelay(1500.4)).toBe(1500);
    expect(boundedDelay(DAY_MS)).toBe(DAY_MS);
  });
});
