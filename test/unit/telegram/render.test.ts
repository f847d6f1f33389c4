import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  type RenderOptions,
  renderCard,
  type TelegramMessage,
} from '../../../adapters/telegram/render.js';
import type { Alert } from '../../../src/alerts/alert.js';
import { alertCard } from '../../../src/alerts/build-alert.js';
import { cleanText } from '../../../src/cards/clean-text.js';
import { MARK_END, MARK_START, type Reply, type ReplyItem, replyCard } from '../../../src/commands/reply.js';
import { parseTelegramHtml, telegramLength } from '../../fakes/fake-telegram-api.js';

const renderAlert = (alert: Alert) => renderCard(alertCard(alert));
const renderReply = (reply: Reply, options?: RenderOptions) => renderCard(replyCard(reply), options);

const HOSTILE = [
  '<b>bold?</b>',
  '<!channel> wake up',
  'Tom &amp; Jerry & co',
  'a < b > c',
  '<a href="javascript:alert(1)">x</a>',
  'Лукашенко: שלום עליכם مرحبا',
  'zero\u200Bwidth\u200Djoin\uFEFFbom',
  'flags 🇧🇾🏳️‍🌈 family 👨‍👩‍👧',
  '</i></b><script>',
  '&lt;already escaped&gt;',
];

/** The text a Telegram user sees, after the fake's strict HTML check. */
function visible(message: TelegramMessage): string {
  const parsed = parseTelegramHtml(message.text);
  if (!parsed.ok) throw new Error(`${parsed.description}\n${message.text.slice(0, 300)}`);
  return parsed.text;
}

function expectSendable(messages: TelegramMessage[]): string {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(message.text.length).toBeLessThanOrEqual(4096);
    expect(telegramLength(visible(message))).toBeLessThanOrEqual(4096);
    expect(message.parse_mode).toBe('HTML');
  }
  return messages.map(visible).join('\n');
}

const replyItem = (title: string, extra: Partial<ReplyItem> = {}): ReplyItem => ({
  id: 7,
  title,
  url: 'https://example.org/a?b=1&c="2"',
  source: title,
  publishedAt: '2025-06-10T12:00:00.000Z',
  labels: ['sanctions'],
  snippet: `before ${MARK_START}${title}${MARK_END} after`,
  ...extra,
});

const alert = (title: string, extra: Partial<Alert> = {}): Alert => ({
  itemId: 12,
  title,
  url: 'https://charter97.org/en/news/2025/6/10/1/',
  sourceName: 'Charter 97',
  publishedAt: '2025-06-10T12:00:00.000Z',
  labels: ['sanctions', 'diplomacy'],
  matchedTerms: ['sanctions', 'potash'],
  snippet: `The EU ${MARK_START}sanctions${MARK_END} on ${MARK_START}potash${MARK_END} were extended.`,
  alsoReportedBy: ['Nasha Niva', 'Zerkalo'],
  reason: 'topic: sanctions',
  ...extra,
});

