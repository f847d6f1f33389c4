/**
 * The ingest step shared by polling and `vigil ingest`: classify, store, and, in the same
 * transaction, queue a delivery for each channel that wants a new item (topics, watches).
 */

import { type AlertPolicy, isAlertable, matchAlerts } from '../alerts/match-alerts.js';
import type { Classification, ClassifyInput } from '../classify/classification.js';
import type { ChannelSettings } from '../corpus/channel-settings.js';
import type { ItemInput, ItemSearch } from '../corpus/item-search.js';
import type { Source } from '../corpus/source-catalog.js';
import type { ParsedFeed } from '../feeds/feed-item.js';
import { type ChannelRef, channelKey } from '../ports.js';
import { prepareWatches } from '../watches/channel-watches.js';

export interface IngestDeps {
  /** Stores the items with their deliveries, and reads who follows what. */
  store: ItemSearch & ChannelSettings;
  classify: (input: ClassifyInput) => Classification;
}

export interface IngestSummary {
  new: number;
  duplicate: number;
  rejected: number;
  /** Reasons for the rejected entries, as the parser gave them. */
  rejectedReasons: string[];
  /** Deliveries queued (one per story and channel). */
  alerts: number;
  /** The channels that got deliveries: each needs its outbox drained. */
  channels: ChannelRef[];
  /** Stored watches that no longer parse and were skipped (for the caller to log). */
  skippedWatches: { id: number; error: string }[];
}

export async function ingestFeed(
  source: Source,
  feed: Pick<ParsedFeed, 'items' | 'rejected'>,
  fetchedAt: string,
  deps: IngestDeps,
  policy: AlertPolicy,
): Promise<IngestSummary> {
  const inputs: ItemInput[] = feed.items.map((item) => {
    const classification = deps.classify({ title: item.title, text: item.text, language: item.language });
    return { ...item, sourceId: source.id, fetchedAt, ...classification };
  });
  // Loaded and compiled once per ingest, not per item; read before the write transaction.
  const channels = await deps.store.listChannels();
  const { watches, failed } = prepareWatches(await deps.store.listWatches());
  const results =
    inputs.length > 0
      ? await deps.store.insertItems(inputs, (stored) =>
          isAlertable(stored, policy) ? matchAlerts(stored, channels, watches) : [],
        )
      : [];
  const summary: IngestSummary = {
    new: 0,
    duplicate: 0,
    rejected: feed.rejected.length,
    rejectedReasons: feed.rejected.map((entry) => `entry ${entry.index + 1}: ${entry.reason}`),
    alerts: 0,
    channels: [],
    skippedWatches: failed,
  };
  const touched = new Map<string, ChannelRef>();
  for (const result of results) {
    if (result.status === 'duplicate') {
      summary.duplicate++;
      continue;
    }
    summary.new++;
    for (const channel of result.queued ?? []) {
      summary.alerts++;
      touched.set(channelKey(channel), channel);
    }
  }
  summary.channels = [...touched.values()];
  return summary;
}
