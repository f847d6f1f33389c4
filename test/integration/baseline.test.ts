// Issue 17, baseline semantics through ingest and the store: the first successful poll fills the
// corpus silently; afterwards every item seen for the first time alerts (late-dated and undated ones
// too) unless it is older than the maximum age; a story already alerted from one outlet does not
// alert again when another outlet carries it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { pollPolicy } from '../../src/alerts/match-alerts.js';
import { classify } from '../../src/classify/classify.js';
import type { CorpusStore, Source } from '../../src/corpus/corpus-store.js';
import type { ParsedFeed } from '../../src/feeds/feed-item.js';
import { ingestFeed } from '../../src/ingest/ingest-feed.js';

const NOW = new Date('2026-05-10T12:00:00.000Z');
const HOUR = 3_600_000;
const CHANNEL = { platform: 'telegram', channelId: '-100' } as const;
let store: CorpusStore;

beforeEach(async () => {
  store = await createCorpusStore(':memory:');
  for (const id of ['wire', 'other'])
    await store.addSource(
      { id, name: id, url: `https://${id}.example.org/rss`, intervalSeconds: 600 },
      NOW.toISOString(),
    );
  await store.saveChannel(
    { ...CHANNEL, topics: ['sanctions'], sources: [], languages: [] },
    NOW.toISOString(),
  );
});
afterEach(() => store.close());

interface Entry {
  guid: string;
  title?: string;
  publishedAt?: Date | null;
}

function feedOf(entries: Entry[]): ParsedFeed {
  return {
    title: 'Wire',
    siteUrl: null,
    kind: 'rss',
    ttlMinutes: null,
    rejected: [],
    items: entries.map((entry) => {
      const title = entry.title ?? `EU sanctions package ${entry.guid} targets Belarusian potash`;
      return {
        guid: entry.guid,
        url: `https://example.org/${entry.guid}`,
        title,
        text: `The Council imposed an asset freeze over sanctions evasion (${title}).`,
        publishedAt: (entry.publishedAt ?? NOW).toISOString(),
        publishedAtEstimated: entry.publishedAt === null,
        language: 'en' as const,
        contentHash: `hash-${title}`,
      };
    }),
  };
}

async function poll(sourceId: string, entries: Entry[], now = NOW) {
  const source = (await store.getSource(sourceId)) as Source;
  const summary = await ingestFeed(
    source,
    feedOf(entries),
    now.toISOString(),
    { store, classify },
    pollPolicy(source, now),
  );
  await store.updateSource(sourceId, {
    health: {
      lastSuccessAt: now.toISOString(),
      lastAttemptAt: now.toISOString(),
      consecutiveFailures: 0,
      lastError: null,
    },
  });
  return summary;
}

describe('baseline semantics', () => {
  it('fills the corpus on the first successful poll without alerting', async () => {
    const first = await poll('wire', [{ guid: 'a' }, { guid: 'b', publishedAt: null }]);
    expect(first).toMatchObject({ new: 2, alerts: 0 });
    expect(await store.openDeliveryChannels()).toEqual([]);
    const second = await poll('wire', [{ guid: 'a' }, { guid: 'b', publishedAt: null }, { guid: 'c' }]);
    expect(second).toMatchObject({ new: 1, duplicate: 2, alerts: 1, channels: [CHANNEL] });
  });

  it('alerts a late-dated item first seen after the baseline, dated before the source was added', async () => {
    await poll('wire', [{ guid: 'a' }]);
    const late = await poll('wire', [{ guid: 'late', publishedAt: new Date(NOW.getTime() - 30 * HOUR) }]);
    expect(late).toMatchObject({ new: 1, alerts: 1 });
  });

  it('alerts an undated item after the baseline', async () => {
    await poll('wire', [{ guid: 'a' }]);
    expect(await poll('wire', [{ guid: 'undated', publishedAt: null }])).toMatchObject({ new: 1, alerts: 1 });
  });

  it('does not alert an old item reissued under a new id, nor the same item again', async () => {
    await poll('wire', [{ guid: 'a' }]);
    const old = new Date(NOW.getTime() - 72 * HOUR);
    expect(
      await poll('wire', [{ guid: 'reissued-a', title: 'Old potash sanctions story', publishedAt: old }]),
    ).toMatchObject({
      new: 1,
      alerts: 0,
    });
    expect(await poll('wire', [{ guid: 'a' }])).toMatchObject({ new: 0, duplicate: 1, alerts: 0 });
  });

  it('alerts a story once across outlets (a copy joins the delivery of the first)', async () => {
    await poll('wire', [{ guid: 'w0' }]);
    await poll('other', [{ guid: 'o0', title: 'Baseline story about potash sanctions' }]);
    // The same story from the first outlet after its baseline: one alert; from the second: none more.
    const story = 'EU bans potash transit through Lithuania: new sanctions';
    expect(await poll('wire', [{ guid: 'w1', title: story }])).toMatchObject({ new: 1, alerts: 1 });
    expect(await poll('other', [{ guid: 'o1', title: story }])).toMatchObject({ new: 1, alerts: 0 });
    expect(await store.deliveryCounts(CHANNEL)).toMatchObject({ pending: 1 });
  });
});
