/**
 * The source catalogue's actions, one use case each, shared by the command line and chat: each holds
 * the validation (address rules, interval limits, all checked before any network call), the change,
 * the audit entry and the nudge to the scheduler. Adapters only translate requests and results.
 */
import type { AuditLog } from '../corpus/audit-log.js';
import type { NewSource, Source, SourceCatalog } from '../corpus/source-catalog.js';
import { describeError, publicReason, VigilError } from '../errors.js';
import type { NormalisedItem } from '../feeds/feed-item.js';
import type { FetchOptions } from '../feeds/fetch-feed.js';
import type { Clock, Logger } from '../ports.js';
import {
  type DiscoverContext,
  type DiscoveredSource,
  type DiscoverOptions,
  discoverSource,
} from './discovery/discover-source.js';
import type { OpmlOutline } from './opml.js';
import {
  clampInterval,
  DEFAULT_INTERVAL_SECONDS,
  type IntervalLimits,
  intervalLimits,
  intervalProblem,
} from './poll-interval.js';
import { MAX_NEW_ARTICLES_PER_POLL, readNewArticles } from './readers/article/read-new-articles.js';
import { compilePattern } from './readers/page/article-pattern.js';
import { checkSourceAddress, displayAddress } from './source-address.js';
import { slugify, uniqueId } from './source-id.js';
import { type PoliteWeb, politeWebFor } from './web/polite-web.js';

export interface SourceCatalogDeps {
  store: SourceCatalog & AuditLog;
  clock: Clock;
  fetchOptions: FetchOptions;
  /** The lowest interval accepted (VIGIL_MIN_INTERVAL); default 60 s. */
  minIntervalSeconds?: number;
  log?: Logger;
  /**
   * The scheduler port: called after every change so polling follows at once (a new source gets its
   * first poll). A failure is logged; the change stands and the scheduler's periodic re-read follows.
   */
  sourcesChanged?: () => Promise<void>;
  /** How the source behind an address is found; discoverSource unless a test stands in for the network. */
  discover?: (url: string, context: DiscoverContext, options: DiscoverOptions) => Promise<DiscoveredSource>;
  /** Polite fetching (robots.txt, one request at a time per host); one on the real clock by default. */
  web?: PoliteWeb;
}

/** Who asked, as the audit log names them: `cli`, `telegram:42`; and in which channel, if any. */
export interface Actor {
  actor: string;
  channel: string | null;
}

export type SourceProblemCode =
  | 'invalid-address'
  | 'invalid-interval'
  | 'invalid-pattern'
  | 'no-feed'
  | 'already-present'
  | 'not-found';

export interface SourceProblem {
  code: SourceProblemCode;
  /** Safe to show in chat: names what is wrong, never internal addresses. */
  message: string;
  /** The full reason, for the operator's command line and the log. */
  detail?: string;
  /** With `already-present`: the source that has this address. */
  existing?: Source;
}

export type SourceResult<T> = ({ ok: true } & T) | { ok: false; problem: SourceProblem };

export interface AddSourceRequest {
  /** A feed or site address; a bare host is taken as https. */
  url: string;
  name?: string;
  intervalSeconds?: number;
  /** `--articles REGEX`: the address is a listing (or a sitemap) whose article addresses match this. */
  articlePattern?: string;
}

const fail = (code: SourceProblemCode, message: string, more: Partial<SourceProblem> = {}) =>
  ({ ok: false, problem: { code, message, ...more } }) as const;

function limitsOf(deps: SourceCatalogDeps): IntervalLimits {
  return intervalLimits(deps.minIntervalSeconds);
}

function defaultInterval(deps: SourceCatalogDeps): number {
  return clampInterval(DEFAULT_INTERVAL_SECONDS, limitsOf(deps));
}

/** The interval flag's problem, or null; checked before any network call. */
export function checkInterval(deps: SourceCatalogDeps, seconds: number | undefined): SourceProblem | null {
  if (seconds === undefined) return null;
  const problem = intervalProblem(seconds, limitsOf(deps));
  return problem ? { code: 'invalid-interval', message: `--interval ${problem}` } : null;
}

async function audit(
  deps: SourceCatalogDeps,
  who: Actor,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.store.appendAudit({
    at: deps.clock.now().toISOString(),
    actor: who.actor,
    action,
    channel: who.channel,
    details,
  });
}

async function notifyScheduler(deps: SourceCatalogDeps): Promise<void> {
  try {
    await deps.sourcesChanged?.();
  } catch (error) {
    deps.log?.warn({ reason: describeError(error) }, 'source change not scheduled at once');
  }
}

/**
 * `sources add` / `source add`: checks the address and interval, finds the feed (the one network
 * step), stores the source, audits it and asks the scheduler for its first poll.
 */
