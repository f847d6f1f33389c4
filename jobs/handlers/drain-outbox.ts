/**
 * Drains one channel's outbox: the pending deliveries are sent in item order, a burst folded into
 * digests within the platform's budget, and each row marked sent or failed. One process drains a
 * channel at a time (a lease in the store); rows a dead process left `sending` are resolved first
 * (resolve-in-doubt.ts). Nothing is dropped silently: an undeliverable row is kept as `failed`,
 * logged and counted.
 */
import { type Batch, foldBursts } from '../../src/alerts/fold-burst.js';
import type { AuditLog } from '../../src/corpus/audit-log.js';
import type { ChannelSettings } from '../../src/corpus/channel-settings.js';
import type { Delivery, DeliveryOutbox } from '../../src/corpus/delivery-outbox.js';
import type { DigestStore } from '../../src/corpus/digest-store.js';
import { describeError, PermanentError, PlatformRateLimitError } from '../../src/errors.js';
import type { Metrics } from '../../src/metrics.js';
import { type ChannelRef, channelKey, type Logger, type Notifier, type TimerClock } from '../../src/ports.js';
import type { DeliverPayload } from '../job-types.js';
import { type ComposeStore, sendBatch } from './compose-delivery.js';
import type { LeaseHolder } from './lease-holder.js';
import { resolveInDoubt } from './resolve-in-doubt.js';
import { sendDigests } from './send-digests.js';
import { answered, MAX_ATTEMPTS } from './send-outcome.js';
import { unsubscribeUnreachable } from './unreachable-channel.js';

export interface DrainDeps {
  store: DeliveryOutbox & DigestStore & ComposeStore & ChannelSettings & AuditLog;
  notifiers: ReadonlyMap<string, Notifier>;
  log: Logger;
  metrics?: Metrics;
  clock: TimerClock;
  holder: LeaseHolder;
}

export interface DrainSummary {
  outcome: 'drained' | 'busy' | 'no-notifier' | 'lease-lost';
  /** Messages sent. */
  sent: number;
}

/** How long a drain may hold a channel without renewing (renewed before every message). */
export const LEASE_MS = 60_000;
/** Rows read at once: one burst is folded from what is waiting at that moment. */
const SNAPSHOT = 1000;

async function takeLease(channel: ChannelRef, deps: DrainDeps): Promise<boolean> {
  if (await deps.store.takeDeliveryLease(channel, deps.holder.id, LEASE_MS)) return true;
  const current = await deps.store.deliveryLease(channel);
  if (!current) return deps.store.takeDeliveryLease(channel, deps.holder.id, LEASE_MS);
  if (!deps.holder.isDead(current.holder)) return false;
  deps.log.info(
    { channel: channelKey(channel), holder: current.holder },
    'outbox: lease of a gone process taken over',
  );
  return deps.store.takeDeliveryLease(channel, deps.holder.id, LEASE_MS, current.holder);
}

/** Gives up every open row of a channel that can no longer be reached. */
async function undeliverable(channel: ChannelRef, reason: string, deps: DrainDeps): Promise<void> {
  const open = await deps.store.openDeliveries(channel, Number.MAX_SAFE_INTEGER);
  await deps.store.markDeliveryFailed(
    channel,
    open.map((row) => row.itemId),
    reason,
  );
  deps.metrics?.alertsUndeliverable.inc({ platform: channel.platform }, open.length);
  deps.log.error({ channel: channelKey(channel), alerts: open.length, reason }, 'alerts undeliverable');
  await unsubscribeUnreachable(channel, reason, deps, deps.clock.now());
}

/** Sends one batch; false when the channel turned out unreachable (its rows are failed). Throws to retry. */
async function sendOne(
  channel: ChannelRef,
  batch: Batch<Delivery>,
  notifier: Notifier,
  deps: DrainDeps,
): Promise<boolean> {
  const rows = [batch.lead, ...batch.more];
  const ids = rows.map((row) => row.itemId);
  const doubtful = rows.some((row) => row.doubtful);
  await deps.store.markSending(channel, ids, batch.lead.itemId);
  try {
    const message = await sendBatch(batch, notifier, deps.store, {
      key: String(batch.lead.itemId),
      ...(doubtful ? { possibleRepeat: true } : {}),
    });
    if (message === null) {
      await deps.store.markDeliveryFailed(channel, ids, 'the item was deleted before it was sent');
      return true;
    }
    await deps.store.markDelivered(channel, ids, message.messageId);
    deps.metrics?.alertsSent.inc({ platform: channel.platform });
    return true;
  } catch (error) {
    const reason = describeError(error);
    if (error instanceof PlatformRateLimitError) {
      await deps.store.markPending(channel, ids, { error: reason, countAttempt: false, doubtful });
      throw error;
    }
    deps.metrics?.alertsFailed.inc({ platform: channel.platform });
    if (error instanceof PermanentError) {
      await undeliverable(channel, reason, deps);
      return false;
    }
    if (!answered(error)) {
      // Left `sending`: the next drain resolves it as in doubt (the platform may have it).
      deps.log.warn({ channel: channelKey(channel), itemId: batch.lead.itemId, reason }, 'delivery in doubt');
      throw error;
    }
    const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
    if (attempts >= MAX_ATTEMPTS) {
      await deps.store.markDeliveryFailed(channel, ids, `${attempts} attempts failed; last: ${reason}`);
      deps.metrics?.alertsUndeliverable.inc({ platform: channel.platform }, ids.length);
      deps.log.error({ channel: channelKey(channel), itemIds: ids, reason }, 'alerts undeliverable');
      return true;
    }
    await deps.store.markPending(channel, ids, { error: reason, countAttempt: true, doubtful });
    throw error;
  }
}

/** Drains while holding the lease; returns the messages sent, or null when the lease was lost. */
async function drainHeld(channel: ChannelRef, notifier: Notifier, deps: DrainDeps): Promise<number | null> {
  let sent = 0;
  for (;;) {
    const rows = await deps.store.openDeliveries(channel, SNAPSHOT);
    if (rows.length === 0) {
      // Scheduled digests go after the alerts waiting, under the same lease.
      const digests = await sendDigests(channel, notifier, deps, LEASE_MS);
      return digests === null ? null : sent + digests;
    }
    const inDoubt = rows.filter((row) => row.state === 'sending');
    if (inDoubt.length > 0) {
      await resolveInDoubt(channel, inDoubt, notifier, deps, LEASE_MS);
      continue;
    }
    for (const batch of foldBursts(rows)) {
      if (!(await deps.store.takeDeliveryLease(channel, deps.holder.id, LEASE_MS))) return null;
      if (!(await sendOne(channel, batch, notifier, deps))) return sent;
      sent++;
    }
  }
}

export async function drainChannel(payload: DeliverPayload, deps: DrainDeps): Promise<DrainSummary> {
  const { channel } = payload;
  const notifier = deps.notifiers.get(channel.platform);
  if (!notifier) return { outcome: 'no-notifier', sent: 0 };
  let sent = 0;
  for (;;) {
    if (!(await takeLease(channel, deps))) return { outcome: 'busy', sent };
    let held: number | null;
    try {
      held = await drainHeld(channel, notifier, deps);
    } finally {
      await deps.store.releaseDeliveryLease(channel, deps.holder.id);
    }
    if (held === null) return { outcome: 'lease-lost', sent };
    sent += held;
    // A drain that found the lease taken while we released it left its rows to us: look once more.
    const left =
      (await deps.store.openDeliveries(channel, 1)).length + (await deps.store.openDigests(channel)).length;
    if (left === 0) return { outcome: 'drained', sent };
  }
}
