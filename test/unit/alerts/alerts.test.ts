import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import { buildAlert, makeSnippet } from '../../../src/alerts/build-alert.js';
import { type AlertPolicy, isAlertable, matchAlerts, pollPolicy } from '../../../src/alerts/match-alerts.js';
import type { Channel, Source, StoredItem, Watch } from '../../../src/corpus/corpus-store.js';
import { ingestFeed } from '../../../src/ingest/ingest-feed.js';
import { prepareWatches } from '../../../src/watches/channel-watches.js';
import { makeSource } from '../../helpers/make-source.js';

const added = '2026-06-01T00:00:00.000Z';

function item(overrides: Partial<StoredItem> = {}): StoredItem {
  return {
    id: 7,
    sourceId: 'zerkalo',
    guid: 'g1',
    url: 'https://news.zerkalo.io/1',
    title: 'EU extends sanctions on Belaruskali',
    text: 'The Council prolonged restrictive measures.',
    publishedAt: '2026-06-02T10:00:00.000Z',
    publishedAtEstimated: false,
    fetchedAt: '2026-06-02T10:05:00.000Z',
    language: 'en',
    contentHash: 'h',
    labels: ['sanctions'],
    scores: { sanctions: 0.9, prisoners: 0, diplomacy: 0.1 },
    evidence: [
      { label: 'sanctions', term: 'sanctions', field: 'title' },
      { label: 'sanctions', term: 'restrictive measures', field: 'text' },
      { label: 'sanctions', term: 'sanctions', field: 'text' },
    ],
    storyOf: null,
    ...overrides,
  };
}

function source(health: Partial<Source['health']> = {}): Source {
  return makeSource({ id: 'zerkalo', name: 'Zerkalo', language: 'ru', addedAt: added, health });
}

function channel(topics: string[], extra: Partial<Channel> = {}): Channel {
  return {
    platform: 'telegram',
    channelId: '-100',
    topics,
    sources: [],
    languages: [],
    createdAt: added,
    ...extra,
  };
}

describe('isAlertable (baseline semantics)', () => {
  const now = new Date('2026-06-02T12:00:00.000Z');
  const policy = (extra: Partial<AlertPolicy> = {}): AlertPolicy => ({
    baseline: false,
    now,
    maxAgeMs: 48 * 3_600_000,
    ...extra,
  });

  it('alerts nothing on the first successful poll of a source', () => {
    expect(pollPolicy(source(), now).baseline).toBe(true);
    expect(isAlertable(item(), pollPolicy(source(), now))).toBe(false);
    expect(isAlertable(item({ publishedAtEstimated: true }), pollPolicy(source(), now))).toBe(false);
    expect(isAlertable(item(), pollPolicy(source({ lastSuccessAt: added }), now))).toBe(true);
  });

  it('alerts a late-dated item first seen now, even dated before the source was added', () => {
    expect(isAlertable(item({ publishedAt: '2026-05-31T23:59:00.000Z' }), policy())).toBe(true);
    expect(isAlertable(item({ publishedAt: '2026-06-09T00:00:00.000Z' }), policy())).toBe(true);
  });

  it('alerts an undated item after the baseline', () => {
    expect(isAlertable(item({ publishedAtEstimated: true, publishedAt: added }), policy())).toBe(true);
  });

  it('does not alert an item older than the maximum age (a reissued old item)', () => {
    expect(isAlertable(item({ publishedAt: '2026-05-31T11:59:59.000Z' }), policy())).toBe(false);
    expect(isAlertable(item({ publishedAt: '2026-05-31T12:00:00.000Z' }), policy())).toBe(true);
    expect(isAlertable(item({ publishedAt: '2020-01-01T00:00:00.000Z' }), policy({ maxAgeMs: null }))).toBe(
      true,
    );
  });
});

