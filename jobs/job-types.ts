/** The jobs vigil runs, their names and payload schemas (zod), shared by both runners. */
import { z } from 'zod';
import { isRegisteredPlatform, unknownPlatformMessage } from '../src/platforms/registry.js';

export const PollPayload = z.object({
  sourceId: z.string().min(1),
  /** Poll even if the source's backoff says not yet (`vigil poll --once`). */
  force: z.boolean().optional(),
});
export type PollPayload = z.infer<typeof PollPayload>;

export const DeliverPayload = z.object({
  itemId: z.number().int().positive(),
  channel: z.object({
    platform: z.string().superRefine((name, context) => {
      if (!isRegisteredPlatform(name))
        context.addIssue({ code: 'custom', message: unknownPlatformMessage(name) });
    }),
    channelId: z.string().min(1),
  }),
  reason: z.string(),
  /** Words of the item that matched a watch, shown with the topic evidence. */
  matchedTerms: z.array(z.string()).optional(),
  /** A digest: these items too, in one message (a burst past the channel's budget). */
  moreItemIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type DeliverPayload = z.infer<typeof DeliverPayload>;

export interface JobPayloads {
  poll: PollPayload;
  deliver: DeliverPayload;
}
export type JobName = keyof JobPayloads;

export const JOB_SCHEMAS: { [K in JobName]: z.ZodType<JobPayloads[K]> } = {
  poll: PollPayload,
  deliver: DeliverPayload,
};

/** A deterministic job id: the same delivery enqueued twice is one job. BullMQ forbids ':' in ids. */
export function deliverJobId(payload: DeliverPayload): string {
  const kind = payload.moreItemIds?.length ? `digest-${payload.moreItemIds.length}` : 'deliver';
  return `${kind}-${payload.itemId}-${payload.channel.platform}-${payload.channel.channelId}`.replace(
    /:/g,
    '_',
  );
}

/** Enqueues follow-up jobs; given to handlers so they never know which runner runs them. */
export interface JobContext {
  enqueue<K extends JobName>(name: K, payload: JobPayloads[K]): Promise<void>;
}
