// Each part of a scheduled digest, cut to a platform's `limits.messageChars`, is one message for the
// real renderers: Telegram does not split it again, Slack shows every entry (none "not shown").
import { describe, expect, it } from 'vitest';
import { slackPlatform } from '../../../adapters/slack/platform.js';
import { renderCard as renderSlack } from '../../../adapters/slack/render.js';
import { telegramPlatform } from '../../../adapters/telegram/platform.js';
import { renderCard as renderTelegram } from '../../../adapters/telegram/render.js';
import { composeDigest, type NamedItem } from '../../../src/digests/compose-digest.js';
import { digestCards } from '../../../src/digests/digest-card.js';

const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];
const period = { start: new Date('2026-12-04T06:00:00Z'), end: new Date('2026-12-05T06:00:00Z') };

// 90 stories of up to three outlets, titles long, Cyrillic, with characters every format escapes.
const items = Array.from({ length: 180 }, (_, index): NamedItem => {
  const story = Math.floor(index / 2);
  return {
    sourceName: `Outlet <${index % 5}> & Co`,
    item: {
      id: index + 1,
      storyOf: index % 2 === 1 ? index : null,
      sourceId: `s${index % 5}`,
      guid: `g${index}`,
      url: `https://example.org/news/2026/12/04/${'long-path-segment-'.repeat(4)}${index}?utm_source=rss&id=${index}`,
      title: `Суд в Минске <b>${story}</b> & приговор: ${'очень длинный заголовок '.repeat(4)}`,
      text: '',
      publishedAt: `2026-12-04T${String(10 + (story % 12)).padStart(2, '0')}:00:00.000Z`,
      publishedAtEstimated: false,
      fetchedAt: '2026-12-04T12:00:00.000Z',
      language: 'ru',
      labels: [TOPICS[story % 3] as string],
      scores: {},
      evidence: [],
      contentHash: `h${story}`,
    },
  };
});
const digest = composeDigest(items, { period, timeZone: 'Europe/Minsk', topics: TOPICS });

describe('a digest cut to the platform', () => {
  it('is one Telegram message per part', () => {
    const parts = digestCards(digest, telegramPlatform.limits.messageChars);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(renderTelegram(part)).toHaveLength(1);
  });

  it('is one Slack message per part, every entry shown', () => {
    const parts = digestCards(digest, slackPlatform.limits.messageChars);
    for (const part of parts) {
      const message = renderSlack(part);
      expect(JSON.stringify(message)).not.toContain('more not shown');
    }
  });
});
