/**
 * The composition root: the one place that imports src/, jobs/ and the adapters, and wires the
 * store, the classifier, the runner and the notifiers from the Config.
 */

import { chartRenderer } from '../../adapters/charts/chart-renderer.js';
import { CONSOLE_CHANNEL_ID, createConsoleNotifier } from '../../adapters/console/notifier.js';
import { consolePlatform } from '../../adapters/console/platform.js';
import { digestTick } from '../../jobs/handlers/digest-tick.js';
import { drainChannel } from '../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../jobs/handlers/lease-holder.js';
import { type PollSummary, pollSource } from '../../jobs/handlers/poll-source.js';
import type { JobContext } from '../../jobs/job-types.js';
import type { BullmqRunner, RunnerRole } from '../../jobs/runners/bullmq-runner.js';
import { createInProcessRunner } from '../../jobs/runners/in-process-runner.js';
import type { JobHandlers, JobRunner } from '../../jobs/runners/job-runner.js';
import { classify } from '../../src/classify/classify.js';
import { knownTopics } from '../../src/classify/known-topics.js';
import type { CommandDeps } from '../../src/commands/command.js';
import { type Reply, replyCard } from '../../src/commands/reply.js';
import type { Config } from '../../src/config/config.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import type { FetchOptions } from '../../src/feeds/fetch-feed.js';
import { channelKey, type Logger, type Notifier, systemClock, type TimerClock } from '../../src/ports.js';
import { loadCatalogue } from '../../src/sources/source-catalogue.js';
import { clampStoredIntervals, loadCatalogueOnFirstStart } from '../../src/sources/source-use-cases.js';
import { createPoliteWeb } from '../../src/sources/web/polite-web.js';
import { createCorpusStore } from '../db/create-corpus-store.js';
import type { RouteHandler } from '../http/server.js';
import { createPrometheusMetrics, type PrometheusMetrics } from '../metrics/prometheus.js';
import { registerBuiltInPlatforms, SHIPPED_CHATS } from './platforms.js';

