/** `vigil run`: the monitor. Polls on schedule, delivers alerts, serves /healthz and /metrics. */
import { startHttpServer } from '../../http/server.js';
import type { App } from '../app.js';
import { CliError } from '../output.js';

export type Role = 'all' | 'scheduler' | 'worker' | 'bot';

/** How often the schedules are re-read, so sources added by another process are picked up. */
const RESYNC_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function runCommand(app: App, role: Role): Promise<void> {
  if (role !== 'all') {
    throw new CliError(
      `--role ${role} needs REDIS_URL (separate roles share work through Redis); use --role all`,
      2,
    );
  }
  const { log, store, runner, config } = app;
  const http = await startHttpServer({
    port: config.httpPort,
    checks: [{ name: 'database', check: () => store.ping() }],
    metrics: app.metrics,
    log,
  });
  const resync = async () => runner.syncSchedules(await store.listSources());
  const applyRetention = async () => {
    if (!config.retentionDays) return;
    const before = new Date(app.clock.now().getTime() - config.retentionDays * DAY_MS).toISOString();
    const removed = await store.deleteItemsBefore(before);
    if (removed > 0) log.info({ removed, before }, 'retention: old items deleted');
  };
  const guard = (task: () => Promise<void>, what: string) => () =>
    void task().catch((error: unknown) => log.error({ err: error }, `${what} failed`));

  await applyRetention();
  await resync();
  const timers = [
    setInterval(guard(resync, 'schedule sync'), RESYNC_MS),
    setInterval(guard(applyRetention, 'retention'), DAY_MS),
  ];
  const sources = (await store.listSources()).filter((source) => !source.paused).length;
  log.info({ port: http.port, database: store.kind, sources }, 'vigil running');

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping: finishing jobs in flight');
      for (const timer of timers) clearInterval(timer);
      void http
        .close()
        .then(() => app.close())
        .then(resolve, (error: unknown) => {
          log.error({ err: error }, 'error while stopping');
          resolve();
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  log.info({}, 'stopped');
}
