/**
 * A channel that removed the bot (403, chat not found) is unsubscribed, logged and audited rather
 * than retried forever; an admin can subscribe it again once the bot is back.
 */
import type { AuditLog } from '../../src/corpus/audit-log.js';
import type { ChannelSettings } from '../../src/corpus/channel-settings.js';
import type { DigestStore } from '../../src/corpus/digest-store.js';
import { describeSchedule } from '../../src/digests/digest-schedule.js';
import { type ChannelRef, channelKey, type Logger } from '../../src/ports.js';

export async function unsubscribeUnreachable(
  ref: ChannelRef,
  reason: string,
  deps: {
    store: ChannelSettings & AuditLog & Pick<DigestStore, 'getDigestSchedule' | 'removeDigestSchedule'>;
    log: Logger;
  },
  now: Date,
): Promise<void> {
  const channel = await deps.store.getChannel(ref);
  const watches = await deps.store.listWatches(ref);
  const digest = await deps.store.getDigestSchedule(ref);
  deps.log.warn({ channel: channelKey(ref), reason }, 'channel unreachable: unsubscribed');
  if ((!channel || channel.topics.length === 0) && watches.length === 0 && !digest) return;
  const at = now.toISOString();
  if (channel) await deps.store.saveChannel({ ...channel, topics: [] }, at);
  // Its watches go too: they would otherwise keep raising alerts that can never be delivered.
  for (const watch of watches) await deps.store.removeWatch(ref, watch.id);
  if (digest) await deps.store.removeDigestSchedule(ref);
  await deps.store.appendAudit({
    at,
    actor: 'vigil',
    action: 'channel.unsubscribe-unreachable',
    channel: channelKey(ref),
    details: {
      reason,
      before: {
        topics: channel?.topics ?? [],
        watches: watches.map((watch) => watch.expression),
        ...(digest ? { digest: describeSchedule(digest) } : {}),
      },
      after: { topics: [], watches: [], ...(digest ? { digest: 'off' } : {}) },
    },
  });
}
