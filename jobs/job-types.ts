/** The jobs vigil runs, their names and payload schemas (zod), shared by both runners. */
import { z } from 'zod';
import { isRegisteredPlatform, unknownPlatformMessage } from '../src/platforms/registry.js';

export const PollPayload = z.object({
  sourceId: z.string().min(1),
  /** Poll even if the source's backoff says not yet (`vigil poll --once`). */
  force: z.boolean().optional(),
});
export type PollPayload = z.infer<typeof PollPayload>;

/** Drain one channel's outbox: send its pending deliveries in order, resolve the ones in doubt. */
export const DeliverPayload = z.object({
  channel: z.object({
    platform: z.string().superRefine((name, context) => {
      if (!isRegisteredPlatform(name))
        context.addIssue({ code: 'custom', message: unknownPlatformMessage(name) });
    }),
    channelId: z.string().min(1),
  }),
});
export type DeliverPayload = z.infer<typeof DeliverPayload>;

/** Make the digests that are due (jobs/handlers/digest-tick.ts); the handler reads the time from its clock. */
export const DigestTickPayload = z.object({});
export type DigestTickPayload = z.infer<typeof DigestTickPayload>;

export interface JobPayloads {
  poll: PollPayload;
  deliver: DeliverPayload;
  'digest-tick': DigestTickPayload;
}
export type JobName = keyof JobPayloads;

export const JOB_SCHEMAS: { [K in JobName]: z.ZodType<JobPayloads[K]> } = {
  poll: PollPayload,
  deliver: DeliverPayload,
  'digest-tick': DigestTickPayload,
};

/** How often the digest tick runs: a digest goes out within this long after its time. */
export const DIGEST_TICK_MS = 60_000;

/** One drain per channel at a time: its id. BullMQ forbids ':' in ids. */
export function deliverJobId(payload: DeliverPayload): string {
  return `deliver-${payload.channel.platform}-${payload.channel.channelId}`.replace(/:/g, '_');
}

/** Enqueues follow-up jobs; given to handlers so they never know which runner runs them. */
export interface JobContext {
  enqueue<K extends JobName>(name: K, payload: JobPayloads[K]): Promise<void>;
}
