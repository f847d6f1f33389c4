// Issue 8: feed health told, not hidden. A source failing for a day is announced to the channels
// once (not on every failed poll, not again after a restart), and its recovery once more.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../adapters/cli/app.js';
import { FAILING_FOR_MS, healthTransition, rhythmOf } from '../../src/alerts/source-health.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Source } from '../../src/corpus/corpus-store.js';
import { systemClock } from '../../src/ports.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { tempDir } from '../helpers/run-vigil.js';

let feed: FeedServer;
beforeAll(async () => {
  feed = await startFeedServer();
});
afterAll(() => feed.close());

const HOUR = 60 * 60 * 1000;

describe('healthTransition', () => {
  const source = (failures: number, lastSuccessAt: string | null): Source =>
    ({
      id: 's',
      name: 'S',
      paused: false,
      addedAt: '2026-01-01T00:00:00.000Z',
      health: {
        consecutiveFailures: failures,
        lastSuccessAt,
        lastError: 'HTTP 500',
        lastAttemptAt: null,
        nextPollAfter: null,
      },
    }) as Source;
  const added = Date.parse('2026-01-01T00:00:00.000Z');

  it('says failing only after a day without success, and only once', () => {
    expect(healthTransition(source(3, null), null, new Date(added + FAILING_FOR_MS - 1))).toBeNull();
    expect(healthTransition(source(3, null), null, new Date(added + FAILING_FOR_MS))).toBe('failing');
    expect(healthTransition(source(9, null), 'failing', new Date(added + 3 * FAILING_FOR_MS))).toBeNull();
  });

  it('says recovered after a success that follows a failing notice', () => {
    expect(healthTransition(source(0, '2026-01-03T00:00:00.000Z'), 'failing', new Date(added))).toBe(
      'recovered',
    );
    expect(healthTransition(source(0, '2026-01-03T00:00:00.000Z'), 'recovered', new Date(added))).toBeNull();
    expect(healthTransition(source(0, '2026-01-03T00:00:00.000Z'), null, new Date(added))).toBeNull();
  });
});

describe('rhythm and silence', () => {
  const hourly = (from: number, count: number) =>
    Array.from({ length: count }, (_, n) => new Date(from - n * HOUR).toISOString());
  const ok = { id: 's', name: 'S', paused: false, addedAt: '2026-01-01T00:00:00.000Z' } as const;
  const healthy = {
    ...ok,
    health: {
      consecutiveFailures: 0,
      lastSuccessAt: '2026-01-09T00:00:00.000Z',
      lastError: null,
      lastAttemptAt: null,
      nextPollAfter: null,
    },
  } as Source;
  const t = Date.parse('2026-01-10T00:00:00.000Z');

  it('needs a few items to know a rhythm', () => {
    expect(rhythmOf(hourly(t, 4))).toBeNull();
    expect(rhythmOf(hourly(t, 6))).toEqual({ newestAt: new Date(t).toISOString(), medianGapMs: HOUR });
  });

  it('calls a source silent after six usual gaps, never before a day, and recovered when it publishes', () => {
    const rhythm = rhythmOf(hourly(t, 10));
    expect(healthTransition(healthy, null, new Date(t + 23 * HOUR), rhythm)).toBeNull();
    expect(healthTransition(healthy, null, new Date(t + 24 * HOUR), rhythm)).toBe('silent');
    expect(healthTransition(healthy, 'silent', new Date(t + 48 * HOUR), rhythm)).toBeNull();
    const fresh = rhythmOf(hourly(t + 47 * HOUR, 10));
    expect(healthTransition(healthy, 'silent', new Date(t + 48 * HOUR), fresh)).toBe('recovered');
    const daily = rhythmOf(hourly(t, 10).map((_, n) => new Date(t - n * 24 * HOUR).toISOString()));
    expect(healthTransition(healthy, null, new Date(t + 5 * 24 * HOUR), daily)).toBeNull();
    expect(healthTransition(healthy, null, new Date(t + 6 * 24 * HOUR), daily)).toBe('silent');
  });
});

describe('source health notices', () => {
  it('announces a day of failures once, across a restart, and the recovery once', async () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({ sources: [{ id: 'flaky', name: 'Flaky Outlet', url: feed.url }] }),
    );
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    const clock = { ...systemClock, now: () => new Date(now) };
    const out = new PassThrough();
    const open = (): Promise<App> =>
      createApp(
        loadConfig({
          VIGIL_DB: path.join(dir, 'v.db'),
          VIGIL_SOURCES: catalogue,
          VIGIL_ALLOW_PRIVATE_FEEDS: '1',
        }),
        createMemoryLogger(),
        {
          clock,
          out,
        },
      );
    const printed = () => (out.read() as Buffer | null)?.toString() ?? '';

    let app = await open();
    feed.failWith = 500;
    await app.poll('flaky', true);
    now += 12 * HOUR;
    await app.poll('flaky', true);
    expect(printed()).toBe('');

    now += 13 * HOUR;
    await app.poll('flaky', true);
    const notice = printed();
    expect(notice).toContain('Source failing: Flaky Outlet');
    expect(notice).toMatch(/3 failed polls/);
    expect(notice).toMatch(/Last error: .*500/);
    await app.close();

    // A restart and more failures: nothing new is said.
    app = await open();
    now += 6 * HOUR;
    await app.poll('flaky', true);
    expect(printed()).toBe('');

    feed.failWith = null;
    now += HOUR;
    await app.poll('flaky', true);
    expect(printed()).toContain('Source back: Flaky Outlet');
    now += HOUR;
    await app.poll('flaky', true);
    expect(printed()).toBe('');

    const audit = await app.store.listAudit({ limit: 10, channel: 'source:flaky' });
    expect(audit.map((entry) => entry.action)).toEqual(['source.health-recovered', 'source.health-failing']);
    await app.close();
  });
});

describe('a silent source', () => {
  it('is announced once when it stops publishing, and once when it publishes again', async () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({ sources: [{ id: 'quiet', name: 'Quiet Outlet', url: feed.url }] }),
    );
    let now = Date.parse('2026-04-10T00:00:00.000Z');
    const clock = { ...systemClock, now: () => new Date(now) };
    const out = new PassThrough();
    const printed = () => (out.read() as Buffer | null)?.toString() ?? '';
    feed.failWith = null;
    feed.items.length = 0;
    for (let n = 0; n < 8; n++) {
      feed.items.push({
        guid: `q${n}`,
        title: `Weather in Minsk, day ${n}`,
        text: 'Sunny.',
        publishedAt: new Date(now - 3 * 24 * HOUR - n * 2 * HOUR),
      });
    }
    const app = await createApp(
      loadConfig({
        VIGIL_DB: path.join(dir, 'v.db'),
        VIGIL_SOURCES: catalogue,
        VIGIL_ALLOW_PRIVATE_FEEDS: '1',
      }),
      createMemoryLogger(),
      { clock, out },
    );
    await app.poll('quiet', true);
    const notice = printed();
    expect(notice).toContain('Source quiet: Quiet Outlet');
    expect(notice).toContain('it usually publishes every 2 h');
    now += HOUR;
    await app.poll('quiet', true);
    expect(printed()).toBe('');

    feed.items.push({ guid: 'q-new', title: 'Weather again', text: 'Rain.', publishedAt: new Date(now) });
    now += HOUR;
    await app.poll('quiet', true);
    expect(printed()).toContain('Source back: Quiet Outlet');
    await app.close();
  });
});
