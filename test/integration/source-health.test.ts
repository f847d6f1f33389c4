// Issue 8: feed health told, not hidden. A source failing for a day is announced to the channels
// once (not on every failed poll, not again after a restart), and its recovery once more.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../adapters/cli/app.js';
import { FAILING_FOR_MS, healthTransition } from '../../src/alerts/source-health.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Source } from '../../src/corpus/corpus-store.js';
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

describe('source health notices', () => {
  it('announces a day of failures once, across a restart, and the recovery once', async () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({ sources: [{ id: 'flaky', name: 'Flaky Outlet', url: feed.url }] }),
    );
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    const clock = { now: () => new Date(now) };
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
