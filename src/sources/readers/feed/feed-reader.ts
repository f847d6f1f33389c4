/** The `feed` kind: RSS, Atom, RDF or JSON Feed at the source's address, fetched conditionally. */
import { fetchFeed } from '../../../feeds/fetch-feed.js';
import { parseFeed } from '../../../feeds/parse-feed.js';
import type { SourceReader } from '../source-reader.js';

export const feedReader: SourceReader = {
  kind: 'feed',
  async read(source, context) {
    const result = await fetchFeed(
      { url: source.url, etag: source.etag, lastModified: source.lastModified },
      context.fetchOptions,
    );
    if (result.status === 'not-modified') return { status: 'not-modified', notes: [] };
    const fetchedAt = context.clock.now().toISOString();
    const feed = await parseFeed(result.text, { url: result.finalUrl, fetchedAt });
    return {
      status: 'ok',
      items: feed.items,
      rejected: feed.rejected,
      patch: {
        etag: result.etag,
        lastModified: result.lastModified,
        ...(result.permanentRedirectTo ? { url: result.permanentRedirectTo } : {}),
        format: feed.kind,
      },
      notes: result.permanentRedirectTo ? [`the feed moved for good to ${result.permanentRedirectTo}`] : [],
    };
  },
};
