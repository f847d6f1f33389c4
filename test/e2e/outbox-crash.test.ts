// Issue 17: `kill -9` of the built `vigil run` in the middle of a burst of 500 alerts (100 items to
// five channels: three Slack, two Telegram), then a restart: every alert arrives, none twice on Slack
// (the alert in doubt is found in the channel's history by its metadata); on Telegram, where a bot
// cannot read what it sent, an alert in doubt is sent again marked as a possible repeat. Both
// runners (in-process; BullMQ on a private redis-server), both stores.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
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
  titleOf,
} from '../helpers/outbox-crash.js';
import { freePort, tempDir, waitFor } from '../helpers/run-vigil.js';
import { databaseUrl, hasPostgres } from '../helpers/services.js';

const ITEMS = 100;
const CHANNELS = SLACK_CHANNELS.length + TELEGRAM_CHATS.length;
/** Messages the fakes accept before the process is killed (about a quarter of the burst's messages). */
const KILL_AFTER = 30;
const postgres = await hasPostgres();
const REPEAT = 'Possible repeat: vigil was interrupted while sending this message.';

interface StoreCase {
  name: string;
  skip: boolean;
  /** VIGIL_DB for the command line, and how the test opens the same store. */
  open(): Promise<{ setting: string; schema?: string; drop(): Promise<void> }>;
}

const stores: StoreCase[] = [
  {
    name: 'SQLite',
    skip: false,
    open: async () => ({ setting: path.join(tempDir(), 'vigil.db'), drop: async () => undefined }),
  },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    open: async () => {
      const schema = `vigil_test_${randomUUID().replaceAll('-', '')}`;
      return {
        setting: `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        schema,
        drop: async () => {
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await client.end();
        },
      };
    },
  },
];

describe.each(['in-process', 'BullMQ'] as const)('kill -9 of `vigil run` (%s runner) mid-burst', (runner) => {
  let feed: FeedServer | undefined;
  let slack: FakeSlackApi | undefined;
  let telegram: FakeTelegramApi | undefined;
  let redis: ChildProcess | undefined;
  const running: Running[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const vigil of running.splice(0)) {
      if (vigil.child.exitCode === null && vigil.child.signalCode === null) {
        vigil.child.kill('SIGTERM');
        await vigil.exited;
      }
    }
    redis?.kill('SIGKILL');
    await Promise.all([feed?.close(), slack?.close(), telegram?.close()]);
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  for (const storeCase of stores) {
    it.skipIf(storeCase.skip)(
      `delivers every alert after a restart, on ${storeCase.name}`,
      {
        timeout: 90_000,
      },
      async () => {
        feed = await startFeedServer('Wire');
        fillFeed(feed, ITEMS);
        slack = await startFakeSlackApi({ channels: SLACK_CHANNELS });
        // Platform limits are tested on their own; here every message is accepted at once.
        telegram = await startFakeTelegramApi({ rateLimit: null });
        const store = await storeCase.open();
        cleanups.push(store.drop);
        await prepareStore(store.schema ? databaseUrl : store.setting, feed.url, store.schema);
        const dir = tempDir();
        const catalogue = path.join(dir, 'sources.json');
        writeFileSync(catalogue, JSON.stringify({ sources: [] }));
        let redisUrl: string | undefined;
        if (runner === 'BullMQ') {
          const redisPort = await freePort();
          redis = await startPrivateRedis(redisPort);
          redisUrl = `redis://127.0.0.1:${redisPort}`;
        }
        const options = {
          database: store.setting,
          catalogue,
          telegram,
          slack,
          ...(redisUrl ? { redisUrl } : {}),
        };

        // The first process is killed the moment the fakes have accepted KILL_AFTER messages: the
        // last of them never gets its answer (a delivery in doubt), the rest of the burst is pending.
        let accepted = 0;
        let victim: ChildProcess | null = null;
        const killAtThreshold = () => {
          accepted++;
          if (accepted === KILL_AFTER) victim?.kill('SIGKILL');
        };
        slack.onPost = killAtThreshold;
        telegram.onSend = killAtThreshold;
        const first = await runVigil({ ...options, port: await freePort() });
        running.push(first);
        victim = first.child;
        if (accepted >= KILL_AFTER) first.child.kill('SIGKILL');
        await first.exited;
        expect(first.child.signalCode, first.stderr()).toBe('SIGKILL');
        slack.onPost = null;
        telegram.onSend = null;
        const before = messagesByChannel(slack, telegram);
        const sentBefore = [...before.values()].reduce((sum, texts) => sum + texts.length, 0);
        expect(sentBefore).toBeGreaterThanOrEqual(KILL_AFTER);

        const second = await runVigil({ ...options, port: await freePort() });
        running.push(second);
        const reopened = await createCorpusStore(
          store.schema ? databaseUrl : store.setting,
          store.schema ? { schema: store.schema } : {},
        );
        try {
          const counts = await waitFor(
            async () => {
              const now = await reopened.deliveryCounts();
              return now.sent + now.failed === ITEMS * CHANNELS ? now : undefined;
            },
            `all ${ITEMS * CHANNELS} deliveries marked; stderr:\n${second.stderr().slice(-3000)}`,
            60_000,
          );
          expect(counts).toEqual({ pending: 0, sending: 0, sent: ITEMS * CHANNELS, failed: 0 });
        } finally {
          await reopened.close();
        }

        const after = messagesByChannel(slack, telegram);
        // The kill came mid-burst: the restarted process had messages left to send. (How many more
        // than KILL_AFTER land first depends on the machine: each channel's drainer may have one
        // in flight while the signal is delivered.)
        const sentAfter = [...after.values()].reduce((sum, texts) => sum + texts.length, 0);
        expect(sentAfter).toBeGreaterThan(sentBefore);
        let repeats = 0;
        for (const [channel, texts] of after) {
          for (let n = 0; n < ITEMS; n++) {
            const found = copies(texts, n);
            if (SLACK_CHANNELS.includes(channel) || found === 1) {
              expect(found, `item ${n} in ${channel}`).toBe(1);
              continue;
            }
            // Telegram: the alert in doubt at the kill, sent again and marked as a possible repeat.
            expect(found, `item ${n} in ${channel}`).toBe(2);
            // The note opens the message, or comes alone just before a message too long to hold it.
            const marked = texts.filter(
              (text, index) =>
                text.includes(titleOf(n)) && (text.startsWith(REPEAT) || texts[index - 1]?.trim() === REPEAT),
            );
            expect(marked.length, `item ${n} in ${channel}: a copy is marked`).toBeGreaterThan(0);
            repeats++;
          }
        }
        // At most the message in flight in each Telegram chat when the process died (a digest: 20 items).
        expect(repeats).toBeLessThanOrEqual(TELEGRAM_CHATS.length * 20);
        expect(second.stderr()).toContain('outbox: draining channels with deliveries waiting');
      },
    );
  }
});
