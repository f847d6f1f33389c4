/** Hostile input never crashes the pipeline: truncated, mangled and random feeds give items or one FeedError. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { decodeFeedBytes } from '../../../src/feeds/decode.js';
import { parseFeed } from '../../../src/feeds/parse-feed.js';
import { sharedDir } from '../../helpers/services.js';

const fixtures = [
  'feedreader/Rss20CityDog.xml',
  'rss-parser/heise.atom',
  'feedsmith/rdf-10.xml',
  'netnewswire/inessential.json',
].map((path) => new Uint8Array(readFileSync(join(sharedDir, 'fixtures', 'feeds', path))));
const fetchedAt = '2026-01-01T00:00:00.000Z';

async function ingestOrFeedError(bytes: Uint8Array): Promise<void> {
  const text = decodeFeedBytes(bytes, null);
  try {
    const feed = await parseFeed(text, { fetchedAt });
    for (const item of feed.items) {
      expect(typeof item.title).toBe('string');
      expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
  }
}

describe('robustness', () => {
  it('survives fixtures cut off anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (which, at) => {
          const bytes = fixtures[which]!;
          await ingestOrFeedError(bytes.subarray(0, Math.floor(bytes.length * at)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives fixtures with bytes overwritten', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 20,
        }),
        async (which, edits) => {
          const bytes = new Uint8Array(fixtures[which]!);
          for (const [at, value] of edits) bytes[Math.floor(at * (bytes.length - 1))] = value;
          await ingestOrFeedError(bytes);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives random markup', async () => {
    const token = fc.constantFrom(
      '<rss version="2.0">',
      '<channel>',
      '<item>',
      '</item>',
      '<title>',
      '</title>',
      '<feed>',
      '<entry>',
      '<link href="x"/>',
      '<link>',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '&bogus;',
      '<!--',
      '-->',
      '<?xml?>',
      'text',
      '<pubDate>',
      'Mon, 99 Foo 2017',
      '<guid>',
      '{',
      '"items":[',
      '<rdf:RDF>',
      '\u0000',
      '\ufffd',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
        await ingestOrFeedError(new TextEncoder().encode(tokens.join('')));
      }),
      { numRuns: 300 },
    );
  });
});
