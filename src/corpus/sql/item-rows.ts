/** How an item row is read: the columns every item query selects, and the row as a StoredItem. */
import type { Evidence } from '../../classify/classification.js';
import type { Language } from '../../feeds/feed-item.js';
import type { StoredItem } from '../item-search.js';
import type { SqlRow } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

export const ITEM_COLUMNS =
  'i.id, i.source_id, i.guid, i.url, i.title, i.text, i.published_at, i.published_at_estimated, i.fetched_at, ' +
  'i.language, i.labels, i.scores, i.evidence, i.content_hash, i.story_of';

export interface ItemRow extends SqlRow {
  id: number;
  source_id: string;
  guid: string;
  url: string | null;
  title: string;
  text: string;
  published_at: unknown;
  published_at_estimated: unknown;
  fetched_at: unknown;
  language: string | null;
  labels: unknown;
  scores: string;
  evidence: string;
  content_hash: string;
  story_of: number | null;
}

export function toItem(row: ItemRow, dialect: SqlDialect): StoredItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    text: row.text,
    publishedAt: new Date(dialect.readTime(row.published_at)).toISOString(),
    publishedAtEstimated: dialect.readBoolean(row.published_at_estimated),
    fetchedAt: new Date(dialect.readTime(row.fetched_at)).toISOString(),
    language: row.language as Language | null,
    labels: dialect.readList(row.labels),
    scores: JSON.parse(row.scores) as Record<string, number>,
    evidence: JSON.parse(row.evidence) as Evidence[],
    contentHash: row.content_hash,
    storyOf: row.story_of,
  };
}
