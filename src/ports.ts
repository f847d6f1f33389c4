/** The ports the core talks through; adapters and runners implement them. */
import type { Card } from './cards/card.js';
import type { VegaLiteSpec } from './figures/chart-spec.js';
import { boundedDelay } from './time/bounded-delay.js';

/** A structured logger (pino's shape): fields first, a short constant message. */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(bindings: object): Logger;
}

/** What time it is. Core code asks this instead of `new Date()`, so tests can set the time. */
export interface Clock {
  now(): Date;
}

/** A timer from a TimerClock; cancelling twice, or after it fired, is harmless. */
export interface Timer {
  cancel(): void;
}

/**
 * Time as a port: the time, and waiting. Runners and retry loops take one, so tests advance a clock
 * they control instead of sleeping. Delays are bounded (boundedDelay) by every implementation.
 */
export interface TimerClock extends Clock {
  /** Runs `task` once, `ms` from now. */
  setTimeout(task: () => void, ms: number): Timer;
  /** Runs `task` every `ms` (at least 1 ms). */
  setInterval(task: () => void, ms: number): Timer;
  /** Resolves after `ms`, or at once when `signal` is aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock and Node's timers, every delay bounded. */
export const systemClock: TimerClock = {
  now: () => new Date(),
  setTimeout(task, ms) {
    const timer = setTimeout(task, boundedDelay(ms));
    return { cancel: () => clearTimeout(timer) };
  },
  setInterval(task, ms) {
    const timer = setInterval(task, boundedDelay(ms, 1));
    return { cancel: () => clearInterval(timer) };
  },
  sleep(ms, signal) {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, boundedDelay(ms));
      signal?.addEventListener('abort', done, { once: true });
    });
  },
};

/**
 * A chat channel, addressed as platform + the platform's own channel id. `platform` is the name of a
 * registered platform (src/platforms/registry.ts); job payloads check it on the way in.
 */
export interface ChannelRef {
  platform: string;
  channelId: string;
}

export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.channelId}`;
}

/** What a delivery produced on the platform. */
export interface SentMessage {
  messageId: string;
}

/** How an outbox delivery is sent: its key (the story's first item), and whether it may be a repeat. */
export interface DeliveryMark {
  /** Carried in the message where the platform allows (Slack message metadata) to find it again. */
  key: string;
  /** An earlier attempt's outcome is unknown: the message says it may have arrived already. */
  possibleRepeat?: boolean;
}

/** Sends cards (alerts, replies, digests, notices) to one chat platform. Implemented by each adapter. */
export interface Notifier {
  readonly platform: string;
  send(channelId: string, card: Card, mark?: DeliveryMark): Promise<SentMessage>;
  /**
   * Looks among the channel's messages since `since` for one sent with this delivery key (where the
   * platform keeps message metadata). Absent where a bot cannot read what it sent.
   */
  findDelivered?(channelId: string, key: string, since: Date): Promise<SentMessage | null>;
  /** A send that started longer ago than this has ended one way or the other (the request timeout). */
  readonly sendTimeoutMs?: number;
}

/** A chart drawn as a PNG image, and its size in pixels. */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Draws a chart spec (src/figures/chart-spec.ts) as a PNG. The core builds the spec; an adapter
 * (adapters/charts/) draws it, so no chart library loads in src/.
 */
export interface ChartRenderer {
  renderPng(spec: VegaLiteSpec): Promise<ChartImage>;
}
