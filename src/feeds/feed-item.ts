/** The shapes a feed turns into: one parsed feed and its normalised items. */

/**
 * Languages vigil detects and classifies (the classifier has a vocabulary for each); `null` when
 * the text gives no usable signal. `be` includes Łacinka; `hr` stands for Serbian, Croatian and
 * Bosnian in Latin script, `sr` for Serbian in Cyrillic.
 */
export const LANGUAGES = [
  'en',
  'ru',
  'uk',
  'be',
  'pl',
  'lt',
  'ar',
  'az',
  'bg',
  'cs',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'hi',
  'hr',
  'hu',
  'hy',
  'it',
  'ja',
  'ka',
  'kk',
  'ky',
  'lv',
  'nl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sr',
  'sv',
  'tr',
  'zh',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** One feed entry after parsing and normalisation: plain text, a stable identity, a real date. */
export interface NormalisedItem {
  /** Stable identity within its source: guid, else canonical link, else a hash of title and date. */
  guid: string;
  /** Canonical link (tracking parameters and fragment removed), or null when the entry has none. */
  url: string | null;
  title: string;
  /** Plain text of the summary/content: tags stripped, entities decoded, outlet boilerplate removed. */
  text: string;
  /** ISO 8601. */
  publishedAt: string;
  /** True when the feed gave no usable date and `publishedAt` is the fetch time. */
  publishedAtEstimated: boolean;
  language: Language | null;
  /** sha256 of the normalised title + text, used to link the same story across sources. */
  contentHash: string;
}

export interface ParsedFeed {
  title: string;
  /** The site the feed belongs to, when it says. */
  siteUrl: string | null;
  kind: 'rss' | 'atom' | 'rdf' | 'json';
  /** Minutes the feed may be cached (RSS `<ttl>`), when given. */
  ttlMinutes: number | null;
  items: NormalisedItem[];
  /** Entries that could not be turned into items, with the reason. */
  rejected: { index: number; reason: string }[];
}
