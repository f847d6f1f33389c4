/** Finds the feed behind a site address through the page's <link rel="alternate"> (RSS, Atom, JSON Feed). */
import { Parser } from 'htmlparser2';
import { FeedError } from '../errors.js';
import { decodeFeedBytes } from './decode.js';
import type { ParsedFeed } from './feed-item.js';
import { type FetchOptions, fetchFeed, resolveLimits, throwForStatus } from './fetch-feed.js';
import { httpGet } from './http-get.js';
import { parseFeed } from './parse-feed.js';

export interface DiscoveredFeed {
  feedUrl: string;
  title: string;
  kind: ParsedFeed['kind'];
}

interface Candidate {
  href: string;
  title: string;
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/json',
]);
// Tried in page order, comment feeds last; a page rarely links more than a handful that matter.
const MAX_CANDIDATES = 4;
const COMMENTS = /comment|коммент|камент|комент/i;

/**
 * Returns the feed at `url` itself when it is one, else the first working feed the HTML page links.
 * Throws FeedError 'parse' when the page links none, or none of them parses.
 */
export async function discoverFeed(url: string, options: FetchOptions): Promise<DiscoveredFeed> {
  const response = await httpGet(url, {}, resolveLimits(options));
  throwForStatus(response);
  const contentType = firstHeader(response.headers['content-type']);
  const text = decodeFeedBytes(response.body, contentType);
  const fetchedAt = new Date().toISOString();
  const base = response.permanentRedirectTo ?? url;

  try {
    const feed = await parseFeed(text, { url: response.finalUrl, fetchedAt });
    return { feedUrl: base, title: feed.title, kind: feed.kind };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
  }

  const candidates = findAlternates(text, response.finalUrl);
  if (candidates.length === 0) {
    throw new FeedError('parse', `no feed found at ${url}: the page links no RSS, Atom or JSON Feed`);
  }
  const reasons: string[] = [];
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    try {
      const result = await fetchFeed({ url: candidate.href }, options);
      if (result.status !== 'ok') continue;
      const feed = await parseFeed(result.text, { url: result.finalUrl, fetchedAt });
      return {
        feedUrl: result.permanentRedirectTo ?? candidate.href,
        title: feed.title || candidate.title,
        kind: feed.kind,
      };
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      reasons.push(`${candidate.href}: ${error.message}`);
    }
  }
  throw new FeedError('parse', `no working feed found at ${url} (${reasons.join('; ')})`);
}

/** The page's feed links, resolved against its <base> and address, comment feeds after the others. */
export function findAlternates(html: string, pageUrl: string): Candidate[] {
  const found: Candidate[] = [];
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes.href) {
          base = resolve(attributes.href, pageUrl) ?? base;
          return;
        }
        if (name !== 'link' && name !== 'a') return;
        const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attributes.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
        if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !attributes.href) return;
        const href = resolve(attributes.href, base);
        if (href && !found.some((c) => c.href === href))
          found.push({ href, title: attributes.title?.trim() ?? '' });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return [...found.filter((c) => !COMMENTS.test(c.title)), ...found.filter((c) => COMMENTS.test(c.title))];
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function firstHeader(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
