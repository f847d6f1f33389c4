/** fetchFeed and discoverFeed against a local node:http server: validators, redirects, limits, charsets, refusals. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/errors.js';
import { discoverFeed } from '../../src/feeds/discover-feed.js';
import { type FetchOptions, fetchFeed } from '../../src/feeds/fetch-feed.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local feed</title><link>http://example.org/</link>
<item><title>Sanctions on Belaruskali extended</title><link>http://example.org/a?utm_source=rss</link>
<guid isPermaLink="false">a-1</guid><pubDate>Tue, 17 Oct 2017 12:17:00 +0300</pubDate>
<description>&lt;p&gt;The EU extended sanctions.&lt;/p&gt;</description></item>
</channel></rss>`;
const CYRILLIC_TITLE = 'Палітвязні вызваленыя ў Мінску';
const cyrillicFeed = (declaration: string) =>
  iconv.encode(
    `<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>Навіны</title>` +
      `<item><title>${CYRILLIC_TITLE}</title><link>http://example.org/b</link></item></channel></rss>`,
    'windows-1251',
  );

const requests: http.IncomingHttpHeaders[] = [];
let base = '';
let server: http.Server;
const zeros = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024));

const options: FetchOptions = {
  allowPrivate: true,
  timeoutMs: 2000,
  connectTimeoutMs: 1000,
  maxBytes: 1024 * 1024,
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.headers);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const redirect = (status: number, to: string) => {
      res.writeHead(status, { location: to });
      res.end();
    };
    switch (true) {
      case path === '/feed': {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'application/rss+xml; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Tue, 17 Oct 2017 12:00:00 GMT',
        });
        res.end(FEED);
        return;
      }
      case path === '/gzip':
      case path === '/deflate':
      case path === '/br': {
        const encoding = path.slice(1);
        const body =
          encoding === 'gzip'
            ? zlib.gzipSync(FEED)
            : encoding === 'deflate'
              ? zlib.deflateSync(FEED)
              : zlib.brotliCompressSync(FEED);
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding });
        res.end(body);
        return;
      }
      case path === '/raw-deflate': {
        // Not what RFC 9110 means by "deflate", but some servers send it.
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'deflate' });
        res.end(zlib.deflateRawSync(FEED));
        return;
      }
      case path === '/corrupt-gzip': {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(Buffer.from('this is not gzip at all'));
        return;
      }
      case path === '/chain/a':
        return redirect(301, '/chain/b');
      case path === '/chain/b':
        return redirect(308, `${base}/feed`);
      case path === '/mixed/a':
        return redirect(301, '/mixed/b');
      case path === '/mixed/b':
        return redirect(302, '/feed');
      case path === '/loop/a':
        return redirect(302, '/loop/b');
      case path === '/loop/b':
        return redirect(302, '/loop/a');
      case path.startsWith('/hop/'):
        return redirect(302, `/hop/${Number(path.slice(5)) + 1}`);
      case path === '/slow': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
        return; // never ends
      }
      case path === '/big': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        for (let i = 0; i < 40; i++) res.write(chunk);
        res.end();
        return;
      }
      case path === '/big-declared': {
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          'content-length': String(3 * 1024 * 1024),
        });
        res.write('<rss>');
        return;
      }
      case path === '/bomb': {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(zeros);
        return;
      }
      case path === '/cp1251-header': {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' });
        res.end(cyrillicFeed(''));
        return;
      }
      case path === '/cp1251-declared': {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(cyrillicFeed(' encoding="windows-1251"'));
        return;
      }
      case path === '/cp1251-header-wins': {
        // The header is trusted over a wrong XML declaration.
        res.writeHead(200, { 'content-type': 'text/xml; charset=windows-1251' });
        res.end(cyrillicFeed(' encoding="iso-8859-1"'));
        return;
      }
      case path === '/429': {
        res.writeHead(429, { 'retry-after': '120' });
        res.end('slow down');
        return;
      }
      case path === '/503': {
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() });
        res.end();
        return;
      }
      case path === '/gone': {
        res.writeHead(410);
        res.end();
        return;
      }
      case path === '/missing': {
        res.writeHead(404);
        res.end('not here');
        return;
      }
      case path === '/site': {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><title>Outlet</title>
<link rel="alternate" type="application/rss+xml" title="Comments feed" href="/comments">
<link rel="alternate" type="application/rss+xml" title="News" href="/feed">
</head><body><p>Hello</p></body></html>`);
        return;
      }
      case path === '/no-feed-site': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><head><title>Wix</title></head><body>No feed</body></html>');
        return;
      }
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('fetchFeed', () => {
  it('returns the body and validators, then 304 on the second poll, sending the validators back', async () => {
    const first = await fetchFeed({ url: `${base}/feed` }, options);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Tue, 17 Oct 2017 12:00:00 GMT');
    expect(first.finalUrl).toBe(`${base}/feed`);
    expect(first.permanentRedirectTo).toBeNull();
    expect(requests.at(-1)?.['user-agent']).toMatch(/vigil/);
    expect(requests.at(-1)?.['accept-encoding']).toMatch(/gzip/);

    const second = await fetchFeed(
      { url: `${base}/feed`, etag: first.etag, lastModified: first.lastModified },
      options,
    );
    expect(second).toEqual({ status: 'not-modified' });
    expect(requests.at(-1)?.['if-none-match']).toBe('"v1"');
    expect(requests.at(-1)?.['if-modified-since']).toBe('Tue, 17 Oct 2017 12:00:00 GMT');
  });

  it.each(['gzip', 'deflate', 'br'])('decompresses %s', async (encoding) => {
    const result = await fetchFeed({ url: `${base}/${encoding}` }, options);
    expect(result.status === 'ok' && result.text).toBe(FEED);
  });

  it('decompresses a raw deflate stream too, and reports a corrupt one', async () => {
    const raw = await fetchFeed({ url: `${base}/raw-deflate` }, options);
    expect(raw.status === 'ok' && raw.text).toBe(FEED);
    const corrupt = await failure(fetchFeed({ url: `${base}/corrupt-gzip` }, options));
    expect(corrupt.kind).toBe('http');
    expect(corrupt.message).toMatch(/compressed body .* is corrupt/);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchFeed({ url: `http://127.0.0.1:${port}/feed` }, options));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/refused the connection/);
  });

  it('follows a redirect chain and reports a permanent move', async () => {
    const result = await fetchFeed({ url: `${base}/chain/a` }, options);
    expect(result.status === 'ok' && result.finalUrl).toBe(`${base}/feed`);
    expect(result.status === 'ok' && result.permanentRedirectTo).toBe(`${base}/feed`);
  });

  it('stops counting a move as permanent at the first temporary redirect', async () => {
    const result = await fetchFeed({ url: `${base}/mixed/a` }, options);
    expect(result.status === 'ok' && result.finalUrl).toBe(`${base}/feed`);
    expect(result.status === 'ok' && result.permanentRedirectTo).toBe(`${base}/mixed/b`);
  });

  it('refuses a redirect loop and a chain longer than the limit', async () => {
    const loop = await failure(fetchFeed({ url: `${base}/loop/a` }, options));
    expect(loop.kind).toBe('redirect');
    expect(loop.message).toMatch(/redirect loop/);
    const long = await failure(fetchFeed({ url: `${base}/hop/0` }, { ...options, maxRedirects: 5 }));
    expect(long.kind).toBe('redirect');
    expect(long.message).toMatch(/more than 5 redirects/);
  });

  it('gives up on a body that never finishes (total time-out)', async () => {
    const started = Date.now();
    const error = await failure(fetchFeed({ url: `${base}/slow` }, { ...options, timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a body over the limit, counted and declared', async () => {
    const counted = await failure(fetchFeed({ url: `${base}/big` }, options));
    expect(counted.kind).toBe('too-large');
    expect(counted.message).toBe('response body exceeded 1 MiB');
    const declared = await failure(fetchFeed({ url: `${base}/big-declared` }, options));
    expect(declared.kind).toBe('too-large');
  });

  it('stops a compression bomb after maxBytes of output', async () => {
    const started = Date.now();
    const error = await failure(fetchFeed({ url: `${base}/bomb` }, options));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/after decompression/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('decodes windows-1251 from the header, from the XML declaration, and trusts the header over the declaration', async () => {
    for (const path of ['/cp1251-header', '/cp1251-declared', '/cp1251-header-wins']) {
      const result = await fetchFeed({ url: `${base}${path}` }, options);
      if (result.status !== 'ok') throw new Error(path);
      const feed = await parseFeed(result.text, {
        url: result.finalUrl,
        fetchedAt: new Date().toISOString(),
      });
      expect(feed.title, path).toBe('Навіны');
      expect(feed.items[0]?.title, path).toBe(CYRILLIC_TITLE);
    }
  });

  it('turns 429 and 503 with Retry-After into rate-limited with the wait', async () => {
    const tooMany = await failure(fetchFeed({ url: `${base}/429` }, options));
    expect(tooMany.kind).toBe('rate-limited');
    expect(tooMany.details.retryAfterMs).toBe(120_000);
    const unavailable = await failure(fetchFeed({ url: `${base}/503` }, options));
    expect(unavailable.kind).toBe('rate-limited');
    expect(unavailable.details.retryAfterMs).toBeGreaterThan(80_000);
    expect(unavailable.details.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('reports 410 as gone and 404 as an http error', async () => {
    const gone = await failure(fetchFeed({ url: `${base}/gone` }, options));
    expect(gone.kind).toBe('gone');
    expect(gone.details.status).toBe(410);
    const missing = await failure(fetchFeed({ url: `${base}/missing` }, options));
    expect(missing.kind).toBe('http');
    expect(missing.message).toMatch(/HTTP 404/);
  });

  it('refuses loopback addresses unless allowPrivate, by literal IP and by name', async () => {
    const before = requests.length;
    const literal = await failure(fetchFeed({ url: `${base}/feed` }, { ...options, allowPrivate: false }));
    expect(literal.kind).toBe('blocked-address');
    expect(literal.message).toMatch(/127\.0\.0\.1/);
    const port = new URL(base).port;
    const named = await failure(
      fetchFeed({ url: `http://localhost:${port}/feed` }, { ...options, allowPrivate: false }),
    );
    expect(named.kind).toBe('blocked-address');
    const mapped = await failure(
      fetchFeed({ url: `http://[::ffff:127.0.0.1]:${port}/feed` }, { ...options, allowPrivate: false }),
    );
    expect(mapped.kind).toBe('blocked-address');
    expect(requests.length).toBe(before);
  });

  it('refuses schemes other than http and https', async () => {
    const error = await failure(fetchFeed({ url: 'file:///etc/passwd' }, options));
    expect(error.kind).toBe('blocked-address');
  });
});

describe('discoverFeed', () => {
  it('finds the feed an HTML page links, preferring it over a comments feed', async () => {
    const found = await discoverFeed(`${base}/site`, options);
    expect(found).toEqual({ feedUrl: `${base}/feed`, title: 'Local feed', kind: 'rss' });
  });

  it('accepts a feed address as it is', async () => {
    const found = await discoverFeed(`${base}/feed`, options);
    expect(found).toEqual({ feedUrl: `${base}/feed`, title: 'Local feed', kind: 'rss' });
  });

  it('says so when a page links no feed', async () => {
    const error = await failure(discoverFeed(`${base}/no-feed-site`, options));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/no feed found/);
  });
});
