// Slack rendering: hostile feed text is shown, never executed, and every message fits Slack's limits.
import { describe, expect, it } from 'vitest';
import {
  escapeMrkdwn,
  link,
  literalText,
  renderCard,
  renderSnippet,
  SLACK_LIMITS,
  type SlackMessage,
  slackUrl,
} from '../../../adapters/slack/render.js';
import type { Alert } from '../../../src/alerts/alert.js';
import { alertCard } from '../../../src/alerts/build-alert.js';
import { MARK_END, MARK_START, type Reply, type ReplyItem, replyCard } from '../../../src/commands/reply.js';
import { blocksProblem } from '../../fakes/fake-slack-api.js';

const renderAlert = (alert: Alert) => renderCard(alertCard(alert));
const renderReply = (reply: Reply) => renderCard(replyCard(reply));

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<!subteam^S1>',
  '<#C123>',
  '<b>bold</b>',
  '<https://evil.example|Your Bank>',
  'Tom & Jerry &amp; co',
  'a > b < c',
];

function alertWith(overrides: Partial<Alert> = {}): Alert {
  return {
    itemId: 42,
    title: 'EU extends sanctions on Belaruskali',
    url: 'https://example.org/news/42',
    sourceName: 'Charter 97',
    publishedAt: '2025-06-12T08:30:00Z',
    labels: ['sanctions'],
    matchedTerms: ['sanctions', 'Belaruskali'],
    snippet: `The EU extended ${MARK_START}sanctions${MARK_END} on potash.`,
    alsoReportedBy: ['Nasha Niva'],
    reason: 'topic: sanctions',
    ...overrides,
  };
}

function itemWith(overrides: Partial<ReplyItem> = {}): ReplyItem {
  return {
    id: 7,
    title: 'Potash sanctions',
    url: 'https://example.org/7',
    source: 'Zerkalo',
    publishedAt: '2025-06-01T00:00:00Z',
    labels: ['sanctions'],
    snippet: 'snippet',
    ...overrides,
  };
}

/** All the mrkdwn a message carries: fallback text plus every text in its blocks. */
function texts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section') out.push(block.text.text);
    if (block.type === 'context') out.push(...block.elements.map((element) => element.text));
  }
  return out;
}

/**
 * Every `<…>` control sequence in rendered output must be one vigil wrote on purpose: an http(s) link
 * or a date. Feed text can add neither.
 */
function controlSequences(text: string): string[] {
  return [...text.matchAll(/<([^>]*)>/g)].map((match) => match[1] ?? '');
}

function expectSafe(message: SlackMessage): void {
  expect(blocksProblem(message.blocks)).toBeNull();
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  const all = texts(message);
  expect(all.join('').length).toBeLessThan(40_000);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  for (const text of all) {
    for (const sequence of controlSequences(text)) {
      expect(sequence, `unexpected control sequence <${sequence}>`).toMatch(
        /^(https?:\/\/[^|<>\s]+\|[^<>]*|!date\^\d+\^[^|<>]+\|[^<>]+)$/,
      );
    }
    // Only escaped entities: a bare & must be the start of &amp; &lt; &gt;.
    expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  }
}

