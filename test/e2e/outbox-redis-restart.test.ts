// Issue 17: Redis (a private redis-server, never the shared one) killed and started again, empty, in
// the middle of a burst of 500 alerts on the BullMQ runner. The worker reconnects; the queue's jobs
// are gone with Redis, but the deliveries are in the store's outbox: every alert arrives exactly once.
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import {
  copies,
  fillFeed,
  messagesByChannel,
  prepareStore,
  type Running,
  runVigil,
  SLACK_CHANNELS,
  startPrivateRedis,
  TELEGRAM_CHATS,
} from '../helpers/outbox-crash.js';
import { freePort, tempDir, waitFor } from '../helpers/run-vigil.js';

const ITEMS = 100;
const CHANNELS = SLACK_CHANNELS.length + TELEGRAM_CHATS.length;
const RESTART_AFTER = 20;

describe('Redis restarted during a burst (BullMQ runner)', () => {
  let feed: FeedServer | undefined;
  let slack: FakeSlackApi | undefined;
  let telegram: FakeTelegramApi | undefined;
  const redis: ChildProcess[] = [];
  let vigil: Running | undefined;

  afterEach(async () => {
    // How it stops is not what this test is about: it is killed.
    if (vigil && vigil.child.exitCode === null && vigil.child.signalCode === null) {
      vigil.child.kill('SIGKILL');
      await vigil.exited;
    }
    for (const server of redis.splice(0)) server.kill('SIGKILL');
    await Promise.all([feed?.close(), slack?.close(), telegram?.close()]);
  });

  it('delivers every alert exactly once after Redis comes back empty', { timeout: 90_000 }, async () => {
    feed = await startFeedServer('Wire');
    fillFeed(feed, ITEMS);
    slack = await startFakeSlackApi({ channels: SLACK_CHANNELS });
    telegram = await startFakeTelegramApi({ rateLimit: null });
    const database = path.join(tempDir(), 'vigil.db');
    await prepareStore(database, feed.url);
    const catalogue = path.join(tempDir(), 'sources.json');
    writeFileSync(catalogue, JSON.stringify({ sources: [] }));
    const redisPort = await freePort();
    redis.push(await startPrivateRedis(redisPort));

    let accepted = 0;
    let restarted = false;
    const restartRedis = () => {
      accepted++;
      if (accepted !== RESTART_AFTER) return;
      redis[0]?.kill('SIGKILL');
      restarted = true;
    };
    slack.onPost = restartRedis;
    telegram.onSend = restartRedis;
    vigil = await runVigil({
      port: await freePort(),
      database,
      catalogue,
      telegram,
      slack,
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      waitHealthy: false,
    });
    await waitFor(async () => (restarted ? true : undefined), 'the burst to reach the Redis kill', 60_000);
    const first = redis[0];
    if (first && first.exitCode === null && first.signalCode === null)
      await new Promise<void>((resolve) => first.once('exit', () => resolve()));
    redis.push(await startPrivateRedis(redisPort));

    const store = await createCorpusStore(database);
    try {
      const counts = await waitFor(
        async () => {
          const now = await store.deliveryCounts();
          return now.sent + now.failed === ITEMS * CHANNELS ? now : undefined;
        },
        `all deliveries marked; stderr:\n${vigil.stderr().slice(-3000)}`,
        60_000,
      );
      expect(counts).toEqual({ pending: 0, sending: 0, sent: ITEMS * CHANNELS, failed: 0 });
    } finally {
      await store.close();
    }
    for (const [channel, texts] of messagesByChannel(slack, telegram)) {
      for (let n = 0; n < ITEMS; n++) expect(copies(texts, n), `item ${n} in ${channel}`).toBe(1);
    }
    expect(vigil.child.exitCode).toBeNull();
    await waitFor(
      async () => (vigil?.stderr().includes('redis reconnected') ? true : undefined),
      'the worker to reconnect',
      30_000,
    );
  });
});
