// Issue 13, both halves at once: a chat platform AND a source kind declared here, in test/ only.
// An item read by the made-up kind's reader is stored, classified, matched to a channel of the
// made-up platform, written to the outbox, drained, rendered by that platform's renderer and
// delivered. No file in src/, jobs/ or adapters/ knows either of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import { drainChannel } from '../../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../../jobs/handlers/lease-holder.js';
import { pollSource } from '../../../jobs/handlers/poll-source.js';
import { JOB_SCHEMAS } from '../../../jobs/job-types.js';
import type { Card } from '../../../src/cards/card.js';
import { classify } from '../../../src/classify/classify.js';
import type { SourceKind } from '../../../src/corpus/source-catalog.js';
import { contentHash } from '../../../src/feeds/content-hash.js';
import type { ChatPlatform } from '../../../src/platforms/chat-platform.js';
import { registerPlatform, unregisterPlatform } from '../../../src/platforms/registry.js';
import type { ChannelRef, Notifier } from '../../../src/ports.js';
import { defaultReaders } from '../../../src/sources/readers/reader-registry.js';
import type { SourceReader } from '../../../src/sources/readers/source-reader.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

/** A chat that shows plain text only, and a little of it. */
const semaphore: ChatPlatform = {
  name: 'semaphore',
  limits: { messageChars: 500, burstMessages: 5, format: 'plain' },
  commandPrefix: '/',
  chatAdmins: 'the signal officers',
};

/** Its renderer: the card's title and text blocks as plain lines. */
function renderSemaphore(card: Card): string {
  return card.blocks
    .flatMap((block) => (block.type === 'title' || block.type === 'text' ? [block.text] : []))
    .join('\n')
    .slice(0, semaphore.limits.messageChars);
}

/** A source kind that reads notes a bottle brought ashore: a list the test adds to. */
const shore: { id: string; title: string; text: string }[] = [];
const bottleReader: SourceReader = {
  kind: 'bottle',
  async read(source, context) {
    const known = await context.known(shore.map((note) => `${source.url}#${note.id}`));
    const fresh = shore.filter((note) => !known.has(`${source.url}#${note.id}`));
    return {
      status: 'ok',
      items: fresh.map((note) => ({
        guid: `${source.url}#${note.id}`,
        url: null,
        title: note.title,
        text: note.text,
        publishedAt: context.clock.now().toISOString(),
        publishedAtEstimated: false,
        language: 'en',
        contentHash: contentHash(note.title, note.text),
      })),
      rejected: [],
      patch: {},
      notes: [],
    };
  },
};

const TOWER: ChannelRef = { platform: 'semaphore', channelId: 'tower-3' };

beforeAll(() => registerPlatform(semaphore));
afterAll(() => unregisterPlatform(semaphore.name));

describe('a chat platform and a source kind, both registered from test/ only', () => {
  it('reads an item through the kind and delivers its alert through the platform', async () => {
    const clock = createFakeClock('2026-05-01T08:00:00Z');
    const store = await createCorpusStore(':memory:');
    try {
      await store.addSource(
        // The kind column holds any registered kind; the type names the built-in ones.
        {
          id: 'beach',
          name: 'Beach',
          url: 'bottle://beach',
          kind: 'bottle' as SourceKind,
          intervalSeconds: 600,
        },
        clock.now().toISOString(),
      );
      await store.saveChannel(
        { ...TOWER, topics: ['prisoners'], sources: [], languages: [] },
        clock.now().toISOString(),
      );

      const sent: { channelId: string; text: string }[] = [];
      const notifier: Notifier = {
        platform: semaphore.name,
        send: async (channelId, card) => {
          sent.push({ channelId, text: renderSemaphore(card) });
          return { messageId: `s${sent.length}` };
        },
      };
      const enqueued: unknown[] = [];
      const jobs = { enqueue: async (_name: string, payload: unknown) => void enqueued.push(payload) };
      const deps = {
        store,
        classify,
        fetchOptions: { allowPrivate: true },
        clock,
        log: createMemoryLogger(),
        readers: defaultReaders([bottleReader]),
      };
      const drain = async () => {
        for (const payload of enqueued.splice(0)) {
          await drainChannel(JOB_SCHEMAS.deliver.parse(payload), {
            store,
            notifiers: new Map([[semaphore.name, notifier]]),
            log: createMemoryLogger(),
            clock,
            holder: processLeaseHolder(),
          });
        }
      };

      // The first poll fills the corpus without alerting (the baseline); the next new note alerts.
      shore.push({
        id: 'n1',
        title: 'A note from the shore about the harbour',
        text: 'The harbour master counted the boats.',
      });
      expect(await pollSource({ sourceId: 'beach', force: true }, deps, jobs)).toMatchObject({
        outcome: 'ok',
        new: 1,
      });
      await drain();
      expect(sent).toEqual([]);

      await clock.advance(10 * 60_000);
      shore.push({
        id: 'n2',
        title: 'Journalist walks free after three years as a political prisoner',
        text: 'The court released the detained journalist, a political prisoner, on Monday, her lawyer said.',
      });
      expect(await pollSource({ sourceId: 'beach', force: true }, deps, jobs)).toMatchObject({
        outcome: 'ok',
        new: 1,
      });
      await drain();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.channelId).toBe('tower-3');
      expect(sent[0]?.text).toContain('Journalist walks free');
    } finally {
      await store.close();
    }
  });
});
