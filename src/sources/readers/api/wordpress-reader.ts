/**
 * The `api` kind: WordPress's REST API (`/wp-json/wp/v2/posts`), which many sites leave on when they
 * switch feeds off. One conditional request gives the newest posts with their text.
 */
import { z } from 'zod';
import { FeedError } from '../../../errors.js';
import type { NormalisedItem } from '../../../feeds/feed-item.js';
import { normaliseItem } from '../../../feeds/normalise-item.js';
import type { SourceReader } from '../source-reader.js';

const Rendered = z.looseObject({ rendered: z.string().catch('') });
export const WordPressPost = z.looseObject({
  id: z.union([z.number(), z.string()]),
  link: z.string().optional(),
  date_gmt: z.string().nullish(),
  date: z.string().nullish(),
  title: Rendered.optional(),
  content: Rendered.optional(),
  excerpt: Rendered.optional(),
});
export type WordPressPost = z.infer<typeof WordPressPost>;

export const WORDPRESS_POSTS = '/wp-json/wp/v2/posts';

/** The posts address for a site root (20 newest, only the fields read). */
export function wordpressPostsUrl(site: string): string {
  return new URL(`${WORDPRESS_POSTS}?per_page=20&_fields=id,link,date_gmt,date,title,content,excerpt`, site)
    .href;
}

/** Parses a posts answer; throws a FeedError 'parse' saying what was wrong. */
export function parseWordPressPosts(text: string, fetchedAt: string, baseUrl: string) {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new FeedError('parse', 'the WordPress API answered with something that is not JSON');
  }
  if (!Array.isArray(data)) throw new FeedError('parse', 'the WordPress API answer is not a list of posts');
  const items: NormalisedItem[] = [];
  const rejected: { index: number; reason: string }[] = [];
  data.slice(0, 100).forEach((entry, index) => {
    const post = WordPressPost.safeParse(entry);
    if (!post.success) {
      rejected.push({ index, reason: 'not a WordPress post' });
      return;
    }
    const { data: p } = post;
    const result = normaliseItem(
      {
        guid: p.link ?? `wp:${p.id}`,
        guidIsPermaLink: p.link !== undefined,
        link: p.link ?? null,
        titleHtml: p.title?.rendered ?? null,
        bodyHtml: [p.content?.rendered ?? null, p.excerpt?.rendered ?? null],
        dates: [p.date_gmt ? `${p.date_gmt.replace(/Z?$/, '')}Z` : null, p.date ?? null],
        language: null,
      },
      { baseUrl, feedLanguage: null, fetchedAt },
    );
    if (result.ok) items.push(result.item);
    else rejected.push({ index, reason: result.reason });
  });
  return { items, rejected };
}

export const wordpressReader: SourceReader = {
  kind: 'api',
  async read(source, context) {
    const result = await context.web.get(source.url, {
      etag: source.etag,
      lastModified: source.lastModified,
    });
    if (result.status === 'not-modified') return { status: 'not-modified', notes: [] };
    const { items, rejected } = parseWordPressPosts(
      result.text,
      context.clock.now().toISOString(),
      result.finalUrl,
    );
    return {
      status: 'ok',
      items,
      rejected,
      patch: { etag: result.etag, lastModified: result.lastModified },
      notes: [],
    };
  },
};
