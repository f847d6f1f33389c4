/** `digest` (the last day for this chat, now), and the admin's `digest daily|weekly …` / `digest off`, audited. */

import { digestBlocks, digestTimeOf } from '../../digests/digest-card.js';
import { type DigestSchedule, describeSchedule, dueAfter } from '../../digests/digest-schedule.js';
import { channelDigest, lastDay } from '../../digests/read-digest.js';
import type { Reply } from '../reply.js';
import { type HandlerContext, withPrefix } from './context.js';

/** `daily at 09:00 (Europe/Minsk); next: 5 Dec 09:00`, or null without a schedule. */
export async function scheduleLine(context: HandlerContext): Promise<string | null> {
  const schedule = await context.deps.store.getDigestSchedule(context.request.channel);
  if (!schedule) return null;
  return `${describeSchedule(schedule)}; next: ${digestTimeOf(dueAfter(schedule, context.now), schedule.timeZone)}`;
}

export async function handleDigest(context: HandlerContext): Promise<Reply> {
  const schedule = await context.deps.store.getDigestSchedule(context.request.channel);
  const digest = await channelDigest(context.deps.store, context.request.channel, lastDay(context.now), {
    timeZone: schedule?.timeZone ?? 'UTC',
    topics: context.deps.topics,
  });
  const scheduled = await scheduleLine(context);
  const example = withPrefix('digest daily 09:00 Europe/Minsk', context.request.channel.platform)[0];
  const footer = scheduled
    ? `Scheduled digest: ${scheduled}.`
    : `No scheduled digest; an admin can set one, e.g. ${example}`;
  if (digest.stories === 0) {
    return {
      title: 'Digest of the last 24 hours',
      lines: ['Nothing new for this chat in the last 24 hours (its topics and watches).', footer],
    };
  }
  return { lines: [], blocks: [...digestBlocks(digest), { type: 'text', text: footer }], public: true };
}

async function audit(context: HandlerContext, before: string | null, after: string | null): Promise<void> {
  await context.deps.store.appendAudit({
    at: context.now.toISOString(),
    actor: context.actor,
    action: 'channel.digest',
    channel: context.channel,
    details: { before: { digest: before ?? 'off' }, after: { digest: after ?? 'off' } },
  });
}

export async function handleDigestSet(context: HandlerContext, schedule: DigestSchedule): Promise<Reply> {
  const channel = context.request.channel;
  const before = await context.deps.store.getDigestSchedule(channel);
  const after = describeSchedule(schedule);
  if (before && describeSchedule(before) === after)
    return { lines: [`This chat already gets a digest ${after}; nothing changed.`] };
  await context.deps.store.saveDigestSchedule({
    channel,
    ...schedule,
    since: context.now.toISOString(),
    author: context.actor,
  });
  await audit(context, before ? describeSchedule(before) : null, after);
  const next = dueAfter(schedule, context.now);
  const settings = await context.deps.store.getChannel(channel);
  const watches = await context.deps.store.listWatches(channel);
  const follows = (settings?.topics.length ?? 0) > 0 || watches.length > 0;
  return {
    public: true,
    lines: [
      `This chat now gets a digest ${after}: the stories of its topics and watches since the one before. The next: ${digestTimeOf(next, schedule.timeZone)} (${next.toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
      follows
        ? 'A period with nothing new sends nothing.'
        : 'This chat follows no topic or watch yet, so its digests are empty (and are not sent) until it does.',
    ],
  };
}

export async function handleDigestOff(context: HandlerContext): Promise<Reply> {
  const before = await context.deps.store.getDigestSchedule(context.request.channel);
  if (!before || !(await context.deps.store.removeDigestSchedule(context.request.channel)))
    return { lines: ['This chat has no scheduled digest; nothing changed.'] };
  await audit(context, describeSchedule(before), null);
  return { public: true, lines: [`Scheduled digests stopped (it was ${describeSchedule(before)}).`] };
}
