/**
 * The source-reader port: how one kind of source (feed, api, sitemap, page, or one a test adds) turns
 * into items. Polling asks the registry for the source's kind and knows nothing of how it is read.
 */
import type { FeedFormat, Source, SourcePatch } from '../../corpus/source-catalog.js';
import type { NormalisedItem } from '../../feeds/feed-item.js';
import type { FetchOptions } from '../../feeds/fetch-feed.js';
import type { Clock, Logger } from '../../ports.js';
import type { PoliteWeb } from '../web/polite-web.js';

export interface ReadContext {
  fetchOptions: FetchOptions;
  clock: Clock;
  log: Logger;
  /** Robots-aware, one-at-a-time-per-host fetching shared by every poll of the process. */
  web: PoliteWeb;
  /** Which of these article addresses (guids) the store already holds for this source. */
  known(guids: readonly string[]): Promise<Set<string>>;
}

/** What one read gave. `notes` are health remarks in words (an article refused, a cap reached). */
export type ReadResult =
  | { status: 'not-modified'; notes: string[] }
  | {
      status: 'ok';
      items: NormalisedItem[];
      /** Entries that could not be turned into items, with the reason. */
      rejected: { index: number; reason: string }[];
      /** What the source row should remember: validators, a moved address, the format read. */
      patch: Pick<SourcePatch, 'etag' | 'lastModified' | 'url' | 'settings'> & { format?: FeedFormat };
      notes: string[];
    };

export interface SourceReader {
  /** The `kind` column value this reader serves. */
  readonly kind: string;
  read(source: Source, context: ReadContext): Promise<ReadResult>;
}
