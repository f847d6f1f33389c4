/**
 * The shared step of the `page` and `sitemap` kinds: of the article addresses found (newest first),
 * drop those already stored (checked by address before any request), fetch at most a bounded number
 * of the rest, one request at a time, and read each into an item. A failed article is a note, not a
 * failed poll, unless nothing at all could be read; it is tried again next poll (nothing is lost).
 */
import { describeError, FeedError } from '../../../errors.js';
import type { NormalisedItem } from '../../../feeds/feed-item.js';
import type { ReadContext } from '../source-reader.js';
import { readArticle } from './read-article.js';

/** New articles fetched per poll at most; the rest wait for the next polls. */
export const MAX_NEW_ARTICLES_PER_POLL = 20;

export interface ArticleLink {
  url: string;
  title?: string | null;
  date?: string | null;
}

export interface NewArticles {
  items: NormalisedItem[];
  rejected: { index: number; reason: string }[];
  notes: string[];
}

export async function readNewArticles(
  links: readonly ArticleLink[],
  context: ReadContext,
  cap = MAX_NEW_ARTICLES_PER_POLL,
): Promise<NewArticles> {
  const known = await context.known(links.map((link) => link.url));
  const fresh = links.filter((link) => !known.has(link.url));
  const notes: string[] = [];
  if (fresh.length > cap) {
    notes.push(`${fresh.length} new articles found; read the newest ${cap} now, the rest in later polls`);
  }
  const result: NewArticles = { items: [], rejected: [], notes };
  const failures: string[] = [];
  for (const [index, link] of fresh.slice(0, cap).entries()) {
    try {
      const page = await context.web.get(link.url, { html: true });
      if (page.status !== 'ok') continue;
      const read = readArticle({
        url: link.url,
        html: page.text,
        fetchedAt: context.clock.now().toISOString(),
        hint: { title: link.title ?? null, date: link.date ?? null },
      });
      if (read.ok) result.items.push(read.item);
      else result.rejected.push({ index, reason: `${link.url}: ${read.reason}` });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      context.log.warn({ url: link.url, reason: describeError(error) }, 'article not read');
      failures.push(`article ${link.url} not read: ${error.message}`);
    }
  }
  notes.push(...failures);
  if (failures.length > 0 && result.items.length === 0 && result.rejected.length === 0) {
    throw new FeedError('http', `none of the ${failures.length} new articles could be read (${failures[0]})`);
  }
  return result;
}
