// The polite fetcher of the feedless kinds, on a clock the test moves: one request at a time per
// host, a pause between two, robots.txt read once and obeyed, validators sent, vigil named.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoliteWeb } from '../../src/sources/web/polite-web.js';
import { createFakeClock } from '../helpers/fake-clock.js';

interface Seen {
  path: string;
  at: number;
  userAgent: string;
  ifNoneMatch: string | undefined;
}

const clock = createFakeClock('2025-06-01T10:00:00Z');
const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
let base = '';
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    seen.push({
      path: request.url ?? '',
      at: clock.now().getTime(),
      userAgent: request.headers['user-agent'] ?? '',
      ifNoneMatch: request.headers['if-none-match'],
    });
    const done = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}) => {
      inFlight--;
      response.writeHead(status, { 'content-type': 'text/plain', ...headers });
      response.end(body);
    };
    if (request.url === '/robots.txt') done(200, 'User-agent: vigil\nDisallow: /private/\n');
    else if (request.headers['if-none-match'] === '"v1"') done(304, '');
    else done(200, `page ${request.url}`, { etag: '"v1"' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Moves the fake clock in small steps, giving the sockets real turns, until `work` settles. */
async function drive<T>(work: Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  work.then(
    (value) => {
      outcome = { ok: true, value };
    },
    (error: unknown) => {
      outcome = { ok: false, error };
    },
  );
  while (outcome === null) {
    await clock.advance(50);
    await nextTurn();
  }
  const settled = outcome as { ok: true; value: T } | { ok: false; error: unknown };
  if (!settled.ok) throw settled.error;
  return settled.value;
}

describe('the polite fetcher', () => {
  it('sends one request at a time per host with a pause between, reads robots.txt once and obeys it', async () => {
    const web = createPoliteWeb({ fetchOptions: { allowPrivate: true }, clock, pauseMs: 1000 });
    const pages = await drive(Promise.all(['/a', '/b', '/c'].map((path) => web.get(`${base}${path}`))));
    expect(pages.map((page) => page.status)).toEqual(['ok', 'ok', 'ok']);
    expect(seen.map((entry) => entry.path)).toEqual(['/robots.txt', '/a', '/b', '/c']);
    expect(maxInFlight).toBe(1);
    for (let i = 1; i < seen.length; i++) {
      expect((seen[i]?.at ?? 0) - (seen[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    for (const entry of seen) expect(entry.userAgent).toMatch(/^vigil\/\S+ \(news monitor; [^)]+\)$/);

    await expect(drive(web.get(`${base}/private/x`))).rejects.toThrow(
      /robots\.txt of 127\.0\.0\.1:\d+ forbids fetching \/private\/x/,
    );
    expect(seen.some((entry) => entry.path === '/private/x')).toBe(false);
    expect(seen.filter((entry) => entry.path === '/robots.txt')).toHaveLength(1);
    expect(await drive(web.allowed(`${base}/news/1`))).toBe(true);
  });

  it('sends the validators it is given and reports a 304 as not modified', async () => {
    const web = createPoliteWeb({ fetchOptions: { allowPrivate: true }, clock, pauseMs: 1000 });
    const again = await drive(web.get(`${base}/listing`, { etag: '"v1"' }));
    expect(again.status).toBe('not-modified');
    expect(seen.at(-1)).toMatchObject({ path: '/listing', ifNoneMatch: '"v1"' });
  });
});
