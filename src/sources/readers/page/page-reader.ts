/**
 * The `page` kind: a listing page whose links to articles share an address pattern (settings
 * `articlePattern`, found automatically on the first read when not given). The listing is fetched
 * conditionally; each new article once. A listing that stops matching its pattern fails the poll with
 * what changed, so admins hear of a redesign like a failing feed.
 */
import { FeedError } from '../../../errors.js';
import { MAX_NEW_ARTICLES_PER_POLL, readNewArticles } from '../article/read-new-articles.js';
import type { SourceReader } from '../source-reader.js';
import { compilePattern, findArticlePattern } from './article-pattern.js';
import { listingLinks } from './listing-links.js';

export const pageReader: SourceReader = {
  kind: 'page',
  async read(source, context) {
    const listing = await context.web.get(source.url, {
      html: true,
      etag: source.etag,
      lastModified: source.lastModified,
    });
    if (listing.status === 'not-modified') return { status: 'not-modified', notes: [] };
    const { links, total } = listingLinks(listing.text, listing.finalUrl);
    const given = source.settings.articlePattern;
    let pattern = given;
    if (pattern === undefined) {
      const found = findArticlePattern(links.map((link) => link.url));
      if (found === null) {
        throw new FeedError(
          'parse',
          `the listing ${source.url} has no links that look like articles (${total} links)`,
        );
      }
      pattern = found.pattern;
    }
    const matcher = safePattern(pattern);
    const articles = links.filter((link) => matcher.test(link.url));
    if (articles.length === 0) {
      const now = findArticlePattern(links.map((link) => link.url));
      throw new FeedError(
        'parse',
        `article pattern lost: the listing no longer links any address matching ${pattern} (${total} links on the page; the site may have been redesigned${now ? `; its links now look like ${now.pattern}` : ''})`,
      );
    }
    const read = await readNewArticles(
      articles.map((link) => ({ url: link.url, title: link.text || null })),
      context,
      MAX_NEW_ARTICLES_PER_POLL,
    );
    return {
      status: 'ok',
      items: read.items,
      rejected: read.rejected,
      patch: {
        etag: listing.etag,
        lastModified: listing.lastModified,
        ...(given === undefined ? { settings: { ...source.settings, articlePattern: pattern } } : {}),
      },
      notes: read.notes,
    };
  },
};

function safePattern(pattern: string): RegExp {
  try {
    return compilePattern(pattern);
  } catch (error) {
    throw new FeedError('parse', (error as Error).message);
  }
}
