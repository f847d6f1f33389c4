/** The lookup behind `vigil search` and the chat `search` command: parse, search, shape the results. */
import type { HitExplanation } from '../corpus/explain-hit.js';
import type { ItemSearch, SearchHit } from '../corpus/item-search.js';
import { parseSearchQuery } from '../corpus/search-query.js';
import type { ReplyItem } from './reply.js';

export type SearchOutcome =
  | {
      ok: true;
      items: ReplyItem[];
      total: number;
      /** `total` is a lower bound (counting stops early). */
      more: boolean;
      /** With `explain`: why each item matched, in the order of `items`. */
      explanations: (HitExplanation | null)[];
    }
  /** `position`: the 1-based character column of the query the error points at. */
  | { ok: false; error: string; position: number };

export function toReplyItem(hit: SearchHit): ReplyItem {
  return {
    id: hit.item.id,
    title: hit.item.title,
    url: hit.item.url,
    source: hit.sourceName,
    publishedAt: hit.item.publishedAt,
    labels: hit.item.labels,
    snippet: hit.snippet,
  };
}

export async function searchCorpus(
  store: Pick<ItemSearch, 'search'>,
  text: string,
  page: { limit: number; offset: number },
  /** Known topics: `topic:` is checked against them so a typo gets a message, not zero results. */
  topics?: readonly string[],
  options: { explain?: boolean } = {},
): Promise<SearchOutcome> {
  const parsed = parseSearchQuery(text, topics ? { topics } : {});
  if (!parsed.ok) return { ok: false, error: parsed.error, position: parsed.position };
  const result = await store.search(parsed.query, page, options.explain ? { explain: true } : {});
  return {
    ok: true,
    items: result.hits.map(toReplyItem),
    total: result.total,
    more: result.more === true,
    explanations: result.hits.map((hit) => hit.explanation ?? null),
  };
}
