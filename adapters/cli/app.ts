/**
 * The composition root: the one place that imports src/, jobs/ and the adapters, and wires the
 * store, the classifier, the runner and the notifiers from the Config.
 */
import { CONSOLE_CHANNEL_ID, createConsoleNotifier } from '../../adapters/console/notifier.js';
import { dispatchAlert } from '../../jobs/handlers/dispatch-alert.js';
import { type PollSummary, pollSource } from '../../jobs/handlers/poll-source.js';
import type { JobContext } from '../../jobs/job-types.js';
import { createInProcessRunner } from '../../jobs/runners/in-process-runner.js';
import type { JobRunner } from '../../jobs/runners/job-runner.js';
import { classify } from '../../src/classify/classify.js';
import type { Config } from '../../src/config/config.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { createCorpusStore } from '../../src/corpus/create-corpus-store.js';
import { ConfigError } from '../../src/errors.js';
import type { FetchOptions } from '../../src/feeds/fetch-feed.js';
import { createMetrics, type Metrics } from '../../src/metrics.js';
import { type Clock, type Logger, type Notifier, systemClock } from '../../src/ports.js';
import { loadCatalogue } from '../../src/sources/source-catalogue.js';

export interface App {
  config: Readonly<Config>;
  log: Logger;
  store: CorpusStore;
  metrics: Metrics;
  notifiers: ReadonlyMap<string, Notifier>;
  runner: JobRunner;
  fetchOptions: FetchOptions;
  clock: Clock;
  /** Poll one source now, enqueueing the alerts it raises on the runner. */
  poll(sourceId: string, force?: boolean): Promise<PollSummary>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Poll every source as soon as its schedule is set (`vigil run`); off for one-shot commands. */
  pollOnStart?: boolean;
  clock?: Clock;
  out?: NodeJS.WritableStream;
}

/** All topics the classifier knows, in its order. */
export function knownTopics(): string[] {
  return Object.keys(classify({ title: '', text: '' }).scores);
}

export async function createApp(
  config: Readonly<Config>,
  log: Logger,
  options: AppOptions = {},
): Promise<App> {
  if (config.redisUrl) {
    throw new ConfigError(
      'REDIS_URL is set, but this build has only the in-process runner (the BullMQ runner is issue 6); unset REDIS_URL',
      ['REDIS_URL'],
    );
  }
  const clock = options.clock ?? systemClock;
  const store = await createCorpusStore(config.database);
  const metrics = createMetrics();
  const fetchOptions: FetchOptions = { allowPrivate: config.allowPrivateFeeds };

  const notifiers = new Map<string, Notifier>();
  for (const platform of ['telegram', 'slack'] as const) {
    if (config[platform])
      log.warn({ platform }, 'chat adapter not built yet (issue 7): alerts go to the console');
  }
  notifiers.set('console', createConsoleNotifier(options.out));

  await loadCatalogueOnFirstStart(store, config.sourcesFile, clock, log);
  if (
    notifiers.has('console') &&
    !(await store.getChannel({ platform: 'console', channelId: CONSOLE_CHANNEL_ID }))
  ) {
    await store.saveChannel(
      {
        platform: 'console',
        channelId: CONSOLE_CHANNEL_ID,
        topics: knownTopics(),
        sources: [],
        languages: [],
      },
      clock.now().toISOString(),
    );
  }

  const pollDeps = { store, classify, fetchOptions, clock, log, metrics };
  const deliverDeps = { store, notifiers, log, metrics };
  const runner = createInProcessRunner({
    log,
    pollOnStart: options.pollOnStart ?? false,
    handlers: {
      poll: (payload, context: JobContext) => pollSource(payload, pollDeps, context),
      deliver: (payload) => dispatchAlert(payload, deliverDeps),
    },
  });

  return {
    config,
    log,
    store,
    metrics,
    notifiers,
    runner,
    fetchOptions,
    clock,
    poll: (sourceId, force = false) => pollSource({ sourceId, force }, pollDeps, runner),
    async close() {
      await runner.close();
      await store.close();
    },
  };
}

/**
 * A fresh corpus (no sources, nothing in the audit log) gets the catalogue; later starts leave the
 * sources as admins made them, even if they removed every one.
 */
async function loadCatalogueOnFirstStart(
  store: CorpusStore,
  file: string,
  clock: Clock,
  log: Logger,
): Promise<void> {
  if ((await store.listSources()).length > 0) return;
  if ((await store.listAudit({ limit: 1 })).length > 0) return;
  const sources = loadCatalogue(file);
  const now = clock.now().toISOString();
  for (const source of sources) await store.addSource(source, now);
  await store.appendAudit({
    at: now,
    actor: 'vigil',
    action: 'sources.load-catalogue',
    channel: null,
    details: { file, count: sources.length },
  });
  log.info({ file, count: sources.length }, 'source catalogue loaded');
}
