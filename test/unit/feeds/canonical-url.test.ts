/** canonicalUrl: tracking parameters and fragments removed, the rest of the address kept as the site wrote it. */
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/feeds/canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    [
      'https://charter97.org/en/news/2024/6/21/1?utm_source=rss&utm_medium=feed',
      'https://charter97.org/en/news/2024/6/21/1',
    ],
    ['https://example.org/a?id=5&fbclid=abc#comments', 'https://example.org/a?id=5'],
    ['https://example.org/a?gclid=1&b=2&yclid=3&c=4', 'https://example.org/a?b=2&c=4'],
    ['https://example.org/a?UTM_Campaign=x&_ga=1&mc_cid=2', 'https://example.org/a'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?b=2&a=1'],
    ['http://example/?a=1&b=2&c', 'http://example/?a=1&b=2&c'],
    ['HTTPS://Example.ORG:443/Path', 'https://example.org/Path'],
    ['https://user:secret@example.org/x', 'https://example.org/x'],
    [
      'https://example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
      'https://example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
    ],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('resolves relative links against the base', () => {
    expect(canonicalUrl('/news/1?utm_source=x', 'https://zerkalo.io/')).toBe('https://zerkalo.io/news/1');
    expect(canonicalUrl('detail/2', 'http://www.arcgames.com/en/news/')).toBe(
      'http://www.arcgames.com/en/news/detail/2',
    );
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<b>x</b>'],
    ['mailto:a@b.c'],
    ['not a url'],
    [''],
    [null],
  ])('refuses %s', (input) => {
    expect(canonicalUrl(input)).toBeNull();
  });
});
