/** Which channels want an item: subscribed topics (with optional source/language limits). Pure. */
import type { Channel, Source, StoredItem } from '../corpus/corpus-store.js';
import type { ChannelRef } from '../ports.js';

export interface AlertTarget {
  itemId: number;
  channel: ChannelRef;
  /** Why the channel gets it, in words: `topic: sanctions`. */
  reason: string;
}

/**
 * The first poll of a newly added source fills the corpus without flooding channels: items published
 * before the source was added are not alerted, nor undated items from a source's first good poll.
 */
export function isAlertable(item: StoredItem, source: Source): boolean {
  if (item.publishedAtEstimated) return source.health.lastSuccessAt !== null;
  return Date.parse(item.publishedAt) >= Date.parse(source.addedAt);
}

export function matchAlerts(item: StoredItem, channels: readonly Channel[]): AlertTarget[] {
  const targets: AlertTarget[] = [];
  for (const channel of channels) {
    if (channel.sources.length > 0 && !channel.sources.includes(item.sourceId)) continue;
    if (channel.languages.length > 0 && (!item.language || !channel.languages.includes(item.language)))
      continue;
    const topics = item.labels.filter((label) => channel.topics.includes(label));
    if (topics.length === 0) continue;
    targets.push({
      itemId: item.id,
      channel: { platform: channel.platform, channelId: channel.channelId },
      reason: `topic: ${topics.join(', ')}`,
    });
  }
  return targets;
}
