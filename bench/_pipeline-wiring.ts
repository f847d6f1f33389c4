/**
 * The product's pipeline wired as adapters/cli/app.ts wires it — store, poll and deliver handlers,
 * a runner, the Telegram notifier — against the fake Bot API and local feeds, for bench/pipeline.ts.
 */
import { randomUUID } from 'node:crypto';
import { registerBuiltInPlatforms } from '../adapters/cli/platforms.js';
import { createCallbackStore } from '../adapters/telegram/callback-data.js';
import { createTelegramBot } from '../adapters/telegram/client.js';
import { createTelegramNotifier } from '../adapters/telegram/notifier.js';
import { drainChannel } from '../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../jobs/handlers/lease-holder.js';
import { pollSource } from '../jobs/handlers/poll-source.js';
import { createInProcessRunner } from '../jobs/runners/in-process-runner.js';
import type { JobHandlers, JobRunner } from '../jobs/runners/job-runner.js';
import { classify } from '../src/classify/classify.js';
import type { CorpusStore } from '../src/corpus/corpus-store.js';
import { type Logger, type Notifier, systemClock, type TimerClock } from '../src/ports.js';
import { createMemoryLogger } from '../test/helpers/memory-logger.js';
import { deletePrefixes } from '../test/helpers/redis-keys.js';

// The chat platforms deliver payloads are checked against and bursts are budgeted by, registered as
// the composition root registers them (without them every deliver job is refused).
registerBuiltInPlatforms();

export type RunnerKind = 'in-process' | 'bullmq';

/** The Redis database the benchmark uses (its keys also carry a prefix of their own, removed after). */
export const BENCH_REDIS_DB = 13;

export interface Wired {
  runner: JobRunner;
  log: Logger & { lines: { level: string; message: string }[] };
  close(): Promise<void>;
}

export function benchRedisUrl(redisUrl: string): string {
  const url = new URL(redisUrl);
  url.pathname = `/${BENCH_REDIS_DB}`;
  return url.toString();
}

/** The Telegram notifier as the adapter builds it, on the fake's address. */
export function telegramNotifier(fake: { token: string; apiRoot: string }, log: Logger): Notifier {
  const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot });
  return createTelegramNotifier(bot.telegram, { log, callbackData: createCallbackStore().encode });
}

export async function wirePipeline(options: {
  store: CorpusStore;
  notifiers: ReadonlyMap<string, Notifier>;
  runner: RunnerKind;
  clock?: TimerClock;
}): Promise<Wired> {
  const { store, notifiers } = options;
  const clock = options.clock ?? systemClock;
  const log = createMemoryLogger();
  const pollDeps = {
    store,
    classify,
    fetchOptions: { allowPrivate: true },
    clock,
    log,
    // The product always announces health changes; here they go nowhere.
    announce: async () => undefined,
  };
  const deliverDeps = { store, notifiers, log, clock, holder: processLeaseHolder() };
  const handlers: JobHandlers = {
    poll: (payload, context) => pollSource(payload, pollDeps, context),
    deliver: (payload) => drainChannel(payload, deliverDeps),
  };
  if (options.runner === 'in-process') {
    const runner = createInProcessRunner({ handlers, log, pollOnStart: false, clock });
    return { runner, log, close: () => runner.close() };
  }
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error('the BullMQ runner needs REDIS_URL');
  const url = benchRedisUrl(redisUrl);
  const prefix = `vigil-bench-${randomUUID()}`;
  // Loaded only when used, as adapters/cli/app.ts does: a worker without Redis never loads BullMQ.
  const { createBullmqRunner } = await import('../jobs/runners/bullmq-runner.js');
  const runner = createBullmqRunner({ redisUrl: url, prefix, role: 'all', handlers, log });
  return {
    runner,
    log,
    close: async () => {
      await runner.close();
      await deletePrefixes(url, [prefix]);
    },
  };
}
