/** The items port: storing classified items, reading them back, and searching them. */
import type { Evidence } from '../classify/classification.js';
import type { NormalisedItem } from '../feeds/feed-item.js';
import type { ChannelRef } from '../ports.js';
import type { DeliveryRequest } from './delivery-outbox.js';
import type { HitExplanation } from './explain-hit.js';
import type { ExpansionRoutes } from './key-query.js';
import type { SearchQuery } from './search-query.js';

/** An item ready to store: normalised, classified, attributed to a source. */
export interface ItemInput extends NormalisedItem {
  sourceId: string;
  fetchedAt: string;
  labels: string[];
  scores: Record<string, number>;
  evidence: Evidence[];
}

export interface StoredItem extends ItemInput {
  id: number;
  /** The id of the first stored item of the same story (same content from another source), or null. */
  storyOf: number | null;
}

export interface InsertResult {
  /** `new`: stored now; `duplicate`: this source already had this guid (nothing changed). */
  status: 'new' | 'duplicate';
  id: number;
  storyOf: number | null;
  /** Channels that got a pending delivery row with this item (see `insertItems`' `route`). */
  queued?: ChannelRef[];
}

/** The deliveries a newly stored item calls for; run inside the insert's transaction. */
export type RouteItem = (item: StoredItem) => readonly DeliveryRequest[];

export interface SearchHit {
  item: StoredItem;
  sourceName: string;
  /** Text around the matches, matched words wrapped in MARK_START/MARK_END (commands/reply.ts). */
  snippet: string;
  /** Why it matched (with `explain`): each query part, the item words it met and by which route. */
  explanation?: HitExplanation;
}

export interface SearchOptions {
  /** Routes beyond the index keys (default: all); the search-quality bench switches them. */
  routes?: ExpansionRoutes;
  explain?: boolean;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  /** `total` is a lower bound: more items match than were counted (counting is bounded). */
  more?: boolean;
  /**
   * Set when the page asked for starts past the deepest offset the store reads (MAX_SEARCH_OFFSET):
   * no hits are read, `total` is still told, and the caller can say to narrow the query.
   */
  maxOffset?: number;
}

export interface CorpusStats {
  items: number;
  sources: number;
  byLabel: Record<string, number>;
  byLanguage: Record<string, number>;
  newestPublishedAt: string | null;
}

export interface ItemSearch {
  /**
   * Stores items; a (sourceId, guid) already present is a duplicate and is left untouched. For each
   * new item, `route` names the channels to alert: their pending delivery rows (keyed on the story's
   * first item) are written in the same transaction, so a crash loses neither or both.
   */
  insertItems(items: ItemInput[], route?: RouteItem): Promise<InsertResult[]>;
  /** Which of `guids` this source already has (page and sitemap articles are known by address). */
  knownGuids(sourceId: string, guids: readonly string[]): Promise<Set<string>>;
  getItem(id: number): Promise<StoredItem | null>;
  /** Items of the same story as `id` (excluding it), oldest first. */
  storyItems(id: number): Promise<StoredItem[]>;
  latestItems(options: { topic?: string; limit: number }): Promise<StoredItem[]>;
  /**
   * Runs a parsed query (search-query.ts). Ranking, the same on both engines (relevance.ts): items
   * carrying every part of the query first, then those carrying some, by rarity, title and exact
   * matches; near-ties newest first. `sort:new`, and queries of filters only, come newest first.
   */
  search(
    query: SearchQuery,
    page: { limit: number; offset: number },
    options?: SearchOptions,
  ): Promise<SearchPage>;
  stats(): Promise<CorpusStats>;
  /** Deletes items published before `before`; returns how many. */
  deleteItemsBefore(before: string): Promise<number>;
}
