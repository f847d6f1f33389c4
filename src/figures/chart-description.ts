/** The chart in a sentence per kind: its text alternative (an SVG `desc`, an image caption). */
import type { TimelinePoint } from './build-timeline.js';
import { FIGURE_KINDS } from './figure.js';
import { ENGLISH_LABELS, type FigureLabels, formatValue } from './figure-labels.js';
import { shownDate } from './figures-table.js';

export function describeChart(
  points: readonly TimelinePoint[],
  labels: FigureLabels = ENGLISH_LABELS,
): string {
  const parts: string[] = [];
  for (const kind of FIGURE_KINDS) {
    const series = points.filter((point) => point.kind === kind);
    const last = series[series.length - 1];
    const first = series[0];
    if (last === undefined || first === undefined) continue;
    const latest = series.filter((point) => point.date === last.date);
    const values = latest.map((point) => formatValue(point.value, point.approximate)).join(' and ');
    const span =
      first.date === last.date ? `on ${shownDate(last)}` : `from ${shownDate(first)} to ${shownDate(last)}`;
    const conflict = latest.some((point) => point.conflicting) ? ` (${labels.conflicting})` : '';
    parts.push(
      `${labels.kinds[kind]}: ${series.length} point${series.length === 1 ? '' : 's'} ${span}; latest ${values}${conflict}.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : 'No figures.';
}
