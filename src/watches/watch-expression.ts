/** The keyword-watch language's syntax tree and limits, shared by the parser, the compiler and the commands. */

/** Where a node starts in the expression: a 1-based character (code point) column. */
type At = { start: number };

/** A leaf: what the watch looks for in an item. */
export type WatchTerm =
  /** One word as written; a word the text path splits (`EU-Belarus`) is matched as a phrase. */
  | ({ type: 'word'; text: string } & At)
  /** Words that must appear next to each other, in this order. */
  | ({ type: 'phrase'; text: string } & At)
  /** The item carries this classifier label. */
  | ({ type: 'topic'; topic: string } & At)
  /** The item comes from this source id. */
  | ({ type: 'source'; source: string } & At);

export type WatchNode =
  | WatchTerm
  | ({ type: 'not'; node: WatchNode } & At)
  | ({ type: 'and'; nodes: WatchNode[] } & At)
  | ({ type: 'or'; nodes: WatchNode[] } & At);

export interface ParsedWatch {
  /** The expression as stored and shown: trimmed, control characters replaced by spaces. */
  expression: string;
  root: WatchNode;
  /** The leaves, in the order they are written. */
  terms: WatchTerm[];
}

export const WATCH_LIMITS = {
  /** Characters (code points) in one expression. */
  maxLength: 200,
  /** Words, phrases, topic: and source: terms in one expression (a phrase counts once). */
  maxTerms: 20,
  /** Watches one channel may have. */
  maxPerChannel: 50,
} as const;

/** A leaf as the user wrote it: `potash`, `"potash sanctions"`, `topic:sanctions`. */
export function termLabel(term: WatchTerm): string {
  switch (term.type) {
    case 'word':
      return term.text;
    case 'phrase':
      return `"${term.text}"`;
    case 'topic':
      return `topic:${term.topic}`;
    case 'source':
      return `source:${term.source}`;
  }
}
