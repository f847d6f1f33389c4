/** The ingest step shared by polling and `vigil ingest`: classify, store, find who wants each new item (topics, watches). */

import { type FoldedTarget, foldBursts } from '../alerts/fold-burst.js';
import { isAlertable, matchAlerts } from '../alerts/match-alerts.js';
import type { Classification, ClassifyInput } from '../classify/classification.js';
import type { ChannelSettings } from '../corpus/channel-settings.js';
import type { ItemInput, ItemSearch } from '../corpus/item-search.js';
import type { Source } from '../corpus/source-catalog.js';
import type { ParsedFeed } from '../feeds/feed-item.js';
import { prepareWatches } from '../watches/channel-watches.js';

export interface IngestDeps {
  /** Stores the items, and reads who follows what. */
  store: ItemSearch & ChannelSettings;
  classify: (input: ClassifyInput) => Classification;
}

export interface IngestSummary {
  new: number;
  duplicate: number;
  rejected: number;
  /** Reasons for the rejected entries, as the parser gave them. */
  rejectedReasons: string[];
  /** Deliveries the new items call for; a burst past a channel's budget is folded into a digest. */
  alerts: FoldedTarget[];
  /** Stored watches that no longer parse and were skipped (for the caller to log). */
  skippedWatches: { id: number; error: string }[];
}

export async function ingestFeed(
  source: Source,
  feed: Pick<ParsedFeed, 'items' | 'rejected'>,
  fetchedAt: string,
  deps: IngestDeps,
): Promise<IngestSummary> {
  const inputs: ItemInput[] = feed.items.map((item) => {
    const classification = deps.classify({ title: item.title, text: item.text, language: item.language });
    return { ...item, sourceId: source.id, fetchedAt, ...classification };
  });
  const results = inputs.length > 0 ? await deps.store.insertItems(inputs) : [];
  const channels = await deps.store.listChannels();
  // Loaded and compiled once per ingest, not per item.
  const { watches, failed } = prepareWatches(await deps.store.listWatches());
  const summary: IngestSummary = {
    new: 0,
    duplicate: 0,
    rejected: feed.rejected.length,
    rejectedReasons: feed.rejected.map((entry) => `entry ${entry.index + 1}: ${entry.reason}`),
    alerts: [],
    skippedWatches: failed,
  };
  results.forEach((result, index) => {
    if (result.status === 'duplicate') {
      summary.duplicate++;
      return;
    }
    summary.new++;
    const input = inputs[index];
    if (!input) return;
    const stored = { ...input, id: result.id, storyOf: result.storyOf };
    if (isAlertable(stored, source)) summary.alerts.push(...matchAlerts(stored, channels, watches));
  });
  summary.alerts = foldBursts(summary.alerts);
  return summary;
}
