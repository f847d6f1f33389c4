// Issue 3: a restart between two polls alerts nothing twice and misses nothing; the first poll of a
// new source fills the corpus without flooding the channel with old items.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../adapters/cli/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { tempDir } from '../helpers/run-vigil.js';

let feed: FeedServer;
beforeAll(async () => {
  feed = await startFeedServer();
});
afterAll(() => feed.close());

async function open(db: string, catalogue: string, out: PassThrough): Promise<App> {
  const config = loadConfig({ VIGIL_DB: db, VIGIL_SOURCES: catalogue, VIGIL_ALLOW_PRIVATE_FEEDS: '1' });
  return createApp(config, createMemoryLogger(), { out });
}

function alertsIn(out: PassThrough): string[] {
  const text = (out.read() as Buffer | null)?.toString() ?? '';
  return text.split('\n').filter((line) => line.startsWith('● '));
}

describe('polling across a restart', () => {
  it('alerts each new item once and skips what predates the source', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'vigil.db');
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(catalogue, JSON.stringify({ sources: [{ id: 'local', name: 'Local', url: feed.url }] }));
    const old = {
      guid: 'old',
      title: 'Sanctions on potash exports extended',
      text: 'EU sanctions.',
      publishedAt: new Date('2024-01-01T00:00:00Z'),
    };
    feed.items.push(old);
    const out = new PassThrough();

    let app = await open(db, catalogue, out);
    const first = await app.poll('local');
    await app.runner.idle();
    expect(first).toMatchObject({ outcome: 'ok', new: 1, alerts: 0 });
    expect(alertsIn(out)).toEqual([]);

    feed.items.push({
      guid: 'fresh-1',
      title: 'Political prisoner Ihar Losik released',
      text: 'The political prisoner was pardoned and released, Viasna said.',
      publishedAt: new Date(Date.now() + 1000),
    });
    const second = await app.poll('local');
    await app.runner.idle();
    expect(second).toMatchObject({ new: 1, duplicate: 1, alerts: 1 });
    expect(alertsIn(out)).toEqual(['● Political prisoner Ihar Losik released']);
    await app.close();

    // Restart: a new process on the same database; one more item arrived meanwhile.
    feed.items.push({
      guid: 'fresh-2',
      title: 'EU imposes new sanctions on Belarus banks',
      text: 'Asset freezes against three banks.',
      publishedAt: new Date(Date.now() + 2000),
    });
    app = await open(db, catalogue, out);
    const third = await app.poll('local');
    await app.runner.idle();
    expect(third).toMatchObject({ new: 1, duplicate: 2, alerts: 1 });
    expect(alertsIn(out)).toEqual(['● EU imposes new sanctions on Belarus banks']);

    // A duplicate drain (a retry, a second worker) finds every row sent and sends nothing.
    await app.runner.close();
    const { drainChannel } = await import('../../jobs/handlers/drain-outbox.js');
    const { processLeaseHolder } = await import('../../jobs/handlers/lease-holder.js');
    const outcome = await drainChannel(
      { channel: { platform: 'console', channelId: 'stdout' } },
      {
        store: app.store,
        notifiers: app.notifiers,
        log: createMemoryLogger(),
        clock: app.clock,
        holder: processLeaseHolder(),
      },
    );
    expect(outcome).toEqual({ outcome: 'drained', sent: 0 });
    expect(alertsIn(out)).toEqual([]);
    await app.store.close();
  });
});
