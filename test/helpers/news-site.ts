/**
 * Small news sites on 127.0.0.1, written for the tests (no real page is copied), in the shapes outlets
 * without a usable feed take: a Wix-like blog with /blog-feed.xml, WordPress with feeds off but its
 * REST API on, a sitemap index with a news sitemap, and a plain listing page. Article pages carry the
 * chrome real ones do (navigation, cookie and newsletter banners, share buttons, teasers). Every
 * request is counted by path, so a test can tell what was fetched and how often.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SiteShape = 'wix' | 'wordpress' | 'sitemap' | 'listing';

export interface SiteArticle {
  id: number;
  slug: string;
  title: string;
  paragraphs: string[];
  publishedAt: Date;
}

export interface NewsSite {
  /** The site's root, ending in `/`. */
  url: string;
  shape: SiteShape;
  articles: SiteArticle[];
  /** Requests by path (query included). */
  hits: Map<string, number>;
  /** robots.txt text; null answers 404. */
  robots: string | null;
  /** The listing's markup generation: 2 moves every article to new addresses (a redesign). */
  design: 1 | 2;
  /** Extra routes a test adds: path → handler. */
  routes: Map<string, http.RequestListener>;
  /** The address of one article page. */
  articlePath(article: SiteArticle): string;
  count(path: string): number;
  /** Requests to article pages. */
  articleHits(): number;
  close(): Promise<void>;
}

const CHROME_TOP = `<header class="site-header"><nav class="main-menu"><a href="/">Home</a> <a href="/about">About us</a>
<a href="/contacts">Contacts</a> <a href="/category/politics">Politics</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>`;
const CHROME_BOTTOM = `<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="newsletter-signup"><p>Subscribe to our newsletter for weekly updates</p><form><input name="email"></form></div>`;

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A few plausible articles, newest first, published on the given day. */
export function sampleArticles(day: Date, count = 4, firstId = 101): SiteArticle[] {
  const topics = [
    [
      'Court extends detention of jailed journalist',
      'The court in Minsk extended the detention of the journalist by three months.',
    ],
    [
      'EU adopts new sanctions package against Belarus',
      'The Council of the EU adopted a new package of restrictive measures targeting potash exports.',
    ],
    [
      'Political prisoner released after serving sentence',
      'A political prisoner was released from the penal colony after four years.',
    ],
    [
      'Foreign ministers meet in Vilnius to discuss the region',
      'The ministers discussed diplomatic relations and border crossings.',
    ],
    [
      'Human rights group publishes monthly report',
      'The report counts new criminal cases opened for political reasons this month.',
    ],
  ] as const;
  return Array.from({ length: count }, (_, index) => {
    const [title, lead] = topics[index % topics.length] ?? topics[0];
    const id = firstId + count - 1 - index;
    return {
      id,
      slug: `${title
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')
        .replace(/-$/, '')}-${id}`,
      title: `${title} (${id})`,
      paragraphs: [
        lead,
        `Lawyers said the decision in case ${id} was expected. Relatives were not allowed into the hearing room, and observers from several embassies waited outside.`,
        'The next hearing is scheduled for the end of the month, according to the human rights centre that follows the case.',
      ],
      publishedAt: new Date(day.getTime() - index * 3600_000),
    };
  });
}

