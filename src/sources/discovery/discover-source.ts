/**
 * What to read for a site address (design.md, "Sources without a feed"), first that yields articles:
 * 1. the address itself when it is a feed, the feeds its page links, then feeds at the usual addresses;
 * 2. CMS conventions: WordPress `/feed/` then `/wp-json/wp/v2/posts`, Wix `/blog-feed.xml`;
 * 3. robots.txt → sitemaps (an index → its news or post sitemaps);
 * 4. the page itself as a listing whose article links share an address pattern (or `--articles`).
 * Every request goes through the polite fetcher: robots.txt, one at a time, the address guard.
 */

import type { FeedFormat, SourceKind, SourceSettings } from '../../corpus/source-catalog.js';
import { describeError, FeedError } from '../../errors.js';
import { findAlternates } from '../../feeds/discover-feed.js';
import type { NormalisedItem } from '../../feeds/feed-item.js';
import { htmlToLine } from '../../feeds/html-to-text.js';
import { parseFeed } from '../../feeds/parse-feed.js';
import { parseWordPressPosts, wordpressPostsUrl } from '../readers/api/wordpress-reader.js';
import { compilePattern, findArticlePattern } from '../readers/page/article-pattern.js';
import { listingLinks } from '../readers/page/listing-links.js';
import { newestFirst, parseSitemap, type SitemapEntry } from '../readers/sitemap/parse-sitemap.js';
import { childEntries } from '../readers/sitemap/sitemap-reader.js';
import type { ReadContext } from '../readers/source-reader.js';

export interface DiscoveredSource {
  kind: SourceKind;
  /** The address polled: the feed, the API, the sitemap or the listing. */
  url: string;
  title: string;
  format: FeedFormat | null;
  settings: SourceSettings;
  /** Why this was chosen, in words (for `sources test` and the log). */
  why: string;
  /** Items read on the way (feeds and the API), newest first; article kinds give addresses only. */
  items: NormalisedItem[];
  /** Article addresses found (page and sitemap), newest first. */
  articleUrls: string[];
  /** The steps tried before, and why they did not do. */
  tried: string[];
}

export interface DiscoverOptions {
  /** `--articles REGEX`: the page is a listing (or the address a sitemap) with this article pattern. */
  articlePattern?: string;
}

/** The context discovery needs: a reader's, without the store (nothing is known yet). */
export type DiscoverContext = Omit<ReadContext, 'known'>;

// Feeds often sit here when a page does not link them; Wix's last, WordPress's first (it is the most common).
const USUAL_FEEDS = ['/feed/', '/rss/', '/rss.xml', '/feed.xml', '/atom.xml', '/index.xml'];
const WIX_FEED = '/blog-feed.xml';

export async function discoverSource(
  address: string,
  context: DiscoverContext,
  options: DiscoverOptions = {},
): Promise<DiscoveredSource> {
  const tried: string[] = [];
  const fetchedAt = () => context.clock.now().toISOString();
  const page = await context.web.get(address, { html: true });
  if (page.status !== 'ok') throw new FeedError('http', `no answer to read at ${address}`);
  const pageUrl = page.permanentRedirectTo ?? address;

  if (options.articlePattern !== undefined) {
    const pattern = options.articlePattern;
    const sitemap = parseSitemap(page.text);
    if (sitemap) return await sitemapSource(pageUrl, sitemap, context, tried, pattern);
    return listingSource(
      pageUrl,
      page.text,
      page.finalUrl,
      tried,
      pattern,
      'the article pattern was given (--articles)',
    );
  }

  const asFeed = await feedFrom(page.text, page.finalUrl, fetchedAt());
  if (asFeed) return feedSource(pageUrl, asFeed, 'the address is a feed', tried);
  const sitemapHere = parseSitemap(page.text);
  if (sitemapHere) return await sitemapSource(pageUrl, sitemapHere, context, tried);

  // 1 and 2: linked feeds, then the usual and CMS addresses (WordPress's /feed/ first, Wix's last).
  const linked = findAlternates(page.text, page.finalUrl).map((candidate) => candidate.href);
  const site = new URL('/', page.finalUrl).href;
  const probes = [...linked.slice(0, 4), ...USUAL_FEEDS.map((path) => new URL(path, site).href)];
  let emptyFeed: DiscoveredSource | null = null;
  for (const [index, url] of unique(probes).entries()) {
    const feed = await probe(url, context, tried, async (text, finalUrl) =>
      feedFrom(text, finalUrl, fetchedAt()),
    );
    if (!feed) continue;
    const why =
      index < linked.length
        ? 'the page links this feed'
        : `a feed sits at the usual address ${new URL(url).pathname}`;
    const found = feedSource(url, feed, why, tried);
    if (feed.items.length > 0) return found;
    tried.push(`${url}: a feed with no items`);
    emptyFeed ??= found;
  }
  const posts = wordpressPostsUrl(site);
  const wordpress = await probe(posts, context, tried, async (text, finalUrl) =>
    parseWordPressPosts(text, fetchedAt(), finalUrl),
  );
  if (wordpress && wordpress.items.length > 0) {
    return {
      kind: 'api',
      url: posts,
      title: titleOf(page.text) ?? new URL(site).hostname,
      format: null,
      settings: {},
      why: 'a WordPress site without a feed: its REST API lists the posts',
      items: wordpress.items,
      articleUrls: [],
      tried,
    };
  }
  const wix = await probe(new URL(WIX_FEED, site).href, context, tried, async (text, finalUrl) =>
    feedFrom(text, finalUrl, fetchedAt()),
  );
  if (wix && wix.items.length > 0)
    return feedSource(new URL(WIX_FEED, site).href, wix, 'a Wix blog feed', tried);

  // 3: robots.txt → sitemaps.
  for (const sitemapUrl of (await context.web.sitemaps(site)).slice(0, 3)) {
    const sitemap = await probe(sitemapUrl, context, tried, async (text) => parseSitemap(text));
    if (!sitemap) continue;
    try {
      return await sitemapSource(sitemapUrl, sitemap, context, tried);
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      tried.push(`${sitemapUrl}: ${error.message}`);
    }
  }
  if (!tried.some((line) => line.includes('robots.txt')))
    tried.push(`${site}robots.txt names no usable sitemap`);

  // 4: the page as a listing.
  try {
    return listingSource(pageUrl, page.text, page.finalUrl, tried, undefined, '');
  } catch (error) {
    if (!(error instanceof FeedError) || emptyFeed === null) throw error;
    return emptyFeed;
  }
}

