/** Snippets: the densest stretch of matches, marked, cut at word boundaries. */
import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from '../../../src/commands/reply.js';
import { makeSnippet, SNIPPET_LENGTH } from '../../../src/corpus/snippet.js';
import { termKey } from '../../../src/text/analyse.js';

const mark = (word: string) => `${MARK_START}${word}${MARK_END}`;
const keys = (...words: string[]) => new Set(words.map(termKey));

describe('makeSnippet', () => {
  it('marks every matched word in a short text', () => {
    expect(makeSnippet('t', 'New potash sanctions, and more potash.', keys('potash'))).toBe(
      `New ${mark('potash')} sanctions, and more ${mark('potash')}.`,
    );
  });

  it('shows the stretch with the most matches of a long text, with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = `${filler}potash once. ${filler}potash sanctions potash again. ${filler}`;
    const snippet = makeSnippet('t', text, keys('potash', 'sanctions'));
    expect(snippet).toContain(`${mark('potash')} ${mark('sanctions')} ${mark('potash')}`);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.replaceAll(/[\uE000\uE001…]/g, '').length).toBeLessThanOrEqual(SNIPPET_LENGTH);
  });

  it('uses the title when there is no text, and strips forged marks', () => {
    expect(makeSnippet('Potash talks', '', keys('potash'))).toBe(`${mark('Potash')} talks`);
    expect(makeSnippet('t', `a \uE000b\uE001  c`, new Set())).toBe('a b c');
  });
});
