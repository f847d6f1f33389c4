/** What the composition root needs from a runner; BullMQ and in-process runners both provide it. */
import type { Source } from '../../src/corpus/corpus-store.js';
import type { JobContext, JobName, JobPayloads } from '../job-types.js';

/** The job handlers, written once; runners only decide when and where they run. */
export type JobHandlers = {
  [K in JobName]: (payload: JobPayloads[K], context: JobContext) => Promise<unknown>;
};

export interface JobRunner extends JobContext {
  /** Keeps one repeating poll per unpaused source at its interval; removes the others. */
  syncSchedules(sources: readonly Source[]): Promise<void>;
  /** Resolves when nothing is queued or running (in-process) — used by `vigil poll --once`. */
  idle(): Promise<void>;
  /** Stops taking jobs, lets the ones in flight finish, clears schedules. */
  close(): Promise<void>;
}
