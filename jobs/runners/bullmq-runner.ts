/** Runs vigil's jobs on BullMQ over Redis with the in-process runner's semantics, across any number of processes. */
import { randomUUID } from 'node:crypto';
import { type Job, Queue, RateLimitError, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Source } from '../../src/corpus/corpus-store.js';
import { describeError, PermanentError, PlatformRateLimitError } from '../../src/errors.js';
import { platformNames } from '../../src/platforms/registry.js';
import type { Logger } from '../../src/ports.js';
import { boundedDelay } from '../../src/time/bounded-delay.js';
import {
  type DeliverPayload,
  DIGEST_TICK_MS,
  type DigestTickPayload,
  deliverJobId,
  JOB_SCHEMAS,
  type JobContext,
  type JobName,
  type JobPayloads,
  type PollPayload,
} from '../job-types.js';
import type { JobHandlers, JobRunner } from './job-runner.js';

/**
 * `scheduler` keeps the poll schedules in Redis, `worker` runs jobs, `all` does both, `bot` only
 * enqueues. Every role can enqueue.
 */
export type RunnerRole = 'all' | 'scheduler' | 'worker' | 'bot';

export interface BullmqRunnerOptions {
  redisUrl: string;
  handlers: JobHandlers;
  log: Logger;
  role: RunnerRole;
  /** Prefix of every Redis key the runner uses (BullMQ's `prefix`); tests use one each. */
  prefix?: string;
  /** Jobs this process runs at once, per queue. */
  concurrency?: number;
  /** Delivery attempts before giving up. */
  attempts?: number;
  /** The first retry waits this long; each next one twice as long. */
  backoffMs?: number;
  /** Deliveries per second per platform, across all workers (BullMQ's limiter is global per queue). */
  deliveriesPerSecond?: number;
  /** A job whose worker stops renewing its lock for this long is run again elsewhere. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired (a worker died). */
  stalledIntervalMs?: number;
  /** How often the digest tick runs (default DIGEST_TICK_MS). */
  digestTickMs?: number;
}

export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface BullmqRunner extends JobRunner {
  /** Job counts per queue, for /metrics. One round trip per queue. */
  queueDepth(): Promise<QueueDepth[]>;
  /** The queues themselves, for the admin dashboard (jobs/runners/queue-dashboard.ts). */
  queues(): readonly Queue[];
}

type AnyJob =
  | { name: 'poll'; payload: PollPayload }
  | { name: 'deliver'; payload: DeliverPayload }
  | { name: 'digest-tick'; payload: DigestTickPayload };

const POLL_QUEUE = 'vigil-poll';
const deliverQueueName = (platform: string) => `vigil-deliver-${platform}`;
/** The digest tick's scheduler, and its job id when enqueued by hand: one waits at a time. */
const DIGEST_TICK_ID = 'digest-tick';
/** A poll's manual job id and its scheduler id. BullMQ forbids ':' in custom ids. */
const pollId = (sourceId: string) => `poll-${sourceId.replace(/:/g, '_')}`;

const DAY_S = 24 * 3600;
// Polls are removed at once so the next `poll-<id>` can be queued as soon as one finished. What was
// delivered is in the store's outbox, not in Redis: finished drains are removed too.
const POLL_JOB_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: true } as const;
const KEEP_FAILED = { age: 30 * DAY_S, count: 1_000 };
// Producers keep ioredis' offline queue (a command issued while connecting or during a short Redis
// restart waits instead of failing), bounded so a Redis that stays down fails an enqueue after
// 20 reconnect attempts (about 10 s) instead of hanging the caller. `enableOfflineQueue: false`
// would fail every enqueue made before the first connect completes.
const PRODUCER_MAX_RETRIES = 20;
const IDLE_POLL_MS = 100;

const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const EXTEND_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function asJob<K extends JobName>(name: K, payload: JobPayloads[K]): AnyJob {
  return { name, payload } as AnyJob;
}

