/**
 * Keeps sends under a platform's sliding-window limit (Telegram: 30 messages a second overall,
 * protocols.md 1.3) so that a fan-out waits its turn here instead of collecting 429s.
 *
 * A send counts from when it starts until `windowMs` after it finished: the platform stamps a
 * message on arrival, which lies between the two, so a new send never lands in a full window even
 * when requests are slow. Sends start in the order they asked.
 */
import type { Timer, TimerClock } from '../ports.js';

export interface PaceLimit {
  limit: number;
  windowMs: number;
}

export type Pace = <T>(send: () => Promise<T>) => Promise<T>;

export function createSendPace(pace: PaceLimit, clock: TimerClock): Pace {
  const finished: number[] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let wake: Timer | null = null;

  function pump(): void {
    const now = clock.now().getTime();
    while (finished.length > 0 && (finished[0] ?? now) + pace.windowMs <= now) finished.shift();
    while (waiting.length > 0 && inFlight + finished.length < pace.limit) {
      inFlight++;
      waiting.shift()?.();
    }
    const oldest = finished[0];
    if (waiting.length > 0 && wake === null && oldest !== undefined) {
      wake = clock.setTimeout(
        () => {
          wake = null;
          pump();
        },
        oldest + pace.windowMs - now,
      );
    }
  }

  return async (send) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      pump();
    });
    try {
      return await send();
    } finally {
      inFlight--;
      finished.push(clock.now().getTime());
      pump();
    }
  };
}
