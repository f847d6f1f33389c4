/**
 * The digest tick, run every minute by either runner: for each channel with a schedule, the digest of
 * the latest scheduled time not after `clock.now()` is made once (the store's unique row decides
 * between workers and across restarts) and its channel's drain is asked for. Rules:
 * - a digest is due at its scheduled time and covers [the scheduled time before, that time);
 * - a scheduled time before the schedule was set is not sent;
 * - one missed while vigil was down is sent late, once, at the first tick before the next scheduled
 *   time; the ones before it are skipped (the latest covers the freshest period);
 * - a period with nothing new sends nothing, but is recorded as done (state `empty`).
 */
import type { DigestStore } from '../../src/corpus/digest-store.js';
import { digestCards } from '../../src/digests/digest-card.js';
import { dueAtOrBefore, periodEndingAt } from '../../src/digests/digest-schedule.js';
import { channelDigest, type DigestReader, SETTLE_MS } from '../../src/digests/read-digest.js';
import { describeError } from '../../src/errors.js';
import { findPlatform } from '../../src/platforms/registry.js';
import { type Clock, channelKey, type Logger } from '../../src/ports.js';
import type { JobContext } from '../job-types.js';

export interface DigestTickDeps {
  store: DigestStore & DigestReader;
  clock: Clock;
  log: Logger;
  /** The known topics, in order (a story goes under the channel's own topics first). */
  topics: readonly string[];
}

export interface DigestTickSummary {
  /** Digests made now and queued for sending. */
  queued: number;
  /** Periods found empty (recorded, nothing sent). */
  empty: number;
}

export async function digestTick(deps: DigestTickDeps, context: JobContext): Promise<DigestTickSummary> {
  const now = deps.clock.now();
  const summary: DigestTickSummary = { queued: 0, empty: 0 };
  for (const schedule of await deps.store.listDigestSchedules()) {
    const { channel } = schedule;
    const platform = findPlatform(channel.platform);
    const end = dueAtOrBefore(schedule, now);
    if (!platform || end.getTime() < Date.parse(schedule.since)) continue;
    if (await deps.store.hasDigest(channel, end)) continue;
    const log = deps.log.child({ channel: channelKey(channel), due: end.toISOString() });
    try {
      const period = periodEndingAt(schedule, end);
      const digest = await channelDigest(deps.store, channel, period, {
        timeZone: schedule.timeZone,
        topics: deps.topics,
        settleMs: SETTLE_MS,
      });
      const made = await deps.store.createDigest(
        channel,
        period,
        digestCards(digest, platform.limits.messageChars),
        now,
      );
      if (made === null) continue;
      if (made.state === 'empty') {
        summary.empty++;
        log.info({}, 'digest: nothing new in the period, none sent');
        continue;
      }
      summary.queued++;
      log.info({ stories: digest.stories, parts: made.parts.length }, 'digest made');
      await context.enqueue('deliver', { channel });
    } catch (error) {
      // One channel's failure does not hold up the others; the next tick tries again.
      log.error({ reason: describeError(error) }, 'digest not made');
    }
  }
  return summary;
}
