/** `vigil sources list|add|remove|import|export`: the source catalogue from the command line. */
import { readFileSync } from 'node:fs';
import type { AuditLog } from '../../../src/corpus/audit-log.js';
import type { Source, SourceCatalog } from '../../../src/corpus/source-catalog.js';
import { describeError } from '../../../src/errors.js';
import { discoverFeed } from '../../../src/feeds/discover-feed.js';
import type { FetchOptions } from '../../../src/feeds/fetch-feed.js';
import { parseOpml, renderOpml } from '../../../src/sources/opml.js';
import { slugify, uniqueId } from '../../../src/sources/source-id.js';
import { CliError, print, printError } from '../output.js';

const CLI_ACTOR = 'cli';

function health(source: Source): string {
  if (source.paused) return `paused${source.pausedReason ? `: ${source.pausedReason}` : ''}`;
  const { lastSuccessAt, consecutiveFailures, lastError } = source.health;
  if (consecutiveFailures > 0) return `failing ×${consecutiveFailures}: ${lastError ?? 'unknown error'}`;
  return lastSuccessAt
    ? `ok, last success ${lastSuccessAt.slice(0, 16).replace('T', ' ')}`
    : 'not polled yet';
}

export async function listSources(store: SourceCatalog, json: boolean): Promise<number> {
  const sources = await store.listSources();
  if (json) {
    print(JSON.stringify(sources, null, 2));
    return 0;
  }
  if (sources.length === 0) print('no sources (add one: vigil sources add URL)');
  for (const source of sources) {
    print(
      `${source.id}  ${source.name}\n    ${source.url}  every ${source.intervalSeconds} s  ${health(source)}`,
    );
  }
  return 0;
}

export async function addSource(
  store: SourceCatalog & AuditLog,
  url: string,
  options: { name?: string; interval: number; fetchOptions: FetchOptions; now: Date },
): Promise<number> {
  let found: Awaited<ReturnType<typeof discoverFeed>>;
  try {
    found = await discoverFeed(url, options.fetchOptions);
  } catch (error) {
    throw new CliError(`cannot add ${url}: ${describeError(error)}`);
  }
  const existing = await store.listSources();
  if (existing.some((source) => source.url === found.feedUrl)) {
    throw new CliError(`${found.feedUrl} is already a source`);
  }
  const name = options.name ?? (found.title || new URL(found.feedUrl).hostname);
  const id = uniqueId(slugify(name), new Set(existing.map((source) => source.id)));
  const source = await store.addSource(
    {
      id,
      name,
      url: found.feedUrl,
      siteUrl: url === found.feedUrl ? null : url,
      format: found.kind,
      intervalSeconds: options.interval,
    },
    options.now.toISOString(),
  );
  await store.appendAudit({
    at: options.now.toISOString(),
    actor: CLI_ACTOR,
    action: 'source.add',
    channel: null,
    details: { after: source },
  });
  print(`added ${source.id}: ${source.name} (${source.url}), polled every ${source.intervalSeconds} s`);
  return 0;
}

export async function removeSource(store: SourceCatalog & AuditLog, id: string, now: Date): Promise<number> {
  const before = await store.getSource(id);
  if (!before || !(await store.removeSource(id)))
    throw new CliError(`no source with id "${id}" (see: vigil sources list)`);
  await store.appendAudit({
    at: now.toISOString(),
    actor: CLI_ACTOR,
    action: 'source.remove',
    channel: null,
    details: { before },
  });
  print(`removed ${id}`);
  return 0;
}

export async function importOpml(
  store: SourceCatalog & AuditLog,
  file: string,
  interval: number,
  now: Date,
): Promise<number> {
  let outlines: ReturnType<typeof parseOpml>;
  try {
    outlines = parseOpml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot import ${file}: ${describeError(error)}`);
  }
  const existing = await store.listSources();
  const ids = new Set(existing.map((source) => source.id));
  const urls = new Set(existing.map((source) => source.url));
  let added = 0;
  let invalid = 0;
  for (const outline of outlines) {
    if (urls.has(outline.xmlUrl)) continue;
    if (!/^https?:\/\//i.test(outline.xmlUrl)) {
      invalid++;
      printError(`${file}: skipped "${outline.title}": feed address ${outline.xmlUrl} is not http(s)`);
      continue;
    }
    const id = uniqueId(slugify(outline.title), ids);
    await store.addSource(
      { id, name: outline.title, url: outline.xmlUrl, siteUrl: outline.htmlUrl, intervalSeconds: interval },
      now.toISOString(),
    );
    ids.add(id);
    urls.add(outline.xmlUrl);
    added++;
  }
  await store.appendAudit({
    at: now.toISOString(),
    actor: CLI_ACTOR,
    action: 'source.import',
    channel: null,
    details: { file, added },
  });
  print(
    `${file}: ${added} sources added, ${outlines.length - added - invalid} already present, ${invalid} skipped`,
  );
  return invalid > 0 ? 1 : 0;
}

export async function exportOpml(store: SourceCatalog, now: Date): Promise<number> {
  print(renderOpml(await store.listSources(), now));
  return 0;
}
