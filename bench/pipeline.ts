/**
 * The whole pipeline (issue 17): alert latency, fan-out under Telegram's limits, and many quiet sources.
 *
 * `npm run bench -- pipeline [--quick]`. Store: VIGIL_DB as the product takes it, else a new SQLite
 * file; runner: in-process, and BullMQ as well when REDIS_URL is set (its own database number and
 * key prefix, removed after). Chat platform: the fake Bot API (test/fakes) with its limits on:
 * 30 messages a second overall, 1 a second and 20 a minute per chat, 429 + retry_after past them.
 *
 * - Latency: from enqueueing the poll that sees a new item to the fake receiving the alert; p50 and
 *   p95 per runner (quick: 15 samples, else 100).
 * - Fan-out: one new item to 1,000 subscribed chats, on the in-process runner; seconds until the
 *   last one received it, against the floor the overall limit allows, and the 429s seen.
 * - Sources: 10,000 sources answering 304 every 5 minutes on one in-process worker (a child
 *   process, so its CPU and peak RSS are its own). The schedule is compressed: a 5-minute round of
 *   polls runs as fast as it can, and its CPU time over the round's 300 s is the worker's share
 *   (of two cores). Quick: one round, else three.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { knownTopics } from '../src/classify/known-topics.js';
import type { CorpusStore } from '../src/corpus/corpus-store.js';
import type { Notifier } from '../src/ports.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../test/fakes/fake-telegram-api.js';
import { type FeedServer, startFeedServer } from '../test/helpers/feed-server.js';
import { createMemoryLogger } from '../test/helpers/memory-logger.js';
import { printResult } from './_machine.js';
import type { SourcesFigures } from './_pipeline-sources.js';
import { type RunnerKind, telegramNotifier, wirePipeline } from './_pipeline-wiring.js';
import { openBenchStore } from './_store.js';
import { transpileForChild } from './_transpiled.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const LATENCY_SAMPLES = quick ? 15 : 100;
const FANOUT_CHATS = 1000;
const SOURCES = quick ? 2_000 : 10_000;
const SOURCE_ROUNDS = quick ? 1 : 2;
const TELEGRAM_PER_SECOND = 30;
const SOURCE_ID = 'outlet';

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A story on sanctions that no earlier one duplicates (its own title, text and guid). */
function newItem(feed: FeedServer, n: number): void {
  feed.items.push({
    guid: `bench-${n}-${Date.now()}`,
    title: `EU extends sanctions on Belaruskali potash exports, round ${n}`,
    text:
      `The European Union extended sanctions against Belaruskali and the potash sector (decision ${n}), ` +
      'citing continued repression; officials said the restrictive measures on Belarusian exports stay ' +
      `in force while political prisoners remain jailed. Reference ${n * 7919}.`,
    publishedAt: new Date(),
  });
}

const telegramChat = (n: number) => ({
  platform: 'telegram' as const,
  channelId: String(-1_000_000 - n),
  sources: [],
  languages: [],
});

interface Stage {
  store: CorpusStore;
  fake: FakeTelegramApi;
  feed: FeedServer;
  notifiers: ReadonlyMap<string, Notifier>;
  cleanup(): Promise<void>;
}

/** A fresh store, fake Bot API and feed with one outlet whose first poll (the baseline) is done. */
async function stage(tag: string): Promise<Stage> {
  const opened = await openBenchStore(tag);
  const fake = await startFakeTelegramApi({ chatBurstLimit: { limit: 1, windowMs: 1000 } });
  const feed = await startFeedServer('Bench Outlet');
  const notifiers = new Map([['telegram', telegramNotifier(fake, createMemoryLogger())]]);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  await opened.store.addSource(
    { id: SOURCE_ID, name: 'Bench Outlet', url: feed.url, intervalSeconds: 3600 },
    hourAgo,
  );
  return {
    store: opened.store,
    fake,
    feed,
    notifiers,
    cleanup: async () => {
      await fake.close();
      await feed.close();
      await opened.cleanup();
    },
  };
}

async function measureLatency(kind: RunnerKind): Promise<number[]> {
  const setup = await stage(`latency-${kind}`);
  const wired = await wirePipeline({ store: setup.store, notifiers: setup.notifiers, runner: kind });
  const samples: number[] = [];
  try {
    newItem(setup.feed, 0);
    await wired.runner.enqueue('poll', { sourceId: SOURCE_ID, force: true });
    await wired.runner.idle();
    const topics = knownTopics();
    const now = () => new Date().toISOString();
    for (let n = 1; n <= LATENCY_SAMPLES; n++) {
      // One chat per sample, so no chat's own limit (20 a minute) shapes the figure.
      if (n > 1) await setup.store.saveChannel({ ...telegramChat(n - 1), topics: [] }, now());
      await setup.store.saveChannel({ ...telegramChat(n), topics }, now());
      newItem(setup.feed, n);
      const before = setup.fake.sent.length;
      const started = performance.now();
      await wired.runner.enqueue('poll', { sourceId: SOURCE_ID, force: true });
      await setup.fake.waitFor((api) => api.sent.length > before, 30_000);
      samples.push(performance.now() - started);
      await wired.runner.idle();
    }
  } finally {
    await wired.close();
    await setup.cleanup();
  }
  return samples;
}

