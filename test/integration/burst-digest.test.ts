// Issue 6: a burst past a channel's budget reaches it as the first alerts plus one digest message,
// nothing dropped, nothing sent twice when the jobs run again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { dispatchAlert } from '../../jobs/handlers/dispatch-alert.js';
import { burstBudget } from '../../src/alerts/fold-burst.js';
import type { Card } from '../../src/cards/card.js';
import { classify } from '../../src/classify/classify.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { PermanentError } from '../../src/errors.js';
import { ingestFeed } from '../../src/ingest/ingest-feed.js';
import type { Notifier } from '../../src/ports.js';
import { makeSource } from '../helpers/make-source.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { wireFeed } from '../helpers/wire-feed.js';

const NOW = '2026-05-01T12:00:00.000Z';
let store: CorpusStore;

beforeEach(async () => {
  store = await createCorpusStore(':memory:');
  await store.addSource(
    { id: 'wire', name: 'Wire', url: 'https://example.org/rss', intervalSeconds: 600 },
    '2026-01-01T00:00:00.000Z',
  );
  await store.saveChannel(
    { platform: 'telegram', channelId: '-100', topics: ['sanctions'], sources: [], languages: [] },
    NOW,
  );
});
afterEach(() => store.close());

function burst(count: number) {
  const titles = Array.from(
    { length: count },
    (_, n) => `EU sanctions package ${n} targets Belarusian company ${n}`,
  );
  return wireFeed(titles, NOW);
}

describe('a burst of alerts', () => {
  it('sends the budget as alerts and folds the rest into one digest', async () => {
    const alerts: Card[] = [];
    const replies: Card[] = [];
    const notifier: Notifier = {
      platform: 'telegram',
      send: async (_channel, card) => {
        const sent = card.kind === 'alert' ? alerts : replies;
        sent.push(card);
        return { messageId: `${card.kind}${sent.length}` };
      },
    };
    const budget = burstBudget('telegram');
    const source = makeSource({
      id: 'wire',
      addedAt: '2026-01-01T00:00:00.000Z',
      health: { lastSuccessAt: NOW },
    });
    const summary = await ingestFeed(source, burst(40), NOW, { store, classify });
    expect(summary.new).toBe(40);
    expect(summary.alerts).toHaveLength(budget);

    const deps = { store, notifiers: new Map([['telegram', notifier]]), log: createMemoryLogger() };
    for (const target of summary.alerts) await dispatchAlert(target, deps);
    expect(alerts).toHaveLength(budget - 1);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.kind).toBe('digest');
    expect(replies[0]?.blocks.filter((block) => block.type === 'entry')).toHaveLength(40 - (budget - 1));
    expect(replies[0]?.blocks[0]).toMatchObject({ type: 'title', text: `${40 - (budget - 1)} more alerts` });

    // Every item of the burst has a sent delivery; running the jobs again sends nothing.
    for (const target of summary.alerts) expect(await dispatchAlert(target, deps)).toBe('already-sent');
    expect(alerts.length + replies.length).toBe(budget);
  });
});

describe('a channel that removed the bot', () => {
  it('is unsubscribed, loses its watches, and the change is audited; the error is not retried', async () => {
    await store.addWatch({
      channel: { platform: 'telegram', channelId: '-100' },
      expression: 'potash',
      author: 'telegram:42',
      createdAt: NOW,
    });
    const notifier: Notifier = {
      platform: 'telegram',
      send: async () => {
        throw new PermanentError('Forbidden: bot was kicked from the group chat');
      },
    };
    const source = makeSource({
      id: 'wire',
      addedAt: '2026-01-01T00:00:00.000Z',
      health: { lastSuccessAt: NOW },
    });
    const summary = await ingestFeed(source, burst(1), NOW, { store, classify });
    const [target] = summary.alerts;
    expect(target).toBeDefined();
    const log = createMemoryLogger();
    const deps = { store, notifiers: new Map([['telegram', notifier]]), log };
    await expect(dispatchAlert(target!, deps)).rejects.toBeInstanceOf(PermanentError);

    expect((await store.getChannel({ platform: 'telegram', channelId: '-100' }))?.topics).toEqual([]);
    expect(await store.listWatches({ platform: 'telegram', channelId: '-100' })).toEqual([]);
    const [entry] = await store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({
      actor: 'vigil',
      action: 'channel.unsubscribe-unreachable',
      details: { before: { topics: ['sanctions'], watches: ['potash'] }, after: { topics: [], watches: [] } },
    });
    expect(log.lines.some((line) => line.message === 'channel unreachable: unsubscribed')).toBe(true);

    // The next burst raises nothing for that channel.
    const next = await ingestFeed(source, { ...burst(2), items: burst(2).items.slice(1) }, NOW, {
      store,
      classify,
    });
    expect(next.alerts).toEqual([]);
  });
});
