import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import { MARK_START } from '../../../src/commands/reply.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { startFeedServer } from '../../helpers/feed-server.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { item, makeDeps, makeRequest, makeStore, T0, textOf } from './fixtures.js';

let store: CorpusStore;
let deps: CommandDeps;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store);
});
afterEach(async () => {
  await store.close();
});

describe('search', () => {
  it('answers a page of five with a "more" button that asks for the next page', async () => {
    await store.insertItems(
      Array.from({ length: 7 }, (_, n) =>
        item({
          title: `EU extends potash sanctions, round ${n + 1}`,
          publishedAt: `2025-06-0${n + 1}T10:00:00.000Z`,
          labels: ['sanctions'],
        }),
      ),
    );
    const first = await handleCommand(makeRequest('search potash'), deps);
    expect(first.isError).toBeFalsy();
    expect(first.items).toHaveLength(5);
    expect(first.lines.join('\n')).toContain('Results 1–5 of 7');
    expect(first.items?.[0]?.source).toBe('Charter 97');
    expect(first.items?.some((i) => i.snippet.includes(MARK_START))).toBe(true);
    expect(first.buttons).toEqual([{ label: 'More results', command: 'search potash --page 2' }]);

    const second = await handleCommand(makeRequest(first.buttons?.[0]?.command ?? ''), deps);
    expect(second.items).toHaveLength(2);
    expect(second.lines.join('\n')).toContain('Results 6–7 of 7');
    expect(second.buttons).toBeUndefined();
    const ids = new Set([...(first.items ?? []), ...(second.items ?? [])].map((i) => i.id));
    expect(ids.size).toBe(7);
  });

  it('says so when nothing matches, and past the last page', async () => {
    await store.insertItems([item({ title: 'Potash exports fall' })]);
    expect(textOf(await handleCommand(makeRequest('search lithium'), deps))).toContain('No items match');
    expect(textOf(await handleCommand(makeRequest('search potash --page 4'), deps))).toContain(
      'page 4 is empty',
    );
  });

  it('reports a query the engine refuses with the right form', async () => {
    const reply = await handleCommand(makeRequest(`search ${'word '.repeat(300)}`), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines.join('\n')).toContain('Usage: /search <words>');
  });

  it('points at the mistake in a query, as watch does (one grammar)', async () => {
    const reply = await handleCommand(makeRequest('search Łukašenka “potash'), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines.slice(0, 2)).toEqual([
      'That search did not work: unclosed quote at 11',
      'Here: Łukašenka ▸“potash',
    ]);
  });
});

