/** Poll one source: fetch (conditional), parse, ingest, keep its health, enqueue the alerts it raises. */

import { DEFAULT_MAX_ALERT_AGE_HOURS, pollPolicy } from '../../src/alerts/match-alerts.js';
import {
  type HealthNotice,
  healthAuditKey,
  healthNoticeReply,
  healthTransition,
  type Rhythm,
  rhythmOf,
} from '../../src/alerts/source-health.js';
import type { Classification, ClassifyInput } from '../../src/classify/classification.js';
import type { Reply } from '../../src/commands/reply.js';
import type { AuditLog } from '../../src/corpus/audit-log.js';
import type { ItemSearch } from '../../src/corpus/item-search.js';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import type { Source, SourceCatalog, SourcePatch } from '../../src/corpus/source-catalog.js';
import { describeError, FeedError, publicReason } from '../../src/errors.js';
import { nextPollDelay } from '../../src/feeds/backoff.js';
import type { FetchOptions } from '../../src/feeds/fetch-feed.js';
import { type IngestDeps, ingestFeed } from '../../src/ingest/ingest-feed.js';
import type { Metrics } from '../../src/metrics.js';
import type { Clock, Logger } from '../../src/ports.js';
import { defaultReaders, type ReaderRegistry } from '../../src/sources/readers/reader-registry.js';
import type { ReadContext } from '../../src/sources/readers/source-reader.js';
import { type PoliteWeb, politeWebFor } from '../../src/sources/web/polite-web.js';
import type { JobContext, PollPayload } from '../job-types.js';

export interface PollDeps {
  store: SourceCatalog & AuditLog & IngestDeps['store'];
  classify: (input: ClassifyInput) => Classification;
  fetchOptions: FetchOptions;
  clock: Clock;
  log: Logger;
  metrics?: Metrics;
  /** New items dated further back than this do not alert (VIGIL_MAX_ALERT_AGE_HOURS; 48 h). */
  maxAlertAgeHours?: number;
  /** Tells the subscribed channels about a source's health (failing for a day, recovered). */
  announce?: (reply: Reply) => Promise<void>;
  /** kind → reader; the built-in kinds unless a caller registers more. */
  readers?: ReaderRegistry;
  /**
   * Polite fetching shared by every poll (robots.txt cache, one request at a time per host). Without
   * one, each poll gets its own on the real clock.
   */
  web?: PoliteWeb;
}

const builtIn = defaultReaders();

export interface PollSummary {
  sourceId: string;
  outcome: 'ok' | 'not-modified' | 'failed' | 'skipped';
  new: number;
  duplicate: number;
  rejected: number;
  alerts: number;
  /** Why it failed or was skipped, in words. */
  reason?: string;
}

export async function pollSource(
  payload: PollPayload,
  deps: PollDeps,
  jobs: JobContext,
): Promise<PollSummary> {
  const summary: PollSummary = {
    sourceId: payload.sourceId,
    outcome: 'skipped',
    new: 0,
    duplicate: 0,
    rejected: 0,
    alerts: 0,
  };
  const source = await deps.store.getSource(payload.sourceId);
  const log = deps.log.child({ component: 'poll', sourceId: payload.sourceId });
  const now = deps.clock.now();
  if (!source) return { ...summary, reason: 'no such source' };
  if (source.paused)
    return { ...summary, reason: `paused${source.pausedReason ? `: ${source.pausedReason}` : ''}` };
  const notBefore = source.health.nextPollAfter ? Date.parse(source.health.nextPollAfter) : 0;
  if (!payload.force && notBefore > now.getTime()) {
    return { ...summary, reason: `backing off until ${source.health.nextPollAfter}` };
  }
  try {
    const reading: ReadContext = {
      fetchOptions: deps.fetchOptions,
      clock: deps.clock,
      log,
      web: deps.web ?? politeWebFor(deps.fetchOptions, deps.clock),
      known: (guids) => deps.store.knownGuids(source.id, guids),
    };
    const result = await (deps.readers ?? builtIn).readerFor(source.kind).read(source, reading);
    if (result.notes.length > 0) {
      summary.reason = result.notes.join('; ');
      log.warn({ url: source.url, notes: result.notes }, 'source read with remarks');
    }
    if (result.status === 'not-modified') {
      await recordSuccess(deps.store, source, now, {});
      summary.outcome = 'not-modified';
    } else {
      const fetchedAt = now.toISOString();
      const policy = pollPolicy(source, now, deps.maxAlertAgeHours ?? DEFAULT_MAX_ALERT_AGE_HOURS);
      const ingest = await ingestFeed(source, result, fetchedAt, deps, policy);
      const { format, ...patch } = result.patch;
      await recordSuccess(deps.store, source, now, {
        ...patch,
        ...(source.format === null && format ? { format } : {}),
      });
      if (patch.url) log.info({ to: patch.url }, 'source moved permanently');
      // The deliveries are already in the outbox, committed with the items: these only wake the drains.
      for (const channel of ingest.channels) await jobs.enqueue('deliver', { channel });
      Object.assign(summary, {
        outcome: 'ok',
        new: ingest.new,
        duplicate: ingest.duplicate,
        rejected: ingest.rejected,
        alerts: ingest.alerts,
      });
      deps.metrics?.itemsNew.inc({ source: source.id }, ingest.new);
    }
  } catch (error) {
    const reason = describeError(error);
    summary.outcome = 'failed';
    summary.reason = reason;
    await recordFailure(deps.store, source, now, error);
    // An ordinary feed failure is one line naming the source and the reason; no stack trace.
    if (error instanceof FeedError) log.warn({ url: source.url, reason }, 'poll failed');
    else log.error({ url: source.url, err: error }, 'poll failed unexpectedly');
  }
  deps.metrics?.polls.inc({ source: source.id, outcome: summary.outcome });
  await tellHealth(source.id, now, deps, log);
  return summary;
}

