// Issue 18: the read-only /digest pages on vigil's HTTP server, behind the dashboard token.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { createDigestRoute } from '../../adapters/http/digest-route.js';
import { PAGE_CSP } from '../../adapters/http/page-shell.js';
import type { HttpServer } from '../../adapters/http/server.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { DIGEST_CHANNEL, seedDigestChannel } from '../helpers/digest-page-store.js';
import { startPageServer } from '../helpers/page-server.js';
import { tempDir } from '../helpers/run-vigil.js';

const TOKEN = 'a-long-digest-token-for-tests';
const bearer = { authorization: `Bearer ${TOKEN}` };
const NOW = new Date('2026-12-04T10:30:00Z');

let store: CorpusStore;
let server: HttpServer;
let base: string;

beforeAll(async () => {
  const db = path.join(tempDir(), 'digest.db');
  await seedDigestChannel(db, NOW);
  store = await createCorpusStore(db);
  server = await startPageServer(
    createDigestRoute({
      store,
      token: TOKEN,
      clock: { now: () => NOW },
      topics: ['sanctions', 'prisoners', 'diplomacy'],
    }),
  );
  base = `http://127.0.0.1:${server.port}/digest`;
});
afterAll(async () => {
  await server.close();
  await store.close();
});

describe('/digest', () => {
  it('asks for the token, is read-only, and leaves other paths to the next route', async () => {
    for (const url of [base, `${base}/console%3Ateam`]) {
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Basic realm="vigil digest"');
    }
    const post = await fetch(base, { method: 'POST', headers: bearer });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`http://127.0.0.1:${server.port}/digests`, { headers: bearer })).status).toBe(404);
  });

  it('lists the channels, each linked to its digest', async () => {
    const response = await fetch(base, { headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const html = await response.text();
    expect(html).toContain('<h1>Digests</h1>');
    expect(html).toContain('<a href="/digest/console%3Ateam">console:team</a>');
  });

  it("shows the channel's last day grouped by topic and story, feed text escaped", async () => {
    const response = await fetch(`${base}/console%3Ateam`, { headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>Digest for console:team</h1>');
    expect(html).toContain('No scheduled digest: this is the last 24 hours.');
    expect(html).toContain('<a class="skip" href="#digest">Skip to the digest</a>');
    // One entry for the story two outlets told, naming the second; one for the court item.
    expect(html).toContain('2 stories from 3 items');
    expect(html.match(/<li>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Also reported by: Voice of America');
    expect(html).toContain(
      '<a href="https://example.org/news/101" rel="noopener noreferrer">EU widens sanctions on Belaruskali</a>',
    );
    expect(html).toContain('Court &lt;script&gt;alert(1)&lt;/script&gt; sentences activist');
    expect(html).not.toMatch(/<script/i);
    expect(html.indexOf('sanctions: 1 story')).toBeGreaterThan(-1);
    expect(html.indexOf('prisoners: 1 story')).toBeGreaterThan(-1);
  });

  it('follows the channel schedule once it has one', async () => {
    await store.saveDigestSchedule({
      channel: DIGEST_CHANNEL,
      cadence: 'daily',
      weekday: null,
      time: '09:00',
      timeZone: 'Europe/Minsk',
      since: '2026-12-01T00:00:00Z',
      author: 'test',
    });
    const html = await (await fetch(`${base}/console%3Ateam`, { headers: bearer })).text();
    expect(html).toContain('Scheduled digest: daily at 09:00 (Europe/Minsk).');
    // The last period ended at 09:00 Minsk (06:00 UTC): the items of 07:30–09:30 UTC are after it.
    expect(html).toContain('Digest 3 Dec 09:00 – 4 Dec 09:00 (Europe/Minsk)');
    expect(html).toContain('Nothing new for this channel in this period');
    await store.removeDigestSchedule(DIGEST_CHANNEL);
  });

  it('says which channel it does not know, and refuses a broken escape', async () => {
    const unknown = await fetch(`${base}/slack%3AC404`, { headers: bearer });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe(
      'no channel slack:C404 follows anything here; the channels are listed at /digest\n',
    );
    const broken = await fetch(`${base}/%E0%A4%A`, { headers: bearer });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/^channel: /);
  });
});
