/**
 * `vigil run [--role]`: the monitor. `all` does everything in one process; with REDIS_URL the work
 * can be split: `scheduler` keeps the poll schedules, `worker` runs poll and delivery jobs, `bot`
 * serves the chat platforms. Every role serves /healthz and /metrics.
 */
import { createQueueDashboard } from '../../../jobs/runners/queue-dashboard.js';
import { type HealthCheck, type RouteHandler, startHttpServer } from '../../http/server.js';
import type { App } from '../app.js';
import { CliError } from '../output.js';

export type Role = 'all' | 'scheduler' | 'worker' | 'bot';

/** How often schedules are re-read from the store, so sources changed by another process are followed. */
const RESYNC_MS = 30_000;
const QUEUE_DEPTH_MS = 15_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function runCommand(app: App, role: Role): Promise<void> {
  if (role !== 'all' && !app.bullmq) {
    throw new CliError(
      `--role ${role} needs REDIS_URL (separate roles share work through Redis); use --role all`,
      2,
    );
  }
  const { log, store, runner, config, bullmq } = app;
  const schedules = role === 'all' || role === 'scheduler';
  const chats = role === 'all' || role === 'bot' ? app.chats : [];

  const checks: HealthCheck[] = [{ name: 'database', check: () => store.ping() }];
  if (bullmq) checks.push({ name: 'redis', check: async () => void (await bullmq.queueDepth()) });
  const routes: RouteHandler[] = chats.map((chat) => chat.route);
  if (bullmq && config.dashboardToken) routes.push(createQueueDashboard(bullmq, config.dashboardToken));
  const http = await startHttpServer({ port: config.httpPort, checks, metrics: app.metrics, log, routes });
  for (const chat of chats) await chat.start();

  const resync = async () => runner.syncSchedules(await store.listSources());
  const applyRetention = async () => {
    if (!config.retentionDays) return;
    const before = new Date(app.clock.now().getTime() - config.retentionDays * DAY_MS).toISOString();
    const removed = await store.deleteItemsBefore(before);
    if (removed > 0) log.info({ removed, before }, 'retention: old items deleted');
  };
  const updateQueueDepth = async () => {
    for (const depth of (await bullmq?.queueDepth()) ?? []) {
      app.metrics.queueDepth.set({ queue: depth.queue }, depth.waiting + depth.delayed);
    }
  };
  const guard = (task: () => Promise<void>, what: string) => () =>
    void task().catch((error: unknown) => log.error({ err: error }, `${what} failed`));

  const timers: NodeJS.Timeout[] = [];
  if (schedules) {
    await applyRetention();
    await resync();
    timers.push(setInterval(guard(resync, 'schedule sync'), RESYNC_MS));
    timers.push(setInterval(guard(applyRetention, 'retention'), DAY_MS));
  }
  if (bullmq) timers.push(setInterval(guard(updateQueueDepth, 'queue depth'), QUEUE_DEPTH_MS));
  const sources = (await store.listSources()).filter((source) => !source.paused).length;
  log.info(
    {
      role,
      port: http.port,
      database: store.kind,
      jobs: bullmq ? 'bullmq' : 'in-process',
      chats: app.chats.map((chat) => chat.platform),
      sources,
    },
    'vigil running',
  );

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping: finishing jobs in flight');
      for (const timer of timers) clearInterval(timer);
      const shutdown = async () => {
        await http.close();
        for (const chat of chats) await chat.stop();
        await app.close();
      };
      void shutdown().then(resolve, (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  log.info({}, 'stopped');
}
