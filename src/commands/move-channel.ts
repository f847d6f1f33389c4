/** A chat changed its id (a Telegram group upgraded to a supergroup): its settings follow it. */
import type { AuditLog } from '../corpus/audit-log.js';
import type { ChannelSettings } from '../corpus/channel-settings.js';
import type { ChannelRef, Clock } from '../ports.js';

export interface MoveChannelResult {
  moved: boolean;
  topics: string[];
}

/**
 * Copies the old channel's topics, sources and languages onto the new id (merged with any it has),
 * clears the old one's topics so nothing is sent there again, and audits it. Idempotent.
 */
export async function moveChannel(
  from: ChannelRef,
  to: ChannelRef,
  deps: { store: ChannelSettings & AuditLog; clock: Clock },
  actor: string,
): Promise<MoveChannelResult> {
  const old = await deps.store.getChannel(from);
  if (old === null || old.topics.length === 0) return { moved: false, topics: [] };
  const now = deps.clock.now().toISOString();
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
      after: { topics: after.topics },
    },
  });
  return { moved: true, topics: after.topics };
}
