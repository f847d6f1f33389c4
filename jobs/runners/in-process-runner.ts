/**
 * Runs jobs inside this process with the BullMQ runner's semantics: deterministic job ids (a job
 * already queued is not queued twice; a drain asked for while it runs runs once more after), per-queue concurrency, retries with exponential backoff,
 * 429s pausing only that platform, one repeating poll per source, never two polls of one source at once.
 */
import type { Source } from '../../src/corpus/corpus-store.js';
import { describeError, PermanentError, PlatformRateLimitError } from '../../src/errors.js';
import { type Logger, systemClock, type Timer, type TimerClock } from '../../src/ports.js';
import { DIGEST_TICK_MS, deliverJobId, JOB_SCHEMAS, type JobName, type JobPayloads } from '../job-types.js';
import type { JobHandlers, JobRunner } from './job-runner.js';

export interface InProcessRunnerOptions {
  handlers: JobHandlers;
  log: Logger;
  concurrency?: number;
  /** Delivery attempts before giving up. */
  attempts?: number;
  /** The first retry waits this long; each next one twice as long. */
  backoffMs?: number;
  /** Poll each source once as soon as it is scheduled (and tick the digests at once). */
  pollOnStart?: boolean;
  /** Where schedules and retry waits take their time from; tests pass a clock they advance. */
  clock?: TimerClock;
  /** How often the digest tick runs (default DIGEST_TICK_MS). */
  digestTickMs?: number;
}

interface QueuedJob {
  id: string;
  name: JobName;
  payload: JobPayloads[JobName];
  attempt: number;
}

export function jobIdOf<K extends JobName>(name: K, payload: JobPayloads[K]): string {
  if (name === 'poll') return `poll-${(payload as JobPayloads['poll']).sourceId}`;
  if (name === 'digest-tick') return 'digest-tick';
  return deliverJobId(payload as JobPayloads['deliver']);
}

export function createInProcessRunner(options: InProcessRunnerOptions): JobRunner {
  const { handlers, log } = options;
  const concurrency = options.concurrency ?? 4;
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 1000;
  const clock = options.clock ?? systemClock;
  const queue: QueuedJob[] = [];
  const known = new Set<string>();
  const timers = new Map<string, { interval: number; timer: Timer }>();
  let digestTimer: Timer | null = null;
  const retryTimers = new Set<Timer>();
  const platformPausedUntil = new Map<string, number>();
  // A drain enqueued while the same one runs (new rows came in) runs again when it ends, like
  // BullMQ's deduplication with keepLastIfActive.
  const runningIds = new Set<string>();
  const again = new Map<string, QueuedJob>();
  let running = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const context = {
    enqueue: async <K extends JobName>(name: K, payload: JobPayloads[K]): Promise<void> => {
      if (closed) return;
      const parsed = JOB_SCHEMAS[name].parse(payload);
      const id = jobIdOf(name, parsed);
      if (name === 'deliver' && runningIds.has(id) && !again.has(id)) {
        again.set(id, { id, name, payload: parsed, attempt: 1 });
        return;
      }
      if (known.has(id)) return;
      known.add(id);
      queue.push({ id, name, payload: parsed, attempt: 1 });
      pump();
    },
  };

  function settleIdle(): void {
    if (running === 0 && queue.length === 0 && retryTimers.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function platformOf(job: QueuedJob): string | null {
    return job.name === 'deliver' ? (job.payload as JobPayloads['deliver']).channel.platform : null;
  }

  function retryLater(job: QueuedJob, delayMs: number): void {
    const timer = clock.setTimeout(() => {
      retryTimers.delete(timer);
      if (closed) return settleIdle();
      queue.push(job);
      pump();
    }, delayMs);
    retryTimers.add(timer);
  }

  function pump(): void {
    while (!closed && running < concurrency && queue.length > 0) {
      const index = queue.findIndex((job) => {
        const platform = platformOf(job);
        return !platform || (platformPausedUntil.get(platform) ?? 0) <= clock.now().getTime();
      });
      if (index < 0) {
        // Every waiting job is for a paused platform: look again when the first pause ends.
        const wake = Math.min(...platformPausedUntil.values()) - clock.now().getTime();
        const first = queue.shift();
        if (first) retryLater(first, Math.max(wake, 10));
        break;
      }
      const [job] = queue.splice(index, 1);
      if (job) void run(job);
    }
    settleIdle();
  }

  async function run(job: QueuedJob): Promise<void> {
    running++;
    runningIds.add(job.id);
    const handler = handlers[job.name] as
      | ((payload: JobPayloads[JobName], ctx: typeof context) => Promise<unknown>)
      | undefined;
    try {
      await handler?.(job.payload, context);
      known.delete(job.id);
    } catch (error) {
      const jobLog = log.child({ job: job.name, jobId: job.id, attempt: job.attempt });
      if (error instanceof PlatformRateLimitError) {
        platformPausedUntil.set(error.platform, clock.now().getTime() + error.retryAfterMs);
        jobLog.warn({ retryAfterMs: error.retryAfterMs }, 'platform rate limit: pausing its deliveries');
        retryLater(job, error.retryAfterMs);
      } else if (error instanceof PermanentError || job.attempt >= attempts || job.name !== 'deliver') {
        // A poll or a digest tick is not retried: the next one comes at its interval.
        known.delete(job.id);
        jobLog.error({ reason: describeError(error) }, 'job failed');
      } else {
        const delay = backoffMs * 2 ** (job.attempt - 1);
        jobLog.warn({ reason: describeError(error), retryInMs: delay }, 'job failed, will retry');
        retryLater({ ...job, attempt: job.attempt + 1 }, delay);
      }
    } finally {
      running--;
      runningIds.delete(job.id);
      const next = again.get(job.id);
      again.delete(job.id);
      if (next && !known.has(job.id) && !closed) {
        known.add(job.id);
        queue.push(next);
      }
      pump();
    }
  }

  function schedule(source: Source): void {
    const interval = source.intervalSeconds * 1000;
    const existing = timers.get(source.id);
    if (existing && existing.interval === interval) return;
    existing?.timer.cancel();
    const poll = () => void context.enqueue('poll', { sourceId: source.id });
    const timer = clock.setInterval(poll, interval);
    timers.set(source.id, { interval, timer });
    if (options.pollOnStart ?? true) poll();
  }

  return {
    ...context,
    async syncSchedules(sources) {
      if (closed) return;
      const wanted = new Set(sources.filter((source) => !source.paused).map((source) => source.id));
      for (const [id, entry] of timers) {
        if (!wanted.has(id)) {
          entry.timer.cancel();
          timers.delete(id);
        }
      }
      for (const source of sources) if (wanted.has(source.id)) schedule(source);
      if (handlers['digest-tick'] && !digestTimer) {
        const tick = () => void context.enqueue('digest-tick', {});
        digestTimer = clock.setInterval(tick, options.digestTickMs ?? DIGEST_TICK_MS);
        // Like the first poll: at once for `vigil run`, not for a one-shot command that syncs sources.
        if (options.pollOnStart ?? true) tick();
      }
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    async close() {
      closed = true;
      for (const { timer } of timers.values()) timer.cancel();
      timers.clear();
      digestTimer?.cancel();
      for (const timer of retryTimers) timer.cancel();
      retryTimers.clear();
      queue.length = 0;
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
