/** The figures vigil reads out of items: what was counted, how many, when, and the words it came from. */
import type { ItemField } from '../classify/classification.js';

/**
 * - `prisoners`: political prisoners held, as a rights group or the press counts them (a level);
 * - `released`: people released or pardoned in one event;
 * - `designations`: persons and entities added to a sanctions list in one decision.
 */
export const FIGURE_KINDS = ['prisoners', 'released', 'designations'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** The words commands and pages take for the kinds (design.md): `releases` is the `released` kind. */
export const FIGURE_WORDS: Readonly<Record<string, FigureKind>> = {
  prisoners: 'prisoners',
  releases: 'released',
  designations: 'designations',
};

/** A store id (number) or an evaluation id (`ta012`). */
export type ItemId = number | string;

/** What the extractor reads: one item's words and the date it was published. */
export interface FigureSource {
  itemId: ItemId;
  title: string;
  text: string;
  /** ISO 8601; dates the text gives without a year are read relative to it. */
  publishedAt: string;
}

/** A stretch of the item's title or text, by code-unit offsets, and the words themselves. */
export interface FigureSpan {
  field: ItemField;
  start: number;
  end: number;
  quote: string;
}

export interface Figure {
  kind: FigureKind;
  value: number;
  /** "some 1,400", "около 30", "1,4 тыс.": a rounded number. */
  approximate: boolean;
  /** `YYYY-MM-DD`: the date the text gives for the figure, else the day the item was published. */
  date: string;
  /** `day` for a full date; `month` when the text names only the month ("in September"). */
  datePrecision: 'day' | 'month';
  /** True when the date came from the text rather than from the item's publication date. */
  dateFromText: boolean;
  /** Who counted (Viasna, Memorial) or who decided (EU, US, UK…), when the sentence names them. */
  by: string | null;
  /** Designations only: persons and entities when the text gives them apart. */
  parts: { persons: number; entities: number } | null;
  itemId: ItemId;
  /** The sentence the figure was read from. */
  span: FigureSpan;
}
