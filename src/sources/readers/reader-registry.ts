/** kind → reader: the built-in kinds, and any a caller (a test, a plug-in) registers. */
import { FeedError } from '../../errors.js';
import { wordpressReader } from './api/wordpress-reader.js';
import { feedReader } from './feed/feed-reader.js';
import { pageReader } from './page/page-reader.js';
import { sitemapReader } from './sitemap/sitemap-reader.js';
import type { SourceReader } from './source-reader.js';

export interface ReaderRegistry {
  /** The reader of `kind`; throws a FeedError naming the kind when none is registered. */
  readerFor(kind: string): SourceReader;
  kinds(): string[];
}

export function createReaderRegistry(readers: readonly SourceReader[]): ReaderRegistry {
  const byKind = new Map(readers.map((reader) => [reader.kind, reader]));
  return {
    readerFor(kind) {
      const reader = byKind.get(kind);
      if (!reader) throw new FeedError('parse', `no reader for sources of kind "${kind}"`);
      return reader;
    },
    kinds: () => [...byKind.keys()],
  };
}

export const BUILT_IN_READERS: readonly SourceReader[] = [
  feedReader,
  wordpressReader,
  sitemapReader,
  pageReader,
];

/** The registry of the kinds design.md names, plus `extra` (a later reader of a kind wins). */
export function defaultReaders(extra: readonly SourceReader[] = []): ReaderRegistry {
  return createReaderRegistry([...BUILT_IN_READERS, ...extra]);
}
