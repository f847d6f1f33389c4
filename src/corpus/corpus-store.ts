/**
 * The corpus port: everything vigil keeps. Two implementations (sqlite/, postgres/) pass one
 * contract suite (test/integration/corpus-store.contract.ts); choose with `createCorpusStore`.
 */
import type { Evidence } from '../classify/classification.js';
import type { NormalisedItem } from '../feeds/feed-item.js';
import type { ChannelRef } from '../ports.js';
import type { SearchQuery } from './search-query.js';

export interface SourceHealth {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  /** The last failure in words, cleared on success. */
  lastError: string | null;
  /** Do not poll before this time (backoff, Retry-After). */
  nextPollAfter: string | null;
}

export interface Source {
  /** A short slug, e.g. `charter97`. */
  id: string;
  name: string;
  /** The feed address. */
  url: string;
  /** The outlet's site, when known. */
  siteUrl: string | null;
  kind: 'rss' | 'atom' | 'rdf' | 'json' | 'unknown';
  language: string | null;
  intervalSeconds: number;
  paused: boolean;
  pausedReason: string | null;
  /** Conditional-GET validators from the last 200. */
  etag: string | null;
  lastModified: string | null;
  /** When the source was added: the first poll alerts nothing published before this. */
  addedAt: string;
  health: SourceHealth;
}

export interface NewSource {
  id: string;
  name: string;
  url: string;
  siteUrl?: string | null;
  kind?: Source['kind'];
  language?: string | null;
  intervalSeconds: number;
  paused?: boolean;
}

export type SourcePatch = Partial<
  Pick<
    Source,
    | 'name'
    | 'url'
    | 'siteUrl'
    | 'kind'
    | 'language'
    | 'intervalSeconds'
    | 'paused'
    | 'pausedReason'
    | 'etag'
    | 'lastModified'
  >
> & { health?: Partial<SourceHealth> };

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
}

export interface SearchHit {
  item: StoredItem;
  sourceName: string;
  /** Text around the matches, matched words wrapped in MARK_START/MARK_END (commands/reply.ts). */
  snippet: string;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
}

export interface Channel extends ChannelRef {
  topics: string[];
  /** Empty: all sources. */
  sources: string[];
  /** Empty: all languages. */
  languages: string[];
  createdAt: string;
}

export interface Watch {
  id: number;
  channel: ChannelRef;
  expression: string;
  author: string;
  createdAt: string;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface Delivery {
  itemId: number;
  channel: ChannelRef;
  state: DeliveryState;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  channel: string | null;
  details: Record<string, unknown>;
}

export interface CorpusStats {
  items: number;
  sources: number;
  byLabel: Record<string, number>;
  byLanguage: Record<string, number>;
  newestPublishedAt: string | null;
}

export interface CorpusStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Checks the database answers (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;

  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | null>;
  /** Adds a source; throws VigilError code `duplicate-source` when the id or url exists. */
  addSource(source: NewSource, addedAt: string): Promise<Source>;
  updateSource(id: string, patch: SourcePatch): Promise<Source | null>;
  removeSource(id: string): Promise<boolean>;

  /** Stores items; a (sourceId, guid) already present is a duplicate and is left untouched. */
  insertItems(items: ItemInput[]): Promise<InsertResult[]>;
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

  getChannel(channel: ChannelRef): Promise<Channel | null>;
  listChannels(): Promise<Channel[]>;
  saveChannel(channel: Omit<Channel, 'createdAt'>, now: string): Promise<Channel>;

  addWatch(watch: Omit<Watch, 'id'>): Promise<Watch>;
  removeWatch(channel: ChannelRef, id: number): Promise<boolean>;
  listWatches(channel?: ChannelRef): Promise<Watch[]>;

  /** Creates the delivery row; false when one for (item, channel) already exists. */
  claimDelivery(itemId: number, channel: ChannelRef): Promise<boolean>;
  getDelivery(itemId: number, channel: ChannelRef): Promise<Delivery | null>;
  markDelivered(itemId: number, channel: ChannelRef, messageId: string): Promise<void>;
  markDeliveryFailed(itemId: number, channel: ChannelRef, error: string): Promise<void>;

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  listAudit(options: { limit: number; channel?: string }): Promise<AuditEntry[]>;
}
