// The source-reader port: a kind is a reader in the registry; polling knows nothing of how it reads.
import { describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import { pollSource } from '../../../jobs/handlers/poll-source.js';
import { classify } from '../../../src/classify/classify.js';
import type { SourceKind } from '../../../src/corpus/source-catalog.js';
import { contentHash } from '../../../src/feeds/content-hash.js';
import { defaultReaders } from '../../../src/sources/readers/reader-registry.js';
import type { SourceReader } from '../../../src/sources/readers/source-reader.js';
import { createFakeClock, type FakeClock } from '../../helpers/fake-clock.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const jobs = { enqueue: async () => undefined };

/** A kind that exists only in this test: it "reads" a carrier pigeon's note. */
const pigeonReader: SourceReader = {
  kind: 'pigeon',
  async read(source, context) {
    const guid = `${source.url}#note-1`;
    const known = await context.known([guid]);
    const title = 'Note by pigeon: talks on prisoners resume';
    const text = 'The note says the talks on political prisoners resume on Monday.';
    return {
      status: 'ok',
      items: known.has(guid)
        ? []
        : [
            {
              guid,
              url: null,
              title,
              text,
              publishedAt: context.clock.now().toISOString(),
              publishedAtEstimated: false,
              language: 'en',
              contentHash: contentHash(title, text),
            },
          ],
      rejected: [],
      patch: { etag: 'W/"pigeon-1"' },
      notes: known.has(guid) ? ['the pigeon brought nothing new'] : [],
    };
  },
};

/** A store holding one source of the pigeon kind. */
async function loftStore(clock: { now(): Date }) {
  const store = await createCorpusStore(':memory:');
  await store.addSource(
    // The kind column holds any registered kind; the type names the built-in ones.
    { id: 'loft', name: 'Loft', url: 'pigeon://loft', kind: 'pigeon' as SourceKind, intervalSeconds: 600 },
    clock.now().toISOString(),
  );
  return store;
}

function pollDeps(store: Awaited<ReturnType<typeof loftStore>>, clock: FakeClock) {
  return { store, classify, fetchOptions: { allowPrivate: true }, clock, log: createMemoryLogger() };
}

describe('the reader registry', () => {
  it('has the four kinds of design.md', () => {
    expect(defaultReaders().kinds().sort()).toEqual(['api', 'feed', 'page', 'sitemap']);
  });

  it('polls a kind registered from the test only, stores its item, and sees it known next time', async () => {
    const clock = createFakeClock('2025-05-01T08:00:00Z');
    const store = await loftStore(clock);
    const log = createMemoryLogger();
    try {
      const deps = { ...pollDeps(store, clock), log, readers: defaultReaders([pigeonReader]) };
      const first = await pollSource({ sourceId: 'loft', force: true }, deps, jobs);
      expect(first).toMatchObject({ outcome: 'ok', new: 1 });
      const [hit] = (await store.latestItems({ limit: 5 })).filter((item) => item.sourceId === 'loft');
      expect(hit?.title).toBe('Note by pigeon: talks on prisoners resume');
      expect(hit?.labels).toContain('prisoners');
      expect((await store.getSource('loft'))?.etag).toBe('W/"pigeon-1"');

      const second = await pollSource({ sourceId: 'loft', force: true }, deps, jobs);
      expect(second).toMatchObject({ outcome: 'ok', new: 0, reason: 'the pigeon brought nothing new' });
    } finally {
      await store.close();
    }
  });

  it('a kind nobody registered fails the poll with a message naming it', async () => {
    const clock = createFakeClock('2025-05-01T08:00:00Z');
    const store = await loftStore(clock);
    try {
      const deps = pollDeps(store, clock);
      const summary = await pollSource({ sourceId: 'loft', force: true }, deps, jobs);
      expect(summary).toMatchObject({ outcome: 'failed', reason: 'no reader for sources of kind "pigeon"' });
    } finally {
      await store.close();
    }
  });
});
