// Precision and recall per kind over (item, kind, value): what the figures-quality bench reports.
import { describe, expect, it } from 'vitest';
import { isHeldOut, parseJudgedSet } from '../../../src/figures/judged-set.js';
import { scoreFigures } from '../../../src/figures/score-figures.js';

describe('scoreFigures', () => {
  it('counts right, missed and extra figures per kind, and items with none', () => {
    const score = scoreFigures(
      ['a1', 'a2', 'a3'],
      { a1: [['released', 52]], a2: [['prisoners', 1160]] },
      {
        a1: [
          ['released', 52],
          ['released', 14],
        ],
        a3: [['designations', 8]],
      },
    );
    const byKind = Object.fromEntries(score.kinds.map((kind) => [kind.kind, kind]));
    expect(byKind.released).toMatchObject({
      judged: 1,
      extracted: 2,
      truePositives: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(byKind.prisoners).toMatchObject({ judged: 1, extracted: 0, precision: 1, recall: 0 });
    expect(byKind.designations).toMatchObject({ judged: 0, extracted: 1, precision: 0, recall: 1 });
    expect(score.overall).toMatchObject({ judged: 2, extracted: 3, truePositives: 1 });
    expect(score.misses).toEqual([
      { itemId: 'a1', kind: 'released', value: 14, error: 'extra' },
      { itemId: 'a2', kind: 'prisoners', value: 1160, error: 'missed' },
      { itemId: 'a3', kind: 'designations', value: 8, error: 'extra' },
    ]);
  });
});

describe('the judged set', () => {
  it('holds out the items whose id number is divisible by 3', () => {
    expect(['c003', 'ta012', 'tg030'].map(isHeldOut)).toEqual([true, true, true]);
    expect(['c004', 'ta013', 'tg031'].map(isHeldOut)).toEqual([false, false, false]);
  });

  it('rejects a kind it does not know and a value that is not a count', () => {
    expect(() => parseJudgedSet({ files: ['x.jsonl'], figures: { a: [['arrests', 3]] } })).toThrow();
    expect(() => parseJudgedSet({ files: ['x.jsonl'], figures: { a: [['released', 2.5]] } })).toThrow();
  });
});
