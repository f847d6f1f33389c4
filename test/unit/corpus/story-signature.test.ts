/** The story signature and the linking rule: one story across languages and scripts, not two stories on one topic. */
import { describe, expect, it } from 'vitest';
import { indexItem, indexText } from '../../../src/corpus/index-tokens.js';
import { candidateSpans, STORY_WINDOW_MS, StoryCandidatePool } from '../../../src/corpus/story-candidates.js';
import {
  decodeSignature,
  encodeSignature,
  isSameStory,
  signatureNumbers,
  storySignature,
  storySimilarity,
} from '../../../src/corpus/story-signature.js';
import {
  englishRelease,
  euSanctions,
  lacinkaRelease,
  type StoryText,
  seedRussian,
  seedUkrainian,
  usSanctions,
  usSanctionsLifted,
} from './story-fixtures.js';

const signatureOf = (story: StoryText) => storySignature(story.title, story.text);
const sameStory = (a: StoryText, b: StoryText) =>
  isSameStory(storySimilarity(signatureOf(a), signatureOf(b)));

describe('signatureNumbers', () => {
  it('reads 1,160, 1 160 and 1160 as one figure', () => {
    expect(signatureNumbers('1,160 and 1 160 and 1160 and 1\u00a0160')).toEqual([
      '1160',
      '1160',
      '1160',
      '1160',
    ]);
  });

  it('reads a decimal comma as a point, and leaves out years and single digits', () => {
    expect(signatureNumbers('86,6% of votes in 2025, 3 days, 14 entities, Order 14038')).toEqual([
      '86.6',
      '14',
      '14038',
    ]);
  });

  it('splits figures that only a space separates', () => {
    expect(signatureNumbers('on 21 2024')).toEqual(['21']);
  });
});

describe('storySignature', () => {
  it('keeps figures, names and topic words, script-independent, sorted and small', () => {
    const signature = signatureOf(lacinkaRelease);
    expect(signature).toContain('n:1160');
    expect(signature).toContain('n:16');
    expect(signature).toContain('e:tsikhanouskaya');
    expect(signatureOf(englishRelease)).toContain('e:tsikhanouskaya');
    expect(signature).toEqual([...signature].sort());
    expect(signatureOf({ title: 'x', text: 'Word '.repeat(5000) }).length).toBeLessThanOrEqual(40);
  });

  it('maps topic words of all languages to one key', () => {
    const keys = ['sanctions', 'санкции', 'санкції', 'sankcje'].map((word) =>
      signatureOf({ title: word, text: '' }).filter((key) => key.startsWith('t:')),
    );
    expect(new Set(keys.map((list) => list.join()))).toEqual(new Set([keys[0]?.join()]));
    expect(keys[0]).toHaveLength(1);
  });

  it('leaves out names every item carries', () => {
    const signature = signatureOf({
      title: 'Лукашенко в Минске',
      text: 'Lukashenka met in Belarus, said the USA.',
    });
    expect(signature.filter((key) => key.startsWith('e:'))).toEqual([]);
  });

  it('ignores the capitals of a headline in title case', () => {
    const signature = signatureOf({ title: 'Court Jails Reporter For Seven Years', text: '' });
    expect(signature.filter((key) => key.startsWith('e:'))).toEqual([]);
  });

  it('only uses the lead of a long text', () => {
    const late = signatureOf({ title: 'News', text: `${'word '.repeat(200)}Kellogg visited.` });
    expect(late).not.toContain('e:kellogg');
  });

  it('stores a signature too small to link as nothing', () => {
    expect(encodeSignature(signatureOf({ title: 'Weather', text: 'Rain tomorrow.' }))).toBeNull();
    const signature = signatureOf(englishRelease);
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
    expect(decodeSignature(null)).toEqual([]);
  });
});

describe('the linking rule', () => {
  it('links seed 004: the Ukrainian and the Russian headline of one story', () => {
    expect(sameStory(seedUkrainian, seedRussian)).toBe(true);
    expect(sameStory(seedRussian, seedUkrainian)).toBe(true);
  });

  it('links one story in English and in Belarusian Łacinka', () => {
    expect(sameStory(englishRelease, lacinkaRelease)).toBe(true);
  });

  it('does not link two sanctions stories of one day with other figures and names', () => {
    expect(sameStory(euSanctions, usSanctions)).toBe(false);
    expect(sameStory(usSanctions, usSanctionsLifted)).toBe(false);
    expect(sameStory(euSanctions, usSanctionsLifted)).toBe(false);
  });

  it('does not link when both give figures and none agree, however much else is shared', () => {
    const similarity = storySimilarity(
      ['e:kellogg', 'e:losik', 'e:viasna', 'n:16', 't:sancton'],
      ['e:kellogg', 'e:losik', 'e:viasna', 'n:52', 't:sancton'],
    );
    expect(similarity.numbersDisagree).toBe(true);
    expect(isSameStory(similarity)).toBe(false);
  });

  it('does not link on topic words alone', () => {
    expect(
      isSameStory(storySimilarity(['e:a', 't:b', 't:c', 't:d', 't:e'], ['e:a', 't:b', 't:c', 't:d', 't:e'])),
    ).toBe(false);
  });
});

