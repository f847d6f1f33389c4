/** Search latency over a large corpus: every query shape must answer well under a second. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { CorpusStore, ItemInput } from '../../src/corpus/corpus-store.js';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import { databaseUrl, hasPostgres } from '../helpers/services.js';
import { makeItem } from './corpus-store.contract.js';

// 20k keeps `npm test` quick; the 100k:
// VIGIL_PERF_ITEMS=100000 npx vitest run test/integration/corpus-performance.test.ts (timings go to stderr).
const ITEMS = Number(process.env.VIGIL_PERF_ITEMS ?? 20_000);
const BUDGET_MS = 1000;
const postgres = await hasPostgres();

const common =
  'the of and to in a on for with was at by from said that is has have it as be are new after'.split(' ');
const topical = [
  'potash',
  'sanctions',
  'Belaruskali',
  'Lukashenka',
  'prisoners',
  'Viasna',
  'Minsk',
  'Vilnius',
  'embassy',
  'ambassador',
  'санкции',
  'политзаключенные',
  'Лукашенко',
  'sankcje',
  'więźniowie',
  'Ryanair',
  'court',
  'detained',
  'released',
  'pardon',
  'EU',
  'OSCE',
  'talks',
  'border',
  'Poland',
  'Lithuania',
  'exports',
  'fertiliser',
  'Klaipeda',
];

/** A deterministic generator: the same corpus on every run. */
function* corpus(count: number): Generator<ItemInput> {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const rare = Array.from({ length: 20_000 }, (_, n) => `w${n.toString(36)}`);
  const word = () => {
    const roll = random();
    if (roll < 0.45) return common[Math.floor(random() * common.length)];
    if (roll < 0.5) return topical[Math.floor(random() * topical.length)];
    // Zipf-like: low indexes far more often.
    return rare[Math.floor(rare.length * random() ** 3)];
  };
  const sentence = (words: number) => Array.from({ length: words }, word).join(' ');
  const start = Date.parse('2020-01-01T00:00:00Z');
  const labels = ['sanctions', 'prisoners', 'diplomacy'];
  for (let n = 0; n < count; n += 1) {
    yield makeItem({
      sourceId: `source${n % 40}`,
      guid: `perf-${n}`,
      title: sentence(8),
      text: `${sentence(40)}. ${sentence(40)}.`,
      publishedAt: new Date(start + n * 600_000).toISOString(),
      language: (['en', 'ru', 'pl', 'be'] as const)[n % 4] ?? null,
      labels: random() < 0.3 ? [labels[n % 3] ?? 'sanctions'] : [],
    });
  }
}

const queries = [
  'potash',
  'sanctions',
  'the',
  'potash sanctions Lukashenka',
  '"political prisoners"',
  '"potash sanctions"',
  'Ryanair OR Belaruskali -court',
  '(embassy OR ambassador) talks topic:diplomacy',
  'Лукашенко since:2021-01-01 until:2021-12-31',
  'w1 w2',
  'wzzzzz',
  '-the',
  'topic:prisoners lang:ru',
  'source:source7',
];

function describePerformance(
  name: string,
  open: () => Promise<{ store: CorpusStore; cleanup(): Promise<void> }>,
) {
  describe(`search over ${ITEMS} items: ${name}`, () => {
    let handle: { store: CorpusStore; cleanup(): Promise<void> };
    beforeAll(async () => {
      handle = await open();
      const started = performance.now();
      let batch: ItemInput[] = [];
      for (const item of corpus(ITEMS)) {
        batch.push(item);
        if (batch.length === 1000) {
          await handle.store.insertItems(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await handle.store.insertItems(batch);
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`[perf ${name}] inserted ${ITEMS} items in ${seconds.toFixed(1)} s\n`);
    }, 600_000);
    afterAll(async () => {
      await handle?.cleanup();
    });

    it('answers every query shape well under a second', async () => {
      const lines: string[] = [];
      for (const text of queries) {
        const parsed = parseSearchQuery(text);
        if (!parsed.ok) throw new Error(parsed.error);
        await handle.store.search(parsed.query, { limit: 10, offset: 0 });
        const started = performance.now();
        const page = await handle.store.search(parsed.query, { limit: 10, offset: 0 });
        const ms = performance.now() - started;
        lines.push(`${ms.toFixed(1).padStart(7)} ms  ${String(page.total).padStart(6)} hits  ${text}`);
        expect(ms, text).toBeLessThan(BUDGET_MS);
      }
      process.stderr.write(`[perf ${name}] search, 10 per page, warm:\n${lines.join('\n')}\n`);
    });
  });
}

describePerformance('sqlite', async () => {
  const store = await createCorpusStore(':memory:');
  return { store, cleanup: () => store.close() };
});

describe.skipIf(!postgres)('postgres', () => {
  describePerformance('postgres', async () => {
    const schema = `vigil_test_${randomUUID().replaceAll('-', '')}`;
    const store = await createCorpusStore(databaseUrl, { schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
    };
  });
});
