// The pure parts of the feedless kinds: article address shapes, sitemaps (bounded), article pages.
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../src/sources/readers/article/read-article.js';
import { findArticlePattern, shapeOf } from '../../../src/sources/readers/page/article-pattern.js';
import {
  MAX_SITEMAP_ENTRIES,
  newestFirst,
  parseSitemap,
} from '../../../src/sources/readers/sitemap/parse-sitemap.js';

describe('article address patterns', () => {
  it('finds the shape most article links share, ids and dates before slugs, chrome ignored', () => {
    const links = [
      'https://o.example/about',
      'https://o.example/category/politics',
      'https://o.example/tag/minsk-court',
      'https://o.example/tag/eu-sanctions',
      'https://o.example/tag/prisoners-list',
      'https://o.example/news/1201',
      'https://o.example/news/1200',
      'https://o.example/news/1199',
    ];
    const found = findArticlePattern(links);
    expect(found?.pattern).toBe('^https?://[^/]+/news/\\d+/?$');
    expect(found?.matches).toBe(3);
  });

  it('reads dates, slugs, files and a numeric query as variable parts; literal paths are not articles', () => {
    expect(shapeOf('https://o.example/2025/05/01/court-extends-detention/')).toBe(
      '^https?://[^/]+/\\d+/\\d+/\\d+/[^/]+/?$',
    );
    expect(shapeOf('https://o.example/news/123-court-extends.html')).toBe(
      '^https?://[^/]+/news/\\d+[-_][^/]+/?$',
    );
    expect(shapeOf('https://o.example/view.php?id=77')).toBe('^https?://[^/]+/[^/]+\\.php/?\\?id=\\d+$');
    expect(shapeOf('https://o.example/contacts')).toBeNull();
    expect(shapeOf('https://o.example/page/2')).toBeNull();
    expect(findArticlePattern(['https://o.example/a', 'https://o.example/b'])).toBeNull();
  });
});

describe('sitemaps', () => {
  it('reads an index and a news urlset, newest first', () => {
    const index = parseSitemap(
      '<sitemapindex><sitemap><loc>https://o.example/news.xml</loc><lastmod>2025-05-01</lastmod></sitemap></sitemapindex>',
    );
    expect(index).toEqual({
      kind: 'index',
      entries: [{ loc: 'https://o.example/news.xml', date: '2025-05-01', title: null }],
      dropped: 0,
    });
    const urlset = parseSitemap(
      `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://o.example/1</loc><news:news><news:publication_date>2025-05-01T08:00:00Z</news:publication_date><news:title>Old &amp; gone</news:title></news:news></url>
<url><loc>https://o.example/2</loc><lastmod>2025-05-02T08:00:00Z</lastmod></url>
<url><loc>https://o.example/3</loc></url></urlset>`,
    );
    expect(newestFirst(urlset?.entries ?? []).map((entry) => entry.loc)).toEqual([
      'https://o.example/2',
      'https://o.example/1',
      'https://o.example/3',
    ]);
    expect(urlset?.entries[0]?.title).toBe('Old & gone');
    expect(parseSitemap('<html><body>not a sitemap</body></html>')).toBeNull();
  });

  it('keeps at most the protocol limit of entries from a sitemap bomb', () => {
    const count = MAX_SITEMAP_ENTRIES + 500;
    const xml = `<urlset>${'<url><loc>https://o.example/x</loc></url>'.repeat(count)}</urlset>`;
    const parsed = parseSitemap(xml);
    expect(parsed?.entries).toHaveLength(MAX_SITEMAP_ENTRIES);
    expect(parsed?.dropped).toBe(500);
  });
});

describe('article pages', () => {
  const body =
    '<p>The court extended the detention of the journalist by three months, lawyers said on Tuesday.</p><p>Relatives were not allowed into the hearing room, and diplomats waited outside the building.</p>';

  it('takes title and date from JSON-LD first, then OpenGraph, and leaves the chrome out', () => {
    const html = `<html><head><title>Site title | Outlet</title>
<meta property="og:title" content="OG title"><meta property="article:published_time" content="2025-05-02T10:00:00Z">
<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"JSON-LD headline","datePublished":"2025-05-01T09:30:00+03:00"}]}</script>
<script type="application/ld+json">{ broken json</script></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a></nav><div id="cookie-consent">We use cookies</div>
<article><h1>JSON-LD headline</h1>${body}<div class="share-buttons">Share on Facebook</div></article>
<aside class="related">Read also: another story</aside><footer>All rights reserved</footer></body></html>`;
    const read = readArticle({ url: 'https://o.example/news/1', html, fetchedAt: '2025-05-03T00:00:00Z' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.item).toMatchObject({
      guid: 'https://o.example/news/1',
      url: 'https://o.example/news/1',
      title: 'JSON-LD headline',
      publishedAt: '2025-05-01T06:30:00.000Z',
      publishedAtEstimated: false,
    });
    expect(read.item.text).toContain('Relatives were not allowed');
    expect(read.item.text).not.toMatch(/cookies|Share on|Read also|About us|All rights/);
  });

  it('falls back to OpenGraph and <time>, and never runs what the page says', () => {
    const html = `<html><head><meta property="og:title" content="OG &lt;b&gt;title&lt;/b&gt;"></head><body>
<script>globalThis.pwned = true</script><main><time datetime="2025-05-04T12:00:00Z">4 May</time>${body}</main></body></html>`;
    const read = readArticle({ url: 'https://o.example/news/2', html, fetchedAt: '2025-05-05T00:00:00Z' });
    expect(read.ok && read.item.title).toBe('OG title');
    expect(read.ok && read.item.publishedAt).toBe('2025-05-04T12:00:00.000Z');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
