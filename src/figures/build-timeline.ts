/**
 * Figures from many items as one timeline: a figure that restates an earlier one joins its point as
 * evidence instead of making a new one; different figures for the same thing on the same day are
 * all kept and marked conflicting.
 */
import type { Figure, FigureKind } from './figure.js';

export interface TimelinePoint {
  kind: FigureKind;
  /** `YYYY-MM-DD`; the first of the month when only the month is known. */
  date: string;
  datePrecision: 'day' | 'month';
  value: number;
  approximate: boolean;
  /** Who counted or decided, when a figure named them. */
  by: string | null;
  /** Another point of the same series and day gives a different value. */
  conflicting: boolean;
  /** The figure that first gave the point, then those that restated it, in the order read. */
  figures: Figure[];
}

const DAY_MS = 86_400_000;
/** How far back a figure may restate an earlier point of the same value. */
const RESTATE_DAYS = 180;
/** A dated event told a few days apart (publication lag, time zones) is still one event. */
const SAME_EVENT_DAYS = 3;

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Designations by different governments are different events; the others are one series per kind. */
function sameSeries(point: TimelinePoint, figure: Figure): boolean {
  if (point.kind !== figure.kind) return false;
  if (figure.kind !== 'designations') return true;
  return point.by === null || figure.by === null || point.by === figure.by;
}

/** Half the unit a rounded number was rounded to: 50 for "about 1,400", 5 for "some 1,160". */
function roundingSlack(value: number): number {
  let unit = 1;
  while (value % (unit * 10) === 0 && unit * 10 <= value) unit *= 10;
  return unit / 2;
}

/** Equal, or within what an approximate figure's rounding allows ("about 1,400" and 1,401). */
function agree(point: TimelinePoint, figure: Figure): boolean {
  if (point.value === figure.value) return true;
  const tolerance = Math.max(
    point.approximate ? roundingSlack(point.value) : 0,
    figure.approximate ? roundingSlack(figure.value) : 0,
  );
  return Math.abs(point.value - figure.value) <= tolerance;
}

function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** Whether `figure` can be a restatement of `point` by their dates. */
function inReach(point: TimelinePoint, figure: Figure): boolean {
  if (point.datePrecision === 'month' || figure.datePrecision === 'month') {
    if (sameMonth(point.date, figure.date)) return true;
  }
  const gap = days(figure.date) - days(point.date);
  if (Math.abs(gap) <= SAME_EVENT_DAYS) return true;
  // An undated figure (the item's own day) may repeat an earlier point; a level may be restated
  // however it is dated, since a count that has not moved is the same count.
  const mayLookBack = figure.kind === 'prisoners' || !figure.dateFromText;
  return mayLookBack && gap > 0 && gap <= RESTATE_DAYS;
}

function restates(point: TimelinePoint, figure: Figure): boolean {
  return (
    sameSeries(point, figure) &&
    agree(point, figure) &&
    inReach(point, figure) &&
    // Two figures of one item are two points: an item does not restate itself.
    !point.figures.some((known) => known.itemId === figure.itemId)
  );
}

function byDate(a: Figure, b: Figure): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  // On one day, what the text dated comes before what only the publication dates.
  return Number(b.dateFromText) - Number(a.dateFromText);
}

function markConflicts(points: TimelinePoint[]): void {
  const byDay = new Map<string, TimelinePoint[]>();
  for (const point of points) {
    const series = point.kind === 'designations' ? `${point.kind}:${point.by ?? ''}` : point.kind;
    const key = `${series}@${point.date}`;
    byDay.set(key, [...(byDay.get(key) ?? []), point]);
  }
  for (const group of byDay.values()) {
    const values = new Set(group.map((point) => point.value));
    if (values.size > 1) for (const point of group) point.conflicting = true;
  }
}

/** The timeline of the given figures, oldest point first. */
export function buildTimeline(figures: readonly Figure[]): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (const figure of [...figures].sort(byDate)) {
    const point = points.find((candidate) => restates(candidate, figure));
    if (point === undefined) {
      points.push({
        kind: figure.kind,
        date: figure.date,
        datePrecision: figure.datePrecision,
        value: figure.value,
        approximate: figure.approximate,
        by: figure.by,
        conflicting: false,
        figures: [figure],
      });
      continue;
    }
    point.figures.push(figure);
    point.by ??= figure.by;
    if (point.approximate && !figure.approximate) {
      // "about 1,400" then "1,401": the exact figure is the better reading of the same point.
      point.value = figure.value;
      point.approximate = false;
    }
    if (
      point.datePrecision === 'month' &&
      figure.datePrecision === 'day' &&
      sameMonth(point.date, figure.date)
    ) {
      point.date = figure.date;
      point.datePrecision = 'day';
    }
  }
  markConflicts(points);
  return points.sort((a, b) => (a.date === b.date ? a.kind.localeCompare(b.kind) : a.date < b.date ? -1 : 1));
}
