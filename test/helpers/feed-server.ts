/** A local RSS server on 127.0.0.1 whose items a test can change between polls. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedEntry {
  guid: string;
  title: string;
  text: string;
  publishedAt: Date;
}

export interface FeedServer {
  url: string;
  items: FeedEntry[];
  requests: number;
  /** Answer with this status instead of the feed (e.g. 500 to make polls fail). */
  failWith: number | null;
  close(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderRss(title: string, items: readonly FeedEntry[]): string {
  const entries = items
    .map(
      (
        item,
      ) => `<item><guid isPermaLink="false">${escapeXml(item.guid)}</guid><title>${escapeXml(item.title)}</title>
<link>https://example.org/news/${encodeURIComponent(item.guid)}</link><pubDate>${item.publishedAt.toUTCString()}</pubDate>
<description>${escapeXml(item.text)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title>
<link>https://example.org/</link><description>test feed</description>${entries}</channel></rss>`;
}

export async function startFeedServer(title = 'Test Outlet'): Promise<FeedServer> {
  const state: FeedServer = { url: '', items: [], requests: 0, failWith: null, close: async () => undefined };
  const server = http.createServer((_request, response) => {
    state.requests++;
    if (state.failWith !== null) {
      response.writeHead(state.failWith, { 'content-type': 'text/plain' });
      response.end('failing on purpose\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(renderRss(title, state.items));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}