export async function addSource(
  deps: SourceCatalogDeps,
  who: Actor,
  request: AddSourceRequest,
): Promise<SourceResult<{ source: Source; found: DiscoveredSource }>> {
  const checked = checkAddRequest(deps, request);
  if (!checked.ok) return checked;
  const discovered = await discover(deps, checked.url, request);
  if (!discovered.ok) return discovered;
  const { found } = discovered;

  const existing = await deps.store.listSources();
  const same = existing.find((source) => source.url === found.url);
  if (same) return fail('already-present', `${found.url} is already a source`, { existing: same });

  const name = cleanName(request.name ?? '') || cleanName(found.title) || new URL(found.url).hostname;
  let source: Source;
  try {
    source = await deps.store.addSource(
      {
        id: uniqueId(slugify(name), new Set(existing.map((s) => s.id))),
        name,
        url: found.url,
        siteUrl: checked.url === found.url ? null : checked.url,
        kind: found.kind,
        format: found.format,
        settings: found.settings,
        intervalSeconds: request.intervalSeconds ?? defaultInterval(deps),
      },
      deps.clock.now().toISOString(),
    );
  } catch (error) {
    // Someone added the same source between our check and the insert.
    if (error instanceof VigilError && error.code === 'duplicate-source') {
      return fail('already-present', `${found.url} was just added by someone else`);
    }
    throw error;
  }
  await audit(deps, who, 'source.add', { before: null, after: source });
  await notifyScheduler(deps);
  return { ok: true, source, found };
}

/** `sources test URL`: what `add` would choose and the first items it would read; stores nothing. */
export async function testSource(
  deps: SourceCatalogDeps,
  request: AddSourceRequest,
  limit = 3,
): Promise<SourceResult<{ found: DiscoveredSource; items: NormalisedItem[]; notes: string[] }>> {
  const checked = checkAddRequest(deps, request);
  if (!checked.ok) return checked;
  const discovered = await discover(deps, checked.url, request);
  if (!discovered.ok) return discovered;
  const { found } = discovered;
  if (found.items.length > 0 || found.articleUrls.length === 0) {
    return { ok: true, found, items: found.items.slice(0, limit), notes: [] };
  }
  const read = await readNewArticles(
    found.articleUrls.slice(0, Math.min(limit, MAX_NEW_ARTICLES_PER_POLL)).map((url) => ({ url })),
    { ...readContext(deps), known: async () => new Set<string>() },
    limit,
  ).catch((error: unknown) => ({ items: [], rejected: [], notes: [publicReason(error)] }));
  return { ok: true, found, items: read.items, notes: read.notes };
}

/** The address, interval and pattern checks `add` and `test` make before any network call. */
function checkAddRequest(
  deps: SourceCatalogDeps,
  request: AddSourceRequest,
): { ok: true; url: string } | { ok: false; problem: SourceProblem } {
  const address = checkSourceAddress(request.url, deps.fetchOptions);
  if (!address.ok) {
    return fail(
      'invalid-address',
      `could not add ${displayAddress(request.url)}: the address ${address.problem}`,
    );
  }
  const badInterval = checkInterval(deps, request.intervalSeconds);
  if (badInterval) return { ok: false, problem: badInterval };
  if (request.articlePattern !== undefined) {
    try {
      compilePattern(request.articlePattern);
    } catch (error) {
      return fail('invalid-pattern', `--articles: ${(error as Error).message}`);
    }
  }
  return { ok: true, url: address.url };
}

function readContext(deps: SourceCatalogDeps): DiscoverContext {
  const log = deps.log ?? silentLog;
  return {
    fetchOptions: deps.fetchOptions,
    clock: deps.clock,
    log,
    web: deps.web ?? politeWebFor(deps.fetchOptions, deps.clock),
  };
}

/** The one network step of `add`: the feed, API, sitemap or listing behind an address. */
async function discover(
  deps: SourceCatalogDeps,
  url: string,
  request: AddSourceRequest,
): Promise<SourceResult<{ found: DiscoveredSource }>> {
  try {
    const options = request.articlePattern === undefined ? {} : { articlePattern: request.articlePattern };
    const found = await (deps.discover ?? discoverSource)(url, readContext(deps), options);
    deps.log?.info({ url, kind: found.kind, chosen: found.url, why: found.why }, 'source found');
    return { ok: true, found };
  } catch (error) {
    deps.log?.info({ url, reason: describeError(error) }, 'source add: nothing to read found');
    return fail('no-feed', `could not add ${url}: ${publicReason(error)}`, {
      detail: `could not add ${url}: ${describeError(error)}`,
    });
  }
}

const silentLog: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLog,
};

/** `sources remove` / `source remove`: the source goes, its items stay in the corpus. */
export async function removeSource(
  deps: SourceCatalogDeps,
  who: Actor,
  id: string,
): Promise<SourceResult<{ source: Source }>> {
  const before = await deps.store.getSource(id);
  if (before === null || !(await deps.store.removeSource(id))) return notFound(id);
  await audit(deps, who, 'source.remove', { before, after: null });
  await notifyScheduler(deps);
  return { ok: true, source: before };
}

