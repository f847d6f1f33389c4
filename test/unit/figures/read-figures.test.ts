// Figures on request: a window of stored items, read through the search port, bounded.
import { describe, expect, it } from 'vitest';
import type { ItemSearch, SearchHit, StoredItem } from '../../../src/corpus/item-search.js';
import type { SearchQuery } from '../../../src/corpus/search-query.js';
import { MAX_FIGURE_ITEMS, readFigures } from '../../../src/figures/read-figures.js';
import { figureItem } from '../../helpers/figures-store.js';

function storedItem(id: number, title: string, text: string, publishedAt: string): StoredItem {
  return {
    ...figureItem(id, title, text, ['prisoners'], publishedAt),
    url: `https://example.org/${id}`,
    id,
    storyOf: null,
  };
}

/** A search port over a fixed list, newest first, that records the queries and pages it was asked. */
function fakeStore(items: StoredItem[], total = items.length) {
  const asked: { query: SearchQuery; page: { limit: number; offset: number } }[] = [];
  const store: Pick<ItemSearch, 'search'> = {
    search: async (query, page) => {
      asked.push({ query, page });
      const hits: SearchHit[] = items
        .slice(page.offset, page.offset + page.limit)
        .map((item) => ({ item, sourceName: 'Viasna', snippet: '' }));
      return { hits, total };
    },
  };
  return { store, asked };
}

const items = [
  storedItem(3, 'Release', 'On 11 September 52 political prisoners were released.', '2025-09-12T08:00:00Z'),
  storedItem(2, 'Count', 'Viasna counts 1,150 political prisoners.', '2025-09-10T08:00:00Z'),
  storedItem(1, 'Count again', 'Viasna still counts 1,150 political prisoners.', '2025-09-01T08:00:00Z'),
  storedItem(4, 'Weather', 'Rain is expected.', '2025-09-01T08:00:00Z'),
];

describe('readFigures', () => {
  it('reads the window by topic and date, and builds one timeline with the items as evidence', async () => {
    const { store, asked } = fakeStore(items);
    const report = await readFigures(store, { since: '2025-06-01T00:00:00.000Z' });
    expect(asked[0]?.query).toMatchObject({ text: null, since: '2025-06-01T00:00:00.000Z' });
    expect(asked[0]?.query.topics.sort()).toEqual(['prisoners', 'sanctions']);
    const summary = report.points.map((point) => [point.kind, point.value, point.figures.length]);
    expect(summary).toEqual([
      ['prisoners', 1150, 2],
      ['released', 52, 1],
    ]);
    expect([...report.items.keys()].sort()).toEqual([1, 2, 3]);
    expect(report.items.get(3)).toMatchObject({ url: 'https://example.org/3', source: 'Viasna' });
    expect(report).toMatchObject({ itemsRead: 4, itemsInWindow: 4 });
  });

  it('keeps only the kinds asked for, and reads only their topic', async () => {
    const { store, asked } = fakeStore(items);
    const report = await readFigures(store, { since: '2025-06-01T00:00:00Z', kinds: ['released'] });
    expect(asked[0]?.query.topics).toEqual(['prisoners']);
    expect(report.points.map((point) => point.kind)).toEqual(['released']);
    expect([...report.items.keys()]).toEqual([3]);
  });

  it('reads no more than its bound, in pages, and says how many the window held', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      storedItem(i + 10, 'x', 'nothing counted', '2025-09-01T08:00:00Z'),
    );
    const { store, asked } = fakeStore(many, 5000);
    const report = await readFigures(store, { since: '2025-06-01T00:00:00Z', maxItems: 300 });
    expect(asked.map((call) => call.page)).toEqual([
      { limit: 200, offset: 0 },
      { limit: 100, offset: 200 },
    ]);
    expect(report).toMatchObject({ itemsRead: 300, itemsInWindow: 5000 });
    expect(MAX_FIGURE_ITEMS).toBe(1000);
    const capped = await readFigures(fakeStore(many, 5000).store, {
      since: '2025-06-01T00:00:00Z',
      maxItems: 1e9,
    });
    expect(capped.itemsRead).toBe(450);
  });
});
