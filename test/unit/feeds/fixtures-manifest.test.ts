/** Every fixture in the shared hostile corpus goes bytes → decodeFeedBytes → parseFeed: items, or one clear FeedError. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { decodeFeedBytes } from '../../../src/feeds/decode.js';
import type { ParsedFeed } from '../../../src/feeds/feed-item.js';
import { parseFeed } from '../../../src/feeds/parse-feed.js';
import { sharedDir } from '../../helpers/services.js';

const dir = join(sharedDir, 'fixtures', 'feeds');
const [headerLine = '', ...rows] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const columns = headerLine.split('\t');
const fixtures = rows.map((row) => {
  const cells = row.split('\t');
  const get = (name: string) => cells[columns.indexOf(name)] ?? '';
  return {
    path: get('path'),
    format: get('format'),
    encoding: get('encoding'),
    trait: get('trait'),
    expected: get('expected'),
    sha256: get('sha256'),
  };
});
type Fixture = (typeof fixtures)[number];

interface Expectation {
  /** Entries in the document: our items plus our rejections (duplicates and empty entries are still entries). */
  entries?: number;
  items?: number;
  feedTitle?: string;
  firstTitle?: string;
  firstText?: string;
  firstGuid?: string;
  /** The file must be refused with a FeedError whose message matches. */
  fails?: RegExp;
  /** Undeclared legacy charsets we do not guess; the decoded text may contain U+FFFD. */
  replacementCharAllowed?: boolean;
}

/**
 * Where the manifest's expectation is impossible or wrong for our pipeline, the better behaviour we
 * assert instead, and why.
 */
const OVERRIDES: Record<string, Expectation> = {
  // rss-parser's golden output has U+FFFD because its test reads ISO-8859-1 as UTF-8; we decode it.
  'rss-parser/uolNoticias.rss': {
    entries: 15,
    feedTitle: 'UOL Noticias',
    firstTitle: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
  },
  // rss-parser keeps the double-escaped "&#x0024;" literally and the manifest stops at the title's
  // "<sup>"; plain text shows the dollar sign and the rest of the title ("1930ft<sup>2</sup>").
  'rss-parser/craigslist.rss': {
    entries: 25,
    feedTitle: 'craigslist SF bay area | apts/housing for rent search',
    firstTitle: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
  },
  // The manifest's "by inspection" title is cut one word short of the CDATA in the file.
  'miniflux/urdu_UTF8.xml': {
    entries: 26,
    firstTitle:
      'امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی',
  },
  // An entry with no title, no text and no link cannot become an item: it is listed as rejected.
  'rss-parser/missing-fields.atom': { entries: 1, items: 0, feedTitle: '' },
  'rss-parser/incomplete-fields.atom': { entries: 1, items: 0, feedTitle: '' },
  // CDF (Microsoft's 1997 Channel Definition Format) is not a format vigil reads: a clean refusal.
  'feedparser/item_title.xml': { fails: /^not a feed: root element <CHANNEL>$/ },
  // nbsp is whitespace in a one-line title; we collapse it with its neighbours.
  'feedparser/nbsp.xml': { feedTitle: 'testing entity' },
  // gofeed keeps escaped markup escaped and naked markup as markup; our titles are plain text, so the
  // escaped form reads as the characters it stands for and naked tags are stripped.
  'gofeed/rss_channel_item_title_cdata_escaped_markup.xml': { entries: 1, firstTitle: '<p>Item Title</p>' },
  'gofeed/rss_channel_item_title_naked_markup.xml': { entries: 1, firstTitle: 'Item Title' },
  'gofeed/feed_title_xml_base_cdata.xml': { entries: 0, feedTitle: 'Example test' },
  // Undeclared Shift_JIS and windows-1255: we guess only Cyrillic code pages (our outlets' legacy
  // encodings); these decode as windows-1252/1251 without crashing, text unusable.
  'feedparser/shiftjis.xml': { entries: 1, replacementCharAllowed: true },
  'feedparser/windows1255.xml': { entries: 1 },
  // Invalid UTF-8 by design: the bad byte becomes U+FFFD, the rest of the feed still parses.
  'feedparser/bozo_invalid-bytes-with-bom.xml': { replacementCharAllowed: true },
  // newsboat names untitled entries after their link; we take the first sentence of the text when there
  // is text (Telegram-style posts have no title but a readable first line) and the link slug only when
  // there is none. Entries 3–5 share one Atom id: by RFC 4287 §4.2.6 they are one entry, so the first is
  // kept and the others are rejected as duplicates.
  'newsboat/items_without_titles.xml': { entries: 5, items: 3, firstTitle: 'some content' },
};