/**
 * Creates the runner. Queues: `vigil-poll` and one `vigil-deliver-<platform>` per platform, so a
 * 429 from one platform pauses only its queue. A poll's job id is `poll-<source>`: one waiting or
 * running is not queued twice. A drain (`deliver`) is deduplicated per channel and process
 * (`deliverJobId`): one waits, and one asked for while it runs is kept to run after it.
 * Scheduled polls come from BullMQ job schedulers, whose job ids we do not choose, so a short
 * Redis lock per source keeps two polls of one source from running at once on any workers.
 */
export function createBullmqRunner(options: BullmqRunnerOptions): BullmqRunner {
  const { handlers, role } = options;
  const log = options.log.child({ component: 'bullmq' });
  const prefix = options.prefix ?? 'vigil';
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 1000;
  const lockDurationMs = options.lockDurationMs ?? 30_000;
  const runsWorkers = role === 'worker' || role === 'all';
  const keepsSchedules = role === 'scheduler' || role === 'all';

  const producer = watchConnection(
    new Redis(options.redisUrl, { maxRetriesPerRequest: PRODUCER_MAX_RETRIES }),
    log.child({ connection: 'producer' }),
  );
  // Workers block on Redis and must wait out outages: BullMQ requires maxRetriesPerRequest null.
  const consumer = runsWorkers
    ? watchConnection(
        new Redis(options.redisUrl, { maxRetriesPerRequest: null }),
        log.child({ connection: 'worker' }),
      )
    : null;

  const pollQueue = new Queue(POLL_QUEUE, { connection: producer, prefix });
  // One delivery queue per platform registered when the runner is made (the composition root
  // registers them first).
  const deliverQueues = new Map(
    platformNames().map((platform) => [
      platform,
      new Queue(deliverQueueName(platform), { connection: producer, prefix }),
    ]),
  );
  const queues = [pollQueue, ...deliverQueues.values()];
  for (const queue of queues) {
    const warn = throttledWarn(log.child({ queue: queue.name }));
    queue.on('error', (error) => warn(error, 'queue error'));
  }

  let closed = false;
  let queuesClosed = false;
  const instance = randomUUID().slice(0, 8);

  const context: JobContext = {
    // Still open while close() lets running jobs finish: a poll's alerts must reach the queue.
    async enqueue(name, payload) {
      if (queuesClosed) {
        log.warn({ job: name }, 'enqueue after close: dropped');
        return;
      }
      const job = asJob(name, JOB_SCHEMAS[name].parse(payload));
      if (job.name === 'digest-tick') {
        await pollQueue.add(DIGEST_TICK_ID, job.payload, { ...POLL_JOB_OPTIONS, jobId: DIGEST_TICK_ID });
        return;
      }
      if (job.name === 'poll') {
        await pollQueue.add('poll', job.payload, {
          ...POLL_JOB_OPTIONS,
          jobId: pollId(job.payload.sourceId),
        });
        return;
      }
      // One drain per channel waiting, and one more kept when it is running (new rows came in).
      // Per process: a drain left active by a worker that was killed would otherwise hold the id until
      // BullMQ finds it stalled; the store's lease keeps drains of one channel from overlapping.
      await deliverQueueOf(job.payload.channel.platform).add('deliver', job.payload, {
        deduplication: { id: `${deliverJobId(job.payload)}-${instance}`, keepLastIfActive: true },
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: KEEP_FAILED,
      });
    },
  };

  function deliverQueueOf(platform: string): Queue {
    const queue = deliverQueues.get(platform);
    if (!queue) throw new PermanentError(`no delivery queue for platform ${platform}`);
    return queue;
  }

  async function runPoll(payload: PollPayload, jobLog: Logger): Promise<unknown> {
    if (!consumer) throw new Error('poll job outside a worker');
    const key = `${prefix}:poll-lock:${payload.sourceId}`;
    const token = randomUUID();
    if ((await consumer.set(key, token, 'PX', lockDurationMs, 'NX')) !== 'OK') {
      jobLog.debug({ sourceId: payload.sourceId }, 'poll already running elsewhere: skipped');
      return { sourceId: payload.sourceId, outcome: 'skipped', reason: 'a poll of this source is running' };
    }
    const renew = setInterval(
      () => {
        consumer.eval(EXTEND_LOCK, 1, key, token, lockDurationMs).catch((error: unknown) => {
          jobLog.warn({ sourceId: payload.sourceId, reason: describeError(error) }, 'poll lock not renewed');
        });
      },
      boundedDelay(lockDurationMs / 3, 1),
    );
    try {
      return await handlers.poll(payload, context);
    } finally {
      clearInterval(renew);
      // If this fails the lock still expires on its own after lockDurationMs.
      await consumer.eval(RELEASE_LOCK, 1, key, token).catch((error: unknown) => {
        jobLog.warn({ sourceId: payload.sourceId, reason: describeError(error) }, 'poll lock not released');
      });
    }
  }

  function processorFor(queue: Queue) {
    return async (job: Job): Promise<unknown> => {
      const jobLog = log.child({ queue: queue.name, job: job.name, jobId: job.id });
      if (job.name !== 'poll' && job.name !== 'deliver' && job.name !== 'digest-tick') {
        throw new UnrecoverableError(`unknown job ${job.name}`);
      }
      // A payload that does not parse will not parse on a retry either.
      const parsed = JOB_SCHEMAS[job.name].safeParse(job.data);
      if (!parsed.success) {
        throw new UnrecoverableError(`invalid ${job.name} payload: ${parsed.error.message}`);
      }
      const task = asJob(job.name, parsed.data);
      try {
        if (task.name === 'digest-tick') return await handlers['digest-tick']?.(task.payload, context);
        return task.name === 'poll'
          ? await runPoll(task.payload, jobLog)
          : await handlers.deliver(task.payload, context);
      } catch (error) {
        if (error instanceof PlatformRateLimitError) {
          // Pauses this platform's queue for every worker; the job goes back to waiting, no attempt used.
          await queue.rateLimit(error.retryAfterMs);
          jobLog.warn({ retryAfterMs: error.retryAfterMs }, 'platform rate limit: pausing its deliveries');
          throw new RateLimitError();
        }
        if (error instanceof PermanentError) throw new UnrecoverableError(describeError(error));
        throw error;
      }
    };
  }

  const workers: Worker[] = [];
  if (consumer) {
    const common = {
      connection: consumer,
      prefix,
      concurrency: options.concurrency ?? 4,
      lockDuration: lockDurationMs,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
    } satisfies WorkerOptions;
    const limiter = { max: options.deliveriesPerSecond ?? 20, duration: 1000 };
    for (const queue of queues) {
      const worker = new Worker(queue.name, processorFor(queue), {
        ...common,
        ...(queue === pollQueue ? {} : { limiter }),
      });
      watchWorker(worker, log.child({ queue: queue.name }));
      workers.push(worker);
    }
  }

  async function pendingIn(queue: Queue): Promise<number> {
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'waiting-children',
    );
    let pending = Object.values(counts).reduce((sum, count) => sum + count, 0);
    if (queue === pollQueue && (counts.delayed ?? 0) > 0) {
      // Each job scheduler always keeps its next run delayed: a run not yet due is not work to do.
      const now = Date.now();
      const delayed = await queue.getDelayed(0, -1);
      pending -= delayed.filter((job) => job.repeatJobKey && job.timestamp + job.delay > now).length;
    }
    return pending;
  }

  return {
    ...context,

    async syncSchedules(sources: readonly Source[]) {
      if (closed || !keepsSchedules) return;
      const wanted = new Map(
        sources.filter((source) => !source.paused).map((source) => [pollId(source.id), source] as const),
      );
      const existing = await pollQueue.getJobSchedulers(0, -1);
      for (const scheduler of existing) {
        if (scheduler.key.startsWith('poll-') && !wanted.has(scheduler.key)) {
          await pollQueue.removeJobScheduler(scheduler.key);
          log.info({ scheduler: scheduler.key }, 'poll schedule removed');
        }
      }
      const tickEvery = options.digestTickMs ?? DIGEST_TICK_MS;
      const tick = existing.find((scheduler) => scheduler.key === DIGEST_TICK_ID);
      if (handlers['digest-tick'] && Number(tick?.every) !== tickEvery) {
        // The tick's handler reads the time from its clock: the schedule only says how often to look.
        await pollQueue.upsertJobScheduler(
          DIGEST_TICK_ID,
          { every: tickEvery },
          { name: DIGEST_TICK_ID, data: {}, opts: POLL_JOB_OPTIONS },
        );
        log.info({ scheduler: DIGEST_TICK_ID, everyMs: tickEvery }, 'digest tick scheduled');
      }
      for (const [id, source] of wanted) {
        const every = source.intervalSeconds * 1000;
        const current = existing.find((scheduler) => scheduler.key === id);
        // Upserting an unchanged schedule would move its next run: only touch what changed.
        if (current && Number(current.every) === every && current.template?.data?.sourceId === source.id)
          continue;
        await pollQueue.upsertJobScheduler(
          id,
          { every },
          { name: 'poll', data: { sourceId: source.id }, opts: POLL_JOB_OPTIONS },
        );
        log.info(
          { scheduler: id, everyMs: every },
          current ? 'poll schedule changed' : 'poll schedule added',
        );
      }
    },

    async idle() {
      // Two quiet looks in a row: counts of several queues are not read atomically.
      let quiet = 0;
      while (!closed && quiet < 2) {
        let pending = 0;
        for (const queue of queues) pending += await pendingIn(queue);
        quiet = pending === 0 ? quiet + 1 : 0;
        if (quiet < 2) await sleep(IDLE_POLL_MS);
      }
    },

    queues: () => queues,
    async queueDepth() {
      return Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          return {
            queue: queue.name,
            waiting: counts.waiting ?? 0,
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
          };
        }),
      );
    },

    // Schedules live in Redis and are shared by every scheduler process: closing one leaves them.
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(workers.map((worker) => worker.close()));
      queuesClosed = true;
      await Promise.all(queues.map((queue) => queue.close()));
      await Promise.all([producer, consumer].map((connection) => connection && disconnect(connection)));
    },
  };
}

