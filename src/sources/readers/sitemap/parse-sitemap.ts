/**
 * Sitemaps (sitemaps.org 0.9, with Google's news extension) read as a stream of tags: an index lists
 * sitemaps, a urlset lists pages. Bounded: at most MAX_SITEMAP_ENTRIES entries are kept per file, as
 * the protocol allows, so a sitemap bomb costs its byte limit and no more.
 */
import { Parser } from 'htmlparser2';

export const MAX_SITEMAP_ENTRIES = 50_000;

export interface SitemapEntry {
  loc: string;
  /** The news publication date, else lastmod, as written. */
  date: string | null;
  title: string | null;
}

export interface Sitemap {
  kind: 'index' | 'urlset';
  entries: SitemapEntry[];
  /** Entries beyond the bound that were not kept. */
  dropped: number;
}

/** Parses a sitemap or sitemap index; null when the text is neither. */
export function parseSitemap(xml: string): Sitemap | null {
  let kind: Sitemap['kind'] | null = null;
  const entries: SitemapEntry[] = [];
  let dropped = 0;
  let current: { loc: string; lastmod: string; published: string; title: string } | null = null;
  let field: 'loc' | 'lastmod' | 'published' | 'title' | null = null;
  const parser = new Parser(
    {
      onopentag(raw) {
        const name = local(raw);
        if (kind === null) {
          if (name === 'sitemapindex') kind = 'index';
          else if (name === 'urlset') kind = 'urlset';
          return;
        }
        if (name === 'url' || name === 'sitemap')
          current = { loc: '', lastmod: '', published: '', title: '' };
        else if (current && name === 'loc' && raw.indexOf(':') === -1) field = 'loc';
        else if (current && name === 'lastmod') field = 'lastmod';
        else if (current && name === 'publication_date') field = 'published';
        else if (current && name === 'title' && raw.startsWith('news:')) field = 'title';
      },
      ontext(text) {
        if (current && field && current[field].length < 2048) current[field] += text;
      },
      onclosetag(raw) {
        const name = local(raw);
        if (name === 'url' || name === 'sitemap') {
          if (current?.loc.trim()) {
            if (entries.length < MAX_SITEMAP_ENTRIES) {
              entries.push({
                loc: current.loc.trim(),
                date: current.published.trim() || current.lastmod.trim() || null,
                title: current.title.trim() || null,
              });
            } else dropped++;
          }
          current = null;
        }
        field = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return kind === null ? null : { kind, entries, dropped };
}

function local(name: string): string {
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

/** Newest first by date; entries without a date keep their order after the dated ones. */
export function newestFirst<T extends { date: string | null }>(entries: readonly T[]): T[] {
  const time = (entry: T) => {
    const ms = entry.date ? Date.parse(entry.date) : Number.NaN;
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return entries
    .map((entry, index) => ({ entry, index, ms: time(entry) }))
    .sort((a, b) => b.ms - a.ms || a.index - b.index)
    .map(({ entry }) => entry);
}
