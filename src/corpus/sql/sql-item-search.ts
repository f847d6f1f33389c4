/** Items on SQL: store (with story links), read back, list, count, delete, and search. */
import { VigilError } from '../../errors.js';
import { indexItem } from '../index-tokens.js';
import type { CorpusStats, InsertResult, ItemInput, ItemSearch } from '../item-search.js';
import { clampPage, isStorableId, storableText, toMs } from '../store-support.js';
import {
  candidateFromRow,
  candidateSpans,
  MAX_STORED_CANDIDATES,
  StoryCandidatePool,
} from '../story-candidates.js';
import { relinkStories } from '../story-links.js';
import { encodeSignature, type StorySignature } from '../story-signature.js';
import { ITEM_COLUMNS, type ItemRow, toItem } from './item-rows.js';
import { marks, type SqlDatabase, type SqlExecutor, type SqlRow, type SqlValue } from './sql-database.js';
import { insertDeliveryRows } from './sql-delivery-outbox.js';
import type { IndexedItem, SqlDialect } from './sql-dialect.js';
import { createSqlSearch } from './sql-search.js';

/** Stored text cannot hold NUL (store-support.ts), so it separates the two parts. */
const itemKey = (sourceId: string, guid: string) => `${sourceId}\u0000${guid}`;

/** Recent items that may join a new item's story (story-candidates.ts), newest first. */
const STORY_CANDIDATES = `
  SELECT id, coalesce(story_of, id) AS root, source_id, language, published_at, story_signature
  FROM items WHERE published_at BETWEEN ? AND ? AND story_signature IS NOT NULL
  ORDER BY published_at DESC, id DESC LIMIT ?`;

interface CandidateRow extends SqlRow {
  id: number;
  root: number;
  source_id: string;
  language: string | null;
  published_at: unknown;
  story_signature: string | null;
}

interface CountRow extends SqlRow {
  key: string | null;
  n: number;
}

/** Guids looked up per statement when checking which items are already stored. */
const MAX_LOOKUP = 256;

/** An item with everything computed before the write lock is taken. */
interface PreparedItem {
  item: ItemInput;
  /** Its (source, guid) as stored. */
  sourceId: string;
  guid: string;
  indexed: IndexedItem;
  story: { sourceId: string; language: string | null; publishedMs: number; signature: StorySignature };
  linkable: boolean;
  params: SqlValue[];
}

/** Lookup keys for `knownGuids`, in the shape storedItems reads. */
function prepared(sourceId: string, guids: readonly string[]): Pick<PreparedItem, 'sourceId' | 'guid'>[] {
  const id = storableText(sourceId);
  return guids.map((guid) => ({ sourceId: id, guid }));
}

