import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../adapters/console/render.js';
import type { Alert } from '../../../src/alerts/alert.js';
import { alertCard } from '../../../src/alerts/build-alert.js';
import { MARK_END, MARK_START, type Reply, replyCard } from '../../../src/commands/reply.js';

const renderAlert = (alert: Alert) => renderCard(alertCard(alert));
const renderReply = (reply: Reply) => renderCard(replyCard(reply));

const alert: Alert = {
  itemId: 3,
  title: 'Title \u001b[2J<b>bold</b> \u202Eevil',
  url: 'https://example.org/a',
  sourceName: 'Charter 97',
  publishedAt: '2024-06-21T02:29:00.000Z',
  labels: ['sanctions', 'diplomacy'],
  matchedTerms: ['loopholes'],
  snippet: 'The U.S. will close loopholes.',
  alsoReportedBy: ['Belsat'],
  reason: 'topic: sanctions',
};

describe('console render', () => {
  it('shows feed text literally but drops terminal control and bidi override characters', () => {
    const text = renderAlert(alert);
    expect(text).toContain('<b>bold</b>');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202E');
    expect(text).toContain('Charter 97 · 2024-06-21 02:29 · sanctions, diplomacy · item 3');
    expect(text).toContain('also reported by: Belsat');
  });

  it('marks matched words in search results with brackets', () => {
    const text = renderReply({
      lines: ['1 items match'],
      items: [
        {
          id: 1,
          title: 't',
          url: null,
          source: 's',
          publishedAt: '2025-01-01T00:00:00Z',
          labels: [],
          snippet: `the ${MARK_START}potash${MARK_END} deal`,
        },
      ],
    });
    expect(text).toContain('the [potash] deal');
  });
});