async function feedFrom(text: string, url: string, fetchedAt: string) {
  try {
    return await parseFeed(text, { url, fetchedAt });
  } catch (error) {
    if (error instanceof FeedError) return null;
    throw error;
  }
}

/** GETs `url` and reads it with `read`; a failure is noted in `tried` and gives null. */
async function probe<T>(
  url: string,
  context: DiscoverContext,
  tried: string[],
  read: (text: string, finalUrl: string) => Promise<T | null>,
): Promise<T | null> {
  try {
    const result = await context.web.get(url);
    if (result.status !== 'ok') return null;
    const value = await read(result.text, result.finalUrl);
    if (value === null) tried.push(`${url}: not what was looked for`);
    return value;
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    // The address guard's refusal is not a missing feed: the whole address is refused.
    if (error.kind === 'blocked-address') throw error;
    tried.push(`${url}: ${describeError(error)}`);
    return null;
  }
}

function feedSource(
  url: string,
  feed: NonNullable<Awaited<ReturnType<typeof feedFrom>>>,
  why: string,
  tried: string[],
): DiscoveredSource {
  return {
    kind: 'feed',
    url,
    title: feed.title,
    format: feed.kind,
    settings: {},
    why: `${why} (${feed.kind}, ${feed.items.length} items)`,
    items: feed.items,
    articleUrls: [],
    tried,
  };
}

async function sitemapSource(
  url: string,
  sitemap: NonNullable<ReturnType<typeof parseSitemap>>,
  context: DiscoverContext,
  tried: string[],
  articlePattern?: string,
): Promise<DiscoveredSource> {
  const notes: string[] = [];
  const entries: SitemapEntry[] =
    sitemap.kind === 'urlset' ? sitemap.entries : await childEntries(sitemap.entries, context, notes);
  const pattern = articlePattern === undefined ? null : compileGiven(articlePattern);
  const urls = newestFirst(entries)
    .map((entry) => entry.loc)
    .filter((loc) => pattern === null || pattern.test(loc));
  if (urls.length === 0)
    throw new FeedError(
      'parse',
      `the sitemap ${url} lists no articles${notes.length ? ` (${notes.join('; ')})` : ''}`,
    );
  return {
    kind: 'sitemap',
    url,
    title: new URL(url).hostname,
    format: null,
    settings: articlePattern === undefined ? {} : { articlePattern },
    why: `robots.txt or the address leads to a sitemap${sitemap.kind === 'index' ? ' index' : ''} listing ${urls.length} pages, newest first`,
    items: [],
    articleUrls: urls,
    tried,
  };
}

function listingSource(
  url: string,
  html: string,
  finalUrl: string,
  tried: string[],
  given: string | undefined,
  reason: string,
): DiscoveredSource {
  const { links, total } = listingLinks(html, finalUrl);
  const urls = links.map((link) => link.url);
  let pattern = given;
  let why = reason;
  if (pattern === undefined) {
    const found = findArticlePattern(urls);
    if (found === null) {
      throw new FeedError(
        'parse',
        `no feed, WordPress API, sitemap or article links found at ${url} (${total} links, none sharing an article address shape; give one with --articles REGEX)`,
      );
    }
    pattern = found.pattern;
    why = `the page is a listing: ${found.why}`;
  }
  const matcher = compileGiven(pattern);
  const articleUrls = urls.filter((link) => matcher.test(link));
  if (articleUrls.length === 0)
    throw new FeedError('parse', `no link on ${url} matches the article pattern ${pattern}`);
  return {
    kind: 'page',
    url,
    title: titleOf(html) ?? new URL(url).hostname,
    format: null,
    settings: { articlePattern: pattern },
    why,
    items: [],
    articleUrls,
    tried,
  };
}

function compileGiven(pattern: string): RegExp {
  try {
    return compilePattern(pattern);
  } catch (error) {
    throw new FeedError('parse', (error as Error).message);
  }
}

function titleOf(html: string): string | null {
  const match = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html);
  return htmlToLine(match?.[1] ?? '') || null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
