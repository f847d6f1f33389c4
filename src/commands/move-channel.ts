/** A chat changed its id (a Telegram group upgraded to a supergroup): its settings follow it. */
import type { AuditLog } from '../corpus/audit-log.js';
import type { ChannelSettings } from '../corpus/channel-settings.js';
import type { DigestStore } from '../corpus/digest-store.js';
import { describeSchedule } from '../digests/digest-schedule.js';
import type { ChannelRef, Clock } from '../ports.js';

export interface MoveChannelResult {
  moved: boolean;
  topics: string[];
}

type DigestSchedules = Pick<DigestStore, 'getDigestSchedule' | 'saveDigestSchedule' | 'removeDigestSchedule'>;

/**
 * Moves the old channel's digest schedule to the new id (unless it has one); what moved, or null.
 * It starts again from `now`: the digests already made belong to the old id, and the latest one
 * must not be made a second time for the new id.
 */
async function moveDigest(
  from: ChannelRef,
  to: ChannelRef,
  store: DigestSchedules,
  now: string,
): Promise<string | null> {
  const schedule = await store.getDigestSchedule(from);
  if (!schedule) return null;
  if (!(await store.getDigestSchedule(to)))
    await store.saveDigestSchedule({ ...schedule, channel: to, since: now });
  await store.removeDigestSchedule(from);
  return describeSchedule(schedule);
}

/**
 * Copies the old channel's topics, sources and languages onto the new id (merged with any it has),
 * and its digest schedule; clears the old one's topics so nothing is sent there again, and audits
 * it. Idempotent.
 */
export async function moveChannel(
  from: ChannelRef,
  to: ChannelRef,
  deps: { store: ChannelSettings & AuditLog & DigestSchedules; clock: Clock },
  actor: string,
): Promise<MoveChannelResult> {
  const now = deps.clock.now().toISOString();
  const digest = await moveDigest(from, to, deps.store, now);
  const old = await deps.store.getChannel(from);
  if (old === null || old.topics.length === 0) {
    if (digest === null) return { moved: false, topics: [] };
    await deps.store.appendAudit({
      at: now,
      actor,
      action: 'channel.move',
      channel: `${to.platform}:${to.channelId}`,
      details: { before: { channel: `${from.platform}:${from.channelId}` }, after: { digest } },
    });
    return { moved: true, topics: [] };
  }
  const current = await deps.store.getChannel(to);
  const union = (a: string[], b: string[] = []) => [...new Set([...b, ...a])];
  const after = await deps.store.saveChannel(
    {
      ...to,
      topics: union(old.topics, current?.topics),
      sources: union(old.sources, current?.sources),
      languages: union(old.languages, current?.languages),
    },
    now,
  );
  await deps.store.saveChannel({ ...from, topics: [], sources: old.sources, languages: old.languages }, now);
  await deps.store.appendAudit({
    at: now,
    actor,
    action: 'channel.move',
    channel: `${to.platform}:${to.channelId}`,
    details: {
      before: { channel: `${from.platform}:${from.channelId}`, topics: old.topics },
      after: { topics: after.topics, ...(digest ? { digest } : {}) },
    },
  });
  return { moved: true, topics: after.topics };
}
