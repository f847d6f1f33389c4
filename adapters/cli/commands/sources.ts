/** `vigil sources list|add|remove|import|export`: the source use cases from the command line. */
import { readFileSync } from 'node:fs';
import type { Config } from '../../../src/config/config.js';
import type { CorpusStore, Source } from '../../../src/corpus/corpus-store.js';
import { describeError } from '../../../src/errors.js';
import { type Logger, systemClock } from '../../../src/ports.js';
import { parseOpml, renderOpml } from '../../../src/sources/opml.js';
import {
  type Actor,
  addSource,
  importSources,
  removeSource,
  type SourceCatalogDeps,
  type SourceProblem,
  testSource,
} from '../../../src/sources/source-use-cases.js';
import { CliError, print, printError, printJson } from '../output.js';

const CLI: Actor = { actor: 'cli', channel: null };

export interface SourcesContext {
  store: CorpusStore;
  config: Readonly<Config>;
  logger(): Promise<Logger>;
}

function health(source: Source): string {
  if (source.paused) return `paused${source.pausedReason ? `: ${source.pausedReason}` : ''}`;
  const { lastSuccessAt, consecutiveFailures, lastError } = source.health;
  if (consecutiveFailures > 0) return `failing ×${consecutiveFailures}: ${lastError ?? 'unknown error'}`;
  return lastSuccessAt
    ? `ok, last success ${lastSuccessAt.slice(0, 16).replace('T', ' ')}`
    : 'not polled yet';
}

/** A wrong flag or argument is a command-line error (exit 2); the rest is bad input (exit 1). */
function toCliError(problem: SourceProblem): CliError {
  const usage =
    problem.code === 'invalid-address' ||
    problem.code === 'invalid-interval' ||
    problem.code === 'invalid-pattern';
  return new CliError(problem.detail ?? problem.message, usage ? 2 : 1);
}

/**
 * The use cases' dependencies. With REDIS_URL the scheduler port writes the poll schedules to Redis
 * at once (BullMQ, loaded only then); in-process, a running `vigil run` re-reads the sources within
 * 30 s and polls a new one then.
 */
async function catalog(
  context: SourcesContext,
): Promise<{ deps: SourceCatalogDeps; close(): Promise<void> }> {
  const { store, config } = context;
  const log = await context.logger();
  const deps: SourceCatalogDeps = {
    store,
    clock: systemClock,
    fetchOptions: { allowPrivate: config.allowPrivateFeeds },
    minIntervalSeconds: config.minIntervalSeconds,
    log,
  };
  if (!config.redisUrl) return { deps, close: async () => undefined };
  const { createBullmqRunner } = await import('../../../jobs/runners/bullmq-runner.js');
  const notHere = async () => {
    throw new Error('the command line only writes schedules; workers run the jobs');
  };
  const runner = createBullmqRunner({
    redisUrl: config.redisUrl,
    role: 'scheduler',
    log,
    handlers: { poll: notHere, deliver: notHere },
  });
  deps.sourcesChanged = async () => runner.syncSchedules(await store.listSources());
  return { deps, close: () => runner.close() };
}

async function withCatalog<T>(context: SourcesContext, task: (deps: SourceCatalogDeps) => Promise<T>) {
  const { deps, close } = await catalog(context);
  try {
    return await task(deps);
  } finally {
    await close();
  }
}

export async function listSources(store: CorpusStore, json: boolean): Promise<number> {
  const sources = await store.listSources();
  if (json) {
    printJson(sources, 2);
    return 0;
  }
  if (sources.length === 0) print('no sources (add one: vigil sources add URL)');
  for (const source of sources) {
    const pattern = source.settings.articlePattern ? `  articles ${source.settings.articlePattern}` : '';
    print(
      `${source.id}  ${source.name}  [${source.kind}]\n    ${source.url}${pattern}  every ${source.intervalSeconds} s  ${health(source)}`,
    );
  }
  return 0;
}

export async function addSourceCommand(
  context: SourcesContext,
  url: string,
  options: { name?: string; interval?: number; articles?: string },
): Promise<number> {
  const result = await withCatalog(context, (deps) =>
    addSource(deps, CLI, {
      url,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.interval === undefined ? {} : { intervalSeconds: options.interval }),
      ...(options.articles === undefined ? {} : { articlePattern: options.articles }),
    }),
  );
  if (!result.ok) throw toCliError(result.problem);
  const { source, found } = result;
  print(
    `added ${source.id}: ${source.name} (${source.kind} ${source.url}), polled every ${source.intervalSeconds} s`,
  );
  print(`    why: ${found.why}`);
  if (source.settings.articlePattern) print(`    article pattern: ${source.settings.articlePattern}`);
  return 0;
}

export async function testSourceCommand(
  context: SourcesContext,
  url: string,
  options: { articles?: string; json?: boolean },
): Promise<number> {
  const result = await withCatalog(context, (deps) =>
    testSource(deps, {
      url,
      ...(options.articles === undefined ? {} : { articlePattern: options.articles }),
    }),
  );
  if (!result.ok) throw toCliError(result.problem);
  const { found, items, notes } = result;
  const pattern = found.settings.articlePattern ?? null;
  if (options.json) {
    printJson(
      {
        kind: found.kind,
        url: found.url,
        articlePattern: pattern,
        why: found.why,
        tried: found.tried,
        items,
        notes,
      },
      2,
    );
    return 0;
  }
  print(`kind: ${found.kind}\naddress: ${found.url}`);
  if (pattern) print(`article pattern: ${pattern}`);
  print(`why: ${found.why}`);
  for (const step of found.tried) print(`  tried: ${step}`);
  for (const item of items) {
    print(
      `- ${item.publishedAt.slice(0, 16).replace('T', ' ')}  ${item.title}\n    ${item.url ?? item.guid}\n    ${item.text.slice(0, 160).replace(/\s+/g, ' ')}`,
    );
  }
  for (const note of notes) printError(`note: ${note}`);
  return 0;
}

export async function removeSourceCommand(context: SourcesContext, id: string): Promise<number> {
  const result = await withCatalog(context, (deps) => removeSource(deps, CLI, id));
  if (!result.ok) throw new CliError(`${result.problem.message} (see: vigil sources list)`);
  print(`removed ${id}`);
  return 0;
}

export async function importOpmlCommand(
  context: SourcesContext,
  file: string,
  interval: number | undefined,
): Promise<number> {
  let outlines: ReturnType<typeof parseOpml>;
  try {
    outlines = parseOpml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot import ${file}: ${describeError(error)}`);
  }
  const result = await withCatalog(context, (deps) =>
    importSources(deps, CLI, outlines, {
      file,
      ...(interval === undefined ? {} : { intervalSeconds: interval }),
    }),
  );
  if (!result.ok) throw toCliError(result.problem);
  const { added, present, skipped } = result.report;
  for (const skip of skipped) printError(`${file}: skipped "${skip.title}": ${skip.reason}`);
  print(`${file}: ${added.length} sources added, ${present} already present, ${skipped.length} skipped`);
  return skipped.length > 0 ? 1 : 0;
}

export async function exportOpml(store: Pick<CorpusStore, 'listSources'>, now: Date): Promise<number> {
  print(renderOpml(await store.listSources(), now));
  return 0;
}
