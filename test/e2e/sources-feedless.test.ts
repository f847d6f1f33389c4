// Issue 16: `vigil sources add SITE` alone turns each feedless shape into a source that polls complete
// items, twice without duplicates or refetches, and picks up a new article. Sites are local, written
// for the test (test/helpers/news-site.ts); vigil runs as built, as a user would run it.
import { writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { StoredItem } from '../../src/corpus/corpus-store.js';
import { type NewsSite, type SiteShape, sampleArticles, startNewsSite } from '../helpers/news-site.js';
import { startVigil, tempDir } from '../helpers/run-vigil.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built vigil without blocking this process (the sites answer from it). */
function vigil(args: string[], env: Record<string, string>): Promise<Run> {
  const child = startVigil(args, { env });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

function environment(): Record<string, string> {
  const dir = tempDir();
  const catalogue = path.join(dir, 'sources.json');
  writeFileSync(catalogue, JSON.stringify({ sources: [] }));
  return {
    VIGIL_DB: path.join(dir, 'vigil.db'),
    VIGIL_SOURCES: catalogue,
    VIGIL_ALLOW_PRIVATE_FEEDS: '1',
    VIGIL_MIN_INTERVAL: '60',
    VIGIL_LOG_LEVEL: 'warn',
  };
}

async function storedItems(env: Record<string, string>): Promise<StoredItem[]> {
  const store = await createCorpusStore(env.VIGIL_DB as string);
  try {
    return await store.latestItems({ limit: 200 });
  } finally {
    await store.close();
  }
}

interface Listed {
  id: string;
  kind: string;
  url: string;
  settings: { articlePattern?: string };
}

async function onlySource(env: Record<string, string>): Promise<Listed> {
  const listed = await vigil(['sources', 'list', '--json'], env);
  const sources = JSON.parse(listed.stdout) as Listed[];
  expect(sources).toHaveLength(1);
  return sources[0] as Listed;
}

const sites: NewsSite[] = [];
afterAll(async () => {
  for (const site of sites) await site.close();
});

async function site(shape: SiteShape, count = 4, firstId = 101): Promise<NewsSite> {
  const started = await startNewsSite(shape, sampleArticles(new Date(), count, firstId));
  sites.push(started);
  return started;
}

const CHROME = /cookie|newsletter|Share on|Read also|All rights reserved|About us/i;

describe.each([
  ['wix', 'feed', '/blog-feed.xml'],
  ['wordpress', 'api', '/wp-json/wp/v2/posts'],
  ['sitemap', 'sitemap', '/sitemap_index.xml'],
  ['listing', 'page', '/'],
] as const)('a %s site', (shape, kind, address) => {
  it(`becomes a ${kind} source that polls complete items, once each, and picks up a new one`, async () => {
    const news = await site(shape);
    if (shape === 'sitemap') news.robots = `User-agent: *\nAllow: /\nSitemap: ${news.url}sitemap_index.xml\n`;
    const env = environment();

    const dry = await vigil(['sources', 'test', news.url], env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(`kind: ${kind}\naddress: ${news.url}${address.slice(1)}`);
    expect(dry.stdout).toMatch(/^why: \S/m);
    expect(dry.stdout).toContain(news.articles[0]?.title);
    const nothing = await vigil(['sources', 'list', '--json'], env);
    expect(JSON.parse(nothing.stdout)).toEqual([]);

    const added = await vigil(['sources', 'add', news.url], env);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const source = await onlySource(env);
    expect(source.kind).toBe(kind);
    expect(new URL(source.url).pathname).toBe(address);
    if (kind === 'page') expect(source.settings.articlePattern).toMatch(/news/);
    expect(added.stdout).toContain(`(${kind} `);

    const first = await vigil(['poll', '--once', '--source', source.id], env);
    expect(first.stdout).toContain(`${source.id}: ok: 4 new`);
    const items = await storedItems(env);
    expect(items.map((item) => item.title).sort()).toEqual(news.articles.map((a) => a.title).sort());
    for (const item of items) {
      const article = news.articles.find((a) => a.title === item.title);
      expect(Math.abs(Date.parse(item.publishedAt) - (article?.publishedAt.getTime() ?? 0))).toBeLessThan(
        60_000,
      );
      expect(item.publishedAtEstimated).toBe(false);
      expect(item.text).toContain(article?.paragraphs[1]);
      expect(item.text).not.toMatch(CHROME);
    }
    const articleRequests = news.articleHits();

    const second = await vigil(['poll', '--once', '--source', source.id], env);
    expect(second.stdout).toMatch(new RegExp(`${source.id}: (ok: 0 new|not-modified)`));
    expect(news.articleHits()).toBe(articleRequests);
    expect(await storedItems(env)).toHaveLength(4);

    const [fresh] = sampleArticles(new Date(), 1, 200);
    news.articles.unshift(fresh as NonNullable<typeof fresh>);
    const third = await vigil(['poll', '--once', '--source', source.id], env);
    expect(third.stdout).toContain(`${source.id}: ok: 1 new`);
    const after = await storedItems(env);
    expect(after).toHaveLength(5);
    expect(after.map((item) => item.title)).toContain(fresh?.title);
    if (kind === 'page' || kind === 'sitemap') expect(news.articleHits()).toBe(articleRequests + 1);
  }, 120_000);
});

describe('a listing page under stress', () => {
  it('obeys robots.txt, tells a redesign, and loses nothing', async () => {
    const news = await site('listing');
    const forbidden = news.articles[1];
    news.robots = `User-agent: *\nDisallow: /news/${forbidden?.id}\n`;
    const env = environment();
    expect((await vigil(['sources', 'add', news.url], env)).status).toBe(0);
    const source = await onlySource(env);
    const first = await vigil(['poll', '--once', '--source', source.id], env);
    expect(first.stdout).toContain(`${source.id}: ok: 3 new`);
    expect(first.stdout).toMatch(/robots\.txt of 127\.0\.0\.1:\d+ forbids fetching \/news\/\d+/);
    expect(news.count(`/news/${forbidden?.id}`)).toBe(0);

    news.design = 2;
    const redesigned = await vigil(['poll', '--once', '--source', source.id], env);
    expect(redesigned.status).toBe(1);
    expect(redesigned.stdout).toMatch(
      /failed \(article pattern lost: the listing no longer links any address matching/,
    );
    expect(redesigned.stdout).toContain('its links now look like');
    expect(await storedItems(env)).toHaveLength(3);
    const listed = await vigil(['sources', 'list'], env);
    expect(listed.stdout).toMatch(/failing ×1: article pattern lost/);
  }, 120_000);

  it('reads at most 20 new articles of a 10,000-link listing per poll and says so', async () => {
    const news = await site('listing', 10_000, 1);
    const env = environment();
    expect((await vigil(['sources', 'add', news.url], env)).status).toBe(0);
    const source = await onlySource(env);
    const polled = await vigil(['poll', '--once', '--source', source.id], env);
    expect(polled.stdout).toContain(`${source.id}: ok: 20 new`);
    expect(polled.stdout).toContain(
      '10000 new articles found; read the newest 20 now, the rest in later polls',
    );
    expect(news.articleHits()).toBe(20);
  }, 120_000);

  it('refuses a 50 MB article and a redirect to a private address, reads broken HTML and a wrong charset', async () => {
    const news = await site('listing', 5);
    const [huge, redirected, broken, mislabelled] = news.articles;
    const pathOf = (article: typeof huge) => news.articlePath(article as NonNullable<typeof huge>);
    news.routes.set(pathOf(huge), (_request, response: http.ServerResponse) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
    });
    news.routes.set(pathOf(redirected), (_request, response: http.ServerResponse) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    });
    news.routes.set(pathOf(broken), (_request, response: http.ServerResponse) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<html><head><title>${broken?.title}</title><meta property="article:published_time" content="${broken?.publishedAt.toISOString()}"><body><div class="cookie-banner">Accept cookies<article><h1>${broken?.title}<p>${broken?.paragraphs[0]}<p>${broken?.paragraphs[1]}<div><b>unclosed <i>tags</article></span></html`,
      );
    });
    const cyrillic = 'Суд продлил арест журналиста';
    news.routes.set(pathOf(mislabelled), (_request, response: http.ServerResponse) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      response.end(
        Buffer.from(
          `<html><head><title>${cyrillic}</title><meta property="article:published_time" content="${mislabelled?.publishedAt.toISOString()}"></head><body><article><h1>${cyrillic}</h1><p>${'Суд в Минске продлил срок содержания под стражей журналиста ещё на три месяца. '.repeat(3)}</p></article></body></html>`,
          'utf8',
        ),
      );
    });
    const env = environment();
    expect((await vigil(['sources', 'add', news.url], env)).status).toBe(0);
    const source = await onlySource(env);
    const polled = await vigil(['poll', '--once', '--source', source.id], env);
    expect(polled.stdout).toContain(`${source.id}: ok: 3 new`);
    expect(polled.stdout).toMatch(/response body exceeded 5 MiB/);
    expect(polled.stdout).toMatch(/refused to fetch 169\.254\.169\.254/);
    const items = await storedItems(env);
    const titles = items.map((item) => item.title);
    expect(titles).toContain(broken?.title);
    expect(titles).toContain(cyrillic);
    expect(items.find((item) => item.title === broken?.title)?.text).toContain(broken?.paragraphs[1]);
    expect(items.find((item) => item.title === broken?.title)?.text).not.toMatch(/cookies/);
  }, 120_000);
});
