// Server-side rendering with no browser: Vega-Lite → Vega → SVG → PNG (resvg) with DejaVu Sans loaded from files.
import { describe, expect, it } from 'vitest';
import { renderChart, renderChartSvgWithWarnings } from '../../../adapters/charts/render-chart.js';
import { buildChartSpec } from '../../../src/figures/chart-spec.js';
import { ENGLISH_LABELS } from '../../../src/figures/figure-labels.js';
import { makePoint } from './make-point.js';

const points = [
  makePoint({ kind: 'prisoners', value: 1265, date: '2025-01-10' }),
  makePoint({ kind: 'prisoners', value: 1190, date: '2025-03-02', conflicting: true }),
  makePoint({ kind: 'prisoners', value: 1201, date: '2025-03-02', conflicting: true }),
  makePoint({ kind: 'prisoners', value: 1150, date: '2025-09-12' }),
  makePoint({ kind: 'released', value: 52, date: '2025-09-11' }),
  makePoint({ kind: 'released', value: 123, date: '2025-12-13' }),
];

const labels = {
  ...ENGLISH_LABELS,
  title: 'Палітвязні / Palitviaźni',
  kinds: { prisoners: 'Палітвязні', released: 'Vyzvalenyja', designations: 'Санкцыі' },
};

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

describe('renderChart', () => {
  it('writes the labels as SVG text, in Cyrillic and Łacinka, with no Vega-Lite warning', async () => {
    const { svg, warnings } = await renderChartSvgWithWarnings(buildChartSpec(points, { labels }));
    expect(warnings).toEqual([]);
    for (const text of [
      'Палітвязні / Palitviaźni',
      'Vyzvalenyja',
      '1,265',
      '1,201',
      '123',
      'Date',
      'Number',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain('conflicting figures');
    expect(svg).toContain('DejaVu Sans');
  });

  it('draws a PNG twice the SVG’s size that is not blank', async () => {
    const chart = await renderChart(buildChartSpec(points, { labels, width: 480, panelHeight: 140 }));
    const svg = svgSize(chart.svg);
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    expect(chart.width).toBe(Math.round(svg.width * 2));
    expect(chart.height).toBe(Math.round(svg.height * 2));
    expect(chart.width).toBeGreaterThan(960);

    let sum = 0;
    let sumOfSquares = 0;
    let dark = 0;
    const count = chart.pixels.length / 4;
    for (let i = 0; i < chart.pixels.length; i += 4) {
      const grey = ((chart.pixels[i] ?? 0) + (chart.pixels[i + 1] ?? 0) + (chart.pixels[i + 2] ?? 0)) / 3;
      sum += grey;
      sumOfSquares += grey * grey;
      if (grey < 80) dark++;
    }
    const variance = sumOfSquares / count - (sum / count) ** 2;
    expect(variance).toBeGreaterThan(100);
    // Text and lines: a white page with a little ink.
    expect(dark / count).toBeGreaterThan(0.005);
    expect(dark / count).toBeLessThan(0.2);
  });

  it('shows markup in a label as text, never as SVG', async () => {
    const { svg } = await renderChartSvgWithWarnings(
      buildChartSpec(points, { labels: { ...labels, title: '<script>alert(1)</script> & <b>x</b>' } }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
