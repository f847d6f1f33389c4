// The chart's spec and its text alternative are plain data built from timeline points.
import { describe, expect, it } from 'vitest';
import { describeChart } from '../../../src/figures/chart-description.js';
import { buildChartSpec, CHART_FONT } from '../../../src/figures/chart-spec.js';
import { ENGLISH_LABELS } from '../../../src/figures/figure-labels.js';
import { figuresTable } from '../../../src/figures/figures-table.js';
import { makePoint } from './make-point.js';

const points = [
  makePoint({ kind: 'prisoners', value: 1265, date: '2025-01-10', by: 'Viasna' }),
  makePoint({ kind: 'prisoners', value: 1190, date: '2025-03-02', conflicting: true }),
  makePoint({ kind: 'prisoners', value: 1201, date: '2025-03-02', conflicting: true }),
  makePoint({ kind: 'released', value: 52, date: '2025-09-01', datePrecision: 'month' }),
  makePoint({ kind: 'prisoners', value: 1160, date: '2025-09-12', approximate: true }),
];

describe('buildChartSpec', () => {
  it('carries one row per point, with its panel, status and printed value', () => {
    const spec = buildChartSpec(points);
    expect((spec.data as { values: unknown[] }).values).toEqual([
      {
        date: '2025-01-10',
        value: 1265,
        kind: 'prisoners',
        kindLabel: 'Political prisoners',
        status: 'one figure',
        label: '1,265',
      },
      expect.objectContaining({ value: 1190, status: 'conflicting figures' }),
      expect.objectContaining({ value: 1201, status: 'conflicting figures' }),
      expect.objectContaining({ kind: 'released', kindLabel: 'Released or pardoned', label: '52' }),
      expect.objectContaining({ value: 1160, label: '~1,160' }),
    ]);
  });

  it('names the loaded font, the title and the axes from the labels it is given', () => {
    const labels = {
      ...ENGLISH_LABELS,
      title: 'Палітвязні / Palitviaźni',
      dateAxis: 'Дата',
      valueAxis: 'Колькасць',
    };
    const spec = buildChartSpec(points, { labels, width: 400, panelHeight: 120 });
    expect(spec.config).toMatchObject({ font: CHART_FONT });
    expect(spec.title).toMatchObject({ text: 'Палітвязні / Palitviaźni' });
    const text = JSON.stringify(spec);
    expect(text).toContain('"title":"Дата"');
    expect(text).toContain('"title":"Колькасць"');
    expect(spec.spec).toMatchObject({ width: 400, height: 120 });
  });
});

describe('figuresTable', () => {
  it('lists the newest points first, months as months, conflicts in words', () => {
    const table = figuresTable(points, { limit: 4 });
    expect(table.columns).toEqual(['Date', 'Figure', 'Value', 'Counted or decided by', 'Reports']);
    expect(table.rows).toEqual([
      ['2025-09-12', 'Political prisoners', '~1,160', '', '0'],
      ['2025-09', 'Released or pardoned', '52', '', '0'],
      ['2025-03-02', 'Political prisoners', '1,201 (conflicting figures)', '', '0'],
      ['2025-03-02', 'Political prisoners', '1,190 (conflicting figures)', '', '0'],
    ]);
    expect(table.points.map((point) => point.value)).toEqual([1160, 52, 1201, 1190]);
    expect(table.omitted).toBe(points.length - 4);
  });
});

describe('describeChart', () => {
  it('says per kind how many points, over which days, and the latest value', () => {
    expect(describeChart(points)).toBe(
      'Political prisoners: 4 points from 2025-01-10 to 2025-09-12; latest ~1,160. Released or pardoned: 1 point on 2025-09; latest 52.',
    );
    expect(describeChart([])).toBe('No figures.');
  });
});
