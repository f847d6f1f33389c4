/** Parses feed text (RSS 0.9x/1.0/2.0, Atom, RDF through rss-parser; JSON Feed by hand) into normalised items. */
import Parser from 'rss-parser';
import { FeedError } from '../errors.js';
import { canonicalUrl } from './canonical-url.js';
import type { ParsedFeed } from './feed-item.js';
import { htmlToLine } from './html-to-text.js';
import { parseJsonFeed } from './json-feed.js';
import { type NormaliseContext, normaliseItem, normaliseLanguage, type RawEntry } from './normalise-item.js';
import { findRoot, type RootElement } from './xml-root.js';

type Fields = Record<string, unknown>;
type RssParser = Parser<Fields, Fields>;
type FeedKind = ParsedFeed['kind'];

export interface ParseMeta {
  /** The address the text came from: the base for relative links. */
  url?: string | null;
  /** ISO 8601 time of the fetch: the date of items that give none. */
  fetchedAt: string;
}

// rss-parser drops guid attributes (isPermaLink) and throws RangeError on one bad Atom date
// (`new Date(entry.published).toISOString()`, lib/parser.js parseItemAtom), failing the whole feed.
// So keep the raw guid, and rename Atom date elements before rss-parser sees them; we parse dates ourselves.
const ITEM_FIELDS: [string, string, { keepArray: boolean }][] = [
  ['guid', 'vigilGuid', { keepArray: true }],
  ['vigil-published', 'vigilPublished', { keepArray: false }],
  ['vigil-updated', 'vigilUpdated', { keepArray: false }],
  ['vigil-issued', 'vigilIssued', { keepArray: false }],
  ['vigil-modified', 'vigilModified', { keepArray: false }],
  ['vigil-created', 'vigilCreated', { keepArray: false }],
  ['id', 'id', { keepArray: false }],
  ['media:title', 'mediaTitle', { keepArray: false }],
  ['media:description', 'mediaDescription', { keepArray: false }],
  ['vigil-link', 'vigilLinks', { keepArray: true }],
  ['vigil-description', 'vigilDescription', { keepArray: false }],
  ['vigil-encoded', 'vigilEncoded', { keepArray: false }],
];
const FEED_FIELDS: [string, string, { keepArray: boolean }][] = [
  ['vigil-link', 'vigilLinks', { keepArray: true }],
];
// Atom <link> is renamed too: rss-parser reads `link.$.rel` unchecked and a <link> without attributes
// (seen in the wild) throws a TypeError that fails the whole feed.
const ATOM_RENAMES: Record<string, string> = {
  link: 'vigil-link',
  published: 'vigil-published',
  updated: 'vigil-updated',
  // Atom 0.3 names.
  issued: 'vigil-issued',
  modified: 'vigil-modified',
  created: 'vigil-created',
};
// rss-parser turns every RSS description and content:encoded into a `contentSnippet` with regexes and an
// entity decoder, work we redo properly: renamed, it skips that, and parsing runs about a third faster.
const RSS_RENAMES: Record<string, string> = {
  description: 'vigil-description',
  'content:encoded': 'vigil-encoded',
};
// In sax's lenient mode element names arrive upper-cased; these are the mixed-case names rss-parser reads.
const MIXED_CASE: Record<string, string> = {
  'rdf:rdf': 'rdf:RDF',
  pubdate: 'pubDate',
  lastbuilddate: 'lastBuildDate',
  managingeditor: 'managingEditor',
  webmaster: 'webMaster',
  skiphours: 'skipHours',
  skipdays: 'skipDays',
};
// XML 1.0 §2.2 forbids these characters; real feeds contain them and strict parsers stop there.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const CHANNEL = /<(?:[\w.-]+:)?channel[\s>/]/i;
const NAMESPACE_DECLARATION = /xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g;
const ATOM_NAMESPACES = new Set(['http://www.w3.org/2005/atom', 'http://purl.org/atom/ns#']);
const RSS1_NAMESPACES = new Set(['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/']);