describe('latest, item, stats', () => {
  it('latest lists the newest items, of one topic when asked', async () => {
    await store.insertItems([
      item({ title: 'Old sanctions', labels: ['sanctions'], publishedAt: '2025-01-01T00:00:00.000Z' }),
      item({ title: 'New sanctions', labels: ['sanctions'], publishedAt: '2025-06-01T00:00:00.000Z' }),
      item({ title: 'Prisoner released', labels: ['prisoners'], publishedAt: '2025-06-05T00:00:00.000Z' }),
    ]);
    const all = await handleCommand(makeRequest('latest'), deps);
    expect(all.items?.map((i) => i.title)).toEqual(['Prisoner released', 'New sanctions', 'Old sanctions']);
    const sanctions = await handleCommand(makeRequest('latest sanctions'), deps);
    expect(sanctions.title).toBe('Latest on sanctions');
    expect(sanctions.items?.map((i) => i.title)).toEqual(['New sanctions', 'Old sanctions']);
    const none = await handleCommand(makeRequest('latest diplomacy'), deps);
    expect(textOf(none)).toContain('No items about diplomacy yet');
  });

  it('item shows source, date, labels, evidence words, link and the outlets that also reported it', async () => {
    const [first] = await store.insertItems([
      item({
        title: 'Ales Bialiatski transferred',
        text: 'Political prisoner Ales Bialiatski was moved to another colony.',
        labels: ['prisoners'],
        scores: { prisoners: 0.9 },
        evidence: [
          { label: 'prisoners', term: 'political prisoner', field: 'text' },
          { label: 'prisoners', term: 'colony', field: 'text' },
        ],
        url: 'https://charter97.org/en/news/1',
      }),
    ]);
    await store.insertItems([
      item({
        sourceId: 'nasha-niva',
        title: 'Ales Bialiatski transferred',
        text: 'Political prisoner Ales Bialiatski was moved to another colony.',
        labels: ['prisoners'],
      }),
    ]);
    const reply = await handleCommand(makeRequest(`item ${first?.id}`), deps);
    expect(reply.title).toBe('Ales Bialiatski transferred');
    const text = textOf(reply);
    expect(text).toContain('Charter 97');
    expect(text).toContain('2025-06-10 12:00 UTC');
    expect(text).toContain('Topics: prisoners');
    expect(text).toContain('Matched words: prisoners: political prisoner, colony');
    expect(text).toContain('Link: https://charter97.org/en/news/1');
    expect(text).toMatch(/Also reported by: Nasha Niva \(#\d+\)/);
  });

  it('item with an unknown id says how to find ids', async () => {
    const reply = await handleCommand(makeRequest('item 999'), deps);
    expect(reply.isError).toBe(true);
    expect(textOf(reply)).toContain('There is no item #999');
  });

  it('stats counts items by topic and language', async () => {
    await store.insertItems([
      item({ title: 'A', labels: ['sanctions'] }),
      item({ title: 'B', labels: ['sanctions', 'diplomacy'], language: 'ru' }),
    ]);
    const text = textOf(await handleCommand(makeRequest('stats'), deps));
    expect(text).toContain('Items: 2 from 2 sources');
    expect(text).toContain('By topic: sanctions 2, prisoners 0, diplomacy 1');
    expect(text).toMatch(/By language: en 1, ru 1/);
  });
});

describe('sources', () => {
  it('lists failing sources first with consecutive failures and the last error', async () => {
    await store.updateSource('nasha-niva', {
      health: {
        consecutiveFailures: 3,
        lastError: 'HTTP 503 Service Unavailable',
        lastSuccessAt: '2025-06-09T08:00:00.000Z',
      },
    });
    await store.updateSource('charter97', { health: { lastSuccessAt: '2025-06-10T11:50:00.000Z' } });
    const reply = await handleCommand(makeRequest('sources'), deps);
    expect(reply.title).toBe('Sources: 2 (1 ok, 1 failing, 0 paused)');
    expect(reply.lines[0]).toBe(
      'nasha-niva · Nasha Niva: FAILING, 3 consecutive failures, last error: HTTP 503 Service Unavailable; last success 2025-06-09 08:00 UTC',
    );
    expect(reply.lines[1]).toBe('charter97 · Charter 97: ok, last success 2025-06-10 11:50 UTC');
  });
});

describe('help', () => {
  it('lists every command; an admin of a channel with no subscriptions is told how to start', async () => {
    const reply = await handleCommand(makeRequest('help', { userId: '1' }), deps);
    const text = textOf(reply);
    for (const command of [
      '/search',
      '/latest',
      '/item',
      '/stats',
      '/sources',
      '/subscribe',
      '/unsubscribe',
      '/source add',
    ]) {
      expect(text).toContain(command);
    }
    expect(text).toContain(
      'To start, subscribe it to the topics you want, e.g. /subscribe sanctions prisoners diplomacy',
    );
  });

  it('a non-admin is told who can start alerts; a subscribed channel is told what it gets', async () => {
    expect(textOf(await handleCommand(makeRequest('help'), deps))).toContain(
      'an admin can start them with /subscribe',
    );
    await handleCommand(makeRequest('subscribe sanctions', { userId: '1' }), deps);
    expect(textOf(await handleCommand(makeRequest('help'), deps))).toContain(
      'This chat gets alerts on: sanctions.',
    );
  });

  it('help <command> explains one command; Slack gets its own prefix', async () => {
    const reply = await handleCommand(makeRequest('help source', { platform: 'slack' }), deps);
    expect(textOf(reply)).toContain('/vigil source add <feed or site address>');
    expect(textOf(reply)).toContain('Admins only: workspace admins and owners');
  });
});

describe('wrong commands', () => {
  it('get a short reply with what was wrong and the right form, never silence', async () => {
    const reply = await handleCommand(makeRequest('subscribe sanctions football', { userId: '1' }), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines).toEqual([
      'There is no topic `football`; nothing was changed.',
      'Usage: /subscribe <topic…> [source:<id>…] [lang:<code>…] Topics: sanctions, prisoners, diplomacy.',
    ]);
    expect(await store.getChannel({ platform: 'telegram', channelId: '-1001' })).toBeNull();
    expect(await store.listAudit({ limit: 10 })).toEqual([]);
  });

  it('an unknown command names the commands and shows the right form', async () => {
    const reply = await handleCommand(makeRequest('frobnicate', { platform: 'slack' }), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines[0]).toMatch(/^There is no command `frobnicate`\. Commands: help, search, /);
    expect(reply.lines).toContain('/vigil help [command]');
    expect(reply.lines).toContain(
      '/vigil search <words> [topic:… source:… since:YYYY-MM-DD until:YYYY-MM-DD lang:…]',
    );
  });

  it('an internal failure is a polite reply and a log line, not a stack trace', async () => {
    const log = createMemoryLogger();
    const broken = {
      ...store,
      latestItems: async () => Promise.reject(new Error('SQLITE_BUSY: database is locked at /srv/x')),
    };
    const reply = await handleCommand(makeRequest('latest'), { ...deps, store: broken as CorpusStore, log });
    expect(reply.isError).toBe(true);
    expect(textOf(reply)).toContain('Sorry, `latest` failed inside vigil.');
    expect(textOf(reply)).not.toContain('SQLITE_BUSY');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', message: 'command failed' })]);
  });

  it('watch commands are admin commands (see watch-*.test.ts for the rest)', async () => {
    const refused = await handleCommand(makeRequest('watch add Ryanair'), deps);
    expect(textOf(refused)).toContain("Sorry, only this group's administrators");
    const added = await handleCommand(makeRequest('watch add Ryanair', { userId: '1' }), deps);
    expect(textOf(added)).toContain('Added watch #1: Ryanair');
  });
});

describe('stored item fields', () => {
  it('search results carry the date and labels of the item', async () => {
    await store.insertItems([item({ title: 'Potash', labels: ['sanctions'], publishedAt: T0 })]);
    const reply = await handleCommand(makeRequest('search potash'), deps);
    expect(reply.items?.[0]).toMatchObject({
      title: 'Potash',
      labels: ['sanctions'],
      publishedAt: T0,
      source: 'Charter 97',
    });
  });
});

describe('source add', () => {
  it('finds the feed, adds the source and audits it', async () => {
    const feed = await startFeedServer('Minsk Daily');
    try {
      const reply = await handleCommand(makeRequest(`source add ${feed.url}`, { userId: '1' }), deps);
      expect(reply.isError).toBeFalsy();
      expect(textOf(reply)).toContain('Added source `minsk-daily`: Minsk Daily');
      const source = await store.getSource('minsk-daily');
      expect(source).toMatchObject({ url: feed.url, intervalSeconds: 600, kind: 'feed', format: 'rss' });
      const [entry] = await store.listAudit({ limit: 5 });
      expect(entry).toMatchObject({
        actor: 'telegram:1',
        action: 'source.add',
        channel: 'telegram:-1001',
        at: T0,
      });
      expect(entry?.details).toMatchObject({ before: null, after: { id: 'minsk-daily', url: feed.url } });

      const again = await handleCommand(makeRequest(`source add ${feed.url}`, { userId: '1' }), deps);
      expect(textOf(again)).toContain('already polled as `minsk-daily`');
      expect(await store.listAudit({ limit: 5 })).toHaveLength(1);
    } finally {
      await feed.close();
    }
  });

  it('an address with no feed is refused and nothing changes', async () => {
    const reply = await handleCommand(
      makeRequest('source add http://127.0.0.1:9/feed', { userId: '1' }),
      deps,
    );
    expect(reply.isError).toBe(true);
    expect(textOf(reply)).toMatch(/Could not add http:\/\/127\.0\.0\.1:9\/feed: /);
    expect(textOf(reply)).toContain('Nothing was changed.');
    expect(await store.listSources()).toHaveLength(2);
    expect(await store.listAudit({ limit: 5 })).toEqual([]);
  });
});