export async function startNewsSite(shape: SiteShape, articles: SiteArticle[]): Promise<NewsSite> {
  const site: NewsSite = {
    url: '',
    shape,
    articles,
    hits: new Map(),
    robots: null,
    design: 1,
    routes: new Map(),
    articlePath: (article) => articlePath(shape, article, site.design),
    count: (path) => site.hits.get(path) ?? 0,
    articleHits: () =>
      [...site.hits]
        .filter(([path]) => site.articles.some((a) => isArticlePath(site, path, a)))
        .reduce((n, [, c]) => n + c, 0),
    close: async () => undefined,
  };
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    site.hits.set(path, (site.hits.get(path) ?? 0) + 1);
    const extra = site.routes.get(path);
    if (extra) {
      extra(request, response);
      return;
    }
    const send = (status: number, type: string, body: string, headers: http.OutgoingHttpHeaders = {}) => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    if (path === '/robots.txt') {
      if (site.robots === null) send(404, 'text/plain', 'not found');
      else send(200, 'text/plain', site.robots);
      return;
    }
    const page = route(site, path);
    if (page === null)
      send(404, 'text/html; charset=utf-8', '<html><body><h1>Page not found</h1></body></html>');
    else if (page.etag && request.headers['if-none-match'] === page.etag) {
      response.writeHead(304, { etag: page.etag });
      response.end();
    } else send(200, page.type, page.body, page.etag ? { etag: page.etag } : {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return site;
}

function articlePath(shape: SiteShape, article: SiteArticle, design: 1 | 2): string {
  const day = article.publishedAt.toISOString().slice(0, 10).replace(/-/g, '/');
  if (shape === 'wix') return `/post/${article.slug}`;
  if (shape === 'wordpress') return `/${day}/${article.slug}/`;
  if (shape === 'sitemap') return `/news/${article.id}-${article.slug}.html`;
  return design === 1 ? `/news/${article.id}` : `/stories/view?story=${article.id}`;
}

function isArticlePath(site: NewsSite, path: string, article: SiteArticle): boolean {
  return path === articlePath(site.shape, article, 1) || path === articlePath(site.shape, article, 2);
}

interface Page {
  type: string;
  body: string;
  etag?: string;
}

const HTML = 'text/html; charset=utf-8';

function route(site: NewsSite, path: string): Page | null {
  const article = site.articles.find((a) => isArticlePath(site, path, a));
  if (article) return { type: HTML, body: articlePage(site, article) };
  const ids = site.articles.map((a) => a.id).join('.');
  const version = `"v${site.design}-${createHash('sha1').update(ids).digest('hex').slice(0, 16)}"`;
  if (path === '/') return { type: HTML, body: homePage(site), etag: version };
  if (site.shape === 'wix' && path === '/blog-feed.xml')
    return { type: 'application/xml; charset=utf-8', body: wixFeed(site) };
  if (site.shape === 'wordpress' && path.startsWith('/wp-json/wp/v2/posts')) {
    return { type: 'application/json; charset=UTF-8', body: wordpressPosts(site), etag: version };
  }
  if (site.shape === 'sitemap' && path === '/sitemap_index.xml')
    return { type: 'application/xml', body: sitemapIndex(site), etag: version };
  if (site.shape === 'sitemap' && path === '/news-sitemap.xml')
    return { type: 'application/xml', body: newsSitemap(site) };
  if (site.shape === 'sitemap' && path === '/page-sitemap.xml') {
    return {
      type: 'application/xml',
      body: urlset([`${site.url}about`, `${site.url}contacts`].map((loc) => `<url><loc>${loc}</loc></url>`)),
    };
  }
  if (path === '/about' || path === '/contacts' || path === '/category/politics') {
    return {
      type: HTML,
      body: `<html><head><title>${path}</title></head><body>${CHROME_TOP}<p>Static page.</p></body></html>`,
    };
  }
  return null;
}

function teasers(site: NewsSite, except: SiteArticle): string {
  const others = site.articles.filter((a) => a !== except).slice(0, 3);
  return `<aside class="related-posts"><h3>Read also</h3>${others
    .map(
      (a) =>
        `<div class="teaser"><a href="${site.articlePath(a)}">${esc(a.title)}</a><p>${esc(a.paragraphs[0] ?? '')}</p></div>`,
    )
    .join('')}</aside>`;
}

function articlePage(site: NewsSite, article: SiteArticle): string {
  const iso = article.publishedAt.toISOString();
  const body = article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  // Each shape tells its date its own way: JSON-LD, OpenGraph, or a <time> element only.
  const head =
    site.shape === 'sitemap'
      ? `<script type="application/ld+json">${JSON.stringify({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Sitemap News' },
            { '@type': 'NewsArticle', headline: article.title, datePublished: iso, inLanguage: 'en' },
          ],
        })}</script>`
      : site.shape === 'listing'
        ? `<meta property="og:title" content="${esc(article.title)}"><meta property="article:published_time" content="${iso}">`
        : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(article.title)} | Outlet</title>${head}</head>
<body>${CHROME_TOP}<main><article><h1>${esc(article.title)}</h1><time datetime="${iso}">${iso.slice(0, 10)}</time>
${body}</article>${CHROME_BOTTOM}${teasers(site, article)}</main><footer class="site-footer">© Outlet. All rights reserved.</footer></body></html>`;
}

function homePage(site: NewsSite): string {
  const generator = site.shape === 'wordpress' ? '<meta name="generator" content="WordPress 6.5">' : '';
  const items = site.articles
    .map((a) =>
      site.design === 1
        ? `<div class="news-item"><a href="${site.articlePath(a)}">${esc(a.title)}</a><span class="date">${a.publishedAt.toISOString().slice(0, 10)}</span></div>`
        : `<li class="story-card"><a class="story-link" href="${site.articlePath(a)}"><h2>${esc(a.title)}</h2></a></li>`,
    )
    .join('\n');
  const wrapped =
    site.design === 1 ? `<section class="news-list">${items}</section>` : `<ul class="stories">${items}</ul>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${site.shape} outlet</title>${generator}</head>
<body>${CHROME_TOP}<main>${site.shape === 'sitemap' ? '<p>Welcome.</p>' : wrapped}</main><footer><a href="/about">About</a></footer></body></html>`;
}

function wixFeed(site: NewsSite): string {
  const items = site.articles
    .map(
      (
        a,
      ) => `<item><title><![CDATA[${a.title}]]></title><link>${site.url}post/${a.slug}</link><guid isPermaLink="false">${a.id}</guid>
<pubDate>${a.publishedAt.toUTCString()}</pubDate><description><![CDATA[${a.paragraphs.join(' ')}]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wix Outlet</title><link>${site.url}</link>
<description>blog</description>${items}</channel></rss>`;
}

function wordpressPosts(site: NewsSite): string {
  return JSON.stringify(
    site.articles.map((a) => ({
      id: a.id,
      date: a.publishedAt.toISOString().slice(0, 19),
      date_gmt: a.publishedAt.toISOString().slice(0, 19),
      link: `${site.url}${site.articlePath(a).slice(1)}`,
      title: { rendered: esc(a.title) },
      content: { rendered: a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n'), protected: false },
      excerpt: { rendered: `<p>${esc(a.paragraphs[0] ?? '')}</p>` },
    })),
  );
}

function urlset(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${entries.join('\n')}</urlset>`;
}

function sitemapIndex(site: NewsSite): string {
  const newest = site.articles[0]?.publishedAt.toISOString() ?? '';
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${site.url}page-sitemap.xml</loc><lastmod>2020-01-01T00:00:00Z</lastmod></sitemap>
<sitemap><loc>${site.url}news-sitemap.xml</loc><lastmod>${newest}</lastmod></sitemap></sitemapindex>`;
}

function newsSitemap(site: NewsSite): string {
  // Oldest first, as many CMSs write them: the reader sorts by date itself.
  const entries = [...site.articles].reverse().map(
    (
      a,
    ) => `<url><loc>${site.url}${site.articlePath(a).slice(1)}</loc><news:news><news:publication><news:name>Outlet</news:name><news:language>en</news:language></news:publication>
<news:publication_date>${a.publishedAt.toISOString()}</news:publication_date><news:title>${esc(a.title)}</news:title></news:news></url>`,
  );
  return urlset(entries);
}