/**
 * Parses a decoded feed document. Throws FeedError 'parse' naming the reason when the whole document
 * is unusable; entries that cannot be normalised are listed in `rejected` and the rest still come through.
 */
export async function parseFeed(text: string, meta: ParseMeta): Promise<ParsedFeed> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = firstSignificantChar(body);
  if (first === null) throw new FeedError('parse', 'not a feed: the document is empty');
  if (first === '{') return fromJsonFeed(body, meta);
  if (first === '[') throw new FeedError('parse', 'not a feed: a JSON array, not a JSON Feed object');

  const root = findRoot(body);
  if (root.kind !== 'element') throw new FeedError('parse', `not a feed: ${root.description}`);
  const kind = feedKind(root);
  if (kind === null) throw new FeedError('parse', `not a feed: root element <${root.name}>`);

  const xml = body.slice(root.start).replace(ILLEGAL_XML_CHARS, '');
  // rss-parser dereferences `channel[0]` unchecked; a channel-less document is an empty feed, not a crash.
  if (kind !== 'atom' && !CHANNEL.test(xml)) return emptyFeed(kind);
  const output = await parseXml(xml, kind, vocabularyPrefix(root.tag, kind), root.name);
  return buildFeed(output, kind, meta);
}

function emptyFeed(kind: FeedKind): ParsedFeed {
  return { title: '', siteUrl: null, kind, ttlMinutes: null, items: [], rejected: [] };
}

/** The prefix a document binds to its own feed vocabulary (`<a:feed xmlns:a="…/Atom">`), stripped before rss-parser. */
function vocabularyPrefix(rootTag: string, kind: Exclude<FeedKind, 'json'>): string | null {
  const namespaces = kind === 'atom' ? ATOM_NAMESPACES : kind === 'rdf' ? RSS1_NAMESPACES : null;
  if (namespaces === null) return null;
  for (const match of rootTag.matchAll(NAMESPACE_DECLARATION)) {
    if (namespaces.has((match[2] ?? '').trim().toLowerCase())) return match[1] ?? null;
  }
  return null;
}

function firstSignificantChar(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return text[i] ?? null;
  }
  return null;
}

function feedKind(root: Extract<RootElement, { kind: 'element' }>): Exclude<FeedKind, 'json'> | null {
  const local = root.local.toLowerCase();
  if (local === 'rss') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  return null;
}

async function parseXml(
  xml: string,
  kind: Exclude<FeedKind, 'json'>,
  prefix: string | null,
  rootName: string,
): Promise<Fields> {
  try {
    return await settled(parserFor(kind, prefix, true).parseString(xml));
  } catch (strictError) {
    // rss-parser found a root it does not know (a prefixed <x:feed> outside the Atom namespace, say).
    if (strictError instanceof Error && strictError.message.startsWith('Feed not recognized')) {
      throw new FeedError('parse', `not a feed: root element <${rootName}>`, { cause: strictError });
    }
    if (!isXmlError(strictError)) throw structureError(kind, strictError);
    // Not well-formed (bare "&", HTML entities, undeclared prefixes...): sax's lenient mode reads what a
    // browser would; a document cut off mid-way gets its root closed. Only if both fail is it unusable.
    const lenient = parserFor(kind, prefix, false);
    try {
      return await settled(lenient.parseString(xml));
    } catch (lenientError) {
      if (!isXmlError(lenientError)) throw structureError(kind, lenientError);
      try {
        return await settled(lenient.parseString(closeTruncated(xml, rootName)));
      } catch {
        throw new FeedError('parse', `malformed XML: ${firstLine(strictError)}`, { cause: strictError });
      }
    }
  }
}

