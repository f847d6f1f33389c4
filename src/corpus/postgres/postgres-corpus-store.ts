/** The scaled corpus: PostgreSQL (`pg`) with a GIN-indexed tsvector over the same text keys as SQLite. */

import type { Pool, PoolClient, QueryResultRow } from 'pg';
import pg from 'pg';
import type { Evidence } from '../../classify/classification.js';
import { VigilError } from '../../errors.js';
import type { Language } from '../../feeds/feed-item.js';
import type { ChannelRef } from '../../ports.js';
import type {
  AuditEntry,
  Channel,
  CorpusStats,
  CorpusStore,
  Delivery,
  DeliveryState,
  InsertResult,
  ItemInput,
  NewSource,
  SearchPage,
  Source,
  SourcePatch,
  StoredItem,
  Watch,
} from '../corpus-store.js';
import { indexItem } from '../index-tokens.js';
import { compileTextQuery } from '../key-query.js';
import type { Migration } from '../migration.js';
import type { SearchQuery } from '../search-query.js';
import { makeSnippet } from '../snippet.js';
import {
  clampPage,
  dateRange,
  duplicateSourceError,
  storableText,
  toIso,
  toMs,
  unknownItemError,
} from '../store-support.js';
import {
  candidateFromRow,
  candidateSpans,
  MAX_STORED_CANDIDATES,
  StoryCandidatePool,
  type StoryCandidateRow,
} from '../story-candidates.js';
import { relinkStories } from '../story-links.js';
import { encodeSignature } from '../story-signature.js';
import { migratePostgres, postgresMigrations } from './postgres-migrations.js';
import { toTsQuery, toTsQueryInField, toTsQueryNegatives } from './ts-query.js';

interface SourceRow {
  id: string;
  name: string;
  url: string;
  site_url: string | null;
  kind: Source['kind'];
  language: string | null;
  interval_seconds: number;
  paused: boolean;
  paused_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: Date;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  consecutive_failures: number;
  last_error: string | null;
  next_poll_after: Date | null;
}

interface ItemRow {
  id: number;
  source_id: string;
  guid: string;
  url: string | null;
  title: string;
  text: string;
  published_at: Date;
  published_at_estimated: boolean;
  fetched_at: Date;
  language: string | null;
  labels: string[];
  scores: string;
  evidence: string;
  content_hash: string;
  story_of: number | null;
}

interface HitRow extends ItemRow {
  source_name: string | null;
  total: number;
}

interface InsertRow {
  id: number;
  story_of: number | null;
  inserted: boolean;
}

interface ChannelRow {
  platform: ChannelRef['platform'];
  channel_id: string;
  topics: string[];
  sources: string[];
  languages: string[];
  created_at: Date;
}

interface WatchRow {
  id: number;
  platform: ChannelRef['platform'];
  channel_id: string;
  expression: string;
  author: string;
  created_at: Date;
}

interface DeliveryRow {
  item_id: number;
  platform: ChannelRef['platform'];
  channel_id: string;
  state: DeliveryState;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  channel: string | null;
  details: string;
}

interface CountRow {
  key: string | null;
  n: number;
}

type Param = string | number | boolean | null | string[];

const ITEM_COLUMNS =
  'i.id, i.source_id, i.guid, i.url, i.title, i.text, i.published_at, i.published_at_estimated, i.fetched_at, ' +
  'i.language, i.labels, i.scores, i.evidence, i.content_hash, i.story_of';

const SOURCE_COLUMNS: Record<keyof Omit<SourcePatch, 'health'>, string> = {
  name: 'name',
  url: 'url',
  siteUrl: 'site_url',
  kind: 'kind',
  language: 'language',
  intervalSeconds: 'interval_seconds',
  paused: 'paused',
  pausedReason: 'paused_reason',
  etag: 'etag',
  lastModified: 'last_modified',
};

const HEALTH_COLUMNS = {
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  consecutiveFailures: 'consecutive_failures',
  lastError: 'last_error',
  nextPollAfter: 'next_poll_after',
} as const;

/**
 * One statement per item: skip a known (source, guid), find the story root, insert with the
 * key-token tsvector. The title ends with the token `x`, which no key maps to (index-tokens.ts),
 * so a phrase cannot run from the title into the text (FTS5 keeps them in separate columns).
 */
