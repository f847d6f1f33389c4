// Restatements join their point, new values make new points, same-day disagreements are kept and flagged.
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/figures/build-timeline.js';
import type { Figure } from '../../../src/figures/figure.js';

function figure(overrides: Partial<Figure> & Pick<Figure, 'kind' | 'value' | 'date' | 'itemId'>): Figure {
  return {
    approximate: false,
    datePrecision: 'day',
    dateFromText: false,
    by: null,
    parts: null,
    span: { field: 'text', start: 0, end: 1, quote: '…' },
    ...overrides,
  };
}

function brief(figures: Figure[]): string[] {
  return buildTimeline(figures).map(
    (point) =>
      `${point.date} ${point.kind} ${point.value}${point.approximate ? '~' : ''}${point.conflicting ? ' conflicting' : ''}` +
      ` [${point.figures.map((f) => f.itemId).join(',')}]`,
  );
}

describe('buildTimeline', () => {
  it('lets a later item that restates a count join its point, and a new count make a new one', () => {
    expect(
      brief([
        figure({ kind: 'prisoners', value: 1150, date: '2025-02-05', itemId: 3 }),
        figure({ kind: 'prisoners', value: 1160, date: '2025-01-10', itemId: 1, by: 'Viasna' }),
        figure({ kind: 'prisoners', value: 1160, date: '2025-02-01', itemId: 2 }),
        figure({ kind: 'prisoners', value: 1160, date: '2025-03-01', itemId: 4 }),
      ]),
    ).toEqual(['2025-01-10 prisoners 1160 [1,2,4]', '2025-02-05 prisoners 1150 [3]']);
  });

  it('keeps different counts of the same day, each marked conflicting', () => {
    const points = buildTimeline([
      figure({ kind: 'prisoners', value: 1160, date: '2025-01-10', itemId: 1 }),
      figure({ kind: 'prisoners', value: 1170, date: '2025-01-10', itemId: 2 }),
      figure({ kind: 'released', value: 14, date: '2025-01-10', itemId: 2 }),
    ]);
    expect(points.map((p) => [p.kind, p.value, p.conflicting])).toEqual([
      ['prisoners', 1160, true],
      ['prisoners', 1170, true],
      ['released', 14, false],
    ]);
  });

  it('takes "about 1,200" as the same point as 1,191, and keeps the exact value', () => {
    expect(
      brief([
        figure({ kind: 'prisoners', value: 1200, approximate: true, date: '2025-01-10', itemId: 1 }),
        figure({ kind: 'prisoners', value: 1191, date: '2025-01-10', itemId: 2 }),
      ]),
    ).toEqual(['2025-01-10 prisoners 1191 [1,2]']);
  });

  it('joins a release told again later, dated or not, but not a second event of one item', () => {
    const september = figure({
      kind: 'released',
      value: 52,
      date: '2025-09-11',
      itemId: 1,
      dateFromText: true,
    });
    const inSeptember = figure({
      kind: 'released',
      value: 52,
      date: '2025-09-01',
      datePrecision: 'month',
      dateFromText: true,
      itemId: 2,
    });
    const december = figure({ kind: 'released', value: 52, date: '2025-12-13', itemId: 3 });
    expect(brief([december, inSeptember, september])).toEqual(['2025-09-11 released 52 [2,1,3]']);

    const twoEvents = [
      figure({ kind: 'released', value: 30, date: '2025-09-17', itemId: 5 }),
      figure({
        kind: 'released',
        value: 30,
        date: '2025-08-01',
        datePrecision: 'month',
        dateFromText: true,
        itemId: 5,
      }),
    ];
    expect(brief(twoEvents)).toEqual(['2025-08-01 released 30 [5]', '2025-09-17 released 30 [5]']);
  });

  it('keeps designations of different governments apart, and flags one government’s two numbers', () => {
    const points = buildTimeline([
      figure({ kind: 'designations', value: 15, date: '2025-06-21', itemId: 1, by: 'EU' }),
      figure({ kind: 'designations', value: 15, date: '2025-06-21', itemId: 2, by: 'US' }),
      figure({ kind: 'designations', value: 17, date: '2025-06-21', itemId: 3, by: 'US' }),
      figure({ kind: 'designations', value: 15, date: '2025-06-22', itemId: 4 }),
    ]);
    expect(points.map((p) => [p.by, p.value, p.conflicting, p.figures.length])).toEqual([
      ['EU', 15, false, 2],
      ['US', 15, true, 1],
      ['US', 17, true, 1],
    ]);
  });

  it('gives a month-dated point its day when a later figure knows it', () => {
    const [point] = buildTimeline([
      figure({
        kind: 'released',
        value: 14,
        date: '2025-06-01',
        datePrecision: 'month',
        dateFromText: true,
        itemId: 1,
      }),
      figure({ kind: 'released', value: 14, date: '2025-06-21', dateFromText: true, itemId: 2 }),
    ]);
    expect(point).toMatchObject({ date: '2025-06-21', datePrecision: 'day', value: 14 });
  });

  it('is empty for no figures', () => {
    expect(buildTimeline([])).toEqual([]);
  });
});
