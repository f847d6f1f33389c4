/** Both stores answer alike: random queries over the seed documents give the same page on each. */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { CorpusStore, ItemInput } from '../../src/corpus/corpus-store.js';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import { seedsPath } from '../../src/paths.js';
import { databaseUrl, hasPostgres } from '../helpers/services.js';
import { makeItem } from './corpus-store.contract.js';

const postgres = await hasPostgres();

function seedItems(): ItemInput[] {
  const dir = seedsPath('documents');
  const items: ItemInput[] = [];
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .forEach((name, fileIndex) => {
      const paragraphs = readFileSync(`${dir}/${name}`, 'utf8')
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph.length > 20);
      paragraphs.forEach((paragraph, n) => {
        const [title = '', ...rest] = paragraph.split(/(?<=[.!?])\s+/);
        items.push(
          makeItem({
            sourceId: `seed${fileIndex}`,
            title,
            text: rest.join(' '),
            labels: [['sanctions', 'prisoners', 'diplomacy'][n % 3] ?? 'sanctions'],
            language: fileIndex === 4 ? 'uk' : 'en',
            // Some share a date so the tie-break on id is exercised too.
            publishedAt: new Date(Date.UTC(2024, fileIndex, 1 + (n % 5))).toISOString(),
          }),
        );
      });
    });
  return items;
}

describe.skipIf(!postgres)('sqlite and postgres give the same results', () => {
  const schema = `vigil_test_${randomUUID().replaceAll('-', '')}`;
  let sqlite: CorpusStore;
  let postgresStore: CorpusStore;
  let words: string[] = [];

  beforeAll(async () => {
    sqlite = await createCorpusStore(':memory:');
    postgresStore = await createCorpusStore(databaseUrl, { schema });
    const items = seedItems();
    words = [
      ...new Set(items.flatMap((item) => `${item.title} ${item.text}`.match(/[\p{L}\p{N}]+/gu) ?? [])),
    ];
    await sqlite.insertItems(items);
    await postgresStore.insertItems(items);
  });

  afterAll(async () => {
    await sqlite?.close();
    await postgresStore?.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('for random queries over the seed documents', async () => {
    const word = fc.constantFrom(...words);
    const part = fc.oneof(
      { weight: 5, arbitrary: word },
      { weight: 1, arbitrary: word.map((w) => `-${w}`) },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`) },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `(${a} OR ${b})`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('topic:sanctions', 'lang:uk', 'since:2024-03-01', 'until:2024-02-03'),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('OR', 'sanctions', 'Лукашенко', 'Łukašenka', '"political prisoners"'),
      },
    );
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 4 }), async (parts) => {
        const parsed = parseSearchQuery(parts.join(' '));
        if (!parsed.ok) return;
        const page = { limit: 20, offset: 0 };
        const [a, b] = await Promise.all([
          sqlite.search(parsed.query, page),
          postgresStore.search(parsed.query, page),
        ]);
        const view = (hits: typeof a.hits) => hits.map((hit) => [hit.item.id, hit.snippet]);
        expect(view(b.hits), parts.join(' ')).toEqual(view(a.hits));
        expect(b.total).toBe(a.total);
        if (a.total > 0) nonEmpty += 1;
      }),
      { numRuns: 300 },
    );
    // The comparison means something only if many queries found items (typically 110-135 of 300).
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it('for the cross-script and cross-language examples', async () => {
    for (const text of [
      'Лукашенко',
      'Lukashenka',
      'Łukašenka',
      'sanctions',
      'санкції',
      '"political prisoners"',
    ]) {
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const [a, b] = await Promise.all([
        sqlite.search(parsed.query, { limit: 50, offset: 0 }),
        postgresStore.search(parsed.query, { limit: 50, offset: 0 }),
      ]);
      expect(a.total, text).toBeGreaterThan(0);
      expect(b.hits.map((hit) => hit.item.id)).toEqual(a.hits.map((hit) => hit.item.id));
    }
  });
});
