/** JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/), validated with zod: rss-parser does not read it. */
import { z } from 'zod';
import { FeedError } from '../errors.js';
import type { RawEntry } from './normalise-item.js';

const optionalText = z.string().nullish();

export const JsonFeedItem = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  url: optionalText,
  external_url: optionalText,
  title: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  summary: optionalText,
  date_published: optionalText,
  date_modified: optionalText,
  language: optionalText,
});
export type JsonFeedItem = z.infer<typeof JsonFeedItem>;

export const JsonFeed = z.looseObject({
  version: z.string().nullish(),
  title: z.string().nullish(),
  home_page_url: optionalText,
  feed_url: optionalText,
  language: optionalText,
  // Items are checked one by one: a bad entry is rejected, the rest still come through.
  items: z.array(z.unknown()),
});
export type JsonFeed = z.infer<typeof JsonFeed>;

export interface JsonFeedDocument {
  feed: JsonFeed;
  entries: ({ ok: true; entry: RawEntry } | { ok: false; reason: string })[];
}

/** Parses a JSON Feed document; throws FeedError 'parse' when it is not JSON or not a JSON Feed. */
export function parseJsonFeed(text: string): JsonFeedDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError(
      'parse',
      `malformed JSON: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  const parsed = JsonFeed.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new FeedError(
      'parse',
      `not a feed: JSON that is not a JSON Feed (${issue?.message ?? 'invalid'}${where})`,
    );
  }
  const entries = parsed.data.items.map((value) => {
    const item = JsonFeedItem.safeParse(value);
    if (!item.success) {
      const issue = item.error.issues[0];
      return {
        ok: false as const,
        reason: `invalid JSON Feed item: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      };
    }
    return { ok: true as const, entry: toRawEntry(item.data) };
  });
  return { feed: parsed.data, entries };
}

function toRawEntry(item: JsonFeedItem): RawEntry {
  return {
    guid: item.id === null || item.id === undefined ? null : String(item.id),
    // JSON Feed ids are opaque strings; `url` is the permalink (spec §items).
    guidIsPermaLink: false,
    link: item.url ?? item.external_url ?? null,
    titleHtml: item.title === null || item.title === undefined ? null : escapeText(item.title),
    bodyHtml: [
      item.content_html ?? null,
      item.content_text ? escapeText(item.content_text) : null,
      item.summary ? escapeText(item.summary) : null,
    ],
    dates: [item.date_published ?? null, item.date_modified ?? null],
    language: item.language ?? null,
  };
}

/** JSON Feed titles and content_text are plain text: escape them so the HTML pass keeps every character. */
function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}
