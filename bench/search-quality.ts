/**
 * Search quality on judged queries: loads the shared eval items into a fresh corpus through the
 * product's own path (normalise, classify, store), runs each query of
 * bench/search-quality/queries.json through the product's parser and store search, and prints
 * recall@10 and MRR per query kind and language, for each combination of search routes.
 *
 *   npm run bench -- search-quality [--quick] [--routes exact,stem,alias,name,concept|all]
 *                                   [--held-out] [--misses] [--eval DIR]
 *
 * Dev queries are what search may be tuned on; `--held-out` adds the held-out queries, to be
 * scored only at the end (see the split rule in queries.json). `--misses` lists, for the dev
 * queries only, the relevant items left out of the first ten and why. VIGIL_DB may name a PostgreSQL
 * server: the bench then works in a schema of its own and drops it at the end.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createCorpusStore, isPostgresUrl } from '../adapters/db/create-corpus-store.js';

import { classify } from '../src/classify/classify.js';
import type { CorpusStore, ItemInput } from '../src/corpus/corpus-store.js';
import { parseSearchQuery } from '../src/corpus/search-query.js';
import { normaliseItem } from '../src/feeds/normalise-item.js';
import { packageRoot } from '../src/paths.js';
import { LEXICON_LANGUAGES, type Lexicon, seedLexicon } from '../src/text/lexicon.js';
import { nameKey } from '../src/text/name-key.js';
import { analyseText } from '../src/text/tokenize.js';
import { printResult } from './_machine.js';
import { type GroupScore, scoreQuery, summarise } from './_search-quality-metrics.js';
import { printMisses } from './_search-quality-misses.js';
import { describeRoutes, parseRoutes, type SearchRoutes } from './_search-quality-routes.js';

interface EvalItem {
  id: string;
  lang: string;
  source: string;
  title: string;
  text: string;
}

interface JudgedQuery {
  id: string;
  query: string;
  kind: string;
  lang: string;
  split: 'dev' | 'held-out';
  relevant: string[];
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withHeldOut = args.includes('--held-out');
const misses = args.includes('--misses');
function option(name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}
const evalDir = option('--eval') ?? path.join(packageRoot, '..', 'shared', 'eval');
const routeSpecs = option('--routes')
  ? [option('--routes') as string]
  : quick
    ? ['exact,stem,alias', 'all']
    : ['exact,stem,alias', 'exact,stem,alias,name', 'exact,stem,alias,concept', 'all'];

function readJsonLines(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalItem);
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A made-up but fixed publication date per item (FNV-1a of the id over ~6.5 years). */
function publishedAt(id: string): string {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return new Date(Date.UTC(2019, 0, 1) + (hash % 2400) * 86_400_000 + (hash % 86_400) * 1000).toISOString();
}

const FETCHED_AT = '2026-01-01T00:00:00.000Z';

/** The item as `vigil ingest` would store it: normalised from feed-like HTML, then classified. */
function toInput(item: EvalItem): ItemInput {
  const result = normaliseItem(
    {
      guid: item.id,
      guidIsPermaLink: false,
      link: item.source,
      titleHtml: item.title === '' ? null : escapeHtml(item.title),
      bodyHtml: [
        item.text
          .split(/\n\s*\n/)
          .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
          .join(''),
      ],
      dates: [publishedAt(item.id)],
      language: null,
    },
    { baseUrl: null, feedLanguage: null, fetchedAt: FETCHED_AT },
  );
  if (!result.ok) throw new Error(`eval item ${item.id} was rejected: ${result.reason}`);
  const normalised = result.item;
  const classification = classify({
    title: normalised.title,
    text: normalised.text,
    language: normalised.language,
  });
  return { ...normalised, sourceId: 'eval', fetchedAt: FETCHED_AT, ...classification };
}

async function openStore(): Promise<{ store: CorpusStore; cleanup: () => Promise<void>; kind: string }> {
  const setting = process.env.VIGIL_DB;
  if (setting !== undefined && isPostgresUrl(setting)) {
    const schema = `bench_sq_${randomUUID().replaceAll('-', '')}`;
    const store = await createCorpusStore(setting, { schema });
    const cleanup = async () => {
      await store.close();
      const client = new pg.Client({ connectionString: setting });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    };
    return { store, cleanup, kind: 'postgres' };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-search-quality-'));
  const store = await createCorpusStore(path.join(dir, 'corpus.db'));
  const cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, cleanup, kind: 'sqlite' };
}

/**
 * How often the name key joins words today's keys keep apart, over the capitalised words of the
 * eval items that do not start a sentence (the words a name route would see).
 */
function nameKeyCollisions(items: readonly EvalItem[]) {
  const byKey = new Map<string, Set<string>>();
  const words = new Set<string>();
  for (const item of items) {
    for (const token of analyseText(`${item.title}\n${item.text}`)) {
      if (!token.capitalised || token.sentenceStart || token.acronym || token.surface.length < 3) continue;
      if (!/^[\p{Script=Latin}\p{Script=Cyrillic}]+$/u.test(token.surface)) continue;
      words.add(token.surface);
      const key = nameKey(token.surface);
      const termKeys = byKey.get(key) ?? new Set<string>();
      termKeys.add(token.key);
      byKey.set(key, termKeys);
    }
  }
  const joining = [...byKey.values()].filter((termKeys) => termKeys.size > 1).length;
  const long = [...byKey].filter(([key]) => key.length >= 5);
  const joiningLong = long.filter(([, termKeys]) => termKeys.size > 1).length;
  return {
    wordTypes: words.size,
    nameKeys: byKey.size,
    keysJoiningTermKeys: joining,
    joinRate: Math.round((joining / byKey.size) * 1000) / 1000,
    keysOf5Plus: long.length,
    joinRateOf5Plus: Math.round((joiningLong / Math.max(1, long.length)) * 1000) / 1000,
  };
}

