// The BullMQ runner on a real Redis: the shared JobRunner contract, plus what only a shared queue has
// (roles, several runners on one Redis, schedules that outlive a process).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliverPayload } from '../../jobs/job-types.js';
import {
  type BullmqRunner,
  type BullmqRunnerOptions,
  createBullmqRunner,
} from '../../jobs/runners/bullmq-runner.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import {
  deletePrefixes,
  delivery,
  describeJobRunner,
  sleep,
  source,
  waitFor,
} from '../helpers/runner-contract.js';
import { hasRedis, redisUrl } from '../helpers/services.js';

const prefixes: string[] = [];
const runners: BullmqRunner[] = [];

function newPrefix(): string {
  const prefix = `test-${randomUUID()}`;
  prefixes.push(prefix);
  return prefix;
}

function start(options: Omit<BullmqRunnerOptions, 'redisUrl'>): BullmqRunner {
  const runner = createBullmqRunner({ redisUrl, lockDurationMs: 5000, ...options });
  runners.push(runner);
  return runner;
}

const noop = async () => undefined;

describe.skipIf(!(await hasRedis()))('BullMQ runner', () => {
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close()));
    await deletePrefixes(redisUrl, prefixes);
  });

  describeJobRunner('BullMQ runner', (options) => start({ ...options, role: 'all', prefix: newPrefix() }));

  it('leaves jobs to workers when it is a bot, and keeps schedules only as a scheduler', async () => {
    const prefix = newPrefix();
    const seen: string[] = [];
    const handlers = {
      poll: async (payload: { sourceId: string }) => void seen.push(`poll-${payload.sourceId}`),
      deliver: async (payload: DeliverPayload) => void seen.push(`deliver-${payload.channel.channelId}`),
    };
    const log = createMemoryLogger();
    const bot = start({ role: 'bot', prefix, log, handlers });
    const worker = start({ role: 'worker', prefix, log, handlers });
    await worker.syncSchedules([source('ignored', 1)]);
    await bot.syncSchedules([source('ignored', 1)]);
    await bot.enqueue('deliver', delivery(7));
    await bot.idle();
    expect(seen).toEqual(['deliver-7']);

    const scheduler = start({ role: 'scheduler', prefix, log, handlers });
    await scheduler.syncSchedules([source('a', 3600)]);
    await waitFor('the worker to poll `a`', () => seen.includes('poll-a'));
    await bot.idle();
    expect(seen.sort()).toEqual(['deliver-7', 'poll-a']);
  });

  it('keeps schedules when a scheduler closes, and a second scheduler does not poll again', async () => {
    const prefix = newPrefix();
    const polled: string[] = [];
    const handlers = {
      poll: async (payload: { sourceId: string }) => void polled.push(payload.sourceId),
      deliver: noop,
    };
    const log = createMemoryLogger();
    const worker = start({ role: 'worker', prefix, log, handlers });
    const first = start({ role: 'scheduler', prefix, log, handlers });
    await first.syncSchedules([source('a', 3600), source('b', 3600)]);
    await worker.idle();
    await first.close();
    const second = start({ role: 'scheduler', prefix, log, handlers });
    await second.syncSchedules([source('a', 3600), source('b', 3600)]);
    await sleep(500);
    await worker.idle();
    expect(polled.sort()).toEqual(['a', 'b']);
  });

  it('never runs two polls of one source at once across two workers', async () => {
    const prefix = newPrefix();
    let running = 0;
    let maxRunning = 0;
    let polls = 0;
    const handlers = {
      deliver: noop,
      poll: async () => {
        running++;
        polls++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(1500);
        running--;
      },
    };
    const log = createMemoryLogger();
    start({ role: 'worker', prefix, log, handlers });
    start({ role: 'worker', prefix, log, handlers });
    const scheduler = start({ role: 'scheduler', prefix, log, handlers });
    await scheduler.syncSchedules([source('a', 1)]);
    await waitFor('three polls of `a`', () => polls >= 3, 20_000);
    await scheduler.syncSchedules([]);
    await waitFor('the last poll to end', () => running === 0);
    expect(maxRunning).toBe(1);
    expect(
      log.lines.filter((line) => line.message === 'poll already running elsewhere: skipped').length,
    ).toBeGreaterThan(0);
  });

  it('reports queue depth per queue', async () => {
    const prefix = newPrefix();
    const bot = start({
      role: 'bot',
      prefix,
      log: createMemoryLogger(),
      handlers: { poll: noop, deliver: noop },
    });
    await bot.enqueue('deliver', delivery(1, 'slack'));
    await bot.enqueue('deliver', delivery(2, 'slack'));
    await bot.enqueue('poll', { sourceId: 'a' });
    const depth = await bot.queueDepth();
    expect(depth.find((queue) => queue.queue === 'vigil-deliver-slack')).toMatchObject({
      waiting: 2,
      active: 0,
    });
    expect(depth.find((queue) => queue.queue === 'vigil-poll')).toMatchObject({ waiting: 1 });
    expect(depth.find((queue) => queue.queue === 'vigil-deliver-telegram')).toMatchObject({ waiting: 0 });
  });

  it('rejects a malformed payload before it reaches Redis', async () => {
    const bot = start({
      role: 'bot',
      prefix: newPrefix(),
      log: createMemoryLogger(),
      handlers: { poll: noop, deliver: noop },
    });
    await expect(bot.enqueue('poll', { sourceId: '' })).rejects.toThrow();
  });
});