describe('escaping', () => {
  it('escapes the reserved characters', () => {
    expect(escapeHtml('<b> & "x"')).toBe('&lt;b&gt; &amp; &quot;x&quot;');
  });

  it.each(HOSTILE)('shows %s literally in replies and alerts', (hostile) => {
    const reply: Reply = {
      title: hostile,
      lines: [hostile, `${MARK_START}${hostile}`],
      items: [replyItem(hostile)],
    };
    const seen = expectSendable(renderReply(reply));
    expect(seen.split(hostile).length - 1).toBeGreaterThanOrEqual(4);
    const seenAlert = expectSendable(
      renderAlert(
        alert(hostile, { sourceName: hostile, alsoReportedBy: [hostile], matchedTerms: [hostile] }),
      ),
    );
    expect(seenAlert.split(hostile).length - 1).toBeGreaterThanOrEqual(4);
  });

  it('drops control characters and bidi controls such as a right-to-left override', () => {
    expect(cleanText('a\u0000b\u0007c\nd')).toBe('abc\nd');
    // Issue 12 finding 7: bidi controls used to be kept (and closed); they are removed.
    expect(cleanText('\u202Eevil')).toBe('evil');
    expect(cleanText('\u2067isolated')).toBe('isolated');
    expect(cleanText('\u202Bbalanced\u202C \u200Fmark\u061C')).toBe('balanced mark');
    const seen = expectSendable(renderReply({ title: '\u202Egnp.exe', lines: ['next line'] }));
    expect(seen).toContain('gnp.exe');
    expect(seen).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('replaces broken surrogates (Telegram refuses invalid UTF-8)', () => {
    const seen = expectSendable(renderReply({ lines: ['half \uD83D emoji'] }));
    expect(seen).toContain('half \uFFFD emoji');
  });

  it('turns matched-word markers into bold, balanced even when a feed leaves one open', () => {
    const [message] = renderReply({
      lines: [`x ${MARK_START}potash${MARK_END} y ${MARK_START}open`, `${MARK_END}stray`],
    });
    expect(message?.text).toBe('x <b>potash</b> y <b>open</b>\nstray');
  });

  it('shows `code` spans of reply lines as code, escaped', () => {
    const [message] = renderReply({ lines: ['There is no command `<b>&`. Try `help`; a stray ` stays'] });
    expect(message?.text).toBe(
      'There is no command <code>&lt;b&gt;&amp;</code>. Try <code>help</code>; a stray ` stays',
    );
  });

  it('links only http(s) addresses, with the attribute escaped', () => {
    const [safe] = renderReply({ lines: [], items: [replyItem('t')] });
    expect(safe?.text).toContain('<a href="https://example.org/a?b=1&amp;c=%222%22">t</a>');
    const [unsafe] = renderReply({ lines: [], items: [replyItem('t', { url: 'javascript:alert(1)' })] });
    expect(unsafe?.text).not.toContain('<a ');
  });
});

describe('splitting', () => {
  it('keeps a 100 KB title to one readable message', () => {
    const title = `${'<b>Лукашенко & 🇧🇾 '.repeat(5500)}END`;
    expect(title.length).toBeGreaterThan(100_000);
    const alertMessages = renderAlert(alert(title));
    expectSendable(alertMessages);
    expect(alertMessages).toHaveLength(1);
    expect(visible(alertMessages[0] as TelegramMessage)).toContain('<b>Лукашенко & 🇧🇾 <b>Лукашенко');
    expectSendable(renderReply({ title, lines: ['x'], items: [replyItem(title)] }));
  });

  it('splits long replies on line boundaries into parts of at most 4,096', () => {
    const lines = Array.from({ length: 400 }, (_, n) => `line ${n} <${'&'.repeat(20)}>`);
    const messages = renderReply({ lines });
    expect(messages.length).toBeGreaterThan(1);
    const seen = expectSendable(messages);
    expect(seen.split('\n')).toEqual(lines);
  });

  it('cuts one enormous line into escaped chunks without losing text or splitting an emoji', () => {
    const line = '🇧🇾 <&> '.repeat(20_000);
    const messages = renderReply({ lines: [line] });
    expect(messages.length).toBeGreaterThan(5);
    const seen = messages.map(visible).join(' ');
    expect(seen.replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
    expectSendable(messages);
  });

  it('puts the buttons under the last part only', () => {
    const lines = Array.from({ length: 400 }, (_, n) => `line ${n} ${'x'.repeat(30)}`);
    const messages = renderReply(
      { lines, buttons: [{ label: 'More results', command: 'search potash --page 2' }] },
      { callbackData: (command) => `c:${command}` },
    );
    expect(messages.at(-1)?.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'More results', callback_data: 'c:search potash --page 2' }]],
    });
    expect(messages.slice(0, -1).every((message) => message.reply_markup === undefined)).toBe(true);
  });
});

describe('layout', () => {
  it('an alert shows linked title, outlet, date, topics, id, snippet, matched words, also-reported-by and why, with a preview', () => {
    const [message, ...rest] = renderAlert(alert('EU extends potash sanctions'));
    expect(rest).toEqual([]);
    expect(message?.link_preview_options).toEqual({
      is_disabled: false,
      url: 'https://charter97.org/en/news/2025/6/10/1/',
    });
    expect(message?.text).toBe(
      [
        '<b><a href="https://charter97.org/en/news/2025/6/10/1/">EU extends potash sanctions</a></b>',
        '<b>Charter 97</b> · 2025-06-10 12:00 UTC · sanctions, diplomacy · item 12',
        '<i>The EU <b>sanctions</b> on <b>potash</b> were extended.</i>',
        'Matched: sanctions, potash',
        'Also reported by: Nasha Niva, Zerkalo',
        'Why: topic: sanctions',
      ].join('\n'),
    );
  });

  it('an alert without a link has no preview', () => {
    const [message] = renderAlert(alert('t', { url: null }));
    expect(message?.link_preview_options).toEqual({ is_disabled: true });
  });

  it('a list reply has link previews off and shows each item with id, source, date, labels, snippet', () => {
    const [message] = renderReply({
      title: 'Search: potash',
      lines: ['Results 1–1 of 1.'],
      items: [replyItem('Potash', { source: 'Charter 97', snippet: `on ${MARK_START}potash${MARK_END}` })],
    });
    expect(message?.link_preview_options).toEqual({ is_disabled: true });
    expect(message?.text).toBe(
      [
        '<b>Search: potash</b>',
        'Results 1–1 of 1.',
        '',
        '<b>#7</b> <a href="https://example.org/a?b=1&amp;c=%222%22">Potash</a>',
        '<i>Charter 97</i> · 2025-06-10 · sanctions',
        '<i>on <b>potash</b></i>',
      ].join('\n'),
    );
  });
});
