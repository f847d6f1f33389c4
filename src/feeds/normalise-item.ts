/** Turns one raw feed entry into a NormalisedItem: identity, canonical link, plain text, real date, language. */
import { createHash } from 'node:crypto';
import { detectLanguage } from '../text/detect-language.js';
import { canonicalUrl } from './canonical-url.js';
import { contentHash } from './content-hash.js';
import type { Language, NormalisedItem } from './feed-item.js';
import { LANGUAGES } from './feed-item.js';
import { htmlToLine, htmlToText } from './html-to-text.js';
import { parseDate } from './parse-date.js';

/** An entry as a feed format gives it, before any cleaning. HTML fields may hold markup. */
export interface RawEntry {
  guid: string | null;
  /** RSS `isPermaLink`: when not false, a URL-shaped guid is the item's link. */
  guidIsPermaLink: boolean;
  link: string | null;
  titleHtml: string | null;
  /** Full content first, then the summary: the first non-empty one becomes the text. */
  bodyHtml: (string | null)[];
  /** Date candidates, most specific first (published before updated). */
  dates: (string | null)[];
  language: string | null;
}

export interface NormaliseContext {
  /** Base for relative links: the feed's site, else the feed's own address. */
  baseUrl: string | null;
  feedLanguage: Language | null;
  /** ISO 8601 time of the fetch: the fallback date. */
  fetchedAt: string;
}

export type NormaliseResult = { ok: true; item: NormalisedItem } | { ok: false; reason: string };

// Feed text beyond this is page dumps, not stories; it only slows classification and storage.
const MAX_TEXT_CHARS = 50_000;
const MAX_GUID_CHARS = 2048;
const MAX_TITLE_CHARS = 1000;
// The opening of a story tells its language as well as the whole does, at a fraction of the cost.
const LANGUAGE_SAMPLE_CHARS = 400;
// A publication date this far after the fetch is a broken clock or a typo, not a scheduled story.
const FUTURE_TOLERANCE_MS = 24 * 3600_000;
const SENTENCE_END = /[.!?…](?:\s|$)/;
const HTTP_URL = /^https?:\/\//i;
const SLUG_EXTENSION = /\.[a-z0-9]{1,5}$/i;
const SLUG_SEPARATORS = /[-_+]+/g;

const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES);
// Codes feeds use for our languages that are not the ISO 639-1 code ("by" is the country, "be" the language).
const LANGUAGE_ALIASES: Record<string, Language> = { by: 'be', bel: 'be', rus: 'ru', ukr: 'uk', ua: 'uk' };

export function normaliseItem(raw: RawEntry, context: NormaliseContext): NormaliseResult {
  let title = htmlToLine(raw.titleHtml);
  let text = '';
  for (const body of raw.bodyHtml) {
    text = htmlToText(body);
    if (text.length > 0) break;
  }
  if (text.length > MAX_TEXT_CHARS) text = truncateAtLine(text, MAX_TEXT_CHARS);
  if (title.length > 0 && text.includes(title)) text = withoutLine(text, title);
  const guidText = raw.guid?.trim() ?? '';
  const guid = guidText.length > 0 && guidText.length <= MAX_GUID_CHARS ? guidText : null;
  let url = canonicalUrl(raw.link, context.baseUrl);
  if (url === null && guid !== null && raw.guidIsPermaLink && HTTP_URL.test(guid)) url = canonicalUrl(guid);

  if (title.length === 0) title = text.length > 0 ? titleFromText(text) : titleFromUrl(url);
  if (title.length === 0) return { ok: false, reason: 'entry has no title, no text and no link' };
  if (title.length > MAX_TITLE_CHARS) title = `${title.slice(0, MAX_TITLE_CHARS - 1)}…`;

  const parsedFetch = Date.parse(context.fetchedAt);
  const fetchedMs = Number.isNaN(parsedFetch) ? Date.now() : parsedFetch;
  let publishedAt: string | null = null;
  for (const candidate of raw.dates) {
    const parsed = parseDate(candidate);
    if (parsed !== null && !(Date.parse(parsed) > fetchedMs + FUTURE_TOLERANCE_MS)) {
      publishedAt = parsed;
      break;
    }
  }
  const publishedAtEstimated = publishedAt === null;
  if (publishedAt === null) publishedAt = new Date(fetchedMs).toISOString();

  const identity = guid ?? url ?? `sha256:${sha256(`${title}\n${publishedAtEstimated ? '' : publishedAt}`)}`;
  const language =
    detectLanguage(text.length > 0 ? `${title}\n${text.slice(0, LANGUAGE_SAMPLE_CHARS)}` : title) ??
    normaliseLanguage(raw.language) ??
    context.feedLanguage;

  return {
    ok: true,
    item: {
      guid: identity,
      url,
      title,
      text,
      publishedAt,
      publishedAtEstimated,
      language,
      contentHash: contentHash(title, text),
    },
  };
}

/** A feed's language code ("ru-RU", "be-by", "BY") as one of ours, or null. */
export function normaliseLanguage(code: string | null | undefined): Language | null {
  if (!code) return null;
  const primary = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (KNOWN_LANGUAGES.has(primary)) return primary as Language;
  return LANGUAGE_ALIASES[primary] ?? null;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function titleFromText(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const end = SENTENCE_END.exec(firstLine);
  const sentence = end && end.index < 160 ? firstLine.slice(0, end.index + 1) : firstLine;
  return sentence.length > 160 ? `${sentence.slice(0, 159).trimEnd()}…` : sentence;
}

/** A title-less, text-less entry is still a link: name it after its slug, as newsboat does. */
function titleFromUrl(url: string | null): string {
  if (url === null) return '';
  const segments = new URL(url).pathname.split('/').filter((s) => s.length > 0);
  const last = segments[segments.length - 1];
  if (last === undefined) return '';
  let slug: string;
  try {
    slug = decodeURIComponent(last);
  } catch {
    slug = last;
  }
  const words = slug.replace(SLUG_EXTENSION, '').replace(SLUG_SEPARATORS, ' ').replace(/'/g, '').trim();
  return words.length > 0 ? words[0]!.toUpperCase() + words.slice(1) : '';
}

/** Page captures repeat the headline in the body (sometimes twice); the title already carries it. */
function withoutLine(text: string, line: string): string {
  return text
    .split('\n')
    .filter((l) => l !== line)
    .join('\n');
}

function truncateAtLine(text: string, max: number): string {
  const cut = text.lastIndexOf('\n', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}
