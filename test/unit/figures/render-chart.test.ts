// Server-side rendering with no browser: Vega-Lite → Vega → SVG → PNG (resvg) with DejaVu Sans loaded from files.
import { describe, expect, it } from 'vitest';
import { renderChart, renderChartSvgWithWarnings } from '../../../adapters/charts/render-chart.js';
import { buildChartSpec } from '../../../src/figures/chart-spec.js';
import { ENGLISH_LABELS } from '../../../src/figures/figure-labels.js';
import { decodePng, inkStats, pngSize } from '../../helpers/png-check.js';
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

    // The file's own pixels, decoded from its bytes, match what was drawn and are not blank.
    const decoded = decodePng(chart.png);
    expect({ width: decoded.width, height: decoded.height }).toEqual({
      width: chart.width,
      height: chart.height,
    });
    expect(decoded.pixels.equals(chart.pixels)).toBe(true);
    const { variance, dark } = inkStats(decoded.pixels);
    expect(variance).toBeGreaterThan(100);
    // Text and lines: a white page with a little ink.
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.2);
    // Title, axis titles and panel headers are text in the SVG the PNG was drawn from.
    for (const label of [labels.title, 'Date', 'Number', labels.kinds.prisoners, labels.kinds.released]) {
      expect(chart.svg).toContain(`>${label}</text>`);
    }
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
