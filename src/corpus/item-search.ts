/** The items port: storing classified items, reading them back, and searching them. */
import type { Evidence } from '../classify/classification.js';
import type { NormalisedItem } from '../feeds/feed-item.js';
import type { ChannelRef } from '../ports.js';
import type { DeliveryRequest } from './delivery-outbox.js';
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
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
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
  getItem(id: number): Promise<StoredItem | null>;
  /** Items of the same story as `id` (excluding it), oldest first. */
  storyItems(id: number): Promise<StoredItem[]>;
  latestItems(options: { topic?: string; limit: number }): Promise<StoredItem[]>;
  /**
   * Runs a parsed query (search-query.ts). Ranking, the same on both engines: items holding the
   * query's words in the title and in the text first, then title only, text only, spread over
   * both; newest first among equals. Items that only match filters come newest first.
   */
  search(query: SearchQuery, page: { limit: number; offset: number }): Promise<SearchPage>;
  stats(): Promise<CorpusStats>;
  /** Deletes items published before `before`; returns how many. */
  deleteItemsBefore(before: string): Promise<number>;
}
