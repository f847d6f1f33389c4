import { describe, expect, it } from 'vitest';
import { buildAlert, makeSnippet } from '../../../src/alerts/build-alert.js';
import { isAlertable, matchAlerts } from '../../../src/alerts/match-alerts.js';
import type { Channel, Source, StoredItem } from '../../../src/corpus/corpus-store.js';

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

function source(overrides: Partial<Source['health']> = {}): Source {
  return {
    id: 'zerkalo',
    name: 'Zerkalo',
    url: 'https://news.zerkalo.io/rss/all.rss',
    siteUrl: null,
    kind: 'rss',
    language: 'ru',
    intervalSeconds: 600,
    paused: false,
    pausedReason: null,
    etag: null,
    lastModified: null,
    addedAt: added,
    health: {
      lastAttemptAt: null,
      lastSuccessAt: null,
      consecutiveFailures: 0,
      lastError: null,
      nextPollAfter: null,
      ...overrides,
    },
  };
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

describe('isAlertable', () => {
  it('alerts items published after the source was added, not older ones', () => {
    expect(isAlertable(item(), source())).toBe(true);
    expect(isAlertable(item({ publishedAt: '2026-05-31T23:59:00.000Z' }), source())).toBe(false);
  });

  it('does not alert undated items on the first poll, but does afterwards', () => {
    const undated = item({ publishedAtEstimated: true });
    expect(isAlertable(undated, source())).toBe(false);
    expect(isAlertable(undated, source({ lastSuccessAt: added }))).toBe(true);
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