function expectationFor(f: Fixture): Expectation {
  const override = OVERRIDES[f.path];
  if (override) return override;
  const e: Expectation = {};
  const text = f.expected;
  if (
    /should fail/i.test(text) ||
    /not a feed|empty file|gzip|invalid \/ truncated|no root element/i.test(f.format)
  ) {
    e.fails = /^(not a feed|malformed (XML|JSON))/;
    return e;
  }
  const gofeed = /^gofeed expected JSON \([^)]*\): (.*)$/.exec(text);
  if (gofeed?.[1]) Object.assign(e, fromGofeedJson(gofeed[1]));
  const count =
    /(?:^|[;:,|]\s*|exactly |with it: )(\d+) (?:items?|entries|<item>)\b/.exec(text) ??
    /len\(entries\) == (\d+)/.exec(text);
  if (count?.[1] && e.entries === undefined) e.entries = Number(count[1]);
  const feedTitle =
    /(?<![\].]|item |first item )\btitle "([^"]*)"/.exec(text) ??
    /feed(?:\.title|\['title'\]) == '([^']*)'/.exec(text);
  if (feedTitle?.[1] !== undefined && e.feedTitle === undefined) e.feedTitle = unescapePython(feedTitle[1]);
  const firstTitle =
    /(?:items\[0\](?:\.title)?|first item title) "([^"]*)"/.exec(text) ??
    /entries\[0\]\['title'\] == '([^']*)'/.exec(text);
  if (firstTitle?.[1] !== undefined && e.firstTitle === undefined)
    e.firstTitle = unescapePython(firstTitle[1]);
  const firstText = /entries\[0\]\['description'\] == '([^']*)'/.exec(text);
  if (firstText?.[1] !== undefined) e.firstText = unescapePython(firstText[1]);
  if (/ord\(entries\[0\]\['description'\]\) == 8230/.test(text)) e.firstText = '…';
  const firstGuid = /items\[0\]\.id "([^"]*)"/.exec(text);
  if (firstGuid?.[1]) e.firstGuid = firstGuid[1];
  return e;
}

/** gofeed's golden JSON (sometimes cut short with "…"): feed title, entry count, first item title. */
function fromGofeedJson(json: string): Expectation {
  try {
    const value = JSON.parse(json) as {
      title?: string;
      items?: { title?: string }[];
      entries?: { title?: string }[];
    };
    const entries = value.items ?? value.entries ?? [];
    return {
      entries: entries.length,
      ...(value.title === undefined ? {} : { feedTitle: value.title }),
      ...(entries[0]?.title === undefined ? {} : { firstTitle: entries[0].title }),
    };
  } catch {
    const title = /^\{"title":"((?:[^"\\]|\\.)*)"/.exec(json);
    return title?.[1] === undefined ? {} : { feedTitle: JSON.parse(`"${title[1]}"`) as string };
  }
}

function unescapePython(value: string): string {
  return value
    .replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** feedparser fixtures that need an HTTP header say so; we pass it as the fetch layer would. */
function contentTypeFor(f: Fixture): string | null {
  return /requires HTTP header "Content-type: ([^"]+)"/i.exec(f.expected)?.[1] ?? null;
}

