/** Random queries against both stores: every input gives a page or a parse error, never an engine error. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import { hasPostgres } from '../helpers/services.js';
import { queryText } from '../unit/corpus/query-arbitrary.js';
import { makeItem } from './corpus-store.contract.js';
import { openPostgresStore, openSqliteStore, type TestStore } from './helpers/test-stores.js';

const postgres = await hasPostgres();

function describeSearchProperty(name: string, open: () => Promise<TestStore>, runs: number) {
  describe(`search never fails on random input: ${name}`, () => {
    let handle: TestStore;
    beforeAll(async () => {
      handle = await open();
      await handle.store.insertItems([
        makeItem({ title: 'Potash sanctions', text: 'NEAR(potash) title:x "quoted" * ^ санкции Łukašenka' }),
        makeItem({
          title: 'Political prisoners',
          text: 'Вясна: палітвязні, Лукашенко, 2024-06-01',
          labels: ['prisoners'],
        }),
        makeItem({ title: 'Ryanair', text: 'Ryanair FR4978 diverted to Minsk', language: 'ru' }),
      ]);
    });
    afterAll(async () => {
      await handle.cleanup();
    });

    it('parses and searches any string', async () => {
      await fc.assert(
        fc.asyncProperty(
          queryText,
          fc.integer({ min: -5, max: 60 }),
          fc.integer({ min: -5, max: 50 }),
          async (text, limit, offset) => {
            const parsed = parseSearchQuery(text);
            if (!parsed.ok) {
              expect(parsed.error).toMatch(/\S/);
              return;
            }
            const page = await handle.store.search(parsed.query, { limit, offset });
            expect(page.total).toBeGreaterThanOrEqual(page.hits.length);
          },
        ),
        { numRuns: runs },
      );
    });
  });
}

describeSearchProperty('sqlite', openSqliteStore, 500);

describe.skipIf(!postgres)('postgres', () => {
  describeSearchProperty('postgres', openPostgresStore, 300);
});
