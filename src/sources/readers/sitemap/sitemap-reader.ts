/**
 * The `sitemap` kind: the source's address is a sitemap index or a urlset (found through robots.txt).
 * From an index, the news or post sitemaps are read (else the newest ones), at most a few per poll;
 * entries are taken newest first, filtered by `articlePattern` when one is set, and each new article
 * is fetched once. The index (or urlset) is fetched conditionally.
 */
import { FeedError } from '../../../errors.js';
import { canonicalUrl } from '../../../feeds/canonical-url.js';
import { readNewArticles } from '../article/read-new-articles.js';
import { compilePattern } from '../page/article-pattern.js';
import type { ReadContext, SourceReader } from '../source-reader.js';
import { newestFirst, parseSitemap, type SitemapEntry } from './parse-sitemap.js';

/** Child sitemaps read per poll at most. */
export const MAX_CHILD_SITEMAPS = 3;
/** Article candidates considered per poll (newest first) before the known ones are dropped. */
const MAX_CANDIDATES = 500;
const ARTICLE_SITEMAPS = /news|post|article|blog|story|stories|novost|material/i;
const NOT_ARTICLE_SITEMAPS = /tag|categor|author|page-sitemap|pages|image|video|product/i;

export const sitemapReader: SourceReader = {
  kind: 'sitemap',
  async read(source, context) {
    const top = await context.web.get(source.url, { etag: source.etag, lastModified: source.lastModified });
    if (top.status === 'not-modified') return { status: 'not-modified', notes: [] };
    const sitemap = parseSitemap(top.text);
    if (sitemap === null)
      throw new FeedError('parse', `${source.url} is not a sitemap (no <urlset> or <sitemapindex>)`);
    const notes: string[] = [];
    const entries =
      sitemap.kind === 'urlset' ? sitemap.entries : await childEntries(sitemap.entries, context, notes);
    if (sitemap.dropped > 0)
      notes.push(`the sitemap lists more than ${sitemap.entries.length} entries; the rest were ignored`);
    const pattern = source.settings.articlePattern ? compilePattern(source.settings.articlePattern) : null;
    const links = newestFirst(entries)
      .map((entry) => ({ ...entry, url: canonicalUrl(entry.loc, source.url) }))
      .filter((entry): entry is SitemapEntry & { url: string } => entry.url !== null)
      .filter((entry) => pattern === null || pattern.test(entry.url))
      .slice(0, MAX_CANDIDATES);
    const read = await readNewArticles(
      links.map((entry) => ({ url: entry.url, title: entry.title, date: entry.date })),
      context,
    );
    return {
      status: 'ok',
      items: read.items,
      rejected: read.rejected,
      patch: { etag: top.etag, lastModified: top.lastModified },
      notes: [...notes, ...read.notes],
    };
  },
};

/** The entries of the index's article sitemaps, newest sitemaps first, a few per poll. */
export async function childEntries(
  children: readonly SitemapEntry[],
  context: Pick<ReadContext, 'web'>,
  notes: string[],
): Promise<SitemapEntry[]> {
  const articles = children.filter((child) => ARTICLE_SITEMAPS.test(child.loc));
  const plausible = children.filter((child) => !NOT_ARTICLE_SITEMAPS.test(child.loc));
  const chosen = newestFirst(articles.length > 0 ? articles : plausible).slice(0, MAX_CHILD_SITEMAPS);
  const entries: SitemapEntry[] = [];
  for (const child of chosen) {
    try {
      const result = await context.web.get(child.loc);
      if (result.status !== 'ok') continue;
      const parsed = parseSitemap(result.text);
      // One level only: an index inside an index is not followed (a loop or a bomb).
      if (parsed?.kind === 'urlset') entries.push(...parsed.entries);
      else notes.push(`${child.loc} is not a urlset sitemap`);
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      notes.push(`sitemap ${child.loc} not read: ${error.message}`);
    }
  }
  if (entries.length === 0 && notes.length > 0) throw new FeedError('parse', notes.join('; '));
  return entries;
}
