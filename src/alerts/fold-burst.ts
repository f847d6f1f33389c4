/**
 * A burst of alerts for one channel (a source publishing 30 items at once) would blow the
 * platform's budget: a chat platform may allow about 20 messages a minute in a group (protocols.md
 * 1.3), after which every message waits on 429s. The overflow is folded into digest messages instead
 * of being dropped or delayed for hours. The drainer folds what a channel has waiting when it looks.
 * Pure but for the registry of platforms.
 */

import { findPlatform } from '../platforms/registry.js';
import { type ChannelRef, channelKey } from '../ports.js';

/** Messages one burst may send to one channel of `platform`: its declared limit; the last slots carry the digests. */
export function burstBudget(platform: string): number {
  return findPlatform(platform)?.limits.burstMessages ?? Number.POSITIVE_INFINITY;
}

/** Items one digest message lists (a message of some platforms holds about 50 blocks; others split long text). */
export const DIGEST_MAX_ITEMS = 20;

/** One message: an alert (`more` empty), or a digest of `lead` and `more`, in order. */
export interface Batch<T> {
  lead: T;
  more: T[];
}

/** How many of `count` waiting alerts go alone when at most `budget` messages may be sent. */
function singlesWithin(count: number, budget: number, digestMax: number): number {
  if (count <= budget) return count;
  let singles = Math.max(0, budget - 1);
  while (singles > 0 && singles + Math.ceil((count - singles) / digestMax) > budget) singles--;
  return singles;
}

export function foldBursts<T extends { channel: ChannelRef }>(
  targets: readonly T[],
  budget: Readonly<Record<string, number>> | ((platform: string) => number) = burstBudget,
  digestMax = DIGEST_MAX_ITEMS,
): Batch<T>[] {
  const byChannel = new Map<string, T[]>();
  for (const target of targets) {
    const key = channelKey(target.channel);
    const list = byChannel.get(key);
    if (list) list.push(target);
    else byChannel.set(key, [target]);
  }
  const batches: Batch<T>[] = [];
  for (const list of byChannel.values()) {
    const first = list[0];
    if (!first) continue;
    const platform = first.channel.platform;
    const limit =
      typeof budget === 'function' ? budget(platform) : (budget[platform] ?? Number.POSITIVE_INFINITY);
    const singles = singlesWithin(list.length, limit, digestMax);
    for (const lead of list.slice(0, singles)) batches.push({ lead, more: [] });
    for (let start = singles; start < list.length; start += digestMax) {
      const [lead, ...more] = list.slice(start, start + digestMax);
      if (lead) batches.push({ lead, more });
    }
  }
  return batches;
}
