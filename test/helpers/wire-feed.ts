/** A parsed RSS feed of sanctions news from one wire, for tests that ingest a burst of items. */
import type { ParsedFeed } from '../../src/feeds/feed-item.js';

/** Items titled by `titles` (n gives each its guid, URL and hash), all published at `publishedAt`. */
export function wireFeed(titles: readonly string[], publishedAt: string): ParsedFeed {
  return {
    title: 'Wire',
    siteUrl: null,
    kind: 'rss',
    ttlMinutes: null,
    rejected: [],
    items: titles.map((title, n) => ({
      guid: `g${n}`,
      url: `https://example.org/${n}`,
      title,
      text: `The Council imposed an asset freeze on company number ${n} over sanctions evasion.`,
      publishedAt,
      publishedAtEstimated: false,
      language: 'en' as const,
      contentHash: `hash-${n}`,
    })),
  };
}
