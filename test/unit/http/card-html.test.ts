// Card blocks as page HTML: escaped, links only for web addresses, marks as <mark>, entries as a list.
import { describe, expect, it } from 'vitest';
import { cardBlocksHtml } from '../../../adapters/http/card-html.js';
import { MARK_END, MARK_START } from '../../../src/cards/card.js';

describe('cardBlocksHtml', () => {
  it('escapes feed text and links only http(s) addresses', () => {
    const out = cardBlocksHtml([
      { type: 'title', text: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' },
      {
        type: 'links',
        links: [
          { label: 'ok', url: 'https://example.org/a"b' },
          { label: 'data', url: 'data:text/html,x' },
        ],
      },
    ]);
    expect(out).toContain('<h2>&lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(out).toContain('<a href="https://example.org/a%22b" rel="noopener noreferrer">ok</a>');
    expect(out).toContain('<li>data</li>');
    expect(out).not.toContain('javascript:');
  });

  it('marks matched words in quotes, shows commands as code, drops control and bidi characters', () => {
    const out = cardBlocksHtml([
      { type: 'text', text: `EU ${MARK_START}sanctions${MARK_END} \u202Eevil`, quote: true },
      { type: 'text', text: 'Set: `digest daily 09:00`\nnext line' },
    ]);
    expect(out).toContain('<blockquote>EU <mark>sanctions</mark> evil</blockquote>');
    expect(out).toContain('<p>Set: <code>digest daily 09:00</code><br>next line</p>');
  });

  it('puts a run of entries in one ordered list, with their fields on one line', () => {
    const entry = (n: number) => ({
      type: 'entry' as const,
      blocks: [
        { type: 'title' as const, text: `Story ${n}`, url: `https://example.org/${n}`, ref: `#${n}` },
        {
          type: 'fields' as const,
          layout: 'inline' as const,
          fields: [
            { kind: 'text' as const, text: 'Charter 97', style: 'em' as const },
            { kind: 'date' as const, iso: '2026-12-04T06:00:00.000Z', withTime: true },
            { kind: 'list' as const, label: 'Also reported by', values: ['A', 'B', 'C'], max: 2 },
          ],
        },
      ],
    });
    const out = cardBlocksHtml([
      { type: 'text', text: 'head' },
      entry(1),
      entry(2),
      { type: 'buttons', buttons: [{ label: 'More', command: 'x' }] },
    ]);
    expect(out.match(/<ol class="entries">/g)).toHaveLength(1);
    expect(out).toContain(
      '<li><p><span class="meta">#1</span> <a href="https://example.org/1" rel="noopener noreferrer">Story 1</a></p><p class="meta"><em>Charter 97</em> · <time datetime="2026-12-04T06:00:00.000Z">2026-12-04 06:00 UTC</time> · Also reported by: A, B and 1 more</p></li>',
    );
    expect(out).not.toContain('More');
  });
});
