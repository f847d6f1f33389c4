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
 * When a new item alerts (baseline semantics, as users of feed readers expect): the first successful
 * poll of a source fills the corpus without alerting; after that every item seen for the first time
 * alerts, undated ones too, unless its date is older than `maxAgeMs` (a feed reissuing old items).
 */
export interface AlertPolicy {
  /** This poll is the source's first successful one: store, do not alert. */
  baseline: boolean;
  /** The time of the poll. */
  now: Date;
  /** Items dated further back than this are stored without alerting; null: no limit. */
  maxAgeMs: number | null;
}

export const DEFAULT_MAX_ALERT_AGE_HOURS = 48;

/** The policy of a poll of `source` (nothing alerts until it has succeeded once). */
export function pollPolicy(
  source: Source,
  now: Date,
  maxAgeHours = DEFAULT_MAX_ALERT_AGE_HOURS,
): AlertPolicy {
  return { baseline: source.health.lastSuccessAt === null, now, maxAgeMs: maxAgeHours * 3_600_000 };
}

export function isAlertable(item: StoredItem, policy: AlertPolicy): boolean {
  if (policy.baseline) return false;
  // An undated item gets the time it was first seen: it is new now.
  if (item.publishedAtEstimated || policy.maxAgeMs === null) return true;
  return policy.now.getTime() - Date.parse(item.publishedAt) <= policy.maxAgeMs;
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
