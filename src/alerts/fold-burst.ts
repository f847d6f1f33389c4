/**
 * A burst of alerts for one channel (a source publishing 30 items at once) would blow the
 * platform's budget: a chat platform may allow about 20 messages a minute in a group (protocols.md
 * 1.3), after which every message waits on 429s. The overflow is folded into one digest message
 * instead of being dropped or delayed for hours. Pure but for the registry of platforms.
 */

import { findPlatform } from '../platforms/registry.js';
import { channelKey } from '../ports.js';
import type { AlertTarget } from './match-alerts.js';

/** Messages one burst may send to one channel of `platform`: its declared limit; the last slot carries the digest. */
export function burstBudget(platform: string): number {
  return findPlatform(platform)?.limits.burstMessages ?? Number.POSITIVE_INFINITY;
}

/** A delivery: one alert, or a digest of the items past the budget (`moreItemIds`). */
export interface FoldedTarget extends AlertTarget {
  moreItemIds?: number[];
}

export function foldBursts(
  targets: readonly AlertTarget[],
  budget: Readonly<Record<string, number>> | ((platform: string) => number) = burstBudget,
): FoldedTarget[] {
  const byChannel = new Map<string, AlertTarget[]>();
  for (const target of targets) {
    const key = channelKey(target.channel);
    const list = byChannel.get(key);
    if (list) list.push(target);
    else byChannel.set(key, [target]);
  }
  const folded: FoldedTarget[] = [];
  for (const list of byChannel.values()) {
    const first = list[0];
    if (!first) continue;
    const platform = first.channel.platform;
    const limit =
      typeof budget === 'function' ? budget(platform) : (budget[platform] ?? Number.POSITIVE_INFINITY);
    if (list.length <= limit) {
      folded.push(...list);
      continue;
    }
    const single = Math.max(0, limit - 1);
    folded.push(...list.slice(0, single));
    const [head, ...rest] = list.slice(single);
    if (head) {
      const reasons = [...new Set(list.slice(single).map((target) => target.reason))];
      folded.push({
        itemId: head.itemId,
        channel: head.channel,
        reason: reasons.join('; '),
        moreItemIds: rest.map((target) => target.itemId),
      });
    }
  }
  return folded;
}
