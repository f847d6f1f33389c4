/**
 * Search latency over a generated corpus (design.md's benchmark contract; issue 14 builds on it).
 *
 * npm run bench -- search [--quick] [--items N] [--runs N]
 * Store: VIGIL_DB as the product reads it (a `postgres://` URL gets a fresh schema, dropped after),
 * else a new SQLite file in a temp folder. Items: 100,000 with --quick, else 1,000,000.
 * Prints per query the median and p95 of warm runs, then one JSON line with p95 per query kind.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createCorpusStore, isPostgresUrl } from '../adapters/db/create-corpus-store.js';
import type { CorpusStore, ItemInput } from '../src/corpus/corpus-store.js';
import { parseSearchQuery } from '../src/corpus/search-query.js';
import { printResult } from './_machine.js';

const args = process.argv.slice(2);
const option = (name: string): number | null => {
  const index = args.indexOf(name);
  return index < 0 ? null : Number(args[index + 1]);
};
const quick = args.includes('--quick');
const ITEMS = option('--items') ?? (quick ? 100_000 : 1_000_000);
const RUNS = option('--runs') ?? 20;

type Kind = 'rare' | 'common' | 'phrase' | 'crossScript' | 'filter';

/** Each query with the kind issue 14 reports it under. */
const QUERIES: [Kind, string][] = [
  ['rare', 'wzzzzz'],
  ['rare', 'w1 w2'],
  ['rare', 'Ryanair OR Belaruskali -court'],
  ['common', 'the'],
  ['common', 'potash'],
  ['common', 'sanctions'],
  ['common', 'potash sanctions Lukashenka'],
  ['common', '-the'],
  ['phrase', '"political prisoners"'],
  ['phrase', '"potash sanctions"'],
  ['crossScript', 'Лукашенко'],
  ['crossScript', 'Łukašenka since:2021-01-01 until:2021-12-31'],
  ['filter', '(embassy OR ambassador) talks topic:diplomacy'],
  ['filter', 'topic:prisoners lang:ru'],
  ['filter', 'source:source7'],
];

const COMMON =
  'the of and to in a on for with was at by from said that is has have it as be are new after'.split(' ');
const TOPICAL = (
  'potash sanctions Belaruskali Lukashenka prisoners Viasna Minsk Vilnius embassy ambassador санкции ' +
  'политзаключенные Лукашенко sankcje więźniowie Ryanair court detained released pardon EU OSCE talks ' +
  'border Poland Lithuania exports fertiliser Klaipeda'
).split(' ');

/** A deterministic corpus: the same items on every run and every store. */
function* corpus(count: number): Generator<ItemInput> {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const rare = Array.from({ length: 20_000 }, (_, n) => `w${n.toString(36)}`);
  const word = () => {
    const roll = random();
    if (roll < 0.45) return COMMON[Math.floor(random() * COMMON.length)];
    if (roll < 0.5) return TOPICAL[Math.floor(random() * TOPICAL.length)];
    // Zipf-like: low indexes far more often.
    return rare[Math.floor(rare.length * random() ** 3)];
  };
  const sentence = (words: number) => Array.from({ length: words }, word).join(' ');
  const start = Date.parse('2020-01-01T00:00:00Z');
  const labels = ['sanctions', 'prisoners', 'diplomacy'];
  for (let n = 0; n < count; n += 1) {
    const title = sentence(8);
    const text = `${sentence(40)}. ${sentence(40)}.`;
    yield {
      sourceId: `source${n % 40}`,
      guid: `bench-${n}`,
      url: `https://example.org/news/${n}`,
      title,
      text,
      publishedAt: new Date(start + n * 600_000).toISOString(),
      publishedAtEstimated: false,
      fetchedAt: new Date(start + n * 600_000 + 60_000).toISOString(),
      language: (['en', 'ru', 'pl', 'be'] as const)[n % 4] ?? null,
      labels: random() < 0.3 ? [labels[n % 3] ?? 'sanctions'] : [],
      scores: { sanctions: 0, prisoners: 0, diplomacy: 0 },
      evidence: [],
      contentHash: `bench-${n}`,
    };
  }
}

