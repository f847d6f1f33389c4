/**
 * A keyword watch is a query in the one search language (corpus/search-query.ts), under watch
 * rules: shorter, no date or language filters, and something to look for besides exclusions.
 */
import {
  type ParseSearchOptions,
  parseQuery,
  type QueryRules,
  type SearchQuery,
} from '../corpus/search-query.js';

export interface ParsedWatch {
  /** The expression as stored and shown: trimmed, control characters replaced by spaces. */
  expression: string;
  /** The same tree a search of this expression runs. */
  query: SearchQuery;
}

export type ParseWatchResult =
  | { ok: true; watch: ParsedWatch }
  /** `position`: the 1-based character column the error points at (also named in `error`). */
  | { ok: false; error: string; position: number };

export const WATCH_LIMITS = {
  /** Characters (code points) in one expression. */
  maxLength: 200,
  /** Words, phrases, topic: and source: terms in one expression (a phrase counts once). */
  maxTerms: 20,
  /** Watches one channel may have. */
  maxPerChannel: 50,
} as const;

export const WATCH_EXAMPLE =
  'e.g. `Łukašenka potash`, `"political prisoners" -football`, `Ryanair OR Belavia`';

export const WATCH_RULES: QueryRules = {
  noun: 'watch',
  maxLength: WATCH_LIMITS.maxLength,
  maxTerms: WATCH_LIMITS.maxTerms,
  filters: ['topic', 'source'],
  // A watch looks at each new item as it arrives: dates and languages are the channel's settings.
  refusedFilter: 'is a search filter; a watch takes only topic: and source:',
  example: WATCH_EXAMPLE,
  needsPositive: true,
};

/**
 * Parses a watch expression; `options` lists the topics and sources it may name (none for a
 * stored watch: its source may have been removed since). Never throws.
 */
export function parseWatch(text: string, options: ParseSearchOptions = {}): ParseWatchResult {
  const parsed = parseQuery(text, WATCH_RULES, options);
  if (!parsed.ok) return parsed;
  return { ok: true, watch: { expression: parsed.expression, query: parsed.query } };
}