describe('StoryCandidatePool', () => {
  const at = Date.parse('2025-03-23T10:00:00.000Z');
  const stored = (
    id: number,
    story: StoryText,
    sourceId: string,
    language: string | null,
    publishedMs = at,
  ) => ({
    id,
    root: id,
    sourceId,
    language,
    publishedMs,
    signature: signatureOf(story),
  });
  const incoming = (story: StoryText, sourceId: string, language: string | null, publishedMs = at) => ({
    sourceId,
    language,
    publishedMs,
    signature: signatureOf(story),
  });

  it('links another source, or the same source in another language, to the story root', () => {
    const pool = new StoryCandidatePool();
    pool.add({ ...stored(7, seedUkrainian, 'vsedelo', 'uk'), root: 3 });
    expect(pool.match(incoming(seedRussian, 'zerkalo', 'ru'))).toBe(3);
    expect(pool.match(incoming(seedRussian, 'vsedelo', 'ru'))).toBe(3);
  });

  it('does not link the same source in the same (or an unknown) language', () => {
    const known = new StoryCandidatePool();
    known.add(stored(1, englishRelease, 'charter97', 'en'));
    expect(known.match(incoming(lacinkaRelease, 'charter97', 'en'))).toBeNull();
    expect(known.match(incoming(lacinkaRelease, 'charter97', null))).toBeNull();
    const unknown = new StoryCandidatePool();
    unknown.add(stored(2, englishRelease, 'belsat', null));
    expect(unknown.match(incoming(lacinkaRelease, 'belsat', 'be'))).toBeNull();
    expect(unknown.match(incoming(lacinkaRelease, 'belsat', null))).toBeNull();
  });

  it('does not link beyond 48 hours', () => {
    const pool = new StoryCandidatePool();
    pool.add(stored(1, englishRelease, 'charter97', 'en'));
    expect(pool.match(incoming(lacinkaRelease, 'nashaniva', 'be', at + STORY_WINDOW_MS + 1))).toBeNull();
    expect(pool.match(incoming(lacinkaRelease, 'nashaniva', 'be', at - STORY_WINDOW_MS))).toBe(1);
  });

  it('picks the closest story, and the older one on a tie', () => {
    const pool = new StoryCandidatePool();
    pool.add(stored(5, usSanctions, 'voa', 'en'));
    pool.add(stored(9, englishRelease, 'charter97', 'en'));
    pool.add(stored(4, englishRelease, 'belsat', 'en'));
    expect(pool.match(incoming(lacinkaRelease, 'nashaniva', 'be'))).toBe(4);
    expect(pool.match(incoming(euSanctions, 'nashaniva', 'be'))).toBeNull();
  });
});

describe('candidateSpans', () => {
  it('merges overlapping ±48 h windows and keeps distant ones apart', () => {
    const day = 86_400_000;
    expect(candidateSpans([10 * day, 0, day, 30 * day])).toEqual([
      { fromMs: -2 * day, toMs: 3 * day },
      { fromMs: 8 * day, toMs: 12 * day },
      { fromMs: 28 * day, toMs: 32 * day },
    ]);
  });
});

describe('indexItem', () => {
  const long = `${'Słowa i словы, don\u2019t stop. '.repeat(40)}Łukašenka: 1 160 palitviaźniaŭ — “Viasna”. ${'x '.repeat(400)}`;
  const cases: [string, string][] = [
    [seedUkrainian.title, seedUkrainian.text],
    [seedRussian.title, seedRussian.text],
    [englishRelease.title, englishRelease.text],
    ['Title', long],
    ['', `${'a'.repeat(700)} b`],
    ['emoji 😀 title', `${'😀'.repeat(400)} next words`],
  ];

  it('indexes exactly as indexText does, and adds the signature', () => {
    for (const [title, text] of cases) {
      const item = indexItem(title, text);
      expect({ title: item.title, body: item.body }).toEqual(indexText(title, text));
      expect(item.signature).toEqual(storySignature(title, text));
    }
  });
});
