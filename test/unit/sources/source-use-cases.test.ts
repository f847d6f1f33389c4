// The source use cases shared by the command line and chat (issue 13), and issue 12's findings on
// them: intervals bounded everywhere and checked before any fetch (1), OPML addresses checked like
// `sources add` and export without file:// sources (7), chat never shown internal addresses (6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { ConfigError, FeedError, publicReason } from '../../../src/errors.js';
import { blockedError } from '../../../src/feeds/address-guard.js';
import { renderOpml } from '../../../src/sources/opml.js';
import { parseCatalogue } from '../../../src/sources/source-catalogue.js';
import {
  addSource,
  clampStoredIntervals,
  importSources,
  removeSource,
  type SourceCatalogDeps,
  setSourcePaused,
} from '../../../src/sources/source-use-cases.js';
import { type FeedServer, startFeedServer } from '../../helpers/feed-server.js';
import { makeSource } from '../../helpers/make-source.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { fixedClock, makeStore, T0 } from '../commands/fixtures.js';

const who = { actor: 'telegram:1', channel: 'telegram:-100' };

let store: CorpusStore;
let feed: FeedServer;
let log: ReturnType<typeof createMemoryLogger>;
let changes: number;
let deps: SourceCatalogDeps;

beforeEach(async () => {
  store = await makeStore();
  feed = await startFeedServer('Minsk Daily');
  log = createMemoryLogger();
  changes = 0;
  deps = {
    store,
    clock: fixedClock(),
    fetchOptions: { allowPrivate: true },
    log,
    sourcesChanged: async () => void changes++,
  };
});
afterEach(async () => {
  await feed.close();
  await store.close();
});

describe('addSource', () => {
  it('adds, audits and asks the scheduler for the first poll', async () => {
    const result = await addSource(deps, who, { url: feed.url, intervalSeconds: 900 });
    expect(result).toMatchObject({
      ok: true,
      source: { id: 'minsk-daily', url: feed.url, intervalSeconds: 900 },
    });
    expect(changes).toBe(1);
    const [entry] = await store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({
      actor: 'telegram:1',
      action: 'source.add',
      channel: 'telegram:-100',
      at: T0,
    });
    expect(entry?.details).toMatchObject({ before: null, after: { id: 'minsk-daily' } });
    const again = await addSource(deps, who, { url: feed.url });
    expect(again).toMatchObject({
      ok: false,
      problem: { code: 'already-present', existing: { id: 'minsk-daily' } },
    });
  });

  it.each([
    [3_000_000, 'from 60 to 86400 (got 3000000)'],
    [86_401, 'from 60 to 86400 (got 86401)'],
    [59, 'from 60 to 86400 (got 59)'],
    [0, 'from 60 to 86400 (got 0)'],
  ])('refuses --interval %i before any fetch', async (interval, expected) => {
    const result = await addSource(deps, who, { url: feed.url, intervalSeconds: interval });
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid-interval' } });
    expect(result.ok ? '' : result.problem.message).toContain(expected);
    expect(feed.requests).toBe(0);
    expect(changes).toBe(0);
  });

  it('takes 60 and 86,400 s, and below a minute only where VIGIL_MIN_INTERVAL lowers the floor', async () => {
    expect((await addSource(deps, who, { url: feed.url, intervalSeconds: 86_400 })).ok).toBe(true);
    await removeSource(deps, who, 'minsk-daily');
    const lowered = { ...deps, minIntervalSeconds: 1 };
    expect((await addSource(lowered, who, { url: feed.url, intervalSeconds: 5 })).ok).toBe(true);
  });

  it.each([
    ['http://127.0.0.1:9/feed', 'is on a loopback or private network'],
    ['http://[::ffff:10.0.0.1]/rss', 'is on a loopback or private network'],
    ['http://localhost/rss', 'is on a loopback or private network'],
    ['file:///etc/passwd', 'is not an http(s) address'],
    ['https://user:secret@example.org/rss', 'carries a user name or password'],
    ['not an address', 'is not a web address'],
  ])('refuses %s before any fetch where private feeds are not allowed', async (url, problem) => {
    const strict = { ...deps, fetchOptions: { allowPrivate: false } };
    const result = await addSource(strict, who, { url });
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid-address' } });
    expect(result.ok ? '' : result.problem.message).toContain(problem);
    expect(result.ok ? '' : result.problem.message).not.toContain('secret');
    expect(await store.getSource('minsk-daily')).toBeNull();
  });

  it('says why a feed could not be found without internal addresses; the log keeps them', async () => {
    const discover = async () => {
      throw blockedError('intranet.example.org', '10.1.2.3');
    };
    const result = await addSource({ ...deps, discover }, who, { url: 'https://intranet.example.org/rss' });
    expect(result).toMatchObject({ ok: false, problem: { code: 'no-feed' } });
    const message = result.ok ? '' : result.problem.message;
    expect(message).toBe(
      'could not add https://intranet.example.org/rss: the address is on a loopback or private network',
    );
    expect(result.ok ? '' : result.problem.detail).toContain('10.1.2.3');
    expect(JSON.stringify(log.lines)).toContain('10.1.2.3');
  });
});

describe('publicReason', () => {
  it('keeps the failing part and drops what the system said about addresses', () => {
    const refused = new FeedError(
      'network',
      'request to intranet:8443 failed: connect EHOSTUNREACH 10.0.0.7:8443',
    );
    expect(publicReason(refused)).toBe('request to intranet:8443 failed');
    expect(publicReason(blockedError('db.internal', '192.168.1.20'))).not.toContain('192.168');
    expect(publicReason(new FeedError('http', 'HTTP 503 from https://example.org/rss'))).toBe(
      'HTTP 503 from https://example.org/rss',
    );
    expect(publicReason(new TypeError("Cannot read properties of null (reading 'x')"))).toBe(
      'an unexpected error (it has been logged)',
    );
  });
});

