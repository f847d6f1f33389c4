/** The words a chart and its table show, in English by default; a channel may pass its own. */
import type { FigureKind } from './figure.js';

export interface FigureLabels {
  title: string;
  dateAxis: string;
  valueAxis: string;
  kinds: Record<FigureKind, string>;
  /** Legend and table words for a point that agrees with the others and one that does not. */
  agreed: string;
  conflicting: string;
  /** Table columns. */
  columns: { date: string; figure: string; value: string; by: string; reports: string };
}

export const ENGLISH_LABELS: FigureLabels = {
  title: 'Figures reported',
  dateAxis: 'Date',
  valueAxis: 'Number',
  kinds: {
    prisoners: 'Political prisoners',
    released: 'Released or pardoned',
    designations: 'Designated under sanctions',
  },
  agreed: 'one figure',
  conflicting: 'conflicting figures',
  columns: {
    date: 'Date',
    figure: 'Figure',
    value: 'Value',
    by: 'Counted or decided by',
    reports: 'Reports',
  },
};

/** "1,401", "~1,400": the value as the chart and the table print it. */
export function formatValue(value: number, approximate: boolean): string {
  return `${approximate ? '~' : ''}${value.toLocaleString('en-US')}`;
}
