/** The search query language shared by `vigil search` and the chat `search` command. PLACEHOLDER. */

export type QueryNode =
  | { type: 'term'; word: string }
  | { type: 'phrase'; words: string[] }
  | { type: 'not'; node: QueryNode }
  | { type: 'and'; nodes: QueryNode[] }
  | { type: 'or'; nodes: QueryNode[] };

export interface SearchQuery {
  /** The text part; null when the query is only filters (then: newest first). */
  text: QueryNode | null;
  topics: string[];
  sources: string[];
  languages: string[];
  /** ISO date (inclusive). */
  since: string | null;
  /** ISO date (inclusive). */
  until: string | null;
}

export type ParseSearchResult = { ok: true; query: SearchQuery } | { ok: false; error: string };

export function parseSearchQuery(input: string): ParseSearchResult {
  const words = input.split(/\s+/).filter((word) => word.length > 0);
  return {
    ok: true,
    query: {
      text: words.length === 0 ? null : { type: 'and', nodes: words.map((word) => ({ type: 'term', word })) },
      topics: [],
      sources: [],
      languages: [],
      since: null,
      until: null,
    },
  };
}
