/**
 * `vigil run [--role]`: the monitor. `all` does everything in one process; with REDIS_URL the work
 * can be split: `scheduler` keeps the poll schedules, `worker` runs poll and delivery jobs, `bot`
 * serves the chat platforms. Every role serves /healthz and /metrics.
 */
import type { Source } from '../../../src/corpus/corpus-store.js';
import { ConfigError, describeError, PlatformUnreachableError } from '../../../src/errors.js';
import { retryDelay } from '../../../src/feeds/backoff.js';
import type { Timer } from '../../../src/ports.js';
import { type HealthCheck, type HttpServer, type RouteHandler, startHttpServer } from '../../http/server.js';
import type { App, ChatAdapter } from '../app.js';
import { CliError } from '../output.js';

export type Role = 'all' | 'scheduler' | 'worker' | 'bot';

/** How often schedules are re-read from the store, so sources changed by another process are followed. */
const RESYNC_MS = 30_000;
const QUEUE_DEPTH_MS = 15_000;
/** How often the outbox is looked through for channels with deliveries waiting. */
const OUTBOX_SWEEP_MS = 15_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A chat platform unreachable at start-up is tried again after 1 s, 2 s, 4 s … up to a minute. */
const CHAT_RETRY_BASE_MS = 1000;
const CHAT_RETRY_CAP_MS = 60_000;

/** "12 active, 2 paused: pozirk, nam-media": what will be polled, said once at start. */
export function describeSources(sources: readonly Source[]): string {
  const paused = sources.filter((source) => source.paused).map((source) => source.id);
  const active = sources.length - paused.length;
  return `${active} active, ${paused.length} paused${paused.length > 0 ? `: ${paused.join(', ')}` : ''}`;
}

/**
 * Starts one chat platform. A token the platform rejects stops vigil (the ConfigError goes up); a
 * platform that cannot be reached is tried again with backoff, each wait said in the log, until it
 * answers or vigil stops (`signal`). Resolves false when stopped before it started.
 */
export async function startChat(app: Pick<App, 'log' | 'clock'>, chat: ChatAdapter, signal: AbortSignal) {
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      await chat.start();
      if (attempt > 1) app.log.info({ platform: chat.platform, attempt }, 'chat platform reached: started');
      return true;
    } catch (error) {
      if (!(error instanceof PlatformUnreachableError)) throw error;
      const delayMs = retryDelay(attempt, CHAT_RETRY_BASE_MS, CHAT_RETRY_CAP_MS);
      app.log.warn(
        { platform: chat.platform, attempt, retryInMs: delayMs, reason: describeError(error) },
        'chat platform unreachable at start-up: retrying',
      );
      await app.clock.sleep(delayMs, signal);
    }
  }
  return false;
}

