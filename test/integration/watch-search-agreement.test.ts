/**
 * One grammar, one meaning: over random expressions and random items, a watch matches an item
 * exactly when a search of the same expression, over a real store holding the item, returns it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import { compileQuery, matchWatch } from '../../src/watches/compile-watch.js';
import { parseWatch } from '../../src/watches/watch-expression.js';
import { watchSubject } from '../../src/watches/watch-subject.js';
import { hasPostgres } from '../helpers/services.js';
import { makeItem } from './corpus-store.contract.js';
import { openPostgresStore, openSqliteStore, type TestStore } from './helpers/test-stores.js';

const postgres = await hasPostgres();

/** Words in several scripts and forms that the text path joins (Łukašenka ~ Лукашенко, калий ~ potash). */
const WORDS = [
  'potash',
  'калий',
  'калия',
  'sanctions',
  'санкциями',
  'sankcje',
  'Łukašenka',
  'Лукашенко',
  'Lukashenko',
  'Ryanair',
  'football',
  'EU-Belarus',
  'prisoners',
  'палітвязні',
  'Belaruskali',
  'exports',
  '2024',
  'Minsk',
];
const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];
const SOURCES = ['charter97', 'nasha-niva', 'zerkalo'];
const QUOTES: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
];

const word = fc.constantFrom(...WORDS);

/** An expression written the ways people write them: both exclusion forms, any quotes, brackets. */
const expression: fc.Arbitrary<string> = fc.letrec<{ node: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(
    { weight: 5, arbitrary: word },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(word, { minLength: 2, maxLength: 3 }), fc.constantFrom(...QUOTES))
        .map(([words, [open, close]]) => `${open}${words.join(' ')}${close}`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...TOPICS).map((topic) => `topic:${topic}`) },
    { weight: 1, arbitrary: fc.constantFrom(...SOURCES).map((source) => `source:${source}`) },
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: tie('leaf') },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.array(tie('node'), { minLength: 2, maxLength: 3 }), fc.constantFrom(' ', ' AND '))
        .map(([parts, joiner]) => parts.map((part) => `(${part})`).join(joiner)),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(tie('node'), { minLength: 2, maxLength: 3 })
        .map((parts) => parts.map((part) => `(${part})`).join(' OR ')),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(tie('node'), fc.constantFrom('-', 'NOT ')).map(([part, not]) => `${not}(${part})`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie('leaf'), tie('leaf'), fc.constantFrom('-', 'NOT '))
        .map(([keep, drop, not]) => `${keep} ${not}${drop}`),
    },
  ),
})).node;

/** Bare tokens side by side, brackets and quotes unbalanced as often as not. */
const soup = fc
  .array(
    fc.constantFrom(
      ...WORDS,
      'OR',
      'NOT',
      'AND',
      '(',
      ')',
      '"',
      '“',
      '”',
      '-',
      'topic:sanctions',
      'source:zerkalo',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

const text = (max: number) =>
  fc.array(fc.oneof(word, fc.constantFrom('the', 'and', 'of', 'в', 'і', '—', 'EU', 'Belarus')), {
    maxLength: max,
  });

const item = fc.record({
  title: text(6).map((parts) => parts.join(' ')),
  text: text(14).map((parts) => parts.join(' ')),
  labels: fc.subarray(TOPICS),
  sourceId: fc.constantFrom(...SOURCES),
  language: fc.constantFrom('en', 'ru', 'be'),
});

function describeAgreement(name: string, open: () => Promise<TestStore>, runs: number) {
  describe(`a watch matches what search returns: ${name}`, () => {
    let handle: TestStore;
    beforeAll(async () => {
      handle = await open();
    });
    afterAll(async () => {
      await handle.cleanup();
    });

    it('on random expressions and items', async () => {
      // Each run's items get a day of their own; the search is held to that day.
      let run = 0;
      let compared = 0;
      let someMatched = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 4, arbitrary: expression }, { weight: 1, arbitrary: soup }),
          fc.array(item, { minLength: 1, maxLength: 4 }),
          async (written, items) => {
            run += 1;
            const day = new Date(Date.UTC(2030, 0, 1) + run * 86_400_000).toISOString().slice(0, 10);
            const search = parseSearchQuery(written);
            const watch = parseWatch(written);
            if (watch.ok) {
              // One parser, one tree: a valid watch is the same query as a search.
              expect(search.ok && search.query).toEqual(watch.watch.query);
            }
            if (!search.ok) return;
            const inserted = await handle.store.insertItems(
              items.map((input) => makeItem({ ...input, publishedAt: `${day}T12:00:00.000Z` })),
            );
            const ids = inserted.map((result) => result.id);
            // `sort:new`: every item carrying the whole query. Relevance order also lists items that
            // carry only part of it, which a watch (an alert) must not fire on.
            const page = await handle.store.search(
              { ...search.query, since: day, until: day, sort: 'new' },
              { limit: 200, offset: 0 },
            );
            const found = page.hits.map((hit) => hit.item.id).sort((a, b) => a - b);
            // The watch, on the items as stored (what ingest hands to alert matching).
            const compiled = compileQuery(written, search.query);
            const matched: number[] = [];
            for (const id of ids) {
              const stored = await handle.store.getItem(id);
              if (stored && matchWatch(compiled, watchSubject(stored)) !== null) matched.push(id);
            }
            expect(found, written).toEqual(matched.sort((a, b) => a - b));
            if (watch.ok) compared += 1;
            if (matched.length > 0) someMatched += 1;
          },
        ),
        { numRuns: runs },
      );
      // Most generated expressions are valid watches: the property is not vacuous.
      expect(compared).toBeGreaterThan(runs / 2);
      expect(someMatched).toBeGreaterThan(runs / 5);
    });
  });
}

describeAgreement('sqlite', openSqliteStore, 400);

describe.skipIf(!postgres)('postgres', () => {
  describeAgreement('postgres', openPostgresStore, 300);
});
