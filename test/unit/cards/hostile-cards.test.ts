// Issue 13: feed text is cleaned in one place (src/cards/clean-text.ts) and escaped once per format.
// The same hostile card goes through every shipped renderer: nothing in it becomes markup, a
// mention, a link, a control or a reordering of the text around it.
import { describe, expect, it } from 'vitest';
import { renderCard as renderConsole } from '../../../adapters/console/render.js';
import { renderCard as renderSlack } from '../../../adapters/slack/render.js';
import { renderCard as renderTelegram } from '../../../adapters/telegram/render.js';
import { alertCard } from '../../../src/alerts/build-alert.js';
import { type Card, MARK_END, MARK_START } from '../../../src/cards/card.js';
import { httpUrl } from '../../../src/cards/card-url.js';
import { cleanText, markedRuns, oneLine, shortLine, truncate } from '../../../src/cards/clean-text.js';
import { replyCard } from '../../../src/commands/reply.js';
import { blocksProblem } from '../../fakes/fake-slack-api.js';
import { parseTelegramHtml } from '../../fakes/fake-telegram-api.js';

const HOSTILE =
  '<!channel> <!here|here> <@U123> <b>bold</b> Tom & Jerry &amp; ＜!channel＞ @everyone ' +
  '\u202Egnp.exe\u202C \u2066isolate\u2069 \u200Fmark \u001b[2J\u0007bell <https://evil.example|Your Bank>';
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function hostileCards(): Card[] {
  const alert = alertCard({
    itemId: 9,
    title: HOSTILE,
    url: 'https://example.org/a?b=1&c=<x>|y',
    sourceName: `Outlet ${HOSTILE}`,
    publishedAt: '2025-06-10T12:00:00Z',
    labels: ['sanctions', HOSTILE],
    matchedTerms: [HOSTILE],
    snippet: `${HOSTILE} ${MARK_START}potash${MARK_END}`,
    alsoReportedBy: [HOSTILE],
    reason: `watch: ${HOSTILE}`,
  });
  const reply = replyCard({
    title: HOSTILE,
    lines: [`No command \`${HOSTILE}\`; ${HOSTILE}`],
    items: [
      {
        id: 3,
        title: HOSTILE,
        url: 'javascript:alert(1)',
        source: HOSTILE,
        publishedAt: '2025-06-10T12:00:00Z',
        labels: [HOSTILE],
        snippet: HOSTILE,
      },
    ],
    buttons: [{ label: HOSTILE, command: 'search potash --page 2' }],
  });
  const withBlocks: Card = {
    kind: 'notice',
    summary: HOSTILE,
    blocks: [
      {
        type: 'links',
        links: [
          { label: HOSTILE, url: 'https://example.org/' },
          { label: 'x', url: 'data:,x' },
        ],
      },
      { type: 'image', alt: HOSTILE, png: new Uint8Array() },
    ],
  };
  return [alert, reply, withBlocks];
}

describe('every renderer, one hostile card', () => {
  it('Slack: no broadcast, mention, link or bold comes from feed text; the layout is valid', () => {
    for (const card of hostileCards()) {
      const message = renderSlack(card);
      // Slack parses mrkdwn only: a button's plain_text label shows `<!channel>` as typed.
      const wire = JSON.stringify(message, (_key, value: unknown) =>
        (value as { type?: string } | null)?.type === 'plain_text' ? null : value,
      );
      for (const raw of ['<!channel>', '<!here', '<@U123>', '<b>', '<https://evil.example', 'javascript:'])
        expect(wire).not.toContain(raw);
      expect(wire).not.toMatch(BIDI);
      expect(message.text).not.toMatch(CONTROL);
      expect(blocksProblem(message.blocks)).toBeNull();
    }
  });

  it('Telegram: the HTML parses, shows the text literally and links only http(s)', () => {
    for (const card of hostileCards()) {
      for (const message of renderTelegram(card, { callbackData: (command) => `c:${command}` })) {
        const parsed = parseTelegramHtml(message.text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(parsed.text).not.toMatch(BIDI);
          expect(parsed.text).not.toMatch(CONTROL);
        }
        expect(message.text).not.toContain('<b>bold</b>');
        expect(message.text).not.toContain('javascript:');
        expect(message.text).not.toContain('href="data:');
      }
    }
  });

  it('console: feed text literal, no terminal control or bidi characters', () => {
    for (const card of hostileCards()) {
      const text = renderConsole(card);
      expect(text).not.toMatch(CONTROL);
      expect(text).not.toMatch(BIDI);
      expect(text).not.toContain('javascript:');
    }
    expect(renderConsole(hostileCards()[0] as Card)).toContain('<b>bold</b>');
  });
});

describe('clean-text', () => {
  it('drops controls and bidi controls, keeps newlines and tabs, repairs broken surrogates', () => {
    expect(cleanText('a\u0000b\u0007c\nd\te')).toBe('abc\nd\te');
    expect(cleanText('\u202Bx\u202C \u2067y\u2069 \u200Fz\u061C')).toBe('x y z');
    expect(cleanText('half \uD83D emoji 😀')).toBe('half \uFFFD emoji 😀');
  });

  it('makes one short line, never cutting an emoji in half', () => {
    expect(oneLine(' a \n\t b ')).toBe('a b');
    expect(oneLine('zero\uFEFFwidth')).toBe('zero\uFEFFwidth');
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(shortLine(`x${MARK_START}y${MARK_END}\n z`, 10)).toBe('xy z');
  });

  it('splits marked words into runs; a mark left open runs to the end, a stray close is dropped', () => {
    expect(markedRuns(`a ${MARK_START}b${MARK_END} c ${MARK_START}d`)).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' c ', marked: false },
      { text: 'd', marked: true },
    ]);
    expect(markedRuns(`${MARK_END}x`)).toEqual([{ text: 'x', marked: false }]);
  });

  it('accepts only http(s) links, without credentials', () => {
    expect(httpUrl('https://user:pw@example.org/a b')).toBe('https://example.org/a%20b');
    for (const bad of ['javascript:alert(1)', 'data:,x', 'ftp://x', 'not a url', '', null])
      expect(httpUrl(bad)).toBeNull();
  });
});