interface Fanout {
  chats: number;
  seconds: number;
  floorSeconds: number;
  overFloor: number;
  http429: number;
}

async function measureFanout(): Promise<Fanout> {
  const setup = await stage('fanout');
  const wired = await wirePipeline({ store: setup.store, notifiers: setup.notifiers, runner: 'in-process' });
  try {
    await wired.runner.enqueue('poll', { sourceId: SOURCE_ID, force: true });
    await wired.runner.idle();
    const topics = knownTopics();
    for (let n = 1; n <= FANOUT_CHATS; n++)
      await setup.store.saveChannel({ ...telegramChat(n), topics }, new Date().toISOString());
    newItem(setup.feed, 1);
    const started = performance.now();
    await wired.runner.enqueue('poll', { sourceId: SOURCE_ID, force: true });
    await setup.fake.waitFor((api) => api.sent.length >= FANOUT_CHATS, 600_000);
    const seconds = (performance.now() - started) / 1000;
    await wired.runner.idle();
    // The overall limit lets 30 through at once, then 30 more each second after.
    const floorSeconds = Math.floor((FANOUT_CHATS - 1) / TELEGRAM_PER_SECOND);
    return {
      chats: new Set(setup.fake.sent.map((message) => message.chatId)).size,
      seconds: round(seconds, 2),
      floorSeconds,
      overFloor: round(seconds / floorSeconds - 1, 3),
      http429: setup.fake.calls.filter((call) => call.status === 429).length,
    };
  } finally {
    await wired.close();
    await setup.cleanup();
  }
}

/** Answers 304 to every conditional request for `/feed/N`, and a tiny feed with an ETag otherwise. */
async function startQuietFeeds(): Promise<{ base: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    if (request.headers['if-none-match'] === '"v1"') {
      response.writeHead(304, { etag: '"v1"' });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
    response.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The sources worker in a child process (its own CPU and RSS); the 304 server stays here. */
async function measureSources(): Promise<SourcesFigures & { requests: number }> {
  const feeds = await startQuietFeeds();
  const transpiled = transpileForChild('bench/_pipeline-sources-worker.ts');
  try {
    // Plain JavaScript, no TypeScript loader: the worker's RSS is the product's, as run from dist/.
    const child = spawn(
      process.execPath,
      [transpiled.entry, feeds.base, String(SOURCES), String(SOURCE_ROUNDS)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const last = output.trim().split('\n').pop() ?? '';
    if (code !== 0) throw new Error(`sources worker exited with ${code}: ${output}`);
    return { ...(JSON.parse(last) as SourcesFigures), requests: feeds.requests() };
  } finally {
    transpiled.remove();
    await feeds.close();
  }
}

async function main(): Promise<void> {
  const runners: RunnerKind[] = process.env.REDIS_URL ? ['in-process', 'bullmq'] : ['in-process'];
  const storeKind = process.env.VIGIL_DB?.startsWith('postgres') ? 'postgres' : 'sqlite';
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`pipeline benchmark${quick ? ' (quick)' : ''}: store ${storeKind}, runners ${runners.join(', ')}`);

  const alertLatencyMs: Record<string, { p50: number; p95: number; samples: number }> = {};
  for (const kind of runners) {
    const samples = await measureLatency(kind);
    alertLatencyMs[kind] = {
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      samples: samples.length,
    };
  }
  out('\nalert latency (poll enqueued → fake Telegram received), ms');
  out(`${'runner'.padEnd(12)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'samples'.padStart(8)}`);
  for (const [kind, figure] of Object.entries(alertLatencyMs))
    out(
      `${kind.padEnd(12)} ${String(figure.p50).padStart(8)} ${String(figure.p95).padStart(8)} ${String(figure.samples).padStart(8)}`,
    );

  const fanout = await measureFanout();
  out('\nfan-out of one alert (in-process runner, fake Telegram: 30/s overall, 1/s per chat)');
  out(
    `chats ${fanout.chats}, ${fanout.seconds} s, floor ${fanout.floorSeconds} s, over the floor ${round(fanout.overFloor * 100)} %, 429s ${fanout.http429}`,
  );

  const sources = await measureSources();
  out(
    `\n${sources.count} sources answering 304 every 5 minutes, one in-process worker (${sources.rounds} compressed round(s))`,
  );
  // The CPU time goes with the number of polls: per 10,000 sources it is this round's, scaled.
  const cpuPercentPer10k = round((sources.cpuPercent * 10_000) / sources.count);
  out(
    `one round took ${sources.roundSeconds} s of wall time and ${sources.cpuSecondsPerRound} s of CPU; ${sources.errors} warnings`,
  );
  out(
    `CPU share of two cores over the 300 s interval: ${sources.cpuPercent} %; peak RSS ${sources.rssMB} MB (${sources.startRssMB} MB once loaded); requests ${sources.requests}`,
  );
  out(`CPU share scaled to 10,000 sources: ${cpuPercentPer10k} %`);

  printResult('pipeline', {
    quick,
    store: storeKind,
    runners,
    alertLatencyMs,
    fanout: { ...fanout, runner: 'in-process' },
    sources: {
      count: sources.count,
      cpuPercent: sources.cpuPercent,
      cpuPercentPer10k,
      rssMB: sources.rssMB,
      roundSeconds: sources.roundSeconds,
      runner: 'in-process',
    },
  });
}

await main();