describe('matchAlerts', () => {
  it('targets channels subscribed to one of the item topics', () => {
    const targets = matchAlerts(item(), [
      channel(['sanctions', 'prisoners']),
      channel(['diplomacy'], { channelId: '-200' }),
    ]);
    expect(targets).toEqual([
      { itemId: 7, channel: { platform: 'telegram', channelId: '-100' }, reason: 'topic: sanctions' },
    ]);
  });

  it('honours source and language limits', () => {
    expect(matchAlerts(item(), [channel(['sanctions'], { sources: ['charter97-en'] })])).toEqual([]);
    expect(matchAlerts(item(), [channel(['sanctions'], { languages: ['ru'] })])).toEqual([]);
    expect(
      matchAlerts(item(), [channel(['sanctions'], { languages: ['en'], sources: ['zerkalo'] })]),
    ).toHaveLength(1);
  });

  it('sends nothing for an item without labels', () => {
    expect(matchAlerts(item({ labels: [] }), [channel(['sanctions', 'prisoners', 'diplomacy'])])).toEqual([]);
  });
});

describe('buildAlert', () => {
  it('carries the facts, deduplicated matched words, and other outlets', () => {
    const alert = buildAlert(item(), {
      sourceName: 'Zerkalo',
      alsoReportedBy: ['Belsat', 'Zerkalo'],
      reason: 'topic: sanctions',
    });
    expect(alert).toMatchObject({
      itemId: 7,
      title: 'EU extends sanctions on Belaruskali',
      sourceName: 'Zerkalo',
      labels: ['sanctions'],
      matchedTerms: ['sanctions', 'restrictive measures'],
      alsoReportedBy: ['Belsat'],
    });
  });

  it('cuts snippets on a word boundary', () => {
    const snippet = makeSnippet('word '.repeat(100), 42);
    expect(snippet.length).toBeLessThanOrEqual(43);
    expect(snippet.endsWith('word…')).toBe(true);
    expect(makeSnippet('  short\n text ')).toBe('short text');
  });
});

function watches(...list: [number, string, string?][]) {
  const stored: Watch[] = list.map(([id, expression, channelId = '-100']) => ({
    id,
    channel: { platform: 'telegram', channelId },
    expression,
    author: 'telegram:1',
    createdAt: added,
  }));
  return prepareWatches(stored).watches;
}

describe('matchAlerts with watches', () => {
  const russian = item({
    title: 'Лукашенко пригрозил ответом на калийные санкции',
    text: 'Экспорт калия через Литву остановлен.',
    language: 'ru',
    labels: ['sanctions'],
  });

  it('a watch fires outside the subscribed topics, with its reason and the words that matched', () => {
    const targets = matchAlerts(russian, [channel(['prisoners'])], watches([3, 'Łukašenka potash']));
    expect(targets).toEqual([
      {
        itemId: 7,
        channel: { platform: 'telegram', channelId: '-100' },
        reason: 'watch #3: Łukašenka potash',
        matchedTerms: ['Лукашенко', 'калия'],
      },
    ]);
  });

  it('a channel with watches and no subscription row still gets its matches', () => {
    const targets = matchAlerts(russian, [], watches([4, 'Лукашенко', '-300']));
    expect(targets.map((target) => [target.channel.channelId, target.reason])).toEqual([
      ['-300', 'watch #4: Лукашенко'],
    ]);
  });

  it('one target per channel even when a topic and several watches match', () => {
    const targets = matchAlerts(
      russian,
      [channel(['sanctions'])],
      watches([3, 'Łukašenka potash'], [5, 'Лукашенко -football'], [6, 'Ryanair']),
    );
    expect(targets).toHaveLength(1);
    expect(targets[0]?.reason).toBe(
      'topic: sanctions; watch #3: Łukašenka potash; watch #5: Лукашенко -football',
    );
    expect(targets[0]?.matchedTerms).toEqual(['Лукашенко', 'калия']);
  });

  it('a watch that does not match sends nothing; the channel limits apply to watches too', () => {
    expect(matchAlerts(russian, [channel([])], watches([3, 'Ryanair']))).toEqual([]);
    expect(matchAlerts(russian, [channel([], { languages: ['en'] })], watches([3, 'Łukašenka']))).toEqual([]);
    expect(matchAlerts(russian, [], watches([3, 'Łukašenka -калий']))).toEqual([]);
  });

  it('stored watches are compiled once; one that no longer parses is skipped and reported', () => {
    const prepared = prepareWatches([
      {
        id: 1,
        channel: { platform: 'telegram', channelId: '-1' },
        expression: 'potash',
        author: 'a',
        createdAt: added,
      },
      {
        id: 2,
        channel: { platform: 'telegram', channelId: '-1' },
        expression: '"broken',
        author: 'a',
        createdAt: added,
      },
    ]);
    expect(prepared.watches.map((watch) => watch.id)).toEqual([1]);
    expect(prepared.failed).toEqual([{ id: 2, error: 'unclosed quote at 1' }]);
  });
});

