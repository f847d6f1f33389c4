/** The chart's text alternative: a short table of its points, newest first. */
import type { TimelinePoint } from './build-timeline.js';
import { ENGLISH_LABELS, type FigureLabels, formatValue } from './figure-labels.js';

export interface FiguresTable {
  caption: string;
  columns: string[];
  rows: string[][];
  /** The point each row shows, in the same order: for the source links a renderer adds. */
  points: TimelinePoint[];
  /** Older points left out by the limit. */
  omitted: number;
}

/** The day, or the month when the point's date gives only that. */
export function shownDate(point: Pick<TimelinePoint, 'date' | 'datePrecision'>): string {
  return point.datePrecision === 'month' ? point.date.slice(0, 7) : point.date;
}

export function figuresTable(
  points: readonly TimelinePoint[],
  options: { labels?: FigureLabels; limit?: number } = {},
): FiguresTable {
  const labels = options.labels ?? ENGLISH_LABELS;
  const newestFirst = [...points].reverse().slice(0, options.limit ?? 12);
  const { columns } = labels;
  return {
    caption: labels.title,
    columns: [columns.date, columns.figure, columns.value, columns.by, columns.reports],
    rows: newestFirst.map((point) => [
      shownDate(point),
      labels.kinds[point.kind],
      `${formatValue(point.value, point.approximate)}${point.conflicting ? ` (${labels.conflicting})` : ''}`,
      point.by ?? '',
      String(point.figures.length),
    ]),
    points: newestFirst,
    omitted: points.length - newestFirst.length,
  };
}
