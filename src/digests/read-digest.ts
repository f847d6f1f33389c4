/**
 * Reads a digest's items from the store: the window's items (by publication time, as search filters
 * them), and for a channel only the stories it follows, chosen as alerts choose them (its topics,
 * source and language limits, and its watches: src/alerts/match-alerts.ts). A story a channel
 * follows keeps all its copies in the window, so "also reported by" names every outlet.
 */
import { matchAlerts } from '../alerts/match-alerts.js';
import type { ChannelSettings } from '../corpus/channel-settings.js';
import type { DigestStore } from '../corpus/digest-store.js';
import type { ItemSearch } from '../corpus/item-search.js';
import type { SearchQuery } from '../corpus/search-query.js';
import type { ChannelRef } from '../ports.js';
import { prepareWatches } from '../watches/channel-watches.js';
import { composeDigest, type Digest, type NamedItem } from './compose-digest.js';
import { type DigestPeriod, dueAtOrBefore, periodEndingAt } from './digest-schedule.js';

/**
 * A scheduled digest reads the items published up to this long before its period's bounds: a source
 * is polled up to one interval (600 s by default) after an item appears, and an item stored after
 * its period's digest was made would otherwise be in no digest. Shifted at both ends, every item
 * still falls in exactly one period.
 */
export const SETTLE_MS = 15 * 60_000;

/** Items one digest reads at most (newest first); past it the counts say "at least". */
export const MAX_DIGEST_ITEMS = 2000;
const PAGE = 200;
const DAY_MS = 86_400_000;

/** The window's items, newest first, at most MAX_DIGEST_ITEMS; `topics`: only these (empty: all). */
export async function readWindow(
  store: Pick<ItemSearch, 'search'>,
  period: DigestPeriod,
  topics: readonly string[] = [],
): Promise<{ items: NamedItem[]; capped: boolean }> {
  const query: SearchQuery = {
    text: null,
    topics: [...topics],
    sources: [],
    languages: [],
    since: period.start.toISOString(),
    // `until` with a time is inclusive: the window is half-open.
    until: new Date(period.end.getTime() - 1).toISOString(),
  };
  const items: NamedItem[] = [];
  for (;;) {
    const page = await store.search(query, { limit: PAGE, offset: items.length });
    items.push(...page.hits.map((hit) => ({ item: hit.item, sourceName: hit.sourceName })));
    if (page.hits.length < PAGE || items.length >= MAX_DIGEST_ITEMS)
      return {
        items: items.slice(0, MAX_DIGEST_ITEMS),
        capped: items.length >= MAX_DIGEST_ITEMS && page.hits.length === PAGE,
      };
  }
}

export type DigestReader = Pick<ItemSearch, 'search'> & Pick<ChannelSettings, 'getChannel' | 'listWatches'>;

/**
 * The channel's digest of `period`, its times shown in `timeZone`. `topics`: the known topics, in order.
 * `settleMs`: read the items published that long before the period's bounds (scheduled digests).
 */
export async function channelDigest(
  store: DigestReader,
  channel: ChannelRef,
  period: DigestPeriod,
  options: { timeZone: string; topics: readonly string[]; settleMs?: number },
): Promise<Digest> {
  const settings = await store.getChannel(channel);
  const { watches } = prepareWatches(await store.listWatches(channel));
  const settle = options.settleMs ?? 0;
  const window = await readWindow(store, {
    start: new Date(period.start.getTime() - settle),
    end: new Date(period.end.getTime() - settle),
  });
  const followed = new Set(
    window.items
      .filter(({ item }) => matchAlerts(item, settings ? [settings] : [], watches).length > 0)
      .map(({ item }) => item.storyOf ?? item.id),
  );
  const items = window.items.filter(({ item }) => followed.has(item.storyOf ?? item.id));
  return composeDigest(items, {
    period,
    timeZone: options.timeZone,
    topics: [...new Set([...(settings?.topics ?? []), ...options.topics])],
    capped: window.capped,
  });
}

/** The last day up to `now`: what `digest` answers on demand. */
export function lastDay(now: Date): DigestPeriod {
  return { start: new Date(now.getTime() - DAY_MS), end: now };
}

/**
 * The channel's latest digest as data (for a page): its last scheduled period when it has a
 * schedule, else the last day. Read afresh, so it also shows items stored since it was sent.
 */
export async function latestChannelDigest(
  store: DigestReader & Pick<DigestStore, 'getDigestSchedule'>,
  channel: ChannelRef,
  now: Date,
  topics: readonly string[],
): Promise<Digest> {
  const schedule = await store.getDigestSchedule(channel);
  const period = schedule ? periodEndingAt(schedule, dueAtOrBefore(schedule, now)) : lastDay(now);
  return channelDigest(store, channel, period, {
    timeZone: schedule?.timeZone ?? 'UTC',
    topics,
    ...(schedule ? { settleMs: SETTLE_MS } : {}),
  });
}
