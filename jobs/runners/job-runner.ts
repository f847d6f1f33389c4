/** What the composition root needs from a runner; BullMQ and in-process runners both provide it. */
import type { Source } from '../../src/corpus/corpus-store.js';
import type { JobContext, JobName, JobPayloads } from '../job-types.js';

type Handler<K extends JobName> = (payload: JobPayloads[K], context: JobContext) => Promise<unknown>;

/**
 * The job handlers, written once; runners only decide when and where they run. Without a
 * `digest-tick` handler, runners schedule no digest tick.
 */
export type JobHandlers = { [K in Exclude<JobName, 'digest-tick'>]: Handler<K> } & {
  'digest-tick'?: Handler<'digest-tick'>;
};

export interface JobRunner extends JobContext {
  /**
   * Keeps one repeating poll per unpaused source at its interval; removes the others. Also keeps the
   * repeating digest tick (when there is a handler for it).
   */
  syncSchedules(sources: readonly Source[]): Promise<void>;
  /** Resolves when nothing is queued or running (in-process) — used by `vigil poll --once`. */
  idle(): Promise<void>;
  /** Stops taking jobs, lets the ones in flight finish, clears schedules. */
  close(): Promise<void>;
}
