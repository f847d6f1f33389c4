/**
 * Deliveries in doubt: an attempt started (`sending`) and its outcome never came back (the process
 * died, or the request failed without an answer). They are resolved, never dropped. Once the attempt
 * is older than the platform's request timeout (it has surely ended):
 * - where the platform lets the bot read the channel (Slack), the message is looked for by its
 *   delivery key; found, the row is sent; not found, it is sent again;
 * - elsewhere (Telegram: a bot cannot read what it sent) it is sent again, marked as a possible repeat.
 */
import type { Delivery, DeliveryOutbox } from '../../src/corpus/delivery-outbox.js';
import type { Metrics } from '../../src/metrics.js';
import {
  type ChannelRef,
  channelKey,
  type Logger,
  type Notifier,
  type SentMessage,
  type TimerClock,
} from '../../src/ports.js';
import type { LeaseHolder } from './lease-holder.js';

/** The request timeout of a platform that does not say its own. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;
/** The history looked through starts this long before the attempt (clocks differ). */
const LOOK_BACK_MS = 60_000;

export interface InDoubtDeps {
  store: DeliveryOutbox;
  log: Logger;
  metrics?: Metrics;
  clock: TimerClock;
  holder: LeaseHolder;
}

/**
 * What became of one attempt of unknown outcome (`key`, started at `startedAt`), once it has surely
 * ended: the message found on the platform, `resend` (it is not there), or `repeat` (the platform
 * cannot tell: send again, marked as a possible repeat).
 */
export async function settleAttempt(
  channel: ChannelRef,
  attempt: { key: string; startedAt: string | null },
  notifier: Notifier,
  deps: InDoubtDeps,
  leaseMs: number,
): Promise<SentMessage | 'resend' | 'repeat'> {
  const startedAt = Date.parse(attempt.startedAt ?? '') || deps.clock.now().getTime();
  const wait = startedAt + (notifier.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS) - deps.clock.now().getTime();
  if (wait > 0) {
    await deps.store.takeDeliveryLease(channel, deps.holder.id, wait + leaseMs);
    await deps.clock.sleep(wait);
  }
  if (!notifier.findDelivered) return 'repeat';
  const found = await notifier.findDelivered(
    channel.channelId,
    attempt.key,
    new Date(startedAt - LOOK_BACK_MS),
  );
  return found ?? 'resend';
}

export async function resolveInDoubt(
  channel: ChannelRef,
  rows: readonly Delivery[],
  notifier: Notifier,
  deps: InDoubtDeps,
  leaseMs: number,
): Promise<void> {
  const attempts = new Map<number, Delivery[]>();
  for (const row of rows) {
    const key = row.attemptKey ?? row.itemId;
    attempts.set(key, [...(attempts.get(key) ?? []), row]);
  }
  const log = deps.log.child({ channel: channelKey(channel) });
  for (const [key, group] of attempts) {
    const ids = group.map((row) => row.itemId);
    const outcome = await settleAttempt(
      channel,
      { key: String(key), startedAt: group[0]?.attemptStartedAt ?? null },
      notifier,
      deps,
      leaseMs,
    );
    if (outcome === 'repeat') {
      await deps.store.markPending(channel, ids, { error: null, countAttempt: false, doubtful: true });
      log.warn({ itemIds: ids }, 'delivery in doubt: sending again, marked as a possible repeat');
    } else if (outcome === 'resend') {
      await deps.store.markPending(channel, ids, { error: null, countAttempt: false, doubtful: false });
      log.info({ itemIds: ids }, 'delivery in doubt: not on the platform, sending again');
    } else {
      await deps.store.markDelivered(channel, ids, outcome.messageId);
      deps.metrics?.alertsSent.inc({ platform: channel.platform });
      log.info(
        { itemIds: ids, messageId: outcome.messageId },
        'delivery in doubt: found on the platform, not resent',
      );
    }
  }
}
