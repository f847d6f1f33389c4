/**
 * A Vega-Lite spec for a timeline of figures: one panel per kind, each with its own scale, points
 * labelled with their values, conflicting ones drawn apart. Pure data: the renderer lives in
 * adapters/charts/, so no chart library is loaded by src/.
 */
import type { TimelinePoint } from './build-timeline.js';
import { FIGURE_KINDS } from './figure.js';
import { ENGLISH_LABELS, type FigureLabels, formatValue } from './figure-labels.js';

/** A Vega-Lite specification as plain JSON. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** The family the renderer loads from its own font files (adapters/charts/chart-fonts.ts). */
export const CHART_FONT = 'DejaVu Sans';

export interface ChartOptions {
  labels?: FigureLabels;
  /** One panel's plot area, in CSS pixels. */
  width?: number;
  panelHeight?: number;
}

const AGREED_COLOUR = '#2f6690';
const CONFLICT_COLOUR = '#c0392b';

export function buildChartSpec(points: readonly TimelinePoint[], options: ChartOptions = {}): VegaLiteSpec {
  const labels = options.labels ?? ENGLISH_LABELS;
  const rows = points.map((point) => ({
    date: point.date,
    value: point.value,
    kind: point.kind,
    kindLabel: labels.kinds[point.kind],
    status: point.conflicting ? labels.conflicting : labels.agreed,
    label: formatValue(point.value, point.approximate),
  }));
  const kindOrder = FIGURE_KINDS.map((kind) => labels.kinds[kind]);
  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc' },
    title: labels.dateAxis,
    // Day.month.year reads the same in every language the channels use; month names would not.
    axis: { format: '%d.%m.%Y', labelAngle: 0, labelOverlap: 'greedy' },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: labels.valueAxis,
    scale: { zero: false, nice: true },
  };
  const status = {
    field: 'status',
    type: 'nominal',
    scale: { domain: [labels.agreed, labels.conflicting], range: [AGREED_COLOUR, CONFLICT_COLOUR] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: labels.title, anchor: 'start', fontSize: 16 },
    background: 'white',
    padding: 12,
    config: { font: CHART_FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
    data: { values: rows },
    facet: {
      row: {
        field: 'kindLabel',
        type: 'nominal',
        sort: kindOrder,
        title: null,
        header: {
          labelAngle: 0,
          labelAlign: 'left',
          labelAnchor: 'start',
          labelOrient: 'top',
          labelFontSize: 13,
        },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: options.width ?? 560,
      height: options.panelHeight ?? 160,
      layer: [
        {
          // Only a count has a level between its points; releases and designations are events.
          transform: [{ filter: "datum.kind === 'prisoners'" }],
          mark: { type: 'line', color: AGREED_COLOUR, strokeWidth: 2 },
          encoding: { x, y },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            x,
            y,
            // Colour and shape both tell a conflict, so it shows without colour too; one legend.
            color: { ...status, legend: { title: null, orient: 'bottom' } },
            shape: {
              ...status,
              scale: { domain: status.scale.domain, range: ['circle', 'diamond'] },
              legend: { title: null, orient: 'bottom' },
            },
          },
        },
        {
          transform: [{ filter: `datum.status !== ${JSON.stringify(labels.conflicting)}` }],
          mark: { type: 'text', dy: -12, fontSize: 11, color: '#222222' },
          encoding: { x, y, text: { field: 'label', type: 'nominal' } },
        },
        {
          // Conflicting values share a day: their labels go beside the points, not on one another.
          transform: [{ filter: `datum.status === ${JSON.stringify(labels.conflicting)}` }],
          mark: {
            type: 'text',
            dx: 9,
            align: 'left',
            baseline: 'middle',
            fontSize: 11,
            color: CONFLICT_COLOUR,
          },
          encoding: { x, y, text: { field: 'label', type: 'nominal' } },
        },
      ],
    },
  };
}
