/**
 * Feed health told, not hidden: when a source has failed for a day the channels hear it once, and
 * once more when it recovers. Pure: decides from the source and the last notice given.
 */

import type { Reply } from '../commands/reply.js';
import type { Source } from '../corpus/corpus-store.js';

export const FAILING_FOR_MS = 24 * 60 * 60 * 1000;

export type HealthNotice = 'failing' | 'recovered';

/** The audit-log key under which health notices for a source are recorded. */
export function healthAuditKey(sourceId: string): string {
  return `source:${sourceId}`;
}

/**
 * `failing` when the source has failed without a success for FAILING_FOR_MS and the last notice
 * was not already `failing`; `recovered` after a success that follows a `failing` notice.
 */
export function healthTransition(
  source: Source,
  lastNotice: HealthNotice | null,
  now: Date,
): HealthNotice | null {
  const { consecutiveFailures, lastSuccessAt } = source.health;
  if (consecutiveFailures === 0) return lastNotice === 'failing' ? 'recovered' : null;
  if (lastNotice === 'failing' || source.paused) return null;
  const since = Date.parse(lastSuccessAt ?? source.addedAt);
  return now.getTime() - since >= FAILING_FOR_MS ? 'failing' : null;
}

export function healthNoticeReply(source: Source, notice: HealthNotice): Reply {
  if (notice === 'recovered') {
    return {
      title: `Source back: ${source.name}`,
      lines: [`${source.name} (${source.id}) is polled successfully again.`],
    };
  }
  const since = source.health.lastSuccessAt
    ? `since ${source.health.lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC`
    : 'since it was added';
  return {
    title: `Source failing: ${source.name}`,
    lines: [
      `${source.name} (${source.id}) has not been fetched ${since}: ${source.health.consecutiveFailures} failed polls.`,
      `Last error: ${source.health.lastError ?? 'unknown'}`,
      `Admins: check the address with \`sources\`, or \`source pause ${source.id}\`.`,
    ],
    isError: true,
  };
}
