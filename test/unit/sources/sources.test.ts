import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/corpus/corpus-store.js';
import { ConfigError } from '../../../src/errors.js';
import { seedsPath } from '../../../src/paths.js';
import { parseOpml, renderOpml } from '../../../src/sources/opml.js';
import { loadCatalogue, parseCatalogue } from '../../../src/sources/source-catalogue.js';
import { slugify, uniqueId } from '../../../src/sources/source-id.js';
import { makeSource } from '../../helpers/make-source.js';

describe('the seed catalogue', () => {
  const sources = loadCatalogue(seedsPath('sources.json'));

  it('is valid and carries the five seed outlets and other Belarus outlets', () => {
    const text = JSON.stringify(sources).toLowerCase();
    for (const outlet of [
      'charter97',
      'voanews',
      'pozirk',
      'belarus-nau',
      'vsedelo',
      'spring96',
      'belsat',
      'nashaniva',
      'zerkalo',
      'svaboda',
    ]) {
      expect(text).toContain(outlet);
    }
    expect(new Set(sources.map((source) => source.id)).size).toBe(sources.length);
  });

  it('says for every entry whether its feed address was confirmed, and why', () => {
    const raw = JSON.parse(readFileSync(seedsPath('sources.json'), 'utf8')) as {
      sources: { confirmed?: boolean; note?: string }[];
    };
    for (const entry of raw.sources) {
      expect(typeof entry.confirmed).toBe('boolean');
      expect(entry.note?.length).toBeGreaterThan(10);
    }
  });

  it('reads the outlets without a feed as listings whose pattern fits their known article addresses', () => {
    const pattern = (id: string): RegExp => {
      const source = sources.find((entry) => entry.id === id);
      expect(source?.kind).toBe('page');
      return new RegExp(source?.settings?.articlePattern ?? '$^', 'u');
    };
    expect(pattern('pozirk-en').test('https://pozirk.online/en/news/145567/')).toBe(true);
    expect(pattern('pozirk-en').test('https://pozirk.online/en/news/')).toBe(false);
    expect(pattern('pozirk-ru').test('https://pozirk.online/ru/news/201827')).toBe(true);
    const nam = pattern('nam-media');
    expect(
      nam.test('https://www.belarus-nau.org/en/post/u-s-to-extend-sanctions-against-lukashenko-regime'),
    ).toBe(true);
    expect(
      nam.test('https://belarus-nau.org/en/news/tpost/7mvygomvc1-law-conference-in-nuremberg-october-11'),
    ).toBe(false);
    expect(nam.test('https://www.belarus-nau.org/en/news/categories/expert-measures-en/page/5')).toBe(false);
    const voa = pattern('voa-editorials');
    expect(
      voa.test(
        'https://editorials.voa.gov/a/a-multilateral-effort-to-hold-lukashenka-regime-accountable/7741100.html',
      ),
    ).toBe(true);
    expect(sources.find((entry) => entry.id === 'vsedelo')?.paused).toBe(true);
  });
});

describe('parseCatalogue', () => {
  it('names the file and the field that is wrong', () => {
    const bad = JSON.stringify({ sources: [{ id: 'Bad Id', name: 'x', url: 'ftp://x' }] });
    expect(() => parseCatalogue(bad, 'my.json')).toThrow(ConfigError);
    expect(() => parseCatalogue(bad, 'my.json')).toThrow(/my\.json.*sources\.0\.id.*sources\.0\.url/);
  });

  const entry = (extra: Record<string, unknown>): string =>
    JSON.stringify({
      sources: [{ id: 'pozirk-en', name: 'Pozirk', url: 'https://pozirk.example/en/', ...extra }],
    });

  it('reads a feed by default and passes kind and article pattern on', () => {
    expect(parseCatalogue(entry({}), 'x.json')[0]).toMatchObject({ kind: 'feed' });
    expect(parseCatalogue(entry({}), 'x.json')[0]?.settings).toBeUndefined();
    const [page] = parseCatalogue(
      entry({ kind: 'page', articlePattern: '^https://pozirk\\.example/en/news/\\d+/?$' }),
      'x.json',
    );
    expect(page).toMatchObject({
      kind: 'page',
      settings: { articlePattern: '^https://pozirk\\.example/en/news/\\d+/?$' },
    });
    expect(parseCatalogue(entry({ kind: 'sitemap' }), 'x.json')[0]).toMatchObject({ kind: 'sitemap' });
  });

  it('names the entry whose article pattern does not compile, or whose kind is unknown', () => {
    expect(() => parseCatalogue(entry({ kind: 'page', articlePattern: '/news/(\\d+' }), 'my.json')).toThrow(
      /my\.json.*sources\.0\.articlePattern \(entry "pozirk-en"\): "\/news\/\(\\\\d\+" is not a valid regular expression/,
    );
    expect(() => parseCatalogue(entry({ kind: 'page', articlePattern: ' ' }), 'my.json')).toThrow(
      /entry "pozirk-en".*must not be empty/,
    );
    expect(() => parseCatalogue(entry({ articlePattern: '^/news/' }), 'my.json')).toThrow(
      /entry "pozirk-en"\) applies only to the kinds page and sitemap \(the entry is feed\)/,
    );
    expect(() => parseCatalogue(entry({ kind: 'scrape' }), 'my.json')).toThrow(
      /sources\.0\.kind: expected one of feed, api, sitemap, page/,
    );
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseCatalogue('{', 'x.json')).toThrow(/x\.json \(VIGIL_SOURCES\) is not valid JSON/);
  });
});

describe('source ids', () => {
  it('makes short slugs from names and addresses', () => {
    expect(slugify('Charter 97 (English)')).toBe('charter-97-english');
    expect(slugify('https://www.svaboda.org/z/1')).toBe('svaboda-org-z-1');
    expect(slugify('Наша Ніва')).toBe('source');
    expect(uniqueId('zerkalo', new Set(['zerkalo', 'zerkalo-2']))).toBe('zerkalo-3');
  });
});

describe('OPML', () => {
  const source = (id: string, name: string, url: string): Source => makeSource({ id, name, url });

  it('round-trips sources, escaping names', () => {
    const opml = renderOpml(
      [source('a', 'Viasna "spring" & <more>', 'https://spring96.org/en/rss?x=1&y=2')],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(opml).not.toContain('<more>');
    expect(parseOpml(opml)).toEqual([
      { title: 'Viasna "spring" & <more>', xmlUrl: 'https://spring96.org/en/rss?x=1&y=2', htmlUrl: null },
    ]);
  });

  it('flattens folders and refuses a document that is not OPML', () => {
    const nested = `<opml version="1.0"><body><outline text="Belarus"><outline text="Zerkalo" xmlUrl="https://news.zerkalo.io/rss/all.rss"/></outline></body></opml>`;
    expect(parseOpml(nested)).toEqual([
      { title: 'Zerkalo', xmlUrl: 'https://news.zerkalo.io/rss/all.rss', htmlUrl: null },
    ]);
    expect(() => parseOpml('<html><body>hi</body></html>')).toThrow(/not an OPML document/);
  });
});