/**
 * xml2js parses synchronously, so rss-parser's promise is settled before the next macrotask; one that is
 * not never will be (a callback lost inside xml2js), and must fail rather than hang the poll.
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    promise.then(
      (value) => {
        done = true;
        resolve(value);
      },
      (error: unknown) => {
        done = true;
        reject(error);
      },
    );
    setImmediate(() => {
      if (!done) reject(new Error('the XML parser stopped without a result'));
    });
  });
}

/** Drops a trailing partial tag and closes the root; sax's lenient mode closes whatever is still open inside. */
function closeTruncated(xml: string, rootName: string): string {
  const lastOpen = xml.lastIndexOf('<');
  const cut = lastOpen > xml.lastIndexOf('>') ? xml.slice(0, lastOpen) : xml;
  return `${cut}</${rootName}>`;
}

/** xml2js reports sax errors as plain Errors; a TypeError or RangeError comes from rss-parser reading the tree. */
function isXmlError(error: unknown): boolean {
  return error instanceof Error && !(error instanceof TypeError) && !(error instanceof RangeError);
}

function structureError(kind: FeedKind, error: unknown): FeedError {
  return new FeedError('parse', `not a usable ${kind} document: ${firstLine(error)}`, { cause: error });
}

// A fresh parser per document: xml2js keeps state between parseString calls, and after an error thrown
// inside its 'end' handler a reused instance can leave the next parse unresolved.
function parserFor(kind: Exclude<FeedKind, 'json'>, prefix: string | null, strict: boolean): RssParser {
  const atom = kind === 'atom';
  const stripPrefix = prefix ? `${strict ? prefix : prefix.toLowerCase()}:` : null;
  const renameTag = (name: string): string => {
    let n = strict ? name : name.toLowerCase();
    if (!strict) n = MIXED_CASE[n] ?? n;
    if (stripPrefix && n.startsWith(stripPrefix)) n = n.slice(stripPrefix.length);
    return (atom ? ATOM_RENAMES[n] : RSS_RENAMES[n]) ?? n;
  };
  return new Parser<Fields, Fields>({
    // An <rss> root without a version attribute is read as RSS 2.0 (rss-parser rejects it otherwise).
    defaultRSS: 2,
    // index.d.ts types feed fields as bare names, but lib/utils.js copyFromXML takes [from, to, options]
    // for feed and item alike.
    customFields: { item: ITEM_FIELDS, feed: FEED_FIELDS as unknown as string[] },
    xml2js: {
      strict,
      tagNameProcessors: [renameTag],
      ...(strict ? {} : { attrNameProcessors: [(name: string) => name.toLowerCase()] }),
    },
  });
}

function buildFeed(output: Fields, kind: Exclude<FeedKind, 'json'>, meta: ParseMeta): ParsedFeed {
  const siteUrl = canonicalUrl(textOf(output.link) ?? atomLink(output.vigilLinks), meta.url ?? null);
  const context: NormaliseContext = {
    baseUrl: siteUrl ?? meta.url ?? null,
    feedLanguage: normaliseLanguage(textOf(output.language)),
    fetchedAt: meta.fetchedAt,
  };
  const rawItems = Array.isArray(output.items) ? (output.items as unknown[]) : [];
  const entries = rawItems.map((item) =>
    isRecord(item)
      ? { ok: true as const, entry: toRawEntry(item) }
      : { ok: false as const, reason: 'empty entry' },
  );
  const ttl = Number.parseInt(textOf(output.ttl) ?? '', 10);
  return finish(
    {
      title: htmlToLine(textOf(output.title)),
      siteUrl,
      kind,
      ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    },
    entries,
    context,
  );
}

function fromJsonFeed(text: string, meta: ParseMeta): ParsedFeed {
  const { feed, entries } = parseJsonFeed(text);
  const siteUrl = canonicalUrl(feed.home_page_url, meta.url ?? null);
  return finish(
    { title: htmlToLine(escapePlain(feed.title ?? '')), siteUrl, kind: 'json', ttlMinutes: null },
    entries,
    {
      baseUrl: siteUrl ?? meta.url ?? null,
      feedLanguage: normaliseLanguage(feed.language),
      fetchedAt: meta.fetchedAt,
    },
  );
}