const INSERT_ITEM = `
  WITH found AS (SELECT id, story_of FROM items WHERE source_id = $1 AND guid = $2),
  root AS (
    SELECT coalesce(story_of, id) AS id FROM items
    WHERE content_hash = $13 AND source_id <> $1 ORDER BY id LIMIT 1
  ),
  ins AS (
    INSERT INTO items (source_id, guid, url, title, text, published_at, published_at_estimated, fetched_at,
      language, labels, scores, evidence, content_hash, story_of, tsv, story_signature)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, coalesce((SELECT id FROM root), $17::integer),
      setweight(to_tsvector('simple', $14), 'A') || setweight(to_tsvector('simple', $15), 'D'), $16
    WHERE NOT EXISTS (SELECT 1 FROM found)
    ON CONFLICT (source_id, guid) DO NOTHING
    RETURNING id, story_of
  )
  SELECT id, story_of, true AS inserted FROM ins
  UNION ALL
  SELECT id, story_of, false AS inserted FROM found`;

/** Recent items that may join a new item's story (story-candidates.ts); the same rows and order as SQLite. */
const STORY_CANDIDATES = `
  SELECT id, coalesce(story_of, id) AS root, source_id, language,
    (extract(epoch FROM published_at) * 1000)::float8 AS published_ms, story_signature
  FROM items WHERE published_at BETWEEN $1 AND $2 AND story_signature IS NOT NULL
  ORDER BY published_at DESC, id DESC LIMIT $3`;

/** PostgreSQL `integer` ids: anything else cannot name a row (and would be an engine error). */
const isInt32 = (n: number) => Number.isInteger(n) && n >= -2_147_483_648 && n <= 2_147_483_647;

const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());

/** An ISO time in the one form PostgreSQL always reads. */
const pgTime = (iso: string, what: string) => toIso(toMs(iso, what));

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    siteUrl: row.site_url,
    kind: row.kind,
    language: row.language,
    intervalSeconds: row.interval_seconds,
    paused: row.paused,
    pausedReason: row.paused_reason,
    etag: row.etag,
    lastModified: row.last_modified,
    addedAt: row.added_at.toISOString(),
    health: {
      lastAttemptAt: isoOrNull(row.last_attempt_at),
      lastSuccessAt: isoOrNull(row.last_success_at),
      consecutiveFailures: row.consecutive_failures,
      lastError: row.last_error,
      nextPollAfter: isoOrNull(row.next_poll_after),
    },
  };
}

function toItem(row: ItemRow): StoredItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    text: row.text,
    publishedAt: row.published_at.toISOString(),
    publishedAtEstimated: row.published_at_estimated,
    fetchedAt: row.fetched_at.toISOString(),
    language: row.language as Language | null,
    labels: row.labels,
    scores: JSON.parse(row.scores) as Record<string, number>,
    evidence: JSON.parse(row.evidence) as Evidence[],
    contentHash: row.content_hash,
    storyOf: row.story_of,
  };
}

function toChannel(row: ChannelRow): Channel {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    topics: row.topics,
    sources: row.sources,
    languages: row.languages,
    createdAt: row.created_at.toISOString(),
  };
}

function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    channel: { platform: row.platform, channelId: row.channel_id },
    expression: row.expression,
    author: row.author,
    createdAt: row.created_at.toISOString(),
  };
}

function toAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    channel: row.channel,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

function pgCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The URL without its password, for messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'the VIGIL_DB address';
  }
}

export interface PostgresCorpusStoreOptions {
  /** Keep vigil's tables in this schema (created if missing); tests use one per test. */
  schema?: string;
  /** Replaces the built-in migrations (tests of upgrades). */
  migrations?: readonly Migration[];
}

