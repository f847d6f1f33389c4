/**
 * The one platform-neutral message model: an alert, a command reply, a digest and a notice are all
 * cards, and each chat adapter renders cards (adapters/<platform>/render.ts). Every string in a card
 * is plain text, from a feed or from us; renderers clean it (clean-card.ts) and escape it for their
 * format, so no card can carry markup.
 */

/** Matched words in card text are wrapped as MARK_START + word + MARK_END (private-use code points). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface CardLink {
  label: string;
  url: string;
}

export interface CardButton {
  label: string;
  /** An opaque command the adapter sends back when pressed, e.g. `search potash --page 2`. */
  command: string;
}

/** One value in a fields block. `label` names it (`Matched: …`). */
export type CardField =
  /** Feed or user text; `strong` and `em` are hints a plain renderer may ignore. */
  | { kind: 'text'; text: string; label?: string; style?: 'strong' | 'em' }
  /** An ISO date; shown in the reader's time zone where the platform can. */
  | { kind: 'date'; iso: string; withTime: boolean }
  /** Names (topics, outlets, words); renderers show at most `max` and say how many more. */
  | { kind: 'list'; values: readonly string[]; label?: string; max: number }
  /** Our own short reference, shown as is: `item 12`. */
  | { kind: 'ref'; text: string };

export type CardBlock =
  /** A heading; `url` links it when http(s); `ref` is our short id before it (`#7`). */
  | { type: 'title'; text: string; url: string | null; ref?: string }
  /** Short values: on one line (`inline`, joined with ` · `) or one per line (`lines`). */
  | { type: 'fields'; fields: CardField[]; layout: 'inline' | 'lines' }
  /**
   * A paragraph. `quote`: an excerpt of a feed, matched words marked. Otherwise our wording, where
   * `backtick` spans are commands or ids shown as code; lines are separated by `\n`.
   */
  | { type: 'text'; text: string; quote?: boolean }
  | { type: 'links'; links: CardLink[] }
  | { type: 'buttons'; buttons: CardButton[] }
  /** A picture (a chart); `alt` says what it shows, for platforms that show text only. */
  | { type: 'image'; alt: string; png: Uint8Array }
  /** One entry of a list (a search hit, an item of a digest): a small card inside the card. */
  | { type: 'entry'; blocks: CardBlock[] };

export interface Card {
  /** What the card is, for renderers that lay alerts out differently from answers. */
  kind: 'alert' | 'reply' | 'digest' | 'notice';
  blocks: CardBlock[];
  /** One plain line for notifications and text fallbacks: `EU extends sanctions (Charter 97)`. */
  summary: string;
  /** A link the platform may preview under the message (alerts). */
  preview?: string | null;
  /** Shown to the whole channel rather than only to the person who asked. */
  public?: boolean;
  /** The card reports an error or a refusal. */
  isError?: boolean;
}