/**
 * Logs the first error of an outage and the reconnect, not every retry in between. A connection
 * can also drop and come back without any error (Redis restarted between two reconnect attempts),
 * so a close counts as an outage for the reconnect line too.
 */
function watchConnection(connection: Redis, log: Logger): Redis {
  let warned = false;
  let lost = false;
  connection.on('error', (error: Error) => {
    lost = true;
    if (warned) return;
    warned = true;
    log.warn({ reason: describeError(error) }, 'redis unreachable: reconnecting');
  });
  connection.on('close', () => {
    lost = true;
  });
  connection.on('ready', () => {
    if (!lost) return;
    lost = false;
    warned = false;
    log.info({}, 'redis reconnected');
  });
  return connection;
}

function watchWorker(worker: Worker, log: Logger): void {
  const warn = throttledWarn(log);
  worker.on('error', (error) => warn(error, 'worker error'));
  worker.on('stalled', (jobId) =>
    log.warn({ jobId }, 'job stalled (its worker died or blocked): running it again'),
  );
  worker.on('failed', (job, error) => {
    const jobLog = log.child({ job: job?.name, jobId: job?.id, attempt: job?.attemptsMade });
    const allowed = job?.opts.attempts ?? 1;
    if (!job || error instanceof UnrecoverableError || job.attemptsMade >= allowed) {
      jobLog.error({ reason: describeError(error) }, 'job failed');
    } else {
      jobLog.warn({ reason: describeError(error) }, 'job failed, will retry');
    }
  });
}

/** The same error repeated while Redis is down is logged once every 10 s. */
function throttledWarn(log: Logger): (error: Error, message: string) => void {
  const lastLogged = new Map<string, number>();
  return (error, message) => {
    const reason = describeError(error);
    const now = Date.now();
    if (now - (lastLogged.get(reason) ?? 0) < 10_000) return;
    lastLogged.set(reason, now);
    log.warn({ reason }, message);
  };
}

async function disconnect(connection: Redis): Promise<void> {
  // QUIT waits for Redis; a Redis that is down must not hold up shutdown.
  await Promise.race([connection.quit().catch(() => undefined), sleep(1000)]);
  connection.disconnect();
}