export class PostgresCorpusStore implements CorpusStore {
  readonly kind = 'postgres' as const;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly lockName: string,
  ) {}

  /** Connects, creates the schema if asked, and migrates. */
  static async open(url: string, options: PostgresCorpusStoreOptions = {}): Promise<PostgresCorpusStore> {
    const schema = options.schema ?? null;
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new VigilError(
        'config',
        `the PostgreSQL schema name "${schema}" must be lowercase letters, digits, _`,
      );
    }
    const pool = new pg.Pool({
      connectionString: url,
      ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
    });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end();
      throw new VigilError(
        'database-unreachable',
        `cannot connect to PostgreSQL at ${describeUrl(url)}: check VIGIL_DB and that the server runs`,
        { cause: error },
      );
    }
    const lockName = schema ?? 'public';
    try {
      await migratePostgres(client, lockName, schema, options.migrations ?? postgresMigrations);
    } catch (error) {
      client.release();
      await pool.end();
      if (error instanceof VigilError) throw error;
      throw new VigilError('database-migrate', `cannot bring the PostgreSQL schema up to date`, {
        cause: error,
      });
    }
    client.release();
    return new PostgresCorpusStore(pool, lockName);
  }

  private async rows<Row extends QueryResultRow>(sql: string, params: Param[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async listSources(): Promise<Source[]> {
    return (await this.rows<SourceRow>('SELECT * FROM sources ORDER BY id')).map(toSource);
  }

  async getSource(id: string): Promise<Source | null> {
    const [row] = await this.rows<SourceRow>('SELECT * FROM sources WHERE id = $1', [storableText(id)]);
    return row ? toSource(row) : null;
  }

  async addSource(source: NewSource, addedAt: string): Promise<Source> {
    try {
      const [row] = await this.rows<SourceRow>(
        `INSERT INTO sources (id, name, url, site_url, kind, language, interval_seconds, paused, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          source.id,
          source.name,
          source.url,
          source.siteUrl ?? null,
          source.kind ?? 'unknown',
          source.language ?? null,
          source.intervalSeconds,
          source.paused ?? false,
          pgTime(addedAt, 'addedAt'),
        ],
      );
      if (!row) throw new VigilError('corpus', `source ${source.id} was not stored`);
      return toSource(row);
    } catch (error) {
      if (pgCode(error) === '23505') throw duplicateSourceError(source.id, source.url);
      throw error;
    }
  }

  async updateSource(id: string, patch: SourcePatch): Promise<Source | null> {
    const sets: string[] = [];
    const params: Param[] = [];
    for (const [field, column] of Object.entries(SOURCE_COLUMNS) as [keyof typeof SOURCE_COLUMNS, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    for (const [field, column] of Object.entries(HEALTH_COLUMNS) as [keyof typeof HEALTH_COLUMNS, string][]) {
      const value = patch.health?.[field];
      if (value === undefined) continue;
      params.push(typeof value === 'string' && field !== 'lastError' ? pgTime(value, field) : value);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length === 0) return this.getSource(id);
    params.push(id);
    try {
      const [row] = await this.rows<SourceRow>(
        `UPDATE sources SET ${sets.join(', ')} WHERE id = $${params.length} RETURNING *`,
        params,
      );
      return row ? toSource(row) : null;
    } catch (error) {
      if (pgCode(error) === '23505') throw duplicateSourceError(id, patch.url ?? '');
      throw error;
    }
  }

  async removeSource(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM sources WHERE id = $1', [storableText(id)]);
    return (result.rowCount ?? 0) > 0;
  }

  async insertItems(items: ItemInput[]): Promise<InsertResult[]> {
    const prepared = items.map((item) => {
      const indexed = indexItem(item.title, item.text);
      const publishedMs = toMs(item.publishedAt, 'publishedAt');
      const signature = indexed.signature;
      const storedSignature = encodeSignature(signature);
      const params: Param[] = [
        storableText(item.sourceId),
        storableText(item.guid),
        item.url === null ? null : storableText(item.url),
        storableText(item.title),
        storableText(item.text),
        toIso(publishedMs),
        item.publishedAtEstimated,
        pgTime(item.fetchedAt, 'fetchedAt'),
        item.language,
        item.labels.map(storableText),
        JSON.stringify(item.scores),
        JSON.stringify(item.evidence),
        item.contentHash,
        indexed.body.length > 0 && indexed.title.length > 0 ? `${indexed.title} x` : indexed.title,
        indexed.body,
        storedSignature,
      ];
      const story = { sourceId: item.sourceId, language: item.language, publishedMs, signature };
      return { params, story, linkable: storedSignature !== null };
    });
    if (prepared.length === 0) return [];
    return this.transaction(async (client) => {
      // One writer of items at a time per schema: story links and duplicate checks see every
      // committed item, and concurrent batches cannot deadlock on each other's rows.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigil-items:${this.lockName}`]);
      const pool = new StoryCandidatePool();
      const spans = candidateSpans(
        prepared.filter((entry) => entry.linkable).map((entry) => entry.story.publishedMs),
      );
      for (const span of spans) {
        const { rows } = await client.query<StoryCandidateRow>({
          name: 'vigil-story-candidates',
          text: STORY_CANDIDATES,
          values: [toIso(span.fromMs), toIso(span.toMs), MAX_STORED_CANDIDATES],
        });
        for (let i = rows.length - 1; i >= 0; i--) pool.add(candidateFromRow(rows[i] as StoryCandidateRow));
      }
      const results: InsertResult[] = [];
      for (const { params, story, linkable } of prepared) {
        // The content-hash link, when there is one, wins inside INSERT_ITEM; this is the fallback.
        const signatureRoot = linkable ? pool.match(story) : null;
        const { rows } = await client.query<InsertRow>({
          name: 'vigil-insert-item',
          text: INSERT_ITEM,
          values: [...params, signatureRoot],
        });
        const row = rows[0];
        if (!row)
          throw new VigilError('corpus', `item ${String(params[0])}/${String(params[1])} was not stored`);
        if (row.inserted && linkable) pool.add({ ...story, id: row.id, root: row.story_of ?? row.id });
        results.push({ status: row.inserted ? 'new' : 'duplicate', id: row.id, storyOf: row.story_of });
      }
      return results;
    });
  }

  async getItem(id: number): Promise<StoredItem | null> {
    if (!isInt32(id)) return null;
    const [row] = await this.rows<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = $1`, [id]);
    return row ? toItem(row) : null;
  }

  async storyItems(id: number): Promise<StoredItem[]> {
    if (!isInt32(id)) return [];
    const rows = await this.rows<ItemRow>(
      `WITH root AS (SELECT coalesce(story_of, id) AS id FROM items WHERE id = $1)
       SELECT ${ITEM_COLUMNS} FROM items i, root
       WHERE (i.id = root.id OR i.story_of = root.id) AND i.id <> $1
       ORDER BY i.published_at, i.id`,
      [id],
    );
    return rows.map(toItem);
  }

  async latestItems(options: { topic?: string; limit: number }): Promise<StoredItem[]> {
    const { limit } = clampPage({ limit: options.limit, offset: 0 });
    const rows =
      options.topic === undefined
        ? await this.rows<ItemRow>(
            `SELECT ${ITEM_COLUMNS} FROM items i ORDER BY i.published_at DESC, i.id DESC LIMIT $1`,
            [limit],
          )
        : await this.rows<ItemRow>(
            `SELECT ${ITEM_COLUMNS} FROM items i WHERE i.labels @> ARRAY[$1::text]
             ORDER BY i.published_at DESC, i.id DESC LIMIT $2`,
            [storableText(options.topic), limit],
          );
    return rows.map(toItem);
  }

  async search(query: SearchQuery, page: { limit: number; offset: number }): Promise<SearchPage> {
    const { limit, offset } = clampPage(page);
    const where: string[] = [];
    const params: Param[] = [];
    const bind = (value: Param) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.sources.length > 0)
      where.push(`i.source_id = ANY(${bind(query.sources.map(storableText))}::text[])`);
    if (query.languages.length > 0) {
      where.push(`i.language = ANY(${bind(query.languages.map(storableText))}::text[])`);
    }
    if (query.topics.length > 0) where.push(`i.labels && ${bind(query.topics.map(storableText))}::text[]`);
    const { fromMs, beforeMs } = dateRange(query);
    if (fromMs !== null) where.push(`i.published_at >= ${bind(toIso(fromMs))}`);
    if (beforeMs !== null) where.push(`i.published_at < ${bind(toIso(beforeMs))}`);
    const compiled = query.text === null ? null : compileTextQuery(query.text);
    if (compiled !== null && !compiled.ok) throw new VigilError('search-query', compiled.error);
    const text = compiled?.value ?? null;
    let order = 'i.published_at DESC, i.id DESC';
    if (text?.hasPositive) {
      where.push(`i.tsv @@ to_tsquery('simple', ${bind(toTsQuery(text.expr))})`);
      const inTitle = `i.tsv @@ to_tsquery('simple', ${bind(toTsQueryInField(text.expr, 'title'))})`;
      const inBody = `i.tsv @@ to_tsquery('simple', ${bind(toTsQueryInField(text.expr, 'body'))})`;
      order = `(CASE WHEN ${inTitle} THEN 2 ELSE 0 END) + (CASE WHEN ${inBody} THEN 1 ELSE 0 END) DESC, ${order}`;
    } else if (text !== null) {
      where.push(`NOT (i.tsv @@ to_tsquery('simple', ${bind(toTsQueryNegatives(text.expr))}))`);
    }
    const filters = where.length > 0 ? where.join(' AND ') : 'true';
    const rows = await this.rows<HitRow>(
      `SELECT ${ITEM_COLUMNS}, s.name AS source_name, (count(*) OVER ())::int AS total
       FROM items i LEFT JOIN sources s ON s.id = i.source_id
       WHERE ${filters}
       ORDER BY ${order} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
      params,
    );
    const markKeys = text?.markKeys ?? new Set<string>();
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && (offset > 0 || limit === 0))
      total = (await this.search(query, { limit: 1, offset: 0 })).total;
    return {
      total,
      hits: rows.map((row) => ({
        item: toItem(row),
        sourceName: row.source_name ?? row.source_id,
        snippet: makeSnippet(row.title, row.text, markKeys),
      })),
    };
  }

  async stats(): Promise<CorpusStats> {
    const [totals] = await this.rows<{ items: number; newest: Date | null }>(
      'SELECT count(*)::int AS items, max(published_at) AS newest FROM items',
    );
    const [sources] = await this.rows<{ n: number }>('SELECT count(*)::int AS n FROM sources');
    const byLabel = await this.rows<CountRow>(
      'SELECT label AS key, count(DISTINCT id)::int AS n FROM items, unnest(labels) AS label GROUP BY label',
    );
    const byLanguage = await this.rows<CountRow>(
      'SELECT language AS key, count(*)::int AS n FROM items GROUP BY language',
    );
    const toRecord = (rows: CountRow[]) =>
      Object.fromEntries(rows.map((row) => [row.key ?? 'unknown', row.n])) as Record<string, number>;
    return {
      items: totals?.items ?? 0,
      sources: sources?.n ?? 0,
      byLabel: toRecord(byLabel),
      byLanguage: toRecord(byLanguage),
      newestPublishedAt: isoOrNull(totals?.newest ?? null),
    };
  }

  async deleteItemsBefore(before: string): Promise<number> {
    const cutoff = pgTime(before, 'before');
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigil-items:${this.lockName}`]);
      const survivors = await client.query<{ id: number; story_of: number }>(
        `SELECT id, story_of FROM items
         WHERE published_at >= $1 AND story_of IN (SELECT id FROM items WHERE published_at < $1) ORDER BY id`,
        [cutoff],
      );
      for (const [id, storyOf] of relinkStories(survivors.rows)) {
        await client.query('UPDATE items SET story_of = $1 WHERE id = $2', [storyOf, id]);
      }
      const removed = await client.query('DELETE FROM items WHERE published_at < $1', [cutoff]);
      return removed.rowCount ?? 0;
    });
  }

  async getChannel(channel: ChannelRef): Promise<Channel | null> {
    const [row] = await this.rows<ChannelRow>(
      'SELECT * FROM channels WHERE platform = $1 AND channel_id = $2',
      [channel.platform, storableText(channel.channelId)],
    );
    return row ? toChannel(row) : null;
  }

  async listChannels(): Promise<Channel[]> {
    return (await this.rows<ChannelRow>('SELECT * FROM channels ORDER BY platform, channel_id')).map(
      toChannel,
    );
  }

  async saveChannel(channel: Omit<Channel, 'createdAt'>, now: string): Promise<Channel> {
    const [row] = await this.rows<ChannelRow>(
      `INSERT INTO channels (platform, channel_id, topics, sources, languages, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         topics = excluded.topics, sources = excluded.sources, languages = excluded.languages
       RETURNING *`,
      [
        channel.platform,
        channel.channelId,
        channel.topics,
        channel.sources,
        channel.languages,
        pgTime(now, 'now'),
      ],
    );
    if (!row) throw new VigilError('corpus', 'channel was not stored');
    return toChannel(row);
  }

  async addWatch(watch: Omit<Watch, 'id'>): Promise<Watch> {
    const [row] = await this.rows<WatchRow>(
      `INSERT INTO watches (platform, channel_id, expression, author, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING *`,
      [
        watch.channel.platform,
        watch.channel.channelId,
        storableText(watch.expression),
        watch.author,
        pgTime(watch.createdAt, 'createdAt'),
      ],
    );
    if (!row) throw new VigilError('corpus', 'watch was not stored');
    return toWatch(row);
  }

  async removeWatch(channel: ChannelRef, id: number): Promise<boolean> {
    if (!isInt32(id)) return false;
    const result = await this.pool.query(
      'DELETE FROM watches WHERE id = $1 AND platform = $2 AND channel_id = $3',
      [id, channel.platform, storableText(channel.channelId)],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async listWatches(channel?: ChannelRef): Promise<Watch[]> {
    const rows =
      channel === undefined
        ? await this.rows<WatchRow>('SELECT * FROM watches ORDER BY id')
        : await this.rows<WatchRow>(
            'SELECT * FROM watches WHERE platform = $1 AND channel_id = $2 ORDER BY id',
            [channel.platform, storableText(channel.channelId)],
          );
    return rows.map(toWatch);
  }

  async claimDelivery(itemId: number, channel: ChannelRef): Promise<boolean> {
    if (!isInt32(itemId)) throw unknownItemError(itemId);
    try {
      const result = await this.pool.query(
        `INSERT INTO deliveries (item_id, platform, channel_id) VALUES ($1, $2, $3)
         ON CONFLICT (item_id, platform, channel_id) DO NOTHING`,
        [itemId, channel.platform, channel.channelId],
      );
      return result.rowCount === 1;
    } catch (error) {
      if (pgCode(error) === '23503') throw unknownItemError(itemId);
      throw error;
    }
  }

  async getDelivery(itemId: number, channel: ChannelRef): Promise<Delivery | null> {
    if (!isInt32(itemId)) return null;
    const [row] = await this.rows<DeliveryRow>(
      'SELECT * FROM deliveries WHERE item_id = $1 AND platform = $2 AND channel_id = $3',
      [itemId, channel.platform, channel.channelId],
    );
    if (!row) return null;
    return {
      itemId: row.item_id,
      channel: { platform: row.platform, channelId: row.channel_id },
      state: row.state,
      attempts: row.attempts,
      messageId: row.message_id,
      lastError: row.last_error,
    };
  }

  async markDelivered(itemId: number, channel: ChannelRef, messageId: string): Promise<void> {
    if (!isInt32(itemId)) return;
    await this.pool.query(
      `UPDATE deliveries SET state = 'sent', message_id = $1, last_error = NULL, attempts = attempts + 1,
         updated_at = now() WHERE item_id = $2 AND platform = $3 AND channel_id = $4`,
      [storableText(messageId), itemId, channel.platform, channel.channelId],
    );
  }

  async markDeliveryFailed(itemId: number, channel: ChannelRef, error: string): Promise<void> {
    if (!isInt32(itemId)) return;
    await this.pool.query(
      `UPDATE deliveries SET state = 'failed', last_error = $1, attempts = attempts + 1, updated_at = now()
       WHERE item_id = $2 AND platform = $3 AND channel_id = $4`,
      [storableText(error), itemId, channel.platform, channel.channelId],
    );
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const [row] = await this.rows<AuditRow>(
      'INSERT INTO audit_log (at, actor, action, channel, details) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [pgTime(entry.at, 'at'), entry.actor, entry.action, entry.channel, JSON.stringify(entry.details)],
    );
    if (!row) throw new VigilError('corpus', 'audit entry was not stored');
    return toAudit(row);
  }

  async listAudit(options: { limit: number; channel?: string }): Promise<AuditEntry[]> {
    const { limit } = clampPage({ limit: options.limit, offset: 0 });
    const rows =
      options.channel === undefined
        ? await this.rows<AuditRow>('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT $1', [limit])
        : await this.rows<AuditRow>(
            'SELECT * FROM audit_log WHERE channel = $1 ORDER BY at DESC, id DESC LIMIT $2',
            [storableText(options.channel), limit],
          );
    return rows.map(toAudit);
  }
}
