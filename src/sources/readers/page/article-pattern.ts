/**
 * Which links of a listing are articles: their addresses share one shape (a prefix, then an id, a date
 * or a slug). The shape that most links share wins, shapes with numbers before slug-only ones. Only
 * conventions are relied on, not page markup, so a redesign that keeps the addresses keeps working.
 */

/** Fewer links of one shape than this are not taken as a pattern. */
export const MIN_PATTERN_LINKS = 2;

const NUMBER = /^\d+$/;
const SLUG = /^(?=.*[\p{L}\p{N}])[\p{L}\p{N}%._~-]*[-_][\p{L}\p{N}%._~-]*$/u;
const FILE = /^[\p{L}\p{N}%_~-]+\.(?:html?|php|aspx?)$/iu;
const NOT_ARTICLES = new Set([
  'page',
  'tag',
  'tags',
  'category',
  'categories',
  'author',
  'authors',
  'search',
  'login',
  'feed',
  'wp-content',
  'wp-admin',
  'wp-json',
  'static',
  'assets',
  'cdn-cgi',
]);

/** The regular expression (source text) for one address's shape, or null when it cannot be an article. */
export function shapeOf(url: string): string | null {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0);
  if (segments.length === 0 || NOT_ARTICLES.has((segments[0] ?? '').toLowerCase())) return null;
  let variable = false;
  const parts = segments.map((segment) => {
    if (NUMBER.test(segment)) {
      variable = true;
      return '\\d+';
    }
    if (/^\d+[-_]/.test(segment) || SLUG.test(segment)) {
      variable = true;
      return /^\d+[-_]/.test(segment) ? '\\d+[-_][^/]+' : '[^/]+';
    }
    if (FILE.test(segment)) {
      variable = true;
      return `[^/]+\\.${segment.split('.').pop()?.toLowerCase()}`;
    }
    return escapeRegex(segment);
  });
  let query = '';
  const params = [...parsed.searchParams];
  if (params.length === 1 && NUMBER.test(params[0]?.[1] ?? '')) {
    variable = true;
    query = `\\?${escapeRegex(params[0]?.[0] ?? '')}=\\d+`;
  }
  if (!variable) return null;
  return `^https?://[^/]+/${parts.join('/')}/?${query}$`;
}

export interface FoundPattern {
  pattern: string;
  /** How many of the listing's links match it. */
  matches: number;
  why: string;
}

/** The most common article shape among `urls`, or null when no shape is shared by enough links. */
export function findArticlePattern(urls: readonly string[]): FoundPattern | null {
  const counts = new Map<string, number>();
  for (const url of urls) {
    const shape = shapeOf(url);
    if (shape !== null) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  let best: { shape: string; count: number; score: number } | null = null;
  for (const [shape, count] of counts) {
    // An id or a date in the address is the strongest sign of an article; slugs alone come next.
    const score = count * (shape.includes('\\d+') ? 2 : 1);
    if (count >= MIN_PATTERN_LINKS && (best === null || score > best.score)) best = { shape, count, score };
  }
  if (best === null) return null;
  return {
    pattern: best.shape,
    matches: best.count,
    why: `${best.count} of the page's ${urls.length} links share the address shape ${best.shape}`,
  };
}

/** Compiles a stored or given pattern; a bad one is a clear error naming it. */
export function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new Error(
      `the article pattern ${pattern} is not a valid regular expression: ${(error as Error).message}`,
    );
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