/** A chat platform as `vigil run` drives it: inbound route, start and stop. */
export interface ChatAdapter {
  platform: string;
  route: RouteHandler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface App {
  config: Readonly<Config>;
  log: Logger;
  store: CorpusStore;
  metrics: PrometheusMetrics;
  notifiers: ReadonlyMap<string, Notifier>;
  /** The configured chat platforms (their notifiers are in `notifiers`). */
  chats: ChatAdapter[];
  runner: JobRunner;
  /** Set when jobs run on BullMQ (REDIS_URL). */
  bullmq: BullmqRunner | null;
  fetchOptions: FetchOptions;
  clock: TimerClock;
  /**
   * Enqueues a drain for every channel whose outbox holds deliveries or digests not yet sent (left by
   * a crash, a failed attempt, or a drain that found another process sending); returns how many.
   */
  wakeOutbox(): Promise<number>;
  /** Poll one source now, enqueueing the alerts it raises on the runner. */
  poll(sourceId: string, force?: boolean): Promise<PollSummary>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Poll every source as soon as its schedule is set (`vigil run`); off for one-shot commands. */
  pollOnStart?: boolean;
  /**
   * With REDIS_URL: which part of the work this process does. One-shot commands use `bot`
   * (they enqueue; workers elsewhere deliver). Ignored by the in-process runner.
   */
  role?: RunnerRole;
  clock?: TimerClock;
  out?: NodeJS.WritableStream;
}

export async function createApp(
  config: Readonly<Config>,
  log: Logger,
  options: AppOptions = {},
): Promise<App> {
  registerBuiltInPlatforms();
  const clock = options.clock ?? systemClock;
  const store = await createCorpusStore(config.database, { log });
  const metrics = createPrometheusMetrics();
  const fetchOptions: FetchOptions = { allowPrivate: config.allowPrivateFeeds };

  const commandDeps: CommandDeps = {
    store,
    clock,
    admins: config.admins,
    fetchOptions,
    minIntervalSeconds: config.minIntervalSeconds,
    topics: knownTopics(),
    log,
    // A source added or paused from chat is (un)scheduled at once, not at the next periodic sync.
    sourcesChanged: async () => runner.syncSchedules(await store.listSources()),
    charts: chartRenderer,
  };
  const notifiers = new Map<string, Notifier>();
  const chats: ChatAdapter[] = [];
  // Chat SDKs load only when their platform is configured (a light start for one-shot commands).
  for (const shipped of SHIPPED_CHATS) {
    const chat = await shipped.open(config, commandDeps, log);
    if (!chat) continue;
    notifiers.set(shipped.platform.name, chat.notifier);
    chats.push({ platform: shipped.platform.name, ...pick(chat) });
  }
  notifiers.set(consolePlatform.name, createConsoleNotifier(options.out));

  await loadCatalogueOnFirstStart(commandDeps, config.sourcesFile, () =>
    loadCatalogue(config.sourcesFile, {
      minIntervalSeconds: config.minIntervalSeconds,
      allowPrivate: config.allowPrivateFeeds,
    }),
  );
  await clampStoredIntervals(commandDeps);
  // With no chat platform configured, alerts go to the console (design.md's embedded default).
  if (
    chats.length === 0 &&
    !(await store.getChannel({ platform: consolePlatform.name, channelId: CONSOLE_CHANNEL_ID }))
  ) {
    await store.saveChannel(
      {
        platform: consolePlatform.name,
        channelId: CONSOLE_CHANNEL_ID,
        topics: knownTopics(),
        sources: [],
        languages: [],
      },
      clock.now().toISOString(),
    );
  }

  // Health notices go to every channel that follows something: subscribed topics or a watch.
  const announce = async (reply: Reply): Promise<void> => {
    const watched = new Set((await store.listWatches()).map((watch) => channelKey(watch.channel)));
    for (const channel of await store.listChannels()) {
      if (channel.topics.length === 0 && !watched.has(channelKey(channel))) continue;
      await notifiers.get(channel.platform)?.send(channel.channelId, replyCard(reply, 'notice'));
    }
  };
  // One polite fetcher for every poll: robots.txt cached, one request at a time per host.
  const web = createPoliteWeb({ fetchOptions, clock });
  const maxAlertAgeHours = config.maxAlertAgeHours;
  const pollDeps = { store, classify, fetchOptions, clock, log, metrics, announce, web, maxAlertAgeHours };
  const deliverDeps = { store, notifiers, log, metrics, clock, holder: processLeaseHolder() };
  // Every job's duration goes to /metrics (vigil_job_duration_seconds), whichever runner runs it.
  const timed = async <T>(job: string, run: () => Promise<T>): Promise<T> => {
    const stop = metrics.jobLatency.startTimer({ job });
    try {
      return await run();
    } finally {
      stop();
    }
  };
  const handlers: JobHandlers = {
    poll: (payload, context: JobContext) => timed('poll', () => pollSource(payload, pollDeps, context)),
    deliver: (payload) => timed('deliver', () => drainChannel(payload, deliverDeps)),
    'digest-tick': (_payload, context: JobContext) =>
      timed('digest-tick', () => digestTick({ store, clock, log, topics: knownTopics() }, context)),
  };
  const bullmq = config.redisUrl
    ? (await import('../../jobs/runners/bullmq-runner.js')).createBullmqRunner({
        redisUrl: config.redisUrl,
        handlers,
        log,
        role: options.role ?? 'bot',
      })
    : null;
  let closing: Promise<void> | undefined;
  const runner: JobRunner =
    bullmq ?? createInProcessRunner({ log, pollOnStart: options.pollOnStart ?? false, handlers, clock });

  return {
    config,
    log,
    store,
    metrics,
    notifiers,
    chats,
    runner,
    bullmq,
    fetchOptions,
    clock,
    wakeOutbox: async () => {
      const open = [...(await store.openDeliveryChannels()), ...(await store.openDigestChannels())];
      const channels = [...new Map(open.map((channel) => [channelKey(channel), channel])).values()];
      for (const channel of channels) await runner.enqueue('deliver', { channel });
      return channels.length;
    },
    poll: (sourceId, force = false) => pollSource({ sourceId, force }, pollDeps, runner),
    close: () => {
      closing ??= (async () => {
        await runner.close();
        await store.close();
      })();
      return closing;
    },
  };
}

function pick(adapter: Omit<ChatAdapter, 'platform'>): Omit<ChatAdapter, 'platform'> {
  return { route: adapter.route, start: () => adapter.start(), stop: () => adapter.stop() };
}
