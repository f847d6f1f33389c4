/**
 * Feed health told, not hidden: when a source has failed for a day, or stays silent far longer than
 * its usual rhythm, the channels hear it once, and once more when it recovers. Pure: decides from
 * the source, its publishing rhythm and the last notice given.
 */
import type { Reply } from '../commands/reply.js';
import type { Source } from '../corpus/corpus-store.js';

export const FAILING_FOR_MS = 24 * 60 * 60 * 1000;
/** A source is silent after this many of its usual gaps without an item, and never sooner than a day. */
export const SILENT_GAPS = 6;
/** Fewer recent items than this give no rhythm to judge by. */
export const MIN_ITEMS_FOR_RHYTHM = 5;

export type HealthNotice = 'failing' | 'silent' | 'recovered';

/** When the source published lately: its newest item and the median gap between recent items. */
export interface Rhythm {
  newestAt: string;
  medianGapMs: number;
}

/** The audit-log key under which health notices for a source are recorded. */
export function healthAuditKey(sourceId: string): string {
  return `source:${sourceId}`;
}

/** The rhythm of a source from its recent items' publication times (any order); null when too few. */
export function rhythmOf(publishedAt: readonly string[]): Rhythm | null {
  const times = publishedAt.map((at) => Date.parse(at)).filter((ms) => Number.isFinite(ms));
  if (times.length < MIN_ITEMS_FOR_RHYTHM) return null;
  times.sort((a, b) => b - a);
  const gaps = times.slice(1).map((time, index) => (times[index] ?? time) - time);
  gaps.sort((a, b) => a - b);
  const medianGapMs = gaps[Math.floor(gaps.length / 2)] ?? 0;
  return { newestAt: new Date(times[0] ?? 0).toISOString(), medianGapMs };
}

export function silentAfterMs(rhythm: Rhythm): number {
  return Math.max(SILENT_GAPS * rhythm.medianGapMs, FAILING_FOR_MS);
}

/**
 * The notice due now, if any: `failing` after a day of failed polls; `silent` when polls succeed but
 * nothing was published for SILENT_GAPS usual gaps; `recovered` when neither holds after one did.
 */
export function healthTransition(
  source: Source,
  lastNotice: HealthNotice | null,
  now: Date,
  rhythm: Rhythm | null = null,
): HealthNotice | null {
  if (source.paused) return null;
  const { consecutiveFailures, lastSuccessAt } = source.health;
  const failing =
    consecutiveFailures > 0 && now.getTime() - Date.parse(lastSuccessAt ?? source.addedAt) >= FAILING_FOR_MS;
  const silent =
    consecutiveFailures === 0 &&
    rhythm !== null &&
    now.getTime() - Date.parse(rhythm.newestAt) >= silentAfterMs(rhythm);
  const current: HealthNotice | null = failing ? 'failing' : silent ? 'silent' : null;
  if (current !== null) return current === lastNotice ? null : current;
  if (consecutiveFailures > 0) return null;
  return lastNotice === 'failing' || lastNotice === 'silent' ? 'recovered' : null;
}

const hours = (ms: number) =>
  ms >= 2 * 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 60_000)} min`;
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function healthNoticeReply(source: Source, notice: HealthNotice, rhythm: Rhythm | null = null): Reply {
  if (notice === 'recovered') {
    return {
      title: `Source back: ${source.name}`,
      lines: [`${source.name} (${source.id}) is working again.`],
    };
  }
  if (notice === 'silent') {
    return {
      title: `Source quiet: ${source.name}`,
      lines: [
        `${source.name} (${source.id}) answers but has published nothing since ${rhythm ? when(rhythm.newestAt) : 'a while'}${rhythm ? `; it usually publishes every ${hours(rhythm.medianGapMs)}` : ''}.`,
        'The feed address may have changed: check the outlet, then `source remove` and `source add` the new address.',
      ],
      isError: true,
    };
  }
  const since = source.health.lastSuccessAt
    ? `since ${when(source.health.lastSuccessAt)}`
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
