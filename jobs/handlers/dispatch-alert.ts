/**
 * Deliver one alert to one channel, once. The store's unique delivery row on (story, channel) is the
 * guard: retries, duplicate jobs and the same story from another outlet find it and send nothing.
 */
import { alertCard, buildAlert, makeSnippet } from '../../src/alerts/build-alert.js';
import { type Reply, type ReplyItem, replyCard } from '../../src/commands/reply.js';
import type { AuditLog } from '../../src/corpus/audit-log.js';
import type { ChannelSettings } from '../../src/corpus/channel-settings.js';
import type { DeliveryOutbox } from '../../src/corpus/delivery-outbox.js';
import type { ItemSearch } from '../../src/corpus/item-search.js';
import type { SourceCatalog } from '../../src/corpus/source-catalog.js';
import { describeError, PermanentError } from '../../src/errors.js';
import type { Metrics } from '../../src/metrics.js';
import { channelKey, type Logger, type Notifier, type SentMessage } from '../../src/ports.js';
import type { DeliverPayload } from '../job-types.js';

export interface DeliverDeps {
  /** The delivery row first; the item, its source and the channel's settings to build and address the alert. */
  store: DeliveryOutbox & ItemSearch & SourceCatalog & ChannelSettings & AuditLog;
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
  const watches = await deps.store.listWatches(payload.channel);
  deps.log.warn({ channel: channelKey(payload.channel), reason }, 'channel unreachable: unsubscribed');
  if ((!channel || channel.topics.length === 0) && watches.length === 0) return;
  const now = new Date().toISOString();
  if (channel) await deps.store.saveChannel({ ...channel, topics: [] }, now);
  // Its watches go too: they would otherwise keep raising alerts that can never be delivered.
  for (const watch of watches) await deps.store.removeWatch(payload.channel, watch.id);
  await deps.store.appendAudit({
    at: now,
    actor: 'vigil',
    action: 'channel.unsubscribe-unreachable',
    channel: channelKey(payload.channel),
    details: {
      reason,
      before: { topics: channel?.topics ?? [], watches: watches.map((watch) => watch.expression) },
      after: { topics: [], watches: [] },
    },
  });
}

export type DeliverOutcome = 'sent' | 'already-sent' | 'in-doubt' | 'no-item' | 'no-notifier';

type Claim = 'claimed' | 'already-sent' | 'in-doubt';

/**
 * Claims the (story, channel) delivery row. A failed row is an attempt whose send failed: retry it.
 * A pending row is an attempt that is sending right now or died mid-send (the platform may have the
 * message): sending again could post it twice, so leave it (at most once; the row stays pending for
 * an operator to see).
 */
async function claim(storyId: number, payload: DeliverPayload, deps: DeliverDeps): Promise<Claim> {
  if (await deps.store.claimDelivery(storyId, payload.channel)) return 'claimed';
  const delivery = await deps.store.getDelivery(storyId, payload.channel);
  if (delivery?.state === 'sent') return 'already-sent';
  if (delivery?.state === 'pending') {
    deps.log.warn({ channel: channelKey(payload.channel), itemId: storyId }, 'delivery in doubt: not resent');
    return 'in-doubt';
  }
  return 'claimed';
}

/** Sends, then records the outcome on every claimed story row; a removed bot unsubscribes the channel. */
async function send(
  storyIds: readonly number[],
  payload: DeliverPayload,
  deps: DeliverDeps,
  post: () => Promise<SentMessage>,
): Promise<DeliverOutcome> {
  try {
    const sent = await post();
    for (const storyId of storyIds) await deps.store.markDelivered(storyId, payload.channel, sent.messageId);
    deps.metrics?.alertsSent.inc({ platform: payload.channel.platform });
    return 'sent';
  } catch (error) {
    for (const storyId of storyIds)
      await deps.store.markDeliveryFailed(storyId, payload.channel, describeError(error));
    deps.metrics?.alertsFailed.inc({ platform: payload.channel.platform });
    if (error instanceof PermanentError) await unsubscribeUnreachable(payload, describeError(error), deps);
    throw error;
  }
}

export async function dispatchAlert(payload: DeliverPayload, deps: DeliverDeps): Promise<DeliverOutcome> {
  const notifier = deps.notifiers.get(payload.channel.platform);
  if (!notifier) return 'no-notifier';
  if (payload.moreItemIds?.length) return dispatchDigest(payload, notifier, deps);
  const item = await deps.store.getItem(payload.itemId);
  if (!item) return 'no-item';
  // One alert per story and channel: the first stored item of a story stands for all its copies.
  const storyId = item.storyOf ?? item.id;
  const claimed = await claim(storyId, payload, deps);
  if (claimed !== 'claimed') return claimed;
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
  return send([storyId], payload, deps, () => notifier.send(payload.channel.channelId, alertCard(alert)));
}

/** The overflow of a burst as one message listing the items (folded by src/alerts/fold-burst.ts). */
async function dispatchDigest(
  payload: DeliverPayload,
  notifier: Notifier,
  deps: DeliverDeps,
): Promise<DeliverOutcome> {
  const storyIds: number[] = [];
  const items: ReplyItem[] = [];
  for (const itemId of [payload.itemId, ...(payload.moreItemIds ?? [])]) {
    const item = await deps.store.getItem(itemId);
    if (!item) continue;
    const storyId = item.storyOf ?? item.id;
    if (storyIds.includes(storyId) || (await claim(storyId, payload, deps)) !== 'claimed') continue;
    storyIds.push(storyId);
    const source = await deps.store.getSource(item.sourceId);
    items.push({
      id: item.id,
      title: item.title,
      url: item.url,
      source: source?.name ?? item.sourceId,
      publishedAt: item.publishedAt,
      labels: item.labels,
      snippet: makeSnippet(item.text, 160),
    });
  }
  if (items.length === 0) return 'already-sent';
  const reply: Reply = {
    title: `${items.length} more alerts`,
    lines: [`A burst of news: the rest of this batch in one message (${payload.reason}).`],
    items,
    public: true,
  };
  return send(storyIds, payload, deps, () =>
    notifier.send(payload.channel.channelId, replyCard(reply, 'digest')),
  );
}
