/**
 * The article-address pattern of a `page` or `sitemap` source (`settings.articlePattern`,
 * `--articles REGEX`): a regular expression that the absolute addresses of its articles match. Pure.
 */

/** Kinds that read article addresses from a listing or a sitemap, and so may carry a pattern. */
export const PATTERN_KINDS = ['page', 'sitemap'] as const;

/**
 * What is wrong with a pattern (to follow the name of the field or flag), or null when it compiles.
 * Checked in unicode mode, the stricter of JavaScript's two syntaxes, so it compiles in either.
 */
export function articlePatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'must not be empty';
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
}
