/** The ingest step shared by polling and `vigil ingest`: classify, store, find who wants each new item. */

import { type AlertTarget, isAlertable, matchAlerts } from '../alerts/match-alerts.js';
import type { Classification, ClassifyInput } from '../classify/classification.js';
import type { CorpusStore, ItemInput, Source } from '../corpus/corpus-store.js';
import type { ParsedFeed } from '../feeds/feed-item.js';

export interface IngestDeps {
  store: CorpusStore;
  classify: (input: ClassifyInput) => Classification;
}

export interface IngestSummary {
  new: number;
  duplicate: number;
  rejected: number;
  /** Reasons for the rejected entries, as the parser gave them. */
  rejectedReasons: string[];
  /** Deliveries the new items call for. */
  alerts: AlertTarget[];
}

export async function ingestFeed(
  source: Source,
  feed: ParsedFeed,
  fetchedAt: string,
  deps: IngestDeps,
): Promise<IngestSummary> {
  const inputs: ItemInput[] = feed.items.map((item) => {
    const classification = deps.classify({ title: item.title, text: item.text, language: item.language });
    return { ...item, sourceId: source.id, fetchedAt, ...classification };
  });
  const results = inputs.length > 0 ? await deps.store.insertItems(inputs) : [];
  const channels = await deps.store.listChannels();
  const summary: IngestSummary = {
    new: 0,
    duplicate: 0,
    rejected: feed.rejected.length,
    rejectedReasons: feed.rejected.map((entry) => `entry ${entry.index + 1}: ${entry.reason}`),
    alerts: [],
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
    if (isAlertable(stored, source)) summary.alerts.push(...matchAlerts(stored, channels));
  });
  return summary;
}
