import { describe, expect, it } from 'vitest';
import { foldBursts } from '../../../src/alerts/fold-burst.js';
import type { ChannelRef } from '../../../src/ports.js';

const target = (itemId: number, platform: ChannelRef['platform'], channelId = 'c') => ({
  itemId,
  channel: { platform, channelId },
});

const shape = (batches: ReturnType<typeof foldBursts<ReturnType<typeof target>>>) =>
  batches.map((batch) => [batch.lead.itemId, batch.more.map((t) => t.itemId)]);

describe('foldBursts', () => {
  it('leaves a burst within the budget alone', () => {
    const targets = [1, 2, 3].map((id) => target(id, 'telegram'));
    expect(shape(foldBursts(targets, { telegram: 3, slack: 3, console: 3 }))).toEqual([
      [1, []],
      [2, []],
      [3, []],
    ]);
  });

  it('folds the overflow of one channel into a digest in the last slot', () => {
    const targets = [1, 2, 3, 4, 5, 6].map((id) => target(id, 'telegram'));
    expect(shape(foldBursts(targets, { telegram: 3, slack: 10, console: 10 }))).toEqual([
      [1, []],
      [2, []],
      [3, [4, 5, 6]],
    ]);
  });

  it('splits a long overflow into digests of at most digestMax items, still within the budget', () => {
    const targets = Array.from({ length: 20 }, (_, i) => target(i + 1, 'telegram'));
    const batches = foldBursts(targets, { telegram: 5, slack: 5, console: 5 }, 5);
    expect(batches.length).toBeLessThanOrEqual(5);
    expect(batches.every((batch) => batch.more.length < 5)).toBe(true);
    expect(batches.flatMap((batch) => [batch.lead, ...batch.more]).map((t) => t.itemId)).toEqual(
      targets.map((t) => t.itemId),
    );
  });

  it('budgets each channel on its own', () => {
    const targets = [
      ...[1, 2, 3, 4].map((id) => target(id, 'telegram', 'a')),
      ...[1, 2, 3, 4].map((id) => target(id, 'slack', 'b')),
      ...[1, 2, 3, 4].map((id) => target(id, 'console', 'stdout')),
    ];
    const batches = foldBursts(targets, { telegram: 2, slack: 4, console: Number.POSITIVE_INFINITY });
    const of = (platform: string) => batches.filter((batch) => batch.lead.channel.platform === platform);
    expect(of('telegram')).toHaveLength(2);
    expect(of('slack')).toHaveLength(4);
    expect(of('console')).toHaveLength(4);
    expect(of('telegram')[1]?.more.map((t) => t.itemId)).toEqual([3, 4]);
  });
});
