/**
 * The behaviour every JobRunner promises, as one suite run against the in-process and BullMQ runners,
 * plus the small kit the BullMQ integration tests share (child processes, a fake chat API, key cleanup).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { DeliverPayload } from '../../jobs/job-types.js';
import type { JobHandlers, JobRunner } from '../../jobs/runners/job-runner.js';
import type { CorpusStore, Source } from '../../src/corpus/corpus-store.js';
import { PermanentError, PlatformRateLimitError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import { makeSource } from './make-source.js';
import { createMemoryLogger } from './memory-logger.js';

export interface RunnerFactoryOptions {
  handlers: JobHandlers;
  log: Logger;
  concurrency?: number;
  backoffMs?: number;
}

export type MakeRunner = (options: RunnerFactoryOptions) => JobRunner | Promise<JobRunner>;

/** A drain of channel `n` (its id is the number, so tests can tell drains apart). */
export const delivery = (
  n: number,
  platform: DeliverPayload['channel']['platform'] = 'telegram',
): DeliverPayload => ({
  channel: { platform, channelId: String(n) },
});

export function source(id: string, intervalSeconds: number, paused = false): Source {
  return makeSource({ id, intervalSeconds, paused });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what` in the message. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function describeJobRunner(name: string, makeRunner: MakeRunner): void {
  describe(`${name}: the JobRunner contract`, () => {
    let runner: JobRunner | undefined;
    const start = async (options: RunnerFactoryOptions) => {
      runner = await makeRunner(options);
      return runner;
    };
    afterEach(async () => {
      await runner?.close();
      runner = undefined;
    });

    it('runs a drain once however often it is asked for, and once more when asked while it runs', async () => {
      const seen: number[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const jobs = await start({
        log: createMemoryLogger(),
        handlers: {
          poll: async () => undefined,
          deliver: async (payload) => {
            seen.push(Number(payload.channel.channelId));
            if (seen.length === 1) await gate;
          },
        },
      });
      await jobs.enqueue('deliver', delivery(1));
      await waitFor('the first drain to start', () => seen.length === 1);
      await jobs.enqueue('deliver', delivery(1));
      await jobs.enqueue('deliver', delivery(1));
      release();
      await jobs.idle();
      expect(seen).toEqual([1, 1]);
    });

    it('retries a failing delivery with backoff until it succeeds', async () => {
      let calls = 0;
      const jobs = await start({
        log: createMemoryLogger(),
        backoffMs: 5,
        handlers: {
          poll: async () => undefined,
          deliver: async () => {
            calls++;
            if (calls < 3) throw new Error('socket hang up');
          },
        },
      });
      await jobs.enqueue('deliver', delivery(1));
      await jobs.idle();
      expect(calls).toBe(3);
    });

    it('does not retry a permanent error and logs it once', async () => {
      let calls = 0;
      const log = createMemoryLogger();
      const jobs = await start({
        log,
        backoffMs: 5,
        handlers: {
          poll: async () => undefined,
          deliver: async () => {
            calls++;
            throw new PermanentError('Forbidden: bot was kicked from the group chat');
          },
        },
      });
      await jobs.enqueue('deliver', delivery(1));
      await jobs.idle();
      expect(calls).toBe(1);
      expect(log.lines.filter((line) => line.message === 'job failed')).toHaveLength(1);
    });

    it('pauses only the rate-limited platform for the time it asks', async () => {
      const order: string[] = [];
      let limited = false;
      const jobs = await start({
        log: createMemoryLogger(),
        concurrency: 1,
        handlers: {
          poll: async () => undefined,
          deliver: async (payload) => {
            if (payload.channel.platform === 'telegram' && !limited) {
              limited = true;
              // Long enough that Slack's delivery surely runs first, even on a loaded machine.
              throw new PlatformRateLimitError('telegram', 500);
            }
            order.push(`${payload.channel.platform}-${payload.channel.channelId}`);
          },
        },
      });
      await jobs.enqueue('deliver', delivery(1, 'telegram'));
      await jobs.enqueue('deliver', delivery(2, 'telegram'));
      await jobs.enqueue('deliver', delivery(3, 'slack'));
      await jobs.idle();
      // Slack went ahead while Telegram waited; both Telegram alerts arrived after the pause.
      expect(order[0]).toBe('slack-3');
      expect(order.slice(1).sort()).toEqual(['telegram-1', 'telegram-2']);
    });

    it('never runs two polls of one source at the same time', async () => {
      let running = 0;
      let maxRunning = 0;
      let polls = 0;
      const jobs = await start({
        log: createMemoryLogger(),
        handlers: {
          deliver: async () => undefined,
          poll: async () => {
            running++;
            polls++;
            maxRunning = Math.max(maxRunning, running);
            await sleep(300);
            running--;
          },
        },
      });
      await jobs.enqueue('poll', { sourceId: 'a' });
      await jobs.enqueue('poll', { sourceId: 'a' });
      await jobs.enqueue('poll', { sourceId: 'a' });
      await jobs.idle();
      expect(maxRunning).toBe(1);
      expect(polls).toBe(1);
    });

    it('never overlaps a scheduled poll that is slower than its interval', async () => {
      let running = 0;
      let maxRunning = 0;
      let polls = 0;
      const jobs = await start({
        log: createMemoryLogger(),
        handlers: {
          deliver: async () => undefined,
          poll: async () => {
            running++;
            polls++;
            maxRunning = Math.max(maxRunning, running);
            await sleep(1500);
            running--;
          },
        },
      });
      await jobs.syncSchedules([source('slow', 1)]);
      await waitFor('two polls of the slow source', () => polls >= 2);
      await jobs.syncSchedules([]);
      await waitFor('the last poll to end', () => running === 0);
      expect(maxRunning).toBe(1);
    });

    it('keeps one schedule per unpaused source and drops removed ones', async () => {
      const polled: string[] = [];
      const jobs = await start({
        log: createMemoryLogger(),
        handlers: {
          deliver: async () => undefined,
          poll: async (payload) => void polled.push(payload.sourceId),
        },
      });
      await jobs.syncSchedules([source('a', 3600), source('b', 3600, true)]);
      await jobs.idle();
      await jobs.syncSchedules([source('a', 3600), source('c', 3600)]);
      await jobs.idle();
      // `a` was polled once on start and not again on the second sync; `b` is paused; `c` is new.
      expect(polled.sort()).toEqual(['a', 'c']);
    });

    it('stops polling a source once it is paused', async () => {
      const polled: string[] = [];
      const jobs = await start({
        log: createMemoryLogger(),
        handlers: {
          deliver: async () => undefined,
          poll: async (payload) => void polled.push(payload.sourceId),
        },
      });
      await jobs.syncSchedules([source('a', 1), source('b', 1)]);
      await waitFor('a second poll of `a`', () => polled.filter((id) => id === 'a').length >= 2);
      await jobs.syncSchedules([source('a', 1, true), source('b', 1)]);
      await jobs.idle();
      const count = (id: string) => polled.filter((polledId) => polledId === id).length;
      const [aBefore, bBefore] = [count('a'), count('b')];
      await waitFor('two more polls of `b`', () => count('b') >= bBefore + 2);
      expect(count('a')).toBe(aBefore);
    });

    it('follows a change of a source interval', async () => {
      const polled: number[] = [];
      const jobs = await start({
        log: createMemoryLogger(),
        handlers: { deliver: async () => undefined, poll: async () => void polled.push(Date.now()) },
      });
      await jobs.syncSchedules([source('a', 3600)]);
      await jobs.idle();
      expect(polled).toHaveLength(1);
      await jobs.syncSchedules([source('a', 1)]);
      // Hourly before, every second now: more polls follow within seconds.
      await waitFor('three more polls at the new interval', () => polled.length >= 4);
    });
  });
}

export { deletePrefixes } from './redis-keys.js';

export interface SentAlert {
  worker: string;
  platform: string;
  channelId: string;
  itemId: number;
}

export interface PollEvent {
  worker: string;
  event: 'start' | 'end';
  sourceId: string;
  at: number;
}

/** A fake chat API and event sink for child processes: records in arrival order. */
export interface ChatServer {
  url: string;
  sent: SentAlert[];
  polls: PollEvent[];
  ready: string[];
  /** Sends of these item ids are received and recorded but never answered. */
  hold: Set<number>;
  /** Answer every other send after this long. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startChatServer(): Promise<ChatServer> {
  const held: ServerResponse[] = [];
  const answer = (response: ServerResponse, body: object) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      if (request.url === '/ready') {
        chat.ready.push(String(body.worker));
        answer(response, {});
      } else if (request.url === '/poll') {
        chat.polls.push({ ...(body as unknown as PollEvent), at: Date.now() });
        answer(response, {});
      } else if (request.url === '/send') {
        const sent = body as unknown as SentAlert;
        chat.sent.push(sent);
        if (chat.hold.has(sent.itemId)) held.push(response);
        else setTimeout(() => answer(response, { messageId: chat.sent.length }), chat.delayMs);
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const chat: ChatServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: [],
    polls: [],
    ready: [],
    hold: new Set(),
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return chat;
}

export interface ChildConfig {
  name: string;
  role: 'all' | 'scheduler' | 'worker' | 'bot';
  redisUrl: string;
  prefix: string;
  db: string;
  chatUrl: string;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  sources?: { id: string; intervalSeconds: number }[];
  resyncMs?: number;
  pollMs?: Record<string, number>;
  alerts?: Record<string, DeliverPayload[]>;
}

export interface Child {
  process: ChildProcess;
  /** What the child logged (JSON lines on stderr). */
  logs: string[];
  exited: Promise<number | null>;
}

const childScript = new URL('../integration/helpers/bullmq-child.mjs', import.meta.url).pathname;

/** Starts test/integration/helpers/bullmq-child.mjs, which runs the BUILT code in dist/. */
export function spawnChild(config: ChildConfig): Child {
  const child = spawn(process.execPath, [childScript], {
    env: { ...process.env, VIGIL_TEST_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: string[] = [];
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    logs.push(...lines);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, logs, exited };
}

/** Stops a child: SIGTERM (graceful close) and, if it hangs, SIGKILL. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** A corpus with one source and `count` items, in a fresh SQLite file the children share. */
export async function seedStore(
  dir: string,
  count: number,
): Promise<{ db: string; store: CorpusStore; ids: number[] }> {
  const db = path.join(dir, 'vigil.db');
  const store = await createCorpusStore(db);
  const now = new Date().toISOString();
  await store.addSource(
    { id: 'outlet', name: 'Outlet', url: 'https://example.org/feed', intervalSeconds: 600 },
    now,
  );
  const results = await store.insertItems(
    Array.from({ length: count }, (_, index) => ({
      guid: `item-${index}`,
      url: `https://example.org/${index}`,
      title: `Political prisoner ${index} released`,
      text: `Prisoner number ${index} was released.`,
      publishedAt: now,
      publishedAtEstimated: false,
      language: 'en' as const,
      contentHash: `hash-${index}`,
      sourceId: 'outlet',
      fetchedAt: now,
      labels: ['prisoners'],
      scores: { prisoners: 1 },
      evidence: [],
    })),
  );
  return { db, store, ids: results.map((result) => result.id) };
}
