/**
 * The pieces of the outbox crash tests (issue 17): a store with one source past its baseline and five
 * subscribed channels (three Slack, two Telegram), a feed with a burst of items, `vigil run` against
 * the fakes, and a count of each item per channel in the fakes' message logs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import type { FakeTelegramApi } from '../fakes/fake-telegram-api.js';
import type { FeedServer } from './feed-server.js';
import { startVigil, waitFor } from './run-vigil.js';

export const SLACK_CHANNELS = ['C0OUTA', 'C0OUTB', 'C0OUTC'];
export const TELEGRAM_CHATS = ['-1001000000001', '-1001000000002'];
export const SIGNING_SECRET = 'test-signing-secret';

/** The word that names item `n` in its title, found again in whatever message carries it. */
export const token = (n: number) => `zz${String(n).padStart(4, '0')}q`;

/** `count` new sanctions items, published an hour ago. */
export function fillFeed(feed: FeedServer, count: number): void {
  const publishedAt = new Date(Date.now() - 3_600_000);
  for (let n = 0; n < count; n++) {
    feed.items.push({
      guid: `burst-${n}`,
      title: `EU sanctions package ${token(n)} targets Belarusian company`,
      text: `The Council imposed an asset freeze on company ${token(n)} over sanctions evasion.`,
      publishedAt,
    });
  }
}

/** The source (its first poll already done, so the burst alerts) and the five channels. */
export async function prepareStore(database: string, feedUrl: string, schema?: string): Promise<void> {
  const store = await createCorpusStore(database, schema ? { schema } : {});
  try {
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await store.addSource({ id: 'wire', name: 'Wire', url: feedUrl, intervalSeconds: 3600 }, past);
    await store.updateSource('wire', {
      health: { lastSuccessAt: past, lastAttemptAt: past, consecutiveFailures: 0, lastError: null },
    });
    const channels = [
      ...SLACK_CHANNELS.map((channelId) => ({ platform: 'slack' as const, channelId })),
      ...TELEGRAM_CHATS.map((channelId) => ({ platform: 'telegram' as const, channelId })),
    ];
    for (const channel of channels) {
      await store.saveChannel({ ...channel, topics: ['sanctions'], sources: [], languages: [] }, past);
    }
  } finally {
    await store.close();
  }
}

export interface Running {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | null>;
}

/** `vigil run` on the fakes; resolves once /healthz answers, or at once with `waitHealthy: false`. */
export async function runVigil(options: {
  port: number;
  database: string;
  catalogue: string;
  telegram: FakeTelegramApi;
  slack: FakeSlackApi;
  redisUrl?: string;
  waitHealthy?: boolean;
}): Promise<Running> {
  const child = startVigil(['run'], {
    env: {
      VIGIL_DB: options.database,
      VIGIL_SOURCES: options.catalogue,
      VIGIL_HTTP_PORT: String(options.port),
      VIGIL_ALLOW_PRIVATE_FEEDS: '1',
      TELEGRAM_BOT_TOKEN: options.telegram.token,
      TELEGRAM_API_ROOT: options.telegram.apiRoot,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.slack.apiUrl,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (options.waitHealthy === false) return { child, stderr: () => stderr, exited };
  await waitFor(
    async () => ((await fetch(`http://127.0.0.1:${options.port}/healthz`)).ok ? true : undefined),
    '/healthz',
    // The machine these tests share can be very busy: a start-up may take long.
    60_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; vigil said:\n${stderr.slice(-3000)}`);
  });
  return { child, stderr: () => stderr, exited };
}

/** Per channel, the texts of the messages it received. */
export function messagesByChannel(slack: FakeSlackApi, telegram: FakeTelegramApi): Map<string, string[]> {
  const byChannel = new Map<string, string[]>();
  for (const channel of SLACK_CHANNELS) {
    byChannel.set(
      channel,
      slack.posted(channel).map((call) => JSON.stringify([call.params.text, call.params.blocks])),
    );
  }
  for (const chat of TELEGRAM_CHATS) {
    byChannel.set(
      chat,
      telegram.sentTo(chat).map((message) => message.plainText),
    );
  }
  return byChannel;
}

/** Item `n`'s title as every message shows it (its snippet names the token too, and a digest split over two messages may cut between them). */
export const titleOf = (n: number) => `package ${token(n)} targets`;

/** How many messages of `texts` carry item `n`'s title. */
export const copies = (texts: readonly string[], n: number) =>
  texts.filter((text) => text.includes(titleOf(n))).length;

/** A private redis-server on a free port (never the shared one); stopped by the caller. */
export async function startPrivateRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitFor(
    () =>
      new Promise<true | undefined>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(undefined));
      }),
    `redis-server on port ${port}`,
  );
  return server;
}
