/**
 * Sends a channel's scheduled digests, called by its drainer under the channel's lease: each digest's
 * parts in order, each part marked as it arrives, so a restart goes on from the first part the
 * platform does not have. A part whose attempt has an unknown outcome (the process died while
 * sending) is settled as alerts are (resolve-in-doubt.ts): looked for on the platform where it can
 * be, else sent again marked as a possible repeat. Never sent twice blindly.
 */
import type { AuditLog } from '../../src/corpus/audit-log.js';
import type { ChannelSettings } from '../../src/corpus/channel-settings.js';
import type { DeliveryOutbox } from '../../src/corpus/delivery-outbox.js';
import type { DigestStore, StoredDigest } from '../../src/corpus/digest-store.js';
import { describeError, PermanentError, PlatformRateLimitError } from '../../src/errors.js';
import { type ChannelRef, channelKey, type Logger, type Notifier, type TimerClock } from '../../src/ports.js';
import type { LeaseHolder } from './lease-holder.js';
import { settleAttempt } from './resolve-in-doubt.js';
import { answered, MAX_ATTEMPTS } from './send-outcome.js';
import { unsubscribeUnreachable } from './unreachable-channel.js';

export interface DigestSendDeps {
  store: DigestStore & DeliveryOutbox & ChannelSettings & AuditLog;
  log: Logger;
  clock: TimerClock;
  holder: LeaseHolder;
}

/** The delivery key of one part: carried in the message where the platform keeps metadata. */
const digestPartKey = (digest: Pick<StoredDigest, 'id'>, part: number) => `digest-${digest.id}-${part}`;

/** Records a failed send; throws when the part is to be tried again (the runner retries the drain). */
async function failed(digest: StoredDigest, error: unknown, doubtful: boolean, deps: DigestSendDeps) {
  const reason = describeError(error);
  const log = deps.log.child({ channel: channelKey(digest.channel), digestId: digest.id });
  if (error instanceof PlatformRateLimitError) {
    await deps.store.markDigestPending(digest.id, { error: reason, countAttempt: false, doubtful });
    throw error;
  }
  if (!answered(error)) {
    // Left `sending`: the next drain settles it as in doubt.
    log.warn({ reason }, 'digest in doubt');
    throw error;
  }
  if (error instanceof PermanentError || digest.attempts + 1 >= MAX_ATTEMPTS) {
    await deps.store.markDigestFailed(digest.id, reason);
    log.error({ reason }, 'digest undeliverable');
    // The bot was removed or the channel is gone: as for alerts, the channel stops getting anything.
    if (error instanceof PermanentError)
      await unsubscribeUnreachable(digest.channel, reason, deps, deps.clock.now());
    return;
  }
  await deps.store.markDigestPending(digest.id, { error: reason, countAttempt: true, doubtful });
  throw error;
}

/** Sends every open digest of the channel; the messages sent, or null when the lease was lost. */
export async function sendDigests(
  channel: ChannelRef,
  notifier: Notifier,
  deps: DigestSendDeps,
  leaseMs: number,
): Promise<number | null> {
  let sent = 0;
  for (const digest of await deps.store.openDigests(channel)) {
    let part = digest.partsSent;
    let doubtful = digest.doubtful;
    if (digest.state === 'sending') {
      const key = digestPartKey(digest, part);
      const outcome = await settleAttempt(
        channel,
        { key, startedAt: digest.attemptStartedAt },
        notifier,
        deps,
        leaseMs,
      );
      if (typeof outcome === 'object') {
        await deps.store.markDigestPartSent(digest.id, digest.parts.length);
        part++;
      } else {
        doubtful = outcome === 'repeat';
        await deps.store.markDigestPending(digest.id, { error: null, countAttempt: false, doubtful });
      }
      deps.log.info(
        {
          channel: channelKey(channel),
          digestId: digest.id,
          key,
          outcome: typeof outcome === 'object' ? 'found' : outcome,
        },
        'digest in doubt: settled',
      );
    }
    for (; part < digest.parts.length; part++) {
      const card = digest.parts[part];
      if (!card) break;
      if (!(await deps.store.takeDeliveryLease(channel, deps.holder.id, leaseMs))) return null;
      await deps.store.markDigestSending(digest.id, deps.clock.now());
      try {
        await notifier.send(channel.channelId, card, {
          key: digestPartKey(digest, part),
          ...(doubtful ? { possibleRepeat: true } : {}),
        });
      } catch (error) {
        await failed(digest, error, doubtful, deps);
        break;
      }
      await deps.store.markDigestPartSent(digest.id, digest.parts.length);
      doubtful = false;
      sent++;
    }
  }
  return sent;
}
