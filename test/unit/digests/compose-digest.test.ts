// A digest groups the window's items by story, then by topic, top stories first, and is cut into
// messages that fit the platform; nothing is lost or repeated in the cutting.
import { describe, expect, it } from 'vitest';
import type { CardBlock } from '../../../src/cards/card.js';
import type { StoredItem } from '../../../src/corpus/corpus-store.js';
import { composeDigest, type NamedItem } from '../../../src/digests/compose-digest.js';
import { digestCards, STORIES_PER_TOPIC } from '../../../src/digests/digest-card.js';

const period = { start: new Date('2026-12-04T06:00:00Z'), end: new Date('2026-12-05T06:00:00Z') };
const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];

function named(id: number, source: string, options: Partial<StoredItem> = {}): NamedItem {
  return {
    sourceName: source,
    item: {
      id,
      storyOf: null,
      sourceId: source.toLowerCase(),
      guid: `g${id}`,
      url: `https://example.org/${id}`,
      title: `Story ${id}`,
      text: 'text',
      publishedAt: `2026-12-04T${String(10 + (id % 10)).padStart(2, '0')}:00:00.000Z`,
      publishedAtEstimated: false,
      fetchedAt: '2026-12-04T12:00:00.000Z',
      language: 'en',
      labels: ['sanctions'],
      scores: {},
      evidence: [],
      contentHash: `h${id}`,
      ...options,
    },
  };
}

const entries = (blocks: readonly CardBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'entry' && block.blocks[0]?.type === 'title' ? [block.blocks[0].text] : [],
  );

describe('composeDigest', () => {
  it('makes one entry per story, its first item leading, the other outlets as also reported by', () => {
    const digest = composeDigest(
      [
        named(3, 'Zerkalo', { storyOf: 1 }),
        named(1, 'Charter 97'),
        named(2, 'Nasha Niva', { storyOf: 1 }),
        named(4, 'Charter 97', { labels: ['prisoners'] }),
      ],
      { period, timeZone: 'UTC', topics: TOPICS },
    );
    expect(digest.stories).toBe(2);
    expect(digest.items).toBe(4);
    const [sanctions, prisoners] = digest.sections;
    expect(sanctions?.topic).toBe('sanctions');
    expect(sanctions?.items).toBe(3);
    expect(sanctions?.stories[0]?.lead.id).toBe(1);
    expect(sanctions?.stories[0]?.alsoReportedBy).toEqual(['Nasha Niva', 'Zerkalo']);
    expect(prisoners?.stories.map((story) => story.lead.id)).toEqual([4]);
  });

  it('puts top stories first (more outlets, then newer) and the biggest topic first', () => {
    const digest = composeDigest(
      [
        named(11, 'A', { publishedAt: '2026-12-04T20:00:00.000Z' }),
        named(12, 'A', { publishedAt: '2026-12-04T08:00:00.000Z' }),
        named(13, 'B', { storyOf: 12 }),
        named(14, 'A', { publishedAt: '2026-12-04T21:00:00.000Z' }),
        named(21, 'A', { labels: ['diplomacy'] }),
        named(22, 'A', { labels: [] }),
      ],
      { period, timeZone: 'UTC', topics: TOPICS },
    );
    expect(digest.sections.map((section) => section.topic)).toEqual(['sanctions', 'diplomacy', 'other']);
    expect(digest.sections[0]?.stories.map((story) => story.lead.id)).toEqual([12, 14, 11]);
  });

  it('files a story under the first of the given topics it carries (the channel’s own first)', () => {
    const both = [named(1, 'A', { labels: ['diplomacy', 'sanctions'] })];
    expect(composeDigest(both, { period, timeZone: 'UTC', topics: TOPICS }).sections[0]?.topic).toBe(
      'sanctions',
    );
    const channelFirst = ['diplomacy', ...TOPICS];
    expect(composeDigest(both, { period, timeZone: 'UTC', topics: channelFirst }).sections[0]?.topic).toBe(
      'diplomacy',
    );
  });
});

describe('digestCards', () => {
  const many = composeDigest(
    Array.from({ length: 30 }, (_, index) =>
      named(index + 1, `Outlet ${index % 4}`, {
        labels: [TOPICS[index % 3] as string],
        title: `A rather long headline about item ${index + 1} that takes up some room in a message`,
      }),
    ),
    { period, timeZone: 'Europe/Minsk', topics: TOPICS },
  );

  it('is one card on a platform without a size limit, with the counts per topic and local times', () => {
    const [card, ...rest] = digestCards(many, Number.POSITIVE_INFINITY);
    expect(rest).toEqual([]);
    expect(card?.kind).toBe('digest');
    expect(card?.blocks[0]).toEqual({
      type: 'title',
      text: 'Digest 4 Dec 09:00 – 5 Dec 09:00 (Europe/Minsk)',
      url: null,
    });
    expect(card?.blocks[1]).toEqual({
      type: 'text',
      text: '30 stories from 30 items. By topic: sanctions 10, prisoners 10, diplomacy 10.',
    });
  });

  it('splits to fit a small message size, each story once, the topic headed again when cut', () => {
    const cards = digestCards(many, 1500);
    expect(cards.length).toBeGreaterThan(3);
    const titles = cards.flatMap((card) => entries(card.blocks));
    expect(titles).toHaveLength(30);
    expect(new Set(titles).size).toBe(30);
    for (const card of cards.slice(1)) {
      expect(card.blocks[0]).toMatchObject({ type: 'title', text: expect.stringContaining(', continued') });
      const size = JSON.stringify(card.blocks).length;
      // The JSON of the blocks is bigger than the text a renderer shows; it still fits the platform.
      expect(size).toBeLessThan(1500 * 1.5);
    }
    const continued = cards
      .flatMap((card) => card.blocks)
      .filter((block) => block.type === 'title' && block.text.endsWith(': continued'));
    expect(continued.length).toBeGreaterThan(0);
  });

  it(`shows at most ${STORIES_PER_TOPIC} stories per topic and counts the rest; an empty digest is no message`, () => {
    const crowded = composeDigest(
      Array.from({ length: STORIES_PER_TOPIC + 3 }, (_, index) => named(index + 1, 'A')),
      { period, timeZone: 'UTC', topics: TOPICS },
    );
    const blocks = digestCards(crowded, Number.POSITIVE_INFINITY).flatMap((card) => card.blocks);
    expect(entries(blocks)).toHaveLength(STORIES_PER_TOPIC);
    expect(blocks.at(-1)).toEqual({ type: 'text', text: '… and 3 more stories on sanctions.' });
    expect(digestCards(composeDigest([], { period, timeZone: 'UTC', topics: TOPICS }), 4096)).toEqual([]);
  });
});