async function listen(app: App, checks: HealthCheck[], routes: RouteHandler[]): Promise<HttpServer> {
  const { config, log, metrics } = app;
  try {
    return await startHttpServer({ port: config.httpPort, checks, metrics, log, routes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new ConfigError(
        code === 'EADDRINUSE'
          ? `VIGIL_HTTP_PORT ${config.httpPort} is already in use by another program: stop it or choose another port`
          : `VIGIL_HTTP_PORT ${config.httpPort} may not be opened by this user: choose a port above 1023`,
        ['VIGIL_HTTP_PORT'],
      );
    }
    throw error;
  }
}

export async function runCommand(app: App, role: Role): Promise<void> {
  if (role !== 'all' && !app.bullmq) {
    throw new CliError(
      `--role ${role} needs REDIS_URL (separate roles share work through Redis); use --role all`,
      2,
    );
  }
  const { log, store, runner, config, bullmq, clock } = app;
  const schedules = role === 'all' || role === 'scheduler';
  const chats = role === 'all' || role === 'bot' ? app.chats : [];

  const started = new Set<ChatAdapter>();
  const checks: HealthCheck[] = [{ name: 'database', check: () => store.ping() }];
  if (bullmq) checks.push({ name: 'redis', check: async () => void (await bullmq.queueDepth()) });
  for (const chat of chats) {
    checks.push({
      name: chat.platform,
      check: async () => {
        if (!started.has(chat)) throw new Error(`${chat.platform} is not connected yet`);
      },
    });
  }
  const routes: RouteHandler[] = chats.map((chat) => chat.route);
  if (bullmq && config.dashboardToken) {
    const { createQueueDashboard } = await import('../../../jobs/runners/queue-dashboard.js');
    routes.push(createQueueDashboard(bullmq, config.dashboardToken));
  }
  if (config.dashboardToken) {
    // The read-only figures and digest pages, behind the dashboard's token; the chart libraries load only then.
    const { createFiguresRoute } = await import('../../http/figures-route.js');
    const { createDigestRoute } = await import('../../http/digest-route.js');
    const { knownTopics } = await import('../../../src/classify/known-topics.js');
    routes.push(createFiguresRoute({ store, token: config.dashboardToken, clock }));
    routes.push(createDigestRoute({ store, token: config.dashboardToken, clock, topics: knownTopics() }));
  }
  const http = await listen(app, checks, routes);

  const stopping = new AbortController();
  const timers: Timer[] = [];
  const shutdown = async () => {
    stopping.abort();
    for (const timer of timers) timer.cancel();
    await http.close();
    for (const chat of chats) await chat.stop();
    await app.close();
  };

  const resync = async () => runner.syncSchedules(await store.listSources());
  const applyRetention = async () => {
    if (!config.retentionDays) return;
    const before = new Date(clock.now().getTime() - config.retentionDays * DAY_MS).toISOString();
    const removed = await store.deleteItemsBefore(before);
    if (removed > 0) log.info({ removed, before }, 'retention: old items deleted');
    const digests = await store.deleteDigestsBefore(new Date(before));
    if (digests > 0) log.info({ digests, before }, 'retention: old digests deleted');
  };
  const updateQueueDepth = async () => {
    for (const depth of (await bullmq?.queueDepth()) ?? []) {
      app.metrics.queueDepth.set({ queue: depth.queue }, depth.waiting + depth.delayed);
    }
  };
  const guard = (task: () => Promise<void>, what: string) => () =>
    void task().catch((error: unknown) => log.error({ err: error }, `${what} failed`));

  // Deliveries a crash or a failure left in the outbox are sent at start, then looked for periodically.
  const wakeOutbox = async () => {
    const channels = await app.wakeOutbox();
    if (channels > 0) log.info({ channels }, 'outbox: draining channels with deliveries waiting');
  };
  try {
    if (role !== 'bot') {
      await wakeOutbox();
      timers.push(clock.setInterval(guard(wakeOutbox, 'outbox sweep'), OUTBOX_SWEEP_MS));
    }
    if (schedules) {
      await applyRetention();
      await resync();
      timers.push(clock.setInterval(guard(resync, 'schedule sync'), RESYNC_MS));
      timers.push(clock.setInterval(guard(applyRetention, 'retention'), DAY_MS));
    }
    if (bullmq) timers.push(clock.setInterval(guard(updateQueueDepth, 'queue depth'), QUEUE_DEPTH_MS));
  } catch (error) {
    await shutdown();
    throw error;
  }
  log.info(
    {
      role,
      port: http.port,
      database: store.kind,
      jobs: bullmq ? 'bullmq' : 'in-process',
      chats: app.chats.map((chat) => chat.platform),
      sources: describeSources(await store.listSources()),
    },
    'vigil running',
  );

  await new Promise<void>((resolve, reject) => {
    let stopped = false;
    const stop = (signal: string, failure?: unknown) => {
      if (stopped) return;
      stopped = true;
      if (failure === undefined) log.info({ signal }, 'stopping: finishing jobs in flight');
      void shutdown().then(
        () => (failure === undefined ? resolve() : reject(failure)),
        (error: unknown) => {
          log.error({ err: error }, 'error while stopping');
          if (failure === undefined) resolve();
          else reject(failure);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    // Chats start while polling runs; a rejected token stops everything with its ConfigError.
    for (const chat of chats) {
      void startChat(app, chat, stopping.signal).then(
        (ok) => ok && started.add(chat),
        (error: unknown) => stop('start-up failure', error),
      );
    }
  });
  log.info({}, 'stopped');
}
