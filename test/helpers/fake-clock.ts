/**
 * A TimerClock that only moves when a test advances it: timers fire in time order, and between two
 * timers the event loop gets a turn so the jobs they start can finish. Delays are bounded like
 * systemClock's (the TimerClock contract).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Timer, TimerClock } from '../../src/ports.js';
import { boundedDelay } from '../../src/time/bounded-delay.js';

export interface FakeClock extends TimerClock {
  /** Moves time forward by `ms`, firing every timer that comes due on the way, in order. */
  advance(ms: number, settle?: () => Promise<void>): Promise<void>;
  /** Timers waiting to fire. */
  pending(): number;
}

interface Entry {
  due: number;
  seq: number;
  every: number | null;
  task: () => void;
}

export function createFakeClock(start = '2025-01-01T00:00:00Z'): FakeClock {
  let now = Date.parse(start);
  let seq = 0;
  const entries = new Set<Entry>();

  function add(task: () => void, ms: number, every: number | null): Timer {
    const entry = { due: now + ms, seq: seq++, every, task };
    entries.add(entry);
    return { cancel: () => void entries.delete(entry) };
  }

  function next(until: number): Entry | undefined {
    let first: Entry | undefined;
    for (const entry of entries) {
      if (entry.due > until) continue;
      if (!first || entry.due < first.due || (entry.due === first.due && entry.seq < first.seq))
        first = entry;
    }
    return first;
  }

  const clock: FakeClock = {
    now: () => new Date(now),
    setTimeout: (task, ms) => add(task, boundedDelay(ms), null),
    setInterval: (task, ms) => {
      const every = boundedDelay(ms, 1);
      return add(task, every, every);
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const timer = clock.setTimeout(resolve, ms);
        signal?.addEventListener(
          'abort',
          () => {
            timer.cancel();
            resolve();
          },
          { once: true },
        );
      });
    },
    async advance(ms, settle = async () => undefined) {
      const until = now + ms;
      for (let entry = next(until); entry; entry = next(until)) {
        now = entry.due;
        if (entry.every === null) entries.delete(entry);
        else entry.due += entry.every;
        entry.task();
        await nextTurn();
        await settle();
      }
      now = until;
    },
    pending: () => entries.size,
  };
  return clock;
}
