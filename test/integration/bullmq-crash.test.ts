// BullMQ runner under failure: a worker process killed mid-delivery, and Redis restarted under running
// workers. Children run the built code (dist/): run `npm run build` first (`npm test` does).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliverPayload } from '../../jobs/job-types.js';
import { type BullmqRunner, createBullmqRunner } from '../../jobs/runners/bullmq-runner.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { freePort, tempDir } from '../helpers/run-vigil.js';
import {
  type ChatServer,
  type Child,
  type ChildConfig,
  deletePrefixes,
  seedStore,
  sleep,
  spawnChild,
  startChatServer,
  stopChild,
  waitFor,
} from '../helpers/runner-contract.js';
import { hasRedis, redisUrl } from '../helpers/services.js';

const channel = { platform: 'telegram', channelId: '-100' } as const;
const deliver = (itemId: number): DeliverPayload => ({ itemId, channel, reason: 'topic: prisoners' });

const sendsOf = (chat: ChatServer, itemId: number) => chat.sent.filter((sent) => sent.itemId === itemId);

describe.skipIf(!(await hasRedis()))('BullMQ runner under failure', () => {
  let chat: ChatServer;
  let store: CorpusStore | undefined;
  let bot: BullmqRunner | undefined;
  let children: Child[] = [];
  let redisProcess: ChildProcess | undefined;
  // Keys on the shared Redis; our own Redis is simply killed.
  const prefixes: string[] = [];

  beforeEach(async () => {
    chat = await startChatServer();
  });

  afterEach(async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    children = [];
    await bot?.close();
    bot = undefined;
    await deletePrefixes(redisUrl, prefixes);
    if (redisProcess && redisProcess.exitCode === null) {
      redisProcess.kill('SIGKILL');
      await new Promise((resolve) => redisProcess?.once('exit', resolve));
    }
    redisProcess = undefined;
    await store?.close();
    store = undefined;
    await chat.close();
  });

  function child(config: Omit<ChildConfig, 'chatUrl'>): Child {
    const started = spawnChild({ ...config, chatUrl: chat.url });
    children.push(started);
    return started;
  }

  const logsOf = (...list: Child[]) => list.flatMap((entry) => entry.logs).join('\n');

  it('delivers an alert once when its worker is killed mid-send and another takes over', {
    timeout: 90_000,
  }, async () => {
    const prefix = `test-${randomUUID()}`;
    prefixes.push(prefix);
    const seeded = await seedStore(tempDir(), 2);
    store = seeded.store;
    const [held, control] = seeded.ids as [number, number];
    // The chat API receives the first alert and never answers: the kill lands mid-delivery, after
    // the platform has the message and before the worker could record it as sent.
    chat.hold.add(held);
    const workerConfig = {
      role: 'worker',
      redisUrl,
      prefix,
      db: seeded.db,
      lockDurationMs: 2000,
      stalledIntervalMs: 500,
    } as const;
    const first = child({ ...workerConfig, name: 'first' });
    bot = createBullmqRunner({ redisUrl, prefix, role: 'bot', log: createMemoryLogger(), handlers: unused });
    await bot.enqueue('deliver', deliver(held));
    await waitFor('the chat API to receive the alert', () => sendsOf(chat, held).length === 1, 20_000);

    first.process.kill('SIGKILL');
    await first.exited;
    const second = child({ ...workerConfig, name: 'second' });
    await bot.enqueue('deliver', deliver(control));
    // The killed worker's job stalls (its lock expires) and the second worker runs it again.
    await waitFor(
      'the second worker to deliver the control alert',
      () => sendsOf(chat, control).length === 1,
      20_000,
    );
    // Bounded: a worker that re-sent the held alert would hang on it, and the assertions say why.
    await Promise.race([bot.idle(), sleep(15_000)]);

    const logs = logsOf(first, second);
    expect(sendsOf(chat, held), logs).toEqual([expect.objectContaining({ worker: 'first' })]);
    expect(sendsOf(chat, control), logs).toEqual([expect.objectContaining({ worker: 'second' })]);
    // The row claimed before sending stays `pending`: the outcome is in doubt, so it is not resent.
    expect((await store.getDelivery(held, channel))?.state).toBe('pending');
    expect((await store.getDelivery(control, channel))?.state).toBe('sent');
    expect(logs).toContain('job stalled');
    expect(logs).toContain('delivery in doubt: not resent');
    // The recovered job completed (as in doubt) rather than failing or staying queued.
    for (const queue of await bot.queueDepth()) {
      expect(queue).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    }
  });

  it('reconnects workers after Redis restarts and finishes the queued work', {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    const dir = tempDir();
    const url = `redis://127.0.0.1:${port}`;
    const prefix = `test-${randomUUID()}`;
    // Our own Redis, never the machine's. An append-only file fsynced on every write keeps the
    // queue through a kill -9; a Redis without persistence would restart empty and lose the work.
    const startRedis = async () => {
      redisProcess = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--save',
          '',
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      );
      await waitFor('redis-server to answer', () => canConnect(port), 10_000);
    };
    await startRedis();

    const seeded = await seedStore(dir, 8);
    store = seeded.store;
    chat.delayMs = 500;
    const worker = child({
      name: 'worker',
      role: 'worker',
      redisUrl: url,
      prefix,
      db: seeded.db,
      concurrency: 2,
    });
    bot = createBullmqRunner({
      redisUrl: url,
      prefix,
      role: 'bot',
      log: createMemoryLogger(),
      handlers: unused,
    });
    const [before, after] = [seeded.ids.slice(0, 6), seeded.ids.slice(6)];
    for (const id of before) await bot.enqueue('deliver', deliver(id));
    await waitFor('the first alerts', () => chat.sent.length >= 2, 20_000);

    const sentAtKill = chat.sent.length;
    redisProcess?.kill('SIGKILL');
    await new Promise((resolve) => redisProcess?.once('exit', resolve));
    await sleep(1500);
    await startRedis();
    // Enqueued right after the restart: the producer waits for its reconnect instead of failing.
    for (const id of after) await bot.enqueue('deliver', deliver(id));

    await waitFor('every alert', () => seeded.ids.every((id) => sendsOf(chat, id).length > 0), 40_000);
    await bot.idle();
    const logs = logsOf(worker);
    for (const id of seeded.ids) expect(sendsOf(chat, id), `item ${id}\n${logs}`).toHaveLength(1);
    for (const id of seeded.ids) expect((await store.getDelivery(id, channel))?.state).toBe('sent');
    // Redis went down with work still queued, and the worker noticed.
    expect(sentAtKill).toBeLessThan(before.length);
    expect(logs).toContain('redis unreachable: reconnecting');
    expect(logs).toContain('redis reconnected');
  });
});

const unused = {
  poll: async () => {
    throw new Error('this runner only enqueues');
  },
  deliver: async () => {
    throw new Error('this runner only enqueues');
  },
};

async function canConnect(port: number): Promise<boolean> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
