/** A SQLite store seeded with items that carry figures, for the `vigil figures` and /figures tests. */
import { createHash } from 'node:crypto';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { ItemInput } from '../../src/corpus/item-search.js';

const DAY_MS = 86_400_000;

function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

export function figureItem(
  n: number,
  title: string,
  text: string,
  labels: string[],
  publishedAt: string,
): ItemInput {
  return {
    sourceId: 'viasna',
    guid: `figures-${n}`,
    url: `https://example.org/news/${n}`,
    title,
    text,
    publishedAt,
    publishedAtEstimated: false,
    fetchedAt: publishedAt,
    language: 'en',
    labels,
    scores: {},
    evidence: [],
    contentHash: createHash('sha256').update(`${title}\n${text}`).digest('hex'),
  };
}

/** A store with prisoners counts (one restated, two conflicting), a release, a designation, noise. */
export async function seedFiguresStore(db: string): Promise<void> {
  const store = await createCorpusStore(db);
  try {
    await store.addSource(
      { id: 'viasna', name: 'Viasna', url: 'http://127.0.0.1:9/rss', intervalSeconds: 600 },
      daysAgo(30),
    );
    await store.insertItems([
      figureItem(1, 'Count', 'Viasna counts 1,190 political prisoners.', ['prisoners'], daysAgo(20)),
      figureItem(
        2,
        'Count restated',
        'Viasna still counts 1,190 political prisoners.',
        ['prisoners'],
        daysAgo(12),
      ),
      figureItem(
        3,
        'Count <b>one</b>',
        'Viasna counts 1,160 political prisoners.',
        ['prisoners'],
        daysAgo(5),
      ),
      figureItem(
        4,
        'Count <script>alert("x")</script> & more',
        'Human rights defenders count 1,171 political prisoners.',
        ['prisoners'],
        daysAgo(5),
      ),
      figureItem(
        5,
        'Pardon',
        'Lukashenka pardoned 52 political prisoners, who were released.',
        ['prisoners'],
        daysAgo(3),
      ),
      figureItem(
        6,
        'EU sanctions',
        'The EU added 25 individuals and 14 entities to its sanctions list.',
        ['sanctions'],
        daysAgo(2),
      ),
      figureItem(7, 'Weather', 'Rain is expected over 3 regions.', [], daysAgo(1)),
      figureItem(8, 'Old count', 'Viasna counts 1,300 political prisoners.', ['prisoners'], daysAgo(200)),
    ]);
  } finally {
    await store.close();
  }
}
