/** The message for a batch of outbox rows: one alert, or a digest listing the items of a burst. */
import { alertCard, buildAlert, makeSnippet } from '../../src/alerts/build-alert.js';
import type { Batch } from '../../src/alerts/fold-burst.js';
import { type Reply, type ReplyItem, replyCard } from '../../src/commands/reply.js';
import type { Delivery } from '../../src/corpus/delivery-outbox.js';
import type { ItemSearch } from '../../src/corpus/item-search.js';
import type { SourceCatalog } from '../../src/corpus/source-catalog.js';
import type { DeliveryMark, Notifier, SentMessage } from '../../src/ports.js';

export type ComposeStore = ItemSearch & SourceCatalog;

/** Sends the batch through `notifier`; null when none of its items exists any more. */
export async function sendBatch(
  batch: Batch<Delivery>,
  notifier: Notifier,
  store: ComposeStore,
  mark: DeliveryMark,
): Promise<SentMessage | null> {
  const channelId = batch.lead.channel.channelId;
  if (batch.more.length === 0) {
    const root = await store.getItem(batch.lead.itemId);
    if (!root) return null;
    const sources = await Promise.all(
      [root, ...(await store.storyItems(root.id))].map(async (copy) => {
        const source = await store.getSource(copy.sourceId);
        return source?.name ?? copy.sourceId;
      }),
    );
    const [sourceName = root.sourceId, ...others] = sources;
    const alert = buildAlert(root, {
      sourceName,
      alsoReportedBy: [...new Set(others)],
      reason: batch.lead.reason,
      watchTerms: batch.lead.matchedTerms,
    });
    return notifier.send(channelId, alertCard(alert), mark);
  }
  const items: ReplyItem[] = [];
  const rows = [batch.lead, ...batch.more];
  for (const row of rows) {
    const item = await store.getItem(row.itemId);
    if (!item) continue;
    const source = await store.getSource(item.sourceId);
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
  if (items.length === 0) return null;
  const reasons = [...new Set(rows.map((row) => row.reason))].join('; ');
  const reply: Reply = {
    title: `${items.length} more alerts`,
    lines: [`A burst of news: the rest of this batch in one message (${reasons}).`],
    items,
    public: true,
  };
  return notifier.send(channelId, replyCard(reply, 'digest'), mark);
}