function finish(
  head: Omit<ParsedFeed, 'items' | 'rejected'>,
  entries: ({ ok: true; entry: RawEntry } | { ok: false; reason: string })[],
  context: NormaliseContext,
): ParsedFeed {
  const items: ParsedFeed['items'] = [];
  const rejected: ParsedFeed['rejected'] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (!entry.ok) {
      rejected.push({ index, reason: entry.reason });
      return;
    }
    const result = normaliseItem(entry.entry, context);
    if (!result.ok) {
      rejected.push({ index, reason: result.reason });
      return;
    }
    // The first entry with a guid wins; later copies in the same document are the feed's own mistake.
    if (seen.has(result.item.guid)) {
      rejected.push({ index, reason: `duplicate guid ${result.item.guid}` });
      return;
    }
    seen.add(result.item.guid);
    items.push(result.item);
  });
  return { ...head, items, rejected };
}

function toRawEntry(item: Fields): RawEntry {
  const guidNode = Array.isArray(item.vigilGuid) ? (item.vigilGuid[0] as unknown) : undefined;
  const guid = textOf(guidNode) ?? textOf(item.id) ?? textOf(item['rdf:about']);
  const permaLinkAttr = isRecord(guidNode) && isRecord(guidNode.$) ? guidNode.$ : null;
  const permaLink = permaLinkAttr ? textOf(permaLinkAttr.isPermaLink ?? permaLinkAttr.ispermalink) : null;
  const content = textOf(item.vigilEncoded) ?? textOf(item['content:encoded']);
  return {
    guid,
    guidIsPermaLink: permaLink?.trim().toLowerCase() !== 'false',
    link: textOf(item.link) ?? atomLink(item.vigilLinks),
    titleHtml: textOf(item.title) || textOf(item.mediaTitle),
    bodyHtml: [
      content,
      textOf(item.vigilDescription),
      textOf(item.content),
      textOf(item.summary),
      textOf(item.mediaDescription),
    ],
    dates: [
      textOf(item.pubDate),
      textOf(item.vigilPublished),
      textOf(item.vigilIssued),
      textOf(item.vigilCreated),
      textOf(item.date),
      textOf(item.vigilUpdated),
      textOf(item.vigilModified),
    ],
    language: textOf(item.language),
  };
}

const NOT_THE_PAGE = new Set([
  'self',
  'edit',
  'enclosure',
  'replies',
  'via',
  'license',
  'hub',
  'next',
  'previous',
]);

/** An Atom entry's or feed's page: the rel="alternate" link (rel defaults to it, RFC 4287 §4.2.7.2), else another. */
function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  let fallback: string | null = null;
  for (const link of links as unknown[]) {
    const attributes = isRecord(link) && isRecord(link.$) ? link.$ : null;
    const href = attributes ? textOf(attributes.href) : textOf(link);
    if (!href) continue;
    const rel = (attributes ? textOf(attributes.rel) : null)?.trim().toLowerCase() ?? 'alternate';
    if (rel === 'alternate') return href;
    if (fallback === null && !NOT_THE_PAGE.has(rel)) fallback = href;
  }
  return fallback;
}

/** The text of an xml2js value: a string, the `_` text of an element with attributes, or its text leaves. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length > 0 ? textOf(value[0]) : null;
  if (isRecord(value)) {
    if (typeof value._ === 'string') return value._;
    const parts: string[] = [];
    collectText(value, parts, 0);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  return null;
}

function collectText(value: unknown, parts: string[], depth: number): void {
  if (depth > 20) return;
  if (typeof value === 'string') parts.push(value);
  else if (Array.isArray(value)) for (const v of value) collectText(v, parts, depth + 1);
  else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) if (key !== '$') collectText(v, parts, depth + 1);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePlain(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() ?? message;
}