/** `source pause|resume`: `changed` is false when it already was so (nothing is audited then). */
export async function setSourcePaused(
  deps: SourceCatalogDeps,
  who: Actor,
  id: string,
  paused: boolean,
): Promise<SourceResult<{ source: Source; changed: boolean }>> {
  const before = await deps.store.getSource(id);
  if (before === null) return notFound(id);
  if (before.paused === paused) return { ok: true, source: before, changed: false };
  const after = await deps.store.updateSource(id, {
    paused,
    pausedReason: paused ? `paused by ${who.actor}` : null,
  });
  if (after === null) return notFound(id);
  await audit(deps, who, paused ? 'source.pause' : 'source.resume', {
    before: { paused: before.paused, pausedReason: before.pausedReason },
    after: { paused: after.paused, pausedReason: after.pausedReason },
  });
  await notifyScheduler(deps);
  return { ok: true, source: after, changed: true };
}

export interface ImportReport {
  added: Source[];
  /** Outlines whose address is already a source. */
  present: number;
  /** Outlines refused, with why. */
  skipped: { title: string; url: string; reason: string }[];
}

/**
 * `sources import FILE.opml`: every outline's address is checked by the rules of `sources add`; the
 * feeds themselves are read by their first poll (an import makes no network call).
 */
export async function importSources(
  deps: SourceCatalogDeps,
  who: Actor,
  outlines: readonly OpmlOutline[],
  options: { file: string; intervalSeconds?: number },
): Promise<SourceResult<{ report: ImportReport }>> {
  const badInterval = checkInterval(deps, options.intervalSeconds);
  if (badInterval) return { ok: false, problem: badInterval };
  const existing = await deps.store.listSources();
  const ids = new Set(existing.map((source) => source.id));
  const urls = new Set(existing.map((source) => source.url));
  const report: ImportReport = { added: [], present: 0, skipped: [] };
  const now = deps.clock.now().toISOString();
  for (const outline of outlines) {
    const address = checkSourceAddress(outline.xmlUrl, deps.fetchOptions);
    const siteUrl = outline.htmlUrl ? checkSourceAddress(outline.htmlUrl, deps.fetchOptions) : null;
    if (!address.ok) {
      report.skipped.push({
        title: outline.title,
        url: displayAddress(outline.xmlUrl),
        reason: `the feed address ${address.problem}`,
      });
      continue;
    }
    if (urls.has(address.url)) {
      report.present++;
      continue;
    }
    const name = cleanName(outline.title) || new URL(address.url).hostname;
    const id = uniqueId(slugify(name), ids);
    const source = await deps.store.addSource(
      {
        id,
        name,
        url: address.url,
        siteUrl: siteUrl?.ok ? siteUrl.url : null,
        intervalSeconds: options.intervalSeconds ?? defaultInterval(deps),
      },
      now,
    );
    ids.add(id);
    urls.add(address.url);
    report.added.push(source);
  }
  await audit(deps, who, 'source.import', {
    file: options.file,
    added: report.added.length,
    skipped: report.skipped.length,
  });
  if (report.added.length > 0) await notifyScheduler(deps);
  return { ok: true, report };
}

/**
 * A fresh corpus (no sources, nothing in the audit log) gets the catalogue (VIGIL_SOURCES, already
 * validated by parseCatalogue with the same rules); later starts leave the sources as admins made
 * them, even if they removed every one. Returns how many were added (0 when the corpus was not new).
 */
export async function loadCatalogueOnFirstStart(
  deps: SourceCatalogDeps,
  file: string,
  sources: () => NewSource[],
): Promise<number> {
  if ((await deps.store.listSources()).length > 0) return 0;
  if ((await deps.store.listAudit({ limit: 1 })).length > 0) return 0;
  const entries = sources();
  const now = deps.clock.now().toISOString();
  for (const source of entries) await deps.store.addSource(source, now);
  await audit(deps, { actor: 'vigil', channel: null }, 'sources.load-catalogue', {
    file,
    count: entries.length,
  });
  deps.log?.info({ file, count: entries.length }, 'source catalogue loaded');
  return entries.length;
}

/**
 * Rows stored before intervals were bounded (or with a lower VIGIL_MIN_INTERVAL) are moved into the
 * allowed range, each change logged and audited. Returns the sources changed.
 */
export async function clampStoredIntervals(deps: SourceCatalogDeps): Promise<Source[]> {
  const limits = limitsOf(deps);
  const changed: Source[] = [];
  for (const source of await deps.store.listSources()) {
    const wanted = clampInterval(source.intervalSeconds, limits);
    if (wanted === source.intervalSeconds) continue;
    const after = await deps.store.updateSource(source.id, { intervalSeconds: wanted });
    if (!after) continue;
    deps.log?.warn(
      { sourceId: source.id, from: source.intervalSeconds, to: wanted },
      'poll interval out of range: clamped',
    );
    await audit(deps, { actor: 'vigil', channel: null }, 'source.clamp-interval', {
      id: source.id,
      before: source.intervalSeconds,
      after: wanted,
    });
    changed.push(after);
  }
  return changed;
}

function notFound(id: string) {
  return fail('not-found', `there is no source "${id.slice(0, 60)}"`);
}

/** A display name from a feed or outline title: one line, at most 80 characters. */
function cleanName(text: string): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = [...clean];
  return chars.length <= 80 ? clean : `${chars.slice(0, 79).join('').trimEnd()}…`;
}
