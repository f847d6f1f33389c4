/** Identity, dates, language fallback and content hashes of parsed items. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { contentHash } from '../../../src/feeds/content-hash.js';
import { decodeFeedBytes } from '../../../src/feeds/decode.js';
import { normaliseItem, normaliseLanguage, type RawEntry } from '../../../src/feeds/normalise-item.js';
import { parseFeed } from '../../../src/feeds/parse-feed.js';
import { seedsPath } from '../../../src/paths.js';

const seedFeeds = seedsPath('feeds');

const fetchedAt = '2026-01-01T12:00:00.000Z';
const rss = (items: string, channel = '') =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://example.org/</link>${channel}${items}</channel></rss>`;
const raw = (patch: Partial<RawEntry>): RawEntry => ({
  guid: null,
  guidIsPermaLink: true,
  link: null,
  titleHtml: 'Title',
  bodyHtml: [],
  dates: [],
  language: null,
  ...patch,
});
const context = { baseUrl: 'https://example.org/', feedLanguage: null, fetchedAt };

describe('item identity', () => {
  it('uses the guid when there is one', async () => {
    const feed = await parseFeed(
      rss('<item><title>A</title><guid isPermaLink="false">abc-1</guid><link>/a</link></item>'),
      {
        fetchedAt,
      },
    );
    expect(feed.items[0]).toMatchObject({ guid: 'abc-1', url: 'https://example.org/a' });
  });

  it('else the canonical link, without tracking parameters or fragment', async () => {
    const feed = await parseFeed(
      rss('<item><title>A</title><link>https://example.org/a?utm_source=rss&amp;id=3#top</link></item>'),
      {
        fetchedAt,
      },
    );
    expect(feed.items[0]).toMatchObject({
      guid: 'https://example.org/a?id=3',
      url: 'https://example.org/a?id=3',
    });
  });

  it('else a hash of title and date, stable across polls', () => {
    const entry = raw({ titleHtml: 'Untitled story', dates: ['Mon, 16 Oct 2017 15:10:00 GMT'] });
    const a = normaliseItem(entry, context);
    const b = normaliseItem(entry, { ...context, fetchedAt: '2026-02-01T00:00:00.000Z' });
    expect(a.ok && a.item.guid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.ok && a.item.guid).toBe(b.ok && b.item.guid);
    const undated = raw({ titleHtml: 'Undated' });
    const c = normaliseItem(undated, context);
    const d = normaliseItem(undated, { ...context, fetchedAt: '2026-02-01T00:00:00.000Z' });
    expect(c.ok && c.item.guid).toBe(d.ok && d.item.guid);
  });

  it('takes a permalink guid as the link, but not one marked isPermaLink="false"', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>A</title><guid>https://example.org/p/1?fbclid=x</guid></item>' +
          '<item><title>B</title><guid isPermaLink="false">https://example.org/p/2</guid></item>',
      ),
      { fetchedAt },
    );
    expect(feed.items.map((i) => i.url)).toEqual(['https://example.org/p/1', null]);
  });

  it('keeps the first of two entries with one guid and rejects the second', async () => {
    const feed = await parseFeed(
      rss('<item><title>A</title><guid>g</guid></item><item><title>B</title><guid>g</guid></item>'),
      {
        fetchedAt,
      },
    );
    expect(feed.items.map((i) => i.title)).toEqual(['A']);
    expect(feed.rejected).toEqual([{ index: 1, reason: 'duplicate guid g' }]);
  });

  it('rejects an entry with no title, text or link, and keeps the others', async () => {
    const feed = await parseFeed(rss('<item><guid>x</guid></item><item><title>Kept</title></item>'), {
      fetchedAt,
    });
    expect(feed.items.map((i) => i.title)).toEqual(['Kept']);
    expect(feed.rejected[0]?.reason).toMatch(/no title, no text and no link/);
  });

  it('names an untitled entry after its text, else after its link', () => {
    const fromText = normaliseItem(
      raw({ titleHtml: null, bodyHtml: ['<p>First sentence here. Second one.</p>'] }),
      context,
    );
    expect(fromText.ok && fromText.item.title).toBe('First sentence here.');
    const fromLink = normaliseItem(
      raw({ titleHtml: null, link: '/a-gentle-introduction_to-testing.html' }),
      context,
    );
    expect(fromLink.ok && fromLink.item.title).toBe('A gentle introduction to testing');
  });
});

describe('item text and dates', () => {
  it('prefers content:encoded to the description and returns plain text', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>&lt;b&gt;Bold&lt;/b&gt; title</title><description>short</description>' +
          '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Full <i>story</i></p><script>evil()</script><p>Write your comment 35</p>]]></content:encoded></item>',
      ),
      { fetchedAt },
    );
    expect(feed.items[0]).toMatchObject({ title: 'Bold title', text: 'Full story' });
  });

  it('falls back to the fetch time and says so when no date can be read', async () => {
    const feed = await parseFeed(rss('<item><title>A</title><pubDate>someday</pubDate></item>'), {
      fetchedAt,
    });
    expect(feed.items[0]).toMatchObject({ publishedAt: fetchedAt, publishedAtEstimated: true });
  });

  it('uses dc:date when pubDate is missing, and ignores dates far in the future', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>A</title><dc:date>2025-03-23T10:00:00+02:00</dc:date></item>' +
          '<item><title>B</title><pubDate>Mon, 01 Jan 2099 00:00:00 GMT</pubDate></item>',
      ),
      { fetchedAt },
    );
    expect(feed.items[0]).toMatchObject({
      publishedAt: '2025-03-23T08:00:00.000Z',
      publishedAtEstimated: false,
    });
    expect(feed.items[1]).toMatchObject({ publishedAt: fetchedAt, publishedAtEstimated: true });
  });

  it('survives Atom links without attributes and picks the alternate link', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link rel="self" href="https://example.org/feed"/>
      <link href="https://example.org/"/>
      <entry><id>1</id><title>Text link</title><link>https://example.org/1</link></entry>
      <entry><id>2</id><title>Alternate second</title><link rel="replies" href="https://example.org/2#c"/>
        <link rel="alternate" href="/2?utm_source=atom"/></entry></feed>`;
    const feed = await parseFeed(atom, { fetchedAt });
    expect(feed.siteUrl).toBe('https://example.org/');
    expect(feed.items.map((i) => i.url)).toEqual(['https://example.org/1', 'https://example.org/2']);
  });

  it('survives an Atom entry whose date rss-parser cannot read', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><id>1</id><title>Bad date</title><published>not a date</published></entry>
      <entry><id>2</id><title>Good</title><updated>2024-06-21T05:29:00Z</updated></entry></feed>`;
    const feed = await parseFeed(atom, { fetchedAt });
    expect(feed.kind).toBe('atom');
    expect(feed.items.map((i) => [i.title, i.publishedAtEstimated])).toEqual([
      ['Bad date', true],
      ['Good', false],
    ]);
  });
});

describe('the seed feeds (seeds/feeds)', () => {
  const noise = [
    '21 June 2024, Friday',
    'Sim Sim',
    'Write your comment',
    'social media accounts',
    'top of page',
    'bottom of page',
    'Accessibility links',
    'Breaking News',
    'please wait',
    'No media source',
    '0:03:49',
    '\nXS\n',
    'Minsk 18:03',
    'Share:',
    'Читайте також',
    'неділя23',
  ];
  it.each(readdirSync(seedFeeds).filter((f) => f.endsWith('.xml')))('%s: one clean item', async (file) => {
    const feed = await parseFeed(decodeFeedBytes(readFileSync(join(seedFeeds, file)), null), { fetchedAt });
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0]!;
    expect(item.publishedAtEstimated).toBe(false);
    expect(item.text.split('\n')).not.toContain(item.title);
    for (const n of noise) expect(item.text, n).not.toContain(n);
  });
});

describe('item language', () => {
  // Text with no letters gives the detector nothing, so these hold whatever detectLanguage becomes.
  it("falls back to the feed's <language>", async () => {
    const feed = await parseFeed(
      rss('<item><title>2024 — 1226</title></item>', '<language>ru-RU</language>'),
      { fetchedAt },
    );
    expect(feed.items[0]?.language).toBe('ru');
  });

  it("prefers the item's dc:language to the feed's", async () => {
    const feed = await parseFeed(
      rss('<item><title>2025</title><dc:language>be</dc:language></item>', '<language>ru</language>'),
      { fetchedAt },
    );
    expect(feed.items[0]?.language).toBe('be');
  });

  it('maps the codes feeds use to ours', () => {
    expect(normaliseLanguage('be-BY')).toBe('be');
    expect(normaliseLanguage('BY')).toBe('be');
    expect(normaliseLanguage('uk_UA')).toBe('uk');
    expect(normaliseLanguage('de')).toBe('de');
    expect(normaliseLanguage('xx')).toBeNull();
    expect(normaliseLanguage(null)).toBeNull();
  });
});

describe('contentHash', () => {
  it('matches the same story across case, punctuation and spacing', () => {
    expect(contentHash('Sanctions extended!', 'The EU  extended sanctions.')).toBe(
      contentHash('sanctions extended', 'the EU extended sanctions'),
    );
    expect(contentHash('A', 'b')).not.toBe(contentHash('A', 'c'));
    expect(contentHash('A', 'b')).toMatch(/^[0-9a-f]{64}$/);
    // The documented form: sha256 of the UTF-8 of the lower-cased words joined by single spaces.
    expect(contentHash('Вясна: 1226 палітвязняў', '«Усе» — на волю!')).toBe(
      createHash('sha256').update('вясна 1226 палітвязняў усе на волю').digest('hex'),
    );
  });
});

describe('parseFeed refusals and repairs', () => {
  it.each([
    ['', /^not a feed: the document is empty$/],
    ['<!doctype html><html><body>hi</body></html>', /^not a feed: root element <html>$/],
    ['<?xml version="1.0"?><note>x</note>', /^not a feed: root element <note>$/],
    ['\u001f\u008b\u0008\u0000binary', /^not a feed: gzip-compressed data/],
  ])('refuses %j', async (text, message) => {
    const error = await parseFeed(text, { fetchedAt }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).kind).toBe('parse');
    expect((error as FeedError).message).toMatch(message);
  });

  it('reads a document cut off mid-way, and one with bare ampersands and HTML entities', async () => {
    const cut = await parseFeed(
      '<rss version="2.0"><channel><title>x</title><item><title>kept</title></item><item><title>cut',
      {
        fetchedAt,
      },
    );
    expect(cut.items.map((i) => i.title)).toEqual(['kept', 'cut']);
    const sloppy = await parseFeed(rss('<item><title>Fish & Chips&nbsp;&mdash; today</title></item>'), {
      fetchedAt,
    });
    expect(sloppy.items[0]?.title).toBe('Fish & Chips — today');
  });

  it('reads an <rss> without a version as RSS 2.0, and one without a channel as empty', async () => {
    expect(
      (await parseFeed('<rss><channel><item><title>a</title></item></channel></rss>', { fetchedAt })).items,
    ).toHaveLength(1);
    expect(await parseFeed('<rss version="2.1"></rss>', { fetchedAt })).toMatchObject({
      kind: 'rss',
      items: [],
    });
  });
});