interface Opened {
  store: CorpusStore;
  name: string;
  bytes(): Promise<number>;
  /** Runs after the inserts, before any query is timed. */
  settle?(): Promise<void>;
  cleanup(): Promise<void>;
}

async function open(): Promise<Opened> {
  const setting = process.env.VIGIL_DB;
  if (setting && isPostgresUrl(setting)) {
    const schema = `vigil_bench_${randomUUID().replaceAll('-', '')}`;
    const store = await createCorpusStore(setting, { schema });
    const sql = async <T>(text: string): Promise<T[]> => {
      const client = new pg.Client({ connectionString: setting });
      await client.connect();
      try {
        return (await client.query(text)).rows as T[];
      } finally {
        await client.end();
      }
    };
    return {
      store,
      name: 'postgres',
      // As autovacuum would have by the time a corpus grew this big: plans need current statistics.
      settle: async () => void (await sql(`ANALYZE "${schema}".items`)),
      bytes: async () => {
        const [row] = await sql<{ n: string }>(
          `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS n FROM pg_class c
           JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = '${schema}' AND c.relkind = 'r'`,
        );
        return Number(row?.n ?? 0);
      },
      cleanup: async () => {
        await store.close();
        await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      },
    };
  }
  // A SQLite path must be new: the benchmark fills it, then removes it (it never touches other data).
  if (setting && existsSync(setting)) throw new Error(`VIGIL_DB=${setting} exists: name a new file`);
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-search-'));
  const file = setting || path.join(dir, 'vigil.db');
  const store = await createCorpusStore(file);
  const size = (name: string) => {
    try {
      return statSync(name).size;
    } catch {
      return 0;
    }
  };
  return {
    store,
    name: 'sqlite',
    bytes: async () => size(file) + size(`${file}-wal`),
    cleanup: async () => {
      await store.close();
      for (const name of [dir, file, `${file}-wal`, `${file}-shm`])
        rmSync(name, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main(): Promise<void> {
  const opened = await open();
  try {
    const started = performance.now();
    let batch: ItemInput[] = [];
    for (const item of corpus(ITEMS)) {
      batch.push(item);
      if (batch.length === 1000) {
        await opened.store.insertItems(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await opened.store.insertItems(batch);
    const insertSeconds = (performance.now() - started) / 1000;
    await opened.settle?.();
    const bytes = await opened.bytes();
    process.stdout.write(
      `${opened.name}: ${ITEMS} items inserted in ${insertSeconds.toFixed(1)} s ` +
        `(${Math.round(ITEMS / insertSeconds)} items/s), ${(bytes / 2 ** 20).toFixed(0)} MiB; ${RUNS} warm runs per query\n`,
    );
    process.stdout.write(
      `${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'hits'.padStart(8)}  kind         query\n`,
    );
    const byKind = new Map<Kind, number[]>();
    const perQuery: Record<string, number> = {};
    for (const [kind, text] of QUERIES) {
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
      const page = { limit: 10, offset: 0 };
      const { total } = await opened.store.search(parsed.query, page);
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const t = performance.now();
        await opened.store.search(parsed.query, page);
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ...samples]);
      perQuery[text] = Math.round(percentile(samples, 95) * 10) / 10;
      process.stdout.write(
        `${percentile(samples, 50).toFixed(1).padStart(9)} ${percentile(samples, 95).toFixed(1).padStart(9)} ` +
          `${String(total).padStart(8)}  ${kind.padEnd(12)} ${text}\n`,
      );
    }
    const p95Ms = Object.fromEntries(
      [...byKind].map(([kind, samples]) => [
        kind,
        Math.round(
          percentile(
            [...samples].sort((a, b) => a - b),
            95,
          ) * 10,
        ) / 10,
      ]),
    );
    printResult('search', {
      store: opened.name,
      items: ITEMS,
      insertPerSecond: Math.round(ITEMS / insertSeconds),
      databaseMiB: Math.round(bytes / 2 ** 20),
      p95Ms,
      perQueryP95Ms: perQuery,
    });
  } finally {
    await opened.cleanup();
  }
}

await main();