export function createSqlItemSearch(db: SqlDatabase, dialect: SqlDialect): ItemSearch {
  const index = dialect.itemIndexColumns;
  // The story root: the first item of another source with the same content, else the signature match.
  const insertItem = `
    INSERT INTO items (source_id, guid, url, title, text, published_at, published_at_estimated, fetched_at,
      language, labels, scores, evidence, content_hash, story_signature, story_of${index.names})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(
      (SELECT coalesce(story_of, id) FROM items WHERE content_hash = ? AND source_id <> ? ORDER BY id LIMIT 1),
      ?)${index.values})
    ON CONFLICT (source_id, guid) DO NOTHING
    RETURNING id, story_of`;

  const prepare = (item: ItemInput): PreparedItem => {
    const keys = indexItem(item.title, item.text);
    const publishedMs = toMs(item.publishedAt, 'publishedAt');
    const storedSignature = encodeSignature(keys.signature);
    const sourceId = storableText(item.sourceId);
    const indexed = { titleKeys: keys.title, bodyKeys: keys.body, labels: item.labels.map(storableText) };
    const guid = storableText(item.guid);
    return {
      item,
      sourceId,
      guid,
      indexed,
      story: { sourceId: item.sourceId, language: item.language, publishedMs, signature: keys.signature },
      linkable: storedSignature !== null,
      params: [
        sourceId,
        guid,
        item.url === null ? null : storableText(item.url),
        storableText(item.title),
        storableText(item.text),
        dialect.time(publishedMs),
        dialect.boolean(item.publishedAtEstimated),
        dialect.time(toMs(item.fetchedAt, 'fetchedAt')),
        item.language,
        dialect.list(indexed.labels),
        JSON.stringify(item.scores),
        JSON.stringify(item.evidence),
        item.contentHash,
        storedSignature,
        item.contentHash,
        sourceId,
      ],
    };
  };

  /**
   * The items of the batch already stored, by (source, guid): one statement per source and
   * chunk of guids, not one per item (a poll mostly sees items it stored before). Chunks are
   * padded to a power of two so a few statement texts serve every batch size.
   */
  const storedItems = async (
    tx: SqlExecutor,
    prepared: readonly Pick<PreparedItem, 'sourceId' | 'guid'>[],
  ) => {
    const guidsBySource = new Map<string, Set<string>>();
    for (const { sourceId, guid } of prepared) {
      const guids = guidsBySource.get(sourceId) ?? new Set<string>();
      guids.add(guid);
      guidsBySource.set(sourceId, guids);
    }
    const stored = new Map<string, { id: number; storyOf: number | null }>();
    for (const [sourceId, guidSet] of guidsBySource) {
      const guids = [...guidSet];
      for (let start = 0; start < guids.length; start += MAX_LOOKUP) {
        const chunk = guids.slice(start, start + MAX_LOOKUP);
        const size = 2 ** Math.ceil(Math.log2(chunk.length));
        const padded = [...chunk, ...Array.from({ length: size - chunk.length }, () => chunk[0] ?? '')];
        const rows = await tx.all<{ guid: string; id: number; story_of: number | null }>(
          `SELECT guid, id, story_of FROM items WHERE source_id = ? AND guid IN (${marks(size)})`,
          [sourceId, ...padded],
        );
        for (const row of rows)
          stored.set(itemKey(sourceId, row.guid), { id: row.id, storyOf: row.story_of });
      }
    }
    return stored;
  };

  const readItems = async (sql: string, params: SqlValue[]) =>
    (await db.all<ItemRow>(sql, params)).map((row) => toItem(row, dialect));

  return {
    async insertItems(items, route) {
      const prepared = items.map(prepare);
      if (prepared.length === 0) return [];
      // One writer of items at a time: story links and duplicate checks see every committed item.
      return db.transaction('items', async (tx) => {
        const pool = new StoryCandidatePool();
        const linkable = prepared.filter((entry) => entry.linkable);
        for (const span of candidateSpans(linkable.map((entry) => entry.story.publishedMs))) {
          const rows = await tx.all<CandidateRow>(STORY_CANDIDATES, [
            dialect.time(span.fromMs),
            dialect.time(span.toMs),
            MAX_STORED_CANDIDATES,
          ]);
          for (let i = rows.length - 1; i >= 0; i--) {
            const row = rows[i] as CandidateRow;
            pool.add(candidateFromRow({ ...row, published_ms: dialect.readTime(row.published_at) }));
          }
        }
        const stored = await storedItems(tx, prepared);
        const results: InsertResult[] = [];
        for (const { item, sourceId, guid, indexed, story, linkable, params } of prepared) {
          const found = stored.get(itemKey(sourceId, guid));
          if (found) {
            results.push({ status: 'duplicate', ...found });
            continue;
          }
          // The content-hash link, when there is one, wins inside the INSERT; this is the fallback.
          const signatureRoot = linkable ? pool.match(story) : null;
          const [row] = await tx.all<{ id: number; story_of: number | null }>(insertItem, [
            ...params,
            signatureRoot,
            ...dialect.itemIndexParams(indexed),
          ]);
          if (!row) throw new VigilError('corpus', `item ${item.sourceId}/${item.guid} was not stored`);
          await dialect.afterItemInsert(tx, row.id, indexed);
          if (linkable) pool.add({ ...story, id: row.id, root: row.story_of ?? row.id });
          // A later item of this batch with the same (source, guid) is a duplicate of this one.
          stored.set(itemKey(sourceId, guid), { id: row.id, storyOf: row.story_of });
          const requests = route?.({ ...item, id: row.id, storyOf: row.story_of }) ?? [];
          const queued =
            requests.length > 0
              ? await insertDeliveryRows(tx, dialect, row.story_of ?? row.id, requests)
              : undefined;
          results.push({ status: 'new', id: row.id, storyOf: row.story_of, ...(queued ? { queued } : {}) });
        }
        return results;
      });
    },

    async knownGuids(sourceId, guids) {
      const wanted = guids.filter((guid) => guid.length > 0).map(storableText);
      if (wanted.length === 0) return new Set<string>();
      const asked = prepared(sourceId, wanted);
      const stored = await storedItems(db, asked);
      return new Set(wanted.filter((guid) => stored.has(itemKey(storableText(sourceId), guid))));
    },

    async getItem(id) {
      if (!isStorableId(id)) return null;
      const [item] = await readItems(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = ?`, [id]);
      return item ?? null;
    },

    async storyItems(id) {
      if (!isStorableId(id)) return [];
      return readItems(
        `WITH root AS (SELECT coalesce(story_of, id) AS id FROM items WHERE id = ?)
         SELECT ${ITEM_COLUMNS} FROM items i, root
         WHERE (i.id = root.id OR i.story_of = root.id) AND i.id <> ?
         ORDER BY i.published_at, i.id`,
        [id, id],
      );
    },

    async latestItems(options) {
      const { limit } = clampPage({ limit: options.limit, offset: 0 });
      const topic = options.topic === undefined ? null : storableText(options.topic);
      return readItems(
        `SELECT ${ITEM_COLUMNS} FROM items i ${topic === null ? '' : `WHERE ${dialect.anyLabel(1)}`}
         ORDER BY i.published_at DESC, i.id DESC LIMIT ?`,
        topic === null ? [limit] : [topic, limit],
      );
    },

    search: createSqlSearch(db, dialect),

    async stats(): Promise<CorpusStats> {
      const [totals] = await db.all<{ items: number; newest: unknown }>(
        'SELECT count(*) AS items, max(published_at) AS newest FROM items',
      );
      const [sources] = await db.all<{ n: number }>('SELECT count(*) AS n FROM sources');
      const byLabel = await db.all<CountRow>(dialect.labelCounts);
      const byLanguage = await db.all<CountRow>(
        'SELECT language AS key, count(*) AS n FROM items GROUP BY language',
      );
      const toRecord = (rows: CountRow[]) =>
        Object.fromEntries(rows.map((row) => [row.key ?? 'unknown', Number(row.n)])) as Record<
          string,
          number
        >;
      const newest = totals?.newest ?? null;
      return {
        items: Number(totals?.items ?? 0),
        sources: Number(sources?.n ?? 0),
        byLabel: toRecord(byLabel),
        byLanguage: toRecord(byLanguage),
        newestPublishedAt: newest === null ? null : new Date(dialect.readTime(newest)).toISOString(),
      };
    },

    async deleteItemsBefore(before) {
      const cutoff = dialect.time(toMs(before, 'before'));
      return db.transaction('items', async (tx) => {
        const survivors = await tx.all<{ id: number; story_of: number }>(
          `SELECT id, story_of FROM items
           WHERE published_at >= ? AND story_of IN (SELECT id FROM items WHERE published_at < ?) ORDER BY id`,
          [cutoff, cutoff],
        );
        for (const [id, storyOf] of relinkStories(survivors)) {
          await tx.run('UPDATE items SET story_of = ? WHERE id = ?', [storyOf, id]);
        }
        return tx.run('DELETE FROM items WHERE published_at < ?', [cutoff]);
      });
    },
  };
}
