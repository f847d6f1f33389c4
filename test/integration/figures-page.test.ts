// Issue 18: the read-only /figures page on vigil's HTTP server, behind the dashboard token.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { createFiguresRoute } from '../../adapters/http/figures-route.js';
import { PAGE_CSP as FIGURES_PAGE_CSP } from '../../adapters/http/page-shell.js';
import type { HttpServer } from '../../adapters/http/server.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { seedFiguresStore } from '../helpers/figures-store.js';
import { startPageServer } from '../helpers/page-server.js';
import { tempDir } from '../helpers/run-vigil.js';

const TOKEN = 'a-long-figures-token-for-tests';
const bearer = { authorization: `Bearer ${TOKEN}` };

let store: CorpusStore;
let server: HttpServer;
let base: string;

beforeAll(async () => {
  const db = path.join(tempDir(), 'figures.db');
  await seedFiguresStore(db);
  store = await createCorpusStore(db);
  server = await startPageServer(
    createFiguresRoute({ store, token: TOKEN, clock: { now: () => new Date() } }),
  );
  base = `http://127.0.0.1:${server.port}/figures`;
});
afterAll(async () => {
  await server.close();
  await store.close();
});

describe('/figures', () => {
  it('asks for the token (Bearer or Basic password) and refuses a wrong one', async () => {
    const anonymous = await fetch(base);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    expect((await fetch(base, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(
      401,
    );
    const basic = `Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}`;
    expect((await fetch(base, { headers: { authorization: basic } })).status).toBe(200);
  });

  it('shows the chart as accessible SVG and the table with source links, feed text escaped', async () => {
    const response = await fetch(base, { headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(FIGURES_PAGE_CSP);
    expect(FIGURES_PAGE_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toMatch(
      /<svg role="img" aria-labelledby="chart-title chart-desc"[^>]*><title id="chart-title">Figures reported<\/title><desc id="chart-desc">Political prisoners: 3 points/,
    );
    expect(html).toContain('<caption>Figures reported, newest first</caption>');
    expect(html).toContain('<th scope="col">Date</th>');
    expect(html).toMatch(/<th scope="row">\d{4}-\d{2}-\d{2}<\/th>/);
    expect(html).toContain(
      '<a href="https://example.org/news/6" rel="noopener noreferrer">Viasna: EU sanctions</a>',
    );
    expect(html).not.toMatch(/<script|<b>/i);
    expect(html).toContain('Count &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('Count &lt;b&gt;one&lt;/b&gt;');
  });

  it('takes a kind and a window, and refuses a wrong one with 400', async () => {
    const releases = await (await fetch(`${base}?kind=releases&since=30d`, { headers: bearer })).text();
    expect(releases).toContain('Released or pardoned: 1 point');
    expect(releases).not.toContain('Political prisoners: ');
    expect(releases).toContain('href="/figures?kind=releases&amp;since=30d" aria-current="page"');
    const empty = await (await fetch(`${base}?since=1h`, { headers: bearer })).text();
    expect(empty).toContain('No figures in the items of this window.');
    expect(empty).not.toContain('<svg');
    for (const query of [
      'kind=weather',
      'kind=toString',
      'kind=__proto__',
      'since=yesterday',
      'since=99999d',
    ]) {
      const bad = await fetch(`${base}?${query}`, { headers: bearer });
      expect(bad.status, query).toBe(400);
      expect(await bad.text()).toMatch(/^(kind|since): expected/);
    }
  });

  it('is read-only, and other paths pass to the next route', async () => {
    const post = await fetch(base, { method: 'POST', headers: bearer });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/x`, { headers: bearer })).status).toBe(404);
  });
});