async function ingest(
  f: Fixture,
): Promise<{ text: string; feed: ParsedFeed } | { text: string; error: unknown }> {
  const bytes = readFileSync(join(dir, f.path));
  const text = decodeFeedBytes(bytes, contentTypeFor(f));
  try {
    return { text, feed: await parseFeed(text, { url: null, fetchedAt: '2026-01-01T00:00:00.000Z' }) };
  } catch (error) {
    return { text, error };
  }
}

describe('the shared feed corpus (MANIFEST.tsv)', () => {
  it('lists every fixture with intact bytes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(146);
    for (const f of fixtures) {
      const sha = createHash('sha256')
        .update(readFileSync(join(dir, f.path)))
        .digest('hex');
      expect(sha, f.path).toBe(f.sha256);
    }
  });

  it.each(fixtures.map((f) => [f.path, f] as const))('%s', async (_path, f) => {
    const expected = expectationFor(f);
    const result = await ingest(f);

    if (expected.fails) {
      expect('error' in result, 'should be refused').toBe(true);
      if (!('error' in result)) return;
      expect(result.error).toBeInstanceOf(FeedError);
      expect((result.error as FeedError).kind).toBe('parse');
      expect((result.error as FeedError).message).toMatch(expected.fails);
      return;
    }
    if ('error' in result) throw result.error;
    const { feed, text } = result;

    // The README's rule: no U+FFFD for files whose encoding column names a real charset.
    if (!expected.replacementCharAllowed && !/binary|n\/a/.test(f.encoding)) {
      expect(text.includes('\uFFFD'), 'decoded text contains U+FFFD').toBe(false);
    }
    if (expected.entries !== undefined)
      expect(feed.items.length + feed.rejected.length).toBe(expected.entries);
    if (expected.items !== undefined) expect(feed.items.length).toBe(expected.items);
    if (expected.feedTitle !== undefined) expect(feed.title).toBe(expected.feedTitle);
    if (expected.firstTitle !== undefined) expect(feed.items[0]?.title).toBe(expected.firstTitle);
    if (expected.firstText !== undefined) expect(feed.items[0]?.text).toBe(expected.firstText);
    if (expected.firstGuid !== undefined) expect(feed.items[0]?.guid).toBe(expected.firstGuid);

    for (const item of feed.items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.guid.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
      expect(item.contentHash).toMatch(/^[0-9a-f]{64}$/);
      if (item.url !== null) expect(item.url).toMatch(/^https?:\/\//);
    }
  });

  it('decodes the Cyrillic fixtures into readable Cyrillic', async () => {
    const cases: [string, string][] = [
      ['node-feedparser/iconv.xml', 'В Бузулуке главные стройплощадки – детсад и Ледовый дворец'],
      ['miniflux/encoding_WINDOWS-1251.xml', 'Цитата #17703'],
      ['miniflux/koi8r.xml', 'Первая новость'],
      ['feedparser/koi8r.xml', 'Как пережить новогоднюю ночь'],
      ['feedreader/Rss20CityDog.xml', 'Группа «Серебряная свадьба» ушла в бессрочный отпуск'],
      // Double-encoded mojibake in the bytes; repaired run by run.
      [
        'feedreader/Rss20YandexRussia.xml',
        'В Москве из-за сильных морозов объявлен «оранжевый» уровень опасности',
      ],
    ];
    for (const [path, title] of cases) {
      const f = fixtures.find((x) => x.path === path);
      expect(f, path).toBeDefined();
      const result = await ingest(f!);
      expect('feed' in result && result.feed.items[0]?.title, path).toBe(title);
    }
  });

  it('takes the RSS link over a guid that is not a permalink (feedjira/Permalinks.xml)', async () => {
    const result = await ingest(fixtures.find((x) => x.path === 'feedjira/Permalinks.xml')!);
    if (!('feed' in result)) throw result.error;
    expect(result.feed.items.map((i) => i.url)).toEqual([
      null,
      'http://example.com/2',
      'http://example.com/3',
      'http://example.com/4',
    ]);
  });
});
