/**
 * The ChartRenderer port for the chat commands. The chart libraries (Vega, resvg) load on the first
 * chart drawn, so a process that never draws one starts without them.
 */
import type { ChartRenderer } from '../../src/ports.js';

export const chartRenderer: ChartRenderer = {
  async renderPng(spec) {
    const { renderChart } = await import('./render-chart.js');
    const chart = await renderChart(spec);
    return { png: chart.png, width: chart.width, height: chart.height };
  },
};
