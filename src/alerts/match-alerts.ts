/**
 * Which channels want an item: subscribed topics and keyword watches (with the channel's optional
 * source/language limits). One target per channel and item, whatever matched. Pure.
 */
import type { Channel, Source, StoredItem } from '../corpus/corpus-store.js';
import { type ChannelRef, channelKey } from '../ports.js';
import type { ChannelWatch } from '../watches/channel-watches.js';
import { matchWatch } from '../watches/compile-watch.js';
import { type WatchSubject, watchSubject } from '../watches/watch-subject.js';

export interface AlertTarget {
  itemId: number;
  channel: ChannelRef;
  /** Why the channel gets it, in words: `topic: sanctions`, `watch #3: Łukašenka potash`. */
  reason: string;
  /** The item's words that matched the channel's watches (`Лукашенко`, `калий`); absent for topics only. */
  matchedTerms?: string[];
}

/**
 * The first poll of a newly added source fills the corpus without flooding channels: items published
 * before the source was added are not alerted, nor undated items from a source's first good poll.
 */
export function isAlertable(item: StoredItem, source: Source): boolean {
  if (item.publishedAtEstimated) return source.health.lastSuccessAt !== null;
  return Date.parse(item.publishedAt) >= Date.parse(source.addedAt);
}

function passesLimits(channel: Channel | undefined, item: StoredItem): boolean {
  if (channel === undefined) return true;
  if (channel.sources.length > 0 && !channel.sources.includes(item.sourceId)) return false;
  if (channel.languages.length > 0 && (!item.language || !channel.languages.includes(item.language)))
    return false;
  return true;
}

/**
 * `watches` come compiled (prepareWatches, once per ingest); the item's keys are computed at most
 * once here, and only when some channel has a watch.
 */
export function matchAlerts(
  item: StoredItem,
  channels: readonly Channel[],
  watches: readonly ChannelWatch[] = [],
): AlertTarget[] {
  const byKey = new Map<string, { ref: ChannelRef; channel?: Channel; watches: ChannelWatch[] }>();
  for (const channel of channels) {
    byKey.set(channelKey(channel), {
      ref: { platform: channel.platform, channelId: channel.channelId },
      channel,
      watches: [],
    });
  }
  for (const watch of watches) {
    const key = channelKey(watch.channel);
    const entry = byKey.get(key) ?? { ref: watch.channel, watches: [] };
    entry.watches.push(watch);
    byKey.set(key, entry);
  }

  let subject: WatchSubject | null = null;
  const targets: AlertTarget[] = [];
  for (const { ref, channel, watches: channelWatches } of byKey.values()) {
    if (!passesLimits(channel, item)) continue;
    const reasons: string[] = [];
    const matched = new Set<string>();
    const topics = channel ? item.labels.filter((label) => channel.topics.includes(label)) : [];
    if (topics.length > 0) reasons.push(`topic: ${topics.join(', ')}`);
    for (const watch of channelWatches) {
      subject ??= watchSubject(item);
      const match = matchWatch(watch.compiled, subject);
      if (match === null) continue;
      reasons.push(`watch #${watch.id}: ${watch.expression}`);
      for (const term of match.terms) if (term.found !== null) matched.add(term.found);
    }
    if (reasons.length === 0) continue;
    const target: AlertTarget = { itemId: item.id, channel: ref, reason: reasons.join('; ') };
    if (matched.size > 0) target.matchedTerms = [...matched];
    targets.push(target);
  }
  return targets;
}
