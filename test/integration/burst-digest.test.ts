// Issue 6: a burst past a channel's budget reaches it as the first alerts plus a digest message,
// nothing dropped, nothing sent twice when the drain runs again (issue 17: folded by the drainer).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { drainChannel } from '../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../jobs/handlers/lease-holder.js';
import { burstBudget, DIGEST_MAX_ITEMS } from '../../src/alerts/fold-burst.js';
import type { Card } from '../../src/cards/card.js';
import { classify } from '../../src/classify/classify.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { PermanentError } from '../../src/errors.js';
import { ingestFeed } from '../../src/ingest/ingest-feed.js';
import { type Notifier, systemClock } from '../../src/ports.js';
import { makeSource } from '../helpers/make-source.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { wireFeed } from '../helpers/wire-feed.js';

const NOW = '2026-05-01T12:00:00.000Z';
const POLICY = { baseline: false, now: new Date(NOW), maxAgeMs: 48 * 3_600_000 };
const CHANNEL = { platform: 'telegram', channelId: '-100' } as const;
let store: CorpusStore;

const drainDeps = (notifier: Notifier) => ({
  store,
  notifiers: new Map([['telegram', notifier]]),
  log: createMemoryLogger(),
  clock: systemClock,
  holder: processLeaseHolder(),
});

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

/** Counts what the drainer reports as undeliverable. */
function countingMetrics() {
  const counts = { undeliverable: 0 };
  const noop = { inc: () => undefined, set: () => undefined, startTimer: () => () => undefined };
  return Object.assign(counts, {
    polls: noop,
    itemsNew: noop,
    alertsSent: noop,
    alertsFailed: noop,
    queueDepth: noop,
    jobLatency: noop,
    alertsUndeliverable: {
      inc: (_labels: object, value = 1) => {
        counts.undeliverable += value;
      },
    },
  });
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
    const summary = await ingestFeed(source, burst(40), NOW, { store, classify }, POLICY);
    expect(summary.new).toBe(40);
    expect(summary.alerts).toBe(40);
    expect(summary.channels).toEqual([CHANNEL]);

    const deps = drainDeps(notifier);
    expect(await drainChannel({ channel: CHANNEL }, deps)).toMatchObject({ outcome: 'drained' });
    const singles = budget - Math.ceil(40 / DIGEST_MAX_ITEMS);
    expect(alerts).toHaveLength(singles);
    expect(replies.length + alerts.length).toBeLessThanOrEqual(budget);
    expect(replies.every((reply) => reply.kind === 'digest')).toBe(true);
    const entries = replies.flatMap((reply) => reply.blocks.filter((block) => block.type === 'entry'));
    expect(entries).toHaveLength(40 - singles);
    expect(replies[0]?.blocks[0]).toMatchObject({ type: 'title', text: `${DIGEST_MAX_ITEMS} more alerts` });

    // Every item of the burst has a sent delivery; draining again sends nothing.
    expect(await store.deliveryCounts(CHANNEL)).toEqual({ pending: 0, sending: 0, sent: 40, failed: 0 });
    expect(await drainChannel({ channel: CHANNEL }, deps)).toEqual({ outcome: 'drained', sent: 0 });
    expect(alerts.length + replies.length).toBeLessThanOrEqual(budget);
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
    const summary = await ingestFeed(source, burst(3), NOW, { store, classify }, POLICY);
    expect(summary.alerts).toBe(3);
    const deps = drainDeps(notifier);
    const metrics = countingMetrics();
    expect(await drainChannel({ channel: CHANNEL }, { ...deps, metrics })).toMatchObject({
      outcome: 'drained',
    });
    // Nothing lost silently: each row is kept as failed, logged and counted.
    expect(await store.deliveryCounts(CHANNEL)).toEqual({ pending: 0, sending: 0, sent: 0, failed: 3 });
    expect(metrics.undeliverable).toBe(3);
    expect(deps.log.lines.some((line) => line.message === 'alerts undeliverable')).toBe(true);

    expect((await store.getChannel({ platform: 'telegram', channelId: '-100' }))?.topics).toEqual([]);
    expect(await store.listWatches({ platform: 'telegram', channelId: '-100' })).toEqual([]);
    const [entry] = await store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({
      actor: 'vigil',
      action: 'channel.unsubscribe-unreachable',
      details: { before: { topics: ['sanctions'], watches: ['potash'] }, after: { topics: [], watches: [] } },
    });
    expect(deps.log.lines.some((line) => line.message === 'channel unreachable: unsubscribed')).toBe(true);

    // The next burst raises nothing for that channel.
    const next = await ingestFeed(
      source,
      { ...burst(5), items: burst(5).items.slice(3) },
      NOW,
      {
        store,
        classify,
      },
      POLICY,
    );
    expect(next.alerts).toBe(0);
  });
});
