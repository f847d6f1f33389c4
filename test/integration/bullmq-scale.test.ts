// Two scheduler and two worker processes on one Redis for a few seconds: every source is polled on
// schedule, no source is polled twice at once, every alert arrives once. Children run dist/.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { tempDir } from '../helpers/run-vigil.js';
import {
  type ChatServer,
  type Child,
  deletePrefixes,
  type PollEvent,
  seedStore,
  sleep,
  spawnChild,
  startChatServer,
  stopChild,
  waitFor,
} from '../helpers/runner-contract.js';
import { hasRedis, redisUrl } from '../helpers/services.js';

const RUN_MS = 8000;

describe.skipIf(!(await hasRedis()))('BullMQ runner at scale', () => {
  let chat: ChatServer | undefined;
  let store: CorpusStore | undefined;
  let children: Child[] = [];
  const prefixes: string[] = [];

  afterEach(async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    children = [];
    await deletePrefixes(redisUrl, prefixes);
    await store?.close();
    await chat?.close();
  });

  it('polls every source on schedule without overlap and sends each alert once', {
    timeout: 60_000,
  }, async () => {
    chat = await startChatServer();
    const prefix = `test-${randomUUID()}`;
    prefixes.push(prefix);
    const seeded = await seedStore(tempDir(), 4);
    store = seeded.store;
    const [a, b, c, d] = seeded.ids as [number, number, number, number];
    const to = (itemId: number, platform: 'telegram' | 'slack') => ({
      itemId,
      channel: { platform, channelId: platform === 'slack' ? 'C1' : '-100' },
      reason: 'topic: prisoners',
    });
    // Every poll raises its alerts again (as a feed would without a store), and `a` comes from two
    // sources: only the outbox rows (one per item and channel) keep each alert to one message.
    const alerts = {
      fast: [to(a, 'telegram'), to(a, 'slack'), to(b, 'telegram')],
      steady: [to(a, 'telegram'), to(c, 'slack')],
      slow: [to(d, 'telegram')],
    };
    const sources = [
      { id: 'fast', intervalSeconds: 1 },
      { id: 'steady', intervalSeconds: 2 },
      // Slower than its interval: later runs come due while it is still polling.
      { id: 'slow', intervalSeconds: 1 },
    ];
    const common = { redisUrl, prefix, db: seeded.db, chatUrl: chat.url };
    for (const name of ['worker-1', 'worker-2']) {
      children.push(
        spawnChild({
          ...common,
          name,
          role: 'worker',
          alerts,
          pollMs: { fast: 100, steady: 100, slow: 2500 },
        }),
      );
    }
    for (const name of ['scheduler-1', 'scheduler-2']) {
      children.push(spawnChild({ ...common, name, role: 'scheduler', sources, resyncMs: 700 }));
    }
    const logs = () => children.flatMap((child) => child.logs).join('\n');
    const server = chat;
    await waitFor('four ready processes', () => server.ready.length === 4, 30_000);
    await waitFor('the first poll', () => server.polls.length > 0, 15_000);
    const startedAt = Date.now();
    await sleep(RUN_MS);
    // Schedulers first, then workers: a worker's close lets its running polls and deliveries finish.
    await Promise.all(children.slice(2).map((child) => stopChild(child)));
    await Promise.all(children.slice(0, 2).map((child) => stopChild(child)));
    const window = server.polls.filter((poll) => poll.event === 'start' && poll.at <= startedAt + RUN_MS);

    const perSource = (sourceId: string) => server.polls.filter((poll) => poll.sourceId === sourceId);
    for (const { id } of sources) {
      // Starts and ends of one source alternate: a poll began only after the previous one ended.
      const events = perSource(id).map((poll: PollEvent) => poll.event);
      expect(events.join(' '), `${id}\n${logs()}`).toMatch(/^(start end ?)+$/);
    }
    const started = (id: string) =>
      window.filter((poll) => poll.sourceId === id && poll.at >= startedAt).length;
    const seconds = RUN_MS / 1000;
    // On schedule, with room for a loaded machine; twice as many would mean a doubled schedule.
    expect(started('fast'), logs()).toBeGreaterThanOrEqual(seconds / 2);
    expect(started('fast')).toBeLessThanOrEqual(seconds + 2);
    expect(started('steady')).toBeGreaterThanOrEqual(seconds / 2 / 2);
    expect(started('steady')).toBeLessThanOrEqual(seconds / 2 + 2);
    expect(started('slow')).toBeGreaterThanOrEqual(1);
    expect(started('slow')).toBeLessThanOrEqual(seconds / 2.5 + 2);
    expect(logs()).toContain('poll already running elsewhere: skipped');

    const sent = server.sent.map((message) => `${message.itemId}-${message.platform}`).sort();
    expect(sent).toEqual(
      [`${a}-slack`, `${a}-telegram`, `${b}-telegram`, `${c}-slack`, `${d}-telegram`].sort(),
    );
  });
});