function lexiconSizes(lexicon: Lexicon) {
  const perLanguage: Record<string, number> = {};
  for (const concept of lexicon.concepts) {
    for (const [language, words] of Object.entries(concept.words)) {
      perLanguage[language] = (perLanguage[language] ?? 0) + words.length;
    }
  }
  const required = Object.fromEntries(
    LEXICON_LANGUAGES.map((language) => [language, perLanguage[language] ?? 0]),
  );
  const others = Object.entries(perLanguage)
    .filter(([language]) => !(LEXICON_LANGUAGES as readonly string[]).includes(language))
    .reduce((sum, [, count]) => sum + count, 0);
  return { concepts: lexicon.concepts.length, words: required, otherLanguages: others };
}

async function runQueries(
  store: CorpusStore,
  queries: readonly JudgedQuery[],
  routes: SearchRoutes,
  idOf: ReadonlyMap<number, string>,
) {
  const scored: { groups: string[]; score: ReturnType<typeof scoreQuery> }[] = [];
  const perQuery: Record<string, { recallAt10: number; rr: number }> = {};
  for (const query of queries) {
    const parsed = parseSearchQuery(query.query);
    let results: string[] = [];
    if (parsed.ok) {
      const page = await store.search(
        parsed.query,
        { limit: 10, offset: 0 },
        { routes: { name: routes.name, concept: routes.concept } },
      );
      results = page.hits.map((hit) => idOf.get(hit.item.id) ?? '');
    }
    const score = scoreQuery(results, new Set(query.relevant));
    perQuery[query.id] = { recallAt10: score.recallAt10, rr: Math.round(score.reciprocalRank * 1000) / 1000 };
    scored.push({
      groups: [query.split, `${query.split}/${query.kind}`, `${query.split}/lang:${query.lang}`],
      score,
    });
  }
  return { groups: summarise(scored), perQuery };
}

function printTable(label: string, groups: Record<string, GroupScore>) {
  process.stdout.write(`\n${label}\n${'group'.padEnd(24)} ${'n'.padStart(3)}  recall@10    MRR\n`);
  for (const [group, score] of Object.entries(groups)) {
    process.stdout.write(
      `${group.padEnd(24)} ${String(score.queries).padStart(3)}  ${score.recallAt10.toFixed(3).padStart(9)}  ${score.mrr.toFixed(3).padStart(5)}\n`,
    );
  }
}

async function main(): Promise<void> {
  const items = ['classify-dev.jsonl', 'classify-train.jsonl'].flatMap((file) =>
    readJsonLines(path.join(evalDir, file)),
  );
  const judged = JSON.parse(
    readFileSync(new URL('./search-quality/queries.json', import.meta.url), 'utf8'),
  ) as {
    queries: JudgedQuery[];
  };
  if (misses && withHeldOut) throw new Error('--misses reads dev queries only: drop --held-out');
  const queries = judged.queries.filter((query) => withHeldOut || query.split === 'dev');
  const { store, cleanup, kind } = await openStore();
  try {
    const loadStart = performance.now();
    await store.addSource(
      { id: 'eval', name: 'Eval items', url: 'https://eval.invalid/feed', intervalSeconds: 600 },
      FETCHED_AT,
    );
    const inputs = items.map(toInput);
    const inserted = await store.insertItems(inputs);
    const idOf = new Map(inserted.map((result, index) => [result.id, (items[index] as EvalItem).id]));
    const loadMs = Math.round(performance.now() - loadStart);
    process.stdout.write(
      `search-quality: ${items.length} eval items into ${kind} in ${loadMs} ms; ${queries.length} queries ` +
        `(${withHeldOut ? 'dev and held-out' : 'dev only; --held-out adds the held-out part'})\n`,
    );
    if (misses) {
      await printMisses(store, queries, idOf);
      return;
    }
    const configs: Record<string, { groups: Record<string, GroupScore>; perQuery: Record<string, unknown> }> =
      {};
    for (const spec of routeSpecs) {
      const routes = parseRoutes(spec);
      const result = await runQueries(store, queries, routes, idOf);
      configs[describeRoutes(routes)] = result;
      printTable(`routes ${describeRoutes(routes)}`, result.groups);
    }
    const collisions = nameKeyCollisions(items);
    const lexicon = lexiconSizes(seedLexicon());
    process.stdout.write(
      `\nname key over ${collisions.wordTypes} capitalised word types: ${collisions.nameKeys} keys, ` +
        `${collisions.keysJoiningTermKeys} (${collisions.joinRate}) join words whose term keys differ ` +
        `(keys of 5+ letters: ${collisions.joinRateOf5Plus})\n` +
        `lexicon: ${lexicon.concepts} concepts; words ${JSON.stringify(lexicon.words)}, ${lexicon.otherLanguages} in other languages\n`,
    );
    printResult('search-quality', {
      store: kind,
      items: items.length,
      queries: queries.length,
      heldOut: withHeldOut,
      configs: Object.fromEntries(Object.entries(configs).map(([name, result]) => [name, result.groups])),
      nameKey: collisions,
      lexicon,
    });
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`search-quality: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
