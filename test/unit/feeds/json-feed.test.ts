/** JSON Feed 1.0/1.1 through parseFeed: validated with zod, bad items rejected one by one. */
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { parseFeed } from '../../../src/feeds/parse-feed.js';

const meta = { url: 'https://example.org/feed.json', fetchedAt: '2026-01-01T00:00:00.000Z' };

describe('parseFeed with JSON Feed', () => {
  it('reads a JSON Feed 1.1 document', async () => {
    const feed = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Pozirk',
        home_page_url: 'https://pozirk.online/',
        language: 'be-BY',
        items: [
          {
            id: 'https://pozirk.online/1',
            url: '/en/1?utm_source=json',
            title: 'Prisoners <released>',
            content_html:
              '<p>Siarhiej Cichanoŭski and 13 other prisoners were released.</p><script>x()</script>',
            date_published: '2025-06-21T18:03:00+03:00',
          },
          {
            id: 2,
            content_text: 'Text only & plain <b>not bold</b>\nsecond line',
            date_modified: '2025-06-22T10:00:00Z',
          },
          { id: 3, title: 42 },
          { id: 4 },
        ],
      }),
      meta,
    );
    expect(feed.kind).toBe('json');
    expect(feed.title).toBe('Pozirk');
    expect(feed.siteUrl).toBe('https://pozirk.online/');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://pozirk.online/1',
      url: 'https://pozirk.online/en/1',
      title: 'Prisoners <released>',
      text: 'Siarhiej Cichanoŭski and 13 other prisoners were released.',
      publishedAt: '2025-06-21T15:03:00.000Z',
      publishedAtEstimated: false,
    });
    expect(feed.items[1]).toMatchObject({
      guid: '2',
      url: null,
      title: 'Text only & plain <b>not bold</b>',
      text: 'Text only & plain <b>not bold</b>\nsecond line',
      publishedAt: '2025-06-22T10:00:00.000Z',
    });
    expect(feed.rejected.map((r) => r.index)).toEqual([2, 3]);
    expect(feed.rejected[0]?.reason).toMatch(/invalid JSON Feed item: title/);
  });

  it('refuses JSON that is not a JSON Feed, and broken JSON, naming the reason', async () => {
    await expect(parseFeed('{"name":"package"}', meta)).rejects.toThrow(
      /not a feed: JSON that is not a JSON Feed/,
    );
    await expect(parseFeed('{"version": "1.0"', meta)).rejects.toThrow(/malformed JSON/);
    await expect(parseFeed('[1,2]', meta)).rejects.toBeInstanceOf(FeedError);
  });
});