describe('ingestFeed with watches', () => {
  it('loads the watches once and targets each channel once per new item', async () => {
    const store = await createCorpusStore(':memory:');
    try {
      const added = await store.addSource(
        { id: 'zerkalo', name: 'Zerkalo', url: 'https://news.zerkalo.io/rss', intervalSeconds: 600 },
        '2026-06-01T00:00:00.000Z',
      );
      await store.saveChannel(
        { platform: 'telegram', channelId: '-100', topics: ['sanctions'], sources: [], languages: [] },
        added.addedAt,
      );
      await store.addWatch({
        channel: { platform: 'telegram', channelId: '-100' },
        expression: 'Ryanair',
        author: 'telegram:1',
        createdAt: added.addedAt,
      });
      await store.addWatch({
        channel: { platform: 'slack', channelId: 'C1' },
        expression: 'Ryanair OR Belavia',
        author: 'slack:U1',
        createdAt: added.addedAt,
      });
      let listed = 0;
      const counting = new Proxy(store, {
        get(target, property) {
          if (property === 'listWatches') {
            return async () => {
              listed++;
              return target.listWatches();
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const entry = (guid: string, title: string) => ({
        guid,
        url: `https://news.zerkalo.io/${guid}`,
        title,
        text: title,
        publishedAt: '2026-06-02T10:00:00.000Z',
        publishedAtEstimated: false,
        language: 'en' as const,
        contentHash: guid,
      });
      const summary = await ingestFeed(
        added,
        {
          kind: 'rss',
          title: 'Zerkalo',
          items: [
            entry('a', 'Ryanair sanctions extended'),
            entry('b', 'Belavia resumes flights'),
            entry('c', 'Weather'),
          ],
          rejected: [],
        } as unknown as Parameters<typeof ingestFeed>[1],
        '2026-06-02T10:05:00.000Z',
        {
          store: counting,
          classify: ({ title }) => ({
            labels: /sanctions/.test(title) ? ['sanctions'] : [],
            scores: {},
            evidence: [],
          }),
        },
        { baseline: false, now: new Date('2026-06-02T10:05:00.000Z'), maxAgeMs: null },
      );
      expect(listed).toBe(1);
      const rows = async (channelId: string) =>
        (
          await store.openDeliveries({ platform: channelId === 'C1' ? 'slack' : 'telegram', channelId }, 10)
        ).map((row) => row.reason);
      expect(summary.alerts).toBe(3);
      expect(await rows('-100')).toEqual(['topic: sanctions; watch #1: Ryanair']);
      expect(await rows('C1')).toEqual(['watch #2: Ryanair OR Belavia', 'watch #2: Ryanair OR Belavia']);
      expect(summary.skippedWatches).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('buildAlert with a watch', () => {
  it('shows the words that matched the watch first, then the topic evidence, without repeats', () => {
    const alert = buildAlert(item(), {
      sourceName: 'Zerkalo',
      alsoReportedBy: [],
      reason: 'watch #3: Belaruskali',
      watchTerms: ['Belaruskali', 'sanctions'],
    });
    expect(alert.matchedTerms).toEqual(['Belaruskali', 'sanctions', 'restrictive measures']);
  });
});
