/**
 * Draws a chart spec (src/figures/chart-spec.ts) on the server: Vega-Lite compiles it to Vega, a
 * headless Vega view writes SVG, and resvg (Rust, no browser) turns the SVG into PNG with fonts
 * loaded from files, never from the system.
 */
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT, type VegaLiteSpec } from '../../src/figures/chart-spec.js';
import { CHART_FONT_FILES } from './chart-fonts.js';

/** Vega-Lite's warnings about a spec, kept instead of printed: the caller decides what to log. */
class CollectingLogger {
  readonly warnings: string[] = [];
  level(): number {
    return 0;
  }
  error(...message: readonly unknown[]): this {
    throw new Error(`Vega-Lite: ${message.join(' ')}`);
  }
  warn(...message: readonly unknown[]): this {
    this.warnings.push(message.join(' '));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/** The SVG of a spec, and what Vega-Lite found to warn about in it (tests expect none). */
export async function renderChartSvgWithWarnings(
  spec: VegaLiteSpec,
): Promise<{ svg: string; warnings: string[] }> {
  const logger = new CollectingLogger();
  const vega = compile(spec as unknown as TopLevelSpec, { logger }).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return { svg: await view.toSVG(), warnings: logger.warnings };
  } finally {
    view.finalize();
  }
}

export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  return (await renderChartSvgWithWarnings(spec)).svg;
}

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row by row: what the PNG encodes. */
  pixels: Buffer;
}

/** `scale` 2 draws at twice the SVG's size, sharp on high-density screens and in chat previews. */
export function svgToPng(svg: string, scale = 2): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

export async function renderChart(spec: VegaLiteSpec, scale = 2): Promise<Raster & { svg: string }> {
  const svg = await renderChartSvg(spec);
  return { svg, ...svgToPng(svg, scale) };
}