/** Announces a health change once; the audit log remembers the last notice, across restarts. */
async function tellHealth(sourceId: string, now: Date, deps: PollDeps, log: Logger): Promise<void> {
  if (!deps.announce) return;
  const source = await deps.store.getSource(sourceId);
  if (!source) return;
  const key = healthAuditKey(sourceId);
  const [last] = await deps.store.listAudit({ limit: 1, channel: key });
  const lastNotice = (last?.details.notice as HealthNotice | undefined) ?? null;
  const rhythm = source.health.consecutiveFailures === 0 ? await recentRhythm(deps.store, sourceId) : null;
  const notice = healthTransition(source, lastNotice, now, rhythm);
  if (!notice) return;
  await deps.store.appendAudit({
    at: now.toISOString(),
    actor: 'vigil',
    action: `source.health-${notice}`,
    channel: key,
    details: {
      notice,
      consecutiveFailures: source.health.consecutiveFailures,
      lastError: source.health.lastError,
    },
  });
  log.warn({ notice, reason: source.health.lastError }, 'source health announced');
  try {
    await deps.announce(healthNoticeReply(source, notice, rhythm));
  } catch (error) {
    log.error({ reason: describeError(error) }, 'health notice not delivered');
  }
}

/** The publishing rhythm from the source's newest items (a filter-only search is newest first). */
async function recentRhythm(store: Pick<ItemSearch, 'search'>, sourceId: string): Promise<Rhythm | null> {
  const parsed = parseSearchQuery(`source:${sourceId}`);
  if (!parsed.ok) return null;
  const page = await store.search(parsed.query, { limit: 20, offset: 0 });
  return rhythmOf(page.hits.map((hit) => hit.item.publishedAt));
}

async function recordSuccess(
  store: SourceCatalog,
  source: Source,
  now: Date,
  patch: Pick<SourcePatch, 'etag' | 'lastModified' | 'url' | 'format' | 'settings'>,
): Promise<void> {
  await store.updateSource(source.id, {
    ...patch,
    health: {
      lastAttemptAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      consecutiveFailures: 0,
      lastError: null,
      nextPollAfter: null,
    },
  });
}

async function recordFailure(
  store: SourceCatalog & AuditLog,
  source: Source,
  now: Date,
  error: unknown,
): Promise<void> {
  const failures = source.health.consecutiveFailures + 1;
  // Stored reasons reach chat (`sources`, health notices): no internal addresses; the log has them all.
  const reason = publicReason(error);
  if (error instanceof FeedError && error.kind === 'gone') {
    await store.updateSource(source.id, {
      paused: true,
      pausedReason: `the feed is gone (410): ${reason}`,
      health: { lastAttemptAt: now.toISOString(), consecutiveFailures: failures, lastError: reason },
    });
    return;
  }
  const retryAfterMs = error instanceof FeedError ? error.details.retryAfterMs : undefined;
  const delayMs = nextPollDelay(failures, source.intervalSeconds, retryAfterMs, Math.random);
  await store.updateSource(source.id, {
    health: {
      lastAttemptAt: now.toISOString(),
      consecutiveFailures: failures,
      lastError: reason,
      nextPollAfter: new Date(now.getTime() + delayMs).toISOString(),
    },
  });
}