describe('remove, pause and resume', () => {
  it('audit each change with before and after, and nudge the scheduler', async () => {
    expect(await setSourcePaused(deps, who, 'charter97', true)).toMatchObject({ ok: true, changed: true });
    expect(await setSourcePaused(deps, who, 'charter97', true)).toMatchObject({ ok: true, changed: false });
    expect(await setSourcePaused(deps, who, 'charter97', false)).toMatchObject({ ok: true, changed: true });
    expect(await removeSource(deps, who, 'charter97')).toMatchObject({ ok: true });
    expect(await removeSource(deps, who, 'charter97')).toMatchObject({
      ok: false,
      problem: { code: 'not-found' },
    });
    expect(changes).toBe(3);
    const actions = (await store.listAudit({ limit: 10 })).map((entry) => entry.action);
    expect(actions).toEqual(['source.remove', 'source.resume', 'source.pause']);
  });
});

describe('importSources', () => {
  const outline = (title: string, xmlUrl: string) => ({ title, xmlUrl, htmlUrl: null });

  it('checks every address like `sources add` and skips the ones that fail, saying why', async () => {
    const strict = { ...deps, fetchOptions: { allowPrivate: false } };
    const result = await importSources(
      strict,
      { actor: 'cli', channel: null },
      [
        outline('Zerkalo', 'https://news.zerkalo.io/rss/all.rss'),
        outline('Loopback', 'http://127.0.0.1:8080/rss'),
        outline('Script', 'javascript:alert(1)'),
        outline('Secret', 'https://admin:hunter2@example.org/rss'),
        outline('Again', 'https://charter97.org/rss.php'),
      ],
      { file: 'feeds.opml' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.added.map((source) => source.url)).toEqual(['https://news.zerkalo.io/rss/all.rss']);
    expect(result.report.present).toBe(1);
    expect(result.report.skipped.map((skip) => skip.title)).toEqual(['Loopback', 'Script', 'Secret']);
    expect(result.report.skipped[0]?.reason).toContain('loopback or private network');
    expect(feed.requests).toBe(0);
    expect(changes).toBe(1);
  });

  it('refuses an out-of-range --interval before adding anything', async () => {
    const result = await importSources(deps, { actor: 'cli', channel: null }, [outline('Z', feed.url)], {
      file: 'feeds.opml',
      intervalSeconds: 3_000_000,
    });
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid-interval' } });
    expect((await store.listSources()).map((source) => source.id)).toEqual(['charter97', 'nasha-niva']);
  });
});

describe('stored intervals from older versions', () => {
  it('are clamped into 60 … 86,400 s at start, each change logged and audited', async () => {
    await store.addSource(
      { id: 'legacy', name: 'Legacy', url: 'https://example.org/a', intervalSeconds: 3_000_000 },
      T0,
    );
    await store.addSource(
      { id: 'eager', name: 'Eager', url: 'https://example.org/b', intervalSeconds: 5 },
      T0,
    );
    const changed = await clampStoredIntervals(deps);
    expect(changed.map((source) => [source.id, source.intervalSeconds])).toEqual([
      ['eager', 60],
      ['legacy', 86_400],
    ]);
    expect(log.lines.filter((line) => line.message === 'poll interval out of range: clamped')).toHaveLength(
      2,
    );
    expect(
      (await store.listAudit({ limit: 5 })).filter((e) => e.action === 'source.clamp-interval'),
    ).toHaveLength(2);
    expect(await clampStoredIntervals(deps)).toEqual([]);
  });
});

describe('the catalogue file (VIGIL_SOURCES) follows the same rules', () => {
  const catalogue = (entry: Record<string, unknown>) =>
    JSON.stringify({ sources: [{ id: 'x', name: 'X', url: 'https://example.org/rss', ...entry }] });

  it('refuses an interval outside the limits, naming the entry', () => {
    expect(() => parseCatalogue(catalogue({ intervalSeconds: 3_000_000 }), 'cat.json')).toThrow(ConfigError);
    expect(() => parseCatalogue(catalogue({ intervalSeconds: 3_000_000 }), 'cat.json')).toThrow(
      /cat\.json \(VIGIL_SOURCES\).*sources\.0\.intervalSeconds must be a whole number of seconds from 60 to 86400/,
    );
    expect(
      parseCatalogue(catalogue({ intervalSeconds: 1 }), 'cat.json', {
        minIntervalSeconds: 1,
        allowPrivate: false,
      }),
    ).toHaveLength(1);
  });

  it('refuses a private address unless private feeds are allowed', () => {
    const local = catalogue({ url: 'http://127.0.0.1:8080/rss' });
    expect(() => parseCatalogue(local, 'cat.json')).toThrow(/sources\.0\.url: .*loopback or private network/);
    expect(parseCatalogue(local, 'cat.json', { minIntervalSeconds: 60, allowPrivate: true })).toHaveLength(1);
  });
});

describe('OPML export', () => {
  it('leaves out the file:// sources `ingest` creates', () => {
    const opml = renderOpml(
      [
        makeSource({ id: 'web', name: 'Web', url: 'https://example.org/rss' }),
        makeSource({ id: 'file-seed', name: 'seed.xml', url: 'file:///home/me/seed.xml' }),
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(opml).toContain('https://example.org/rss');
    expect(opml).not.toContain('file://');
  });
});
