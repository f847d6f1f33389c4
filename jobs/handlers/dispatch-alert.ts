/**
 * Deliver one alert to one channel, once. The store's unique delivery row on (story, channel) is the
 * guard: retries, duplicate jobs and the same story from another outlet find it and send nothing.
 */
import { buildAlert } from '../../src/alerts/build-alert.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { describeError, PermanentError } from '../../src/errors.js';
import type { Metrics } from '../../src/metrics.js';
import { channelKey, type Logger, type Notifier } from '../../src/ports.js';
import type { DeliverPayload } from '../job-types.js';

export interface DeliverDeps {
  store: CorpusStore;
  notifiers: ReadonlyMap<string, Notifier>;
  log: Logger;
  metrics?: Metrics;
}

/**
 * A channel that removed the bot (403, chat not found) is unsubscribed, logged and audited rather
 * than retried forever; an admin can subscribe it again once the bot is back.
 */
async function unsubscribeUnreachable(
  payload: DeliverPayload,
  reason: string,
  deps: DeliverDeps,
): Promise<void> {
  const channel = await deps.store.getChannel(payload.channel);
  deps.log.warn({ channel: channelKey(payload.channel), reason }, 'channel unreachable: unsubscribed');
  if (!channel || channel.topics.length === 0) return;
  const now = new Date().toISOString();
  await deps.store.saveChannel({ ...channel, topics: [] }, now);
  await deps.store.appendAudit({
    at: now,
    actor: 'vigil',
    action: 'channel.unsubscribe-unreachable',
    channel: channelKey(payload.channel),
    details: { reason, before: { topics: channel.topics }, after: { topics: [] } },
  });
}

export type DeliverOutcome = 'sent' | 'already-sent' | 'in-doubt' | 'no-item' | 'no-notifier';

export async function dispatchAlert(payload: DeliverPayload, deps: DeliverDeps): Promise<DeliverOutcome> {
  const item = await deps.store.getItem(payload.itemId);
  if (!item) return 'no-item';
  const notifier = deps.notifiers.get(payload.channel.platform);
  if (!notifier) return 'no-notifier';
  // One alert per story and channel: the first stored item of a story stands for all its copies.
  const storyId = item.storyOf ?? item.id;
  const claimed = await deps.store.claimDelivery(storyId, payload.channel);
  if (!claimed) {
    const delivery = await deps.store.getDelivery(storyId, payload.channel);
    if (delivery?.state === 'sent') return 'already-sent';
    // A failed row is an attempt whose send failed: retry it. A pending row is an attempt that is
    // sending right now or died mid-send (the platform may have the message): sending again could
    // post it twice, so leave it (at most once; the row stays pending for an operator to see).
    if (delivery?.state === 'pending') {
      deps.log.warn(
        { channel: channelKey(payload.channel), itemId: storyId },
        'delivery in doubt: not resent',
      );
      return 'in-doubt';
    }
  }
  const root = storyId === item.id ? item : ((await deps.store.getItem(storyId)) ?? item);
  const sources = await Promise.all(
    [root, ...(await deps.store.storyItems(root.id))].map(async (copy) => {
      const source = await deps.store.getSource(copy.sourceId);
      return source?.name ?? copy.sourceId;
    }),
  );
  const [sourceName = root.sourceId, ...others] = sources;
  const alert = buildAlert(root, {
    sourceName,
    alsoReportedBy: [...new Set(others)],
    reason: payload.reason,
    watchTerms: payload.matchedTerms ?? [],
  });
  try {
    const sent = await notifier.sendAlert(payload.channel.channelId, alert);
    await deps.store.markDelivered(storyId, payload.channel, sent.messageId);
    deps.metrics?.alertsSent.inc({ platform: payload.channel.platform });
    return 'sent';
  } catch (error) {
    await deps.store.markDeliveryFailed(storyId, payload.channel, describeError(error));
    deps.metrics?.alertsFailed.inc({ platform: payload.channel.platform });
    if (error instanceof PermanentError) await unsubscribeUnreachable(payload, describeError(error), deps);
    throw error;
  }
}