describe('escapeMrkdwn', () => {
  it('escapes & first, then < and >, and nothing else', () => {
    expect(escapeMrkdwn('<!channel> & "quotes" \'s <b>')).toBe(
      '&lt;!channel&gt; &amp; "quotes" \'s &lt;b&gt;',
    );
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('slackUrl / link', () => {
  it('keeps http(s) and drops other schemes', () => {
    expect(slackUrl('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&amp;c=2');
    expect(slackUrl('javascript:alert(1)')).toBeNull();
    expect(slackUrl('mailto:a@b.c')).toBeNull();
    expect(slackUrl('not a url')).toBeNull();
    expect(slackUrl(null)).toBeNull();
  });

  it('encodes | and > so a URL cannot end the link or relabel it', () => {
    const url = slackUrl('https://evil.example/x|Your Bank>y<z');
    expect(url).not.toMatch(/[|<> ]/);
    expect(link('https://evil.example/x|Your Bank', 'Title')).toBe(
      '<https://evil.example/x%7CYour%20Bank|Title>',
    );
  });

  it('drops credentials from the URL', () => {
    expect(slackUrl('https://bank.example:pw@evil.example/')).toBe('https://evil.example/');
  });

  it('leaves the label alone when there is no usable URL', () => {
    expect(link('ftp://x', 'Title')).toBe('Title');
  });
});

describe('renderSnippet', () => {
  it('renders marks as bold, widened to whole words', () => {
    expect(renderSnippet(`new ${MARK_START}sanction${MARK_END}s on potash`)).toBe(
      'new *sanctions* on potash',
    );
  });

  it('escapes the marked text and drops unpaired marks', () => {
    expect(renderSnippet(`${MARK_START}<!here>${MARK_END} and ${MARK_START}dangling`)).toBe(
      '*&lt;!here&gt;* and dangling',
    );
  });
});

describe('mrkdwn formatting characters in feed text (issue 12, finding 7)', () => {
  it('are shown, not applied: *bold* _italic_ ~strike~ `code` become look-alikes Slack does not format', () => {
    const message = renderAlert(
      alertWith({
        title: '*Breaking* _sanctions_ ~lifted~ `now`',
        sourceName: '*Outlet*',
        snippet: `Text *bold* and _it_ with ${MARK_START}sanctions${MARK_END}`,
      }),
    );
    expectSafe(message);
    const all = texts(message).join('\n');
    expect(all).toContain('∗Breaking∗ ˍsanctionsˍ ∼lifted∼ ˋnowˋ');
    expect(all).toContain('Text ∗bold∗ and ˍitˍ with *sanctions*');
    expect(all).toContain('*∗Outlet∗*');
    // Our own formatting stays: the title link in bold and the matched word in bold.
    expect(all).toMatch(/^\*<https:\/\/example\.org\/news\/42\|/m);
  });

  it("leave characters inside words alone and keep the handlers' own `code` spans", () => {
    expect(literalText('VIGIL_ADMINS a*b snake_case')).toBe('VIGIL_ADMINS a*b snake_case');
    const reply = renderReply({ lines: ['Added source `minsk-daily`: *Minsk* Daily (https://x.org/a_b)'] });
    const all = texts(reply).join('\n');
    expect(all).toContain('Added source `minsk-daily`: ∗Minsk∗ Daily (https://x.org/a_b)');
  });
});

describe('renderAlert', () => {
  it('shows title, outlet, date, topics, matched words, snippet, link and other outlets', () => {
    const message = renderAlert(alertWith());
    expectSafe(message);
    const all = texts(message).join('\n');
    expect(all).toContain('<https://example.org/news/42|EU extends sanctions on Belaruskali>');
    expect(all).toContain('Charter 97');
    expect(all).toMatch(/<!date\^1749717000\^[^|]+\|2025-06-12 08:30 UTC>/);
    expect(all).toContain('sanctions');
    expect(all).toContain('Matched: sanctions, Belaruskali');
    expect(all).toContain('The EU extended *sanctions* on potash.');
    expect(all).toContain('Also reported by: Nasha Niva');
    expect(message.text).toBe('EU extends sanctions on Belaruskali (Charter 97)');
  });

  it.each(HOSTILE)('shows %s literally in every field', (hostile) => {
    const message = renderAlert(
      alertWith({
        title: `Title ${hostile}`,
        sourceName: `Outlet ${hostile}`,
        snippet: `Snippet ${hostile} ${MARK_START}${hostile}${MARK_END}`,
        matchedTerms: [hostile],
        alsoReportedBy: [hostile],
        labels: ['sanctions'],
        reason: `watch: ${hostile}`,
      }),
    );
    expectSafe(message);
    const all = texts(message).join('\n');
    expect(all).toContain(escapeMrkdwn(hostile));
    expect(all).not.toContain(hostile.includes('<') ? hostile : '\u0000never');
  });

  it('never lets a hostile URL masquerade or inject', () => {
    const message = renderAlert(
      alertWith({ url: 'https://evil.example/a|<!channel>', title: '<https://evil.example|Bank>' }),
    );
    expectSafe(message);
    const first = message.blocks[0];
    expect(first?.type === 'section' && first.text.text).toBe(
      '*<https://evil.example/a%7C%3C!channel%3E|&lt;https://evil.example|Bank&gt;>*',
    );
  });

  it('shows the title without a link when the URL is not http(s)', () => {
    const message = renderAlert(alertWith({ url: 'javascript:alert(1)' }));
    expectSafe(message);
    expect(texts(message).join('\n')).not.toContain('javascript');
  });

  it('keeps a 100 KB title and snippet within the limits', () => {
    const huge = `${'<!channel> & '.repeat(8000)}end`;
    expect(huge.length).toBeGreaterThan(100_000);
    const message = renderAlert(
      alertWith({
        title: huge,
        snippet: huge,
        sourceName: huge,
        matchedTerms: [huge, huge],
        alsoReportedBy: Array(500).fill(huge),
      }),
    );
    expectSafe(message);
    expect(JSON.stringify(message).length).toBeLessThan(12_000);
  });

  it('keeps right-to-left text, emoji and zero-width joiners, and removes bidi overrides and control characters', () => {
    const title = 'עדכון סנקציות تحديث 👩‍👩‍👧 \u202Egnp.exe\u202C a\u200Bb\u0007';
    const message = renderAlert(alertWith({ title }));
    expectSafe(message);
    const all = texts(message).join('\n');
    expect(all).toContain('עדכון סנקציות تحديث 👩‍👩‍👧 gnp.exe a\u200Bb');
    expect(all).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(all).not.toContain('\u0007');
  });

  it('does not split surrogate pairs or entities when it cuts', () => {
    const message = renderAlert(alertWith({ title: '😀'.repeat(400), snippet: '&'.repeat(5000) }));
    expectSafe(message);
    for (const text of texts(message))
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('survives empty fields and an unparseable date', () => {
    const message = renderAlert(
      alertWith({
        title: '',
        sourceName: '',
        snippet: '',
        labels: [],
        matchedTerms: [],
        alsoReportedBy: [],
        reason: '',
        url: null,
        publishedAt: 'soon <!here>',
      }),
    );
    expectSafe(message);
    expect(texts(message).join('\n')).toContain('(untitled)');
  });
});

describe('renderReply', () => {
  it('renders title, lines, items and buttons', () => {
    const reply: Reply = {
      title: 'Search: potash',
      lines: [`2 results for ${MARK_START}potash${MARK_END}`],
      items: [itemWith(), itemWith({ id: 8, url: null, snippet: `${MARK_START}potash${MARK_END} exports` })],
      buttons: [{ label: 'More', command: 'search potash --page 2' }],
    };
    const message = renderReply(reply);
    expectSafe(message);
    const all = texts(message).join('\n');
    expect(all).toContain('*Search: potash*');
    expect(all).toContain('2 results for *potash*');
    expect(all).toContain('<https://example.org/7|Potash sanctions>');
    expect(all).toContain('#8');
    expect(all).toContain('*potash* exports');
    const actions = message.blocks.at(-1);
    expect(actions?.type).toBe('actions');
    if (actions?.type === 'actions') {
      expect(actions.elements[0]).toMatchObject({
        type: 'button',
        action_id: 'vigil_button_0',
        value: 'search potash --page 2',
      });
      expect(actions.elements[0]?.text.text).toBe('More');
    }
    expect(message.text).toBe('Search: potash');
  });

  it('escapes hostile items and lines', () => {
    const reply: Reply = {
      lines: HOSTILE,
      items: HOSTILE.map((hostile, index) =>
        itemWith({ id: index, title: hostile, source: hostile, snippet: hostile, labels: [hostile] }),
      ),
    };
    const message = renderReply(reply);
    expectSafe(message);
    const all = texts(message).join('\n');
    for (const hostile of HOSTILE) expect(all).toContain(escapeMrkdwn(hostile));
  });

  it('keeps many large items under 50 blocks and the size budget, saying how many were left out', () => {
    const big = 'x'.repeat(100_000);
    const reply: Reply = {
      title: big,
      lines: Array(200).fill(big),
      items: Array.from({ length: 100 }, (_, index) => itemWith({ id: index, title: big, snippet: big })),
      buttons: Array.from({ length: 40 }, (_, index) => ({
        label: big,
        command: `search x --page ${index}`,
      })),
    };
    const message = renderReply(reply);
    expectSafe(message);
    expect(JSON.stringify(message).length).toBeLessThan(20_000);
    const all = texts(message).join('\n');
    expect(all).toMatch(/\d+ more not shown/);
  });

  it('fits 50 small items into 50 blocks', () => {
    const message = renderReply({
      lines: [],
      items: Array.from({ length: 60 }, (_, index) => itemWith({ id: index })),
      buttons: [{ label: 'More', command: 'latest --page 2' }],
    });
    expectSafe(message);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.blocks.at(-1)?.type).toBe('actions');
  });

  it('marks errors and never renders an empty message', () => {
    const error = renderReply({ lines: ['usage: search <query>'], isError: true });
    expectSafe(error);
    expect(texts(error).join('\n')).toContain(':warning: usage: search &lt;query&gt;');
    const empty = renderReply({ lines: [] });
    expectSafe(empty);
    expect(empty.blocks).toHaveLength(1);
  });

  it('leaves out a button whose command is too long for a button value', () => {
    const message = renderReply({ lines: ['x'], buttons: [{ label: 'More', command: 'x'.repeat(2001) }] });
    expectSafe(message);
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });
});
