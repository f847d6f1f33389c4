import { describe, expect, it } from 'vitest';
import { foldBursts } from '../../../src/alerts/fold-burst.js';
import type { AlertTarget } from '../../../src/alerts/match-alerts.js';

const target = (
  itemId: number,
  platform: 'telegram' | 'slack' | 'console',
  channelId = 'c',
): AlertTarget => ({
  itemId,
  channel: { platform, channelId },
  reason: itemId % 2 ? 'topic: sanctions' : 'topic: prisoners',
});

describe('foldBursts', () => {
  it('leaves a burst within the budget alone', () => {
    const targets = [1, 2, 3].map((id) => target(id, 'telegram'));
    expect(foldBursts(targets, { telegram: 3, slack: 3, console: 3 })).toEqual(targets);
  });

  it('folds the overflow of one channel into a single digest in the last slot', () => {
    const targets = [1, 2, 3, 4, 5, 6].map((id) => target(id, 'telegram'));
    const folded = foldBursts(targets, { telegram: 3, slack: 10, console: 10 });
    expect(folded.map((t) => [t.itemId, t.moreItemIds ?? []])).toEqual([
      [1, []],
      [2, []],
      [3, [4, 5, 6]],
    ]);
    expect(folded[2]?.reason).toBe('topic: sanctions; topic: prisoners');
  });

  it('budgets each channel on its own', () => {
    const targets = [
      ...[1, 2, 3, 4].map((id) => target(id, 'telegram', 'a')),
      ...[1, 2, 3, 4].map((id) => target(id, 'slack', 'b')),
      ...[1, 2, 3, 4].map((id) => target(id, 'console', 'stdout')),
    ];
    const folded = foldBursts(targets, { telegram: 2, slack: 4, console: Number.POSITIVE_INFINITY });
    expect(folded.filter((t) => t.channel.platform === 'telegram')).toHaveLength(2);
    expect(folded.filter((t) => t.channel.platform === 'slack')).toHaveLength(4);
    expect(folded.filter((t) => t.channel.platform === 'console')).toHaveLength(4);
    expect(folded.find((t) => t.channel.platform === 'telegram' && t.moreItemIds)?.moreItemIds).toEqual([
      3, 4,
    ]);
  });
});
