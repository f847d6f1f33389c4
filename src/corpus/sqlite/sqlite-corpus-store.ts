/** The embedded corpus: one SQLite file (better-sqlite3, WAL) with an FTS5 index over text keys. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import Database from 'better-sqlite3';
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
import { encodeSignature, type StorySignature } from '../story-signature.js';
import { toFts5, toFts5InColumn, toFts5Negatives } from './fts5-query.js';
import { migrateSqlite, sqliteMigrations } from './sqlite-migrations.js';

interface SourceRow {
  id: string;
  name: string;
  url: string;
  site_url: string | null;
  kind: Source['kind'];
  language: string | null;
  interval_seconds: number;
  paused: number;
  paused_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  consecutive_failures: number;
  last_error: string | null;
  next_poll_after: number | null;
}

interface ItemRow {
  id: number;
  source_id: string;
  guid: string;
  url: string | null;
  title: string;
  text: string;
  published_at: number;
  published_at_estimated: number;
  fetched_at: number;
  language: string | null;
  labels: string;
  scores: string;
  evidence: string;
  content_hash: string;
  story_of: number | null;
}

interface HitRow extends ItemRow {
  source_name: string | null;
  total: number;
}

interface ChannelRow {
  platform: ChannelRef['platform'];
  channel_id: string;
  topics: string;
  sources: string;
  languages: string;
  created_at: number;
}

interface WatchRow {
  id: number;
  platform: ChannelRef['platform'];
  channel_id: string;
  expression: string;
  author: string;
  created_at: number;
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
  at: number;
  actor: string;
  action: string;
  channel: string | null;
  details: string;
}

interface CountRow {
  key: string | null;
  n: number;
}

type Param = string | number | null;

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

const isoOrNull = (ms: number | null) => (ms === null ? null : toIso(ms));

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    siteUrl: row.site_url,
    kind: row.kind,
    language: row.language,
    intervalSeconds: row.interval_seconds,
    paused: row.paused === 1,
    pausedReason: row.paused_reason,
    etag: row.etag,
    lastModified: row.last_modified,
    addedAt: toIso(row.added_at),
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
    publishedAt: toIso(row.published_at),
    publishedAtEstimated: row.published_at_estimated === 1,
    fetchedAt: toIso(row.fetched_at),
    language: row.language as Language | null,
    labels: JSON.parse(row.labels) as string[],
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
    topics: JSON.parse(row.topics) as string[],
    sources: JSON.parse(row.sources) as string[],
    languages: JSON.parse(row.languages) as string[],
    createdAt: toIso(row.created_at),
  };
}

function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    channel: { platform: row.platform, channelId: row.channel_id },
    expression: row.expression,
    author: row.author,
    createdAt: toIso(row.created_at),
  };
}

function isConstraint(error: unknown, code: string): boolean {
  return error instanceof Database.SqliteError && error.code === code;
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** A prepared item with everything computed outside the write lock. */
interface PreparedItem {
  item: ItemInput;
  params: Param[];
  publishedMs: number;
  signature: StorySignature;
  storedSignature: string | null;
  titleTokens: string;
  bodyTokens: string;
}

export interface SqliteCorpusStoreOptions {
  /** Replaces the built-in migrations (tests of upgrades). */
  migrations?: readonly Migration[];
}

export class SqliteCorpusStore implements CorpusStore {
  readonly kind = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(file: string, options: SqliteCorpusStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    try {
      // A second process waits this long for the write lock instead of failing.
      this.db = new Database(file, { timeout: 15_000 });
      if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      migrateSqlite(this.db, options.migrations ?? sqliteMigrations);
    } catch (error) {
      if (error instanceof VigilError) throw error;
      throw new VigilError('database-open', `cannot open the SQLite corpus at ${file}: check VIGIL_DB`, {
        cause: error,
      });
    }
  }

  /** Statements are prepared once per distinct SQL text and reused. */
  private stmt<Row = unknown>(sql: string): BetterSqlite3.Statement<Param[], Row> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement as BetterSqlite3.Statement<Param[], Row>;
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async listSources(): Promise<Source[]> {
    return this.stmt<SourceRow>('SELECT * FROM sources ORDER BY id').all().map(toSource);
  }

  async getSource(id: string): Promise<Source | null> {
    const row = this.stmt<SourceRow>('SELECT * FROM sources WHERE id = ?').get(id);
    return row ? toSource(row) : null;
  }

  async addSource(source: NewSource, addedAt: string): Promise<Source> {
    const added = toMs(addedAt, 'addedAt');
    try {
      this.stmt(
        `INSERT INTO sources (id, name, url, site_url, kind, language, interval_seconds, paused, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        source.id,
        source.name,
        source.url,
        source.siteUrl ?? null,
        source.kind ?? 'unknown',
        source.language ?? null,
        source.intervalSeconds,
        source.paused ? 1 : 0,
        added,
      );
    } catch (error) {
      if (
        isConstraint(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ||
        isConstraint(error, 'SQLITE_CONSTRAINT_UNIQUE')
      ) {
        throw duplicateSourceError(source.id, source.url);
      }
      throw error;
    }
    const stored = await this.getSource(source.id);
    if (stored === null) throw new VigilError('corpus', `source ${source.id} vanished after insert`);
    return stored;
  }

  async updateSource(id: string, patch: SourcePatch): Promise<Source | null> {
    const sets: string[] = [];
    const params: Param[] = [];
    for (const [field, column] of Object.entries(SOURCE_COLUMNS) as [keyof typeof SOURCE_COLUMNS, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    for (const [field, column] of Object.entries(HEALTH_COLUMNS) as [keyof typeof HEALTH_COLUMNS, string][]) {
      const value = patch.health?.[field];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(typeof value === 'string' && field !== 'lastError' ? toMs(value, field) : value);
    }
    if (sets.length > 0) {
      try {
        this.stmt(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
      } catch (error) {
        if (isConstraint(error, 'SQLITE_CONSTRAINT_UNIQUE')) throw duplicateSourceError(id, patch.url ?? '');
        throw error;
      }
    }
    return this.getSource(id);
  }

  async removeSource(id: string): Promise<boolean> {
    return this.stmt('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
  }

  async insertItems(items: ItemInput[]): Promise<InsertResult[]> {
    const prepared: PreparedItem[] = items.map((item) => {
      const indexed = indexItem(item.title, item.text);
      const publishedMs = toMs(item.publishedAt, 'publishedAt');
      const signature = indexed.signature;
      const storedSignature = encodeSignature(signature);
      return {
        item,
        titleTokens: indexed.title,
        bodyTokens: indexed.body,
        publishedMs,
        signature,
        storedSignature,
        params: [
          storableText(item.sourceId),
          storableText(item.guid),
          item.url === null ? null : storableText(item.url),
          storableText(item.title),
          storableText(item.text),
          publishedMs,
          item.publishedAtEstimated ? 1 : 0,
          toMs(item.fetchedAt, 'fetchedAt'),
          item.language,
          JSON.stringify(item.labels),
          JSON.stringify(item.scores),
          JSON.stringify(item.evidence),
          item.contentHash,
          storedSignature,
        ],
      };
    });
    const existing = this.stmt<{ id: number; story_of: number | null }>(
      'SELECT id, story_of FROM items WHERE source_id = ? AND guid = ?',
    );
    const storyRoot = this.stmt<{ root: number }>(
      'SELECT coalesce(story_of, id) AS root FROM items WHERE content_hash = ? AND source_id <> ? ORDER BY id LIMIT 1',
    );
    const candidates = this.stmt<StoryCandidateRow>(
      `SELECT id, coalesce(story_of, id) AS root, source_id, language, published_at AS published_ms, story_signature
       FROM items WHERE published_at BETWEEN ? AND ? AND story_signature IS NOT NULL
       ORDER BY published_at DESC, id DESC LIMIT ?`,
    );
    const insert = this.stmt<{ id: number }>(
      `INSERT INTO items (source_id, guid, url, title, text, published_at, published_at_estimated, fetched_at,
         language, labels, scores, evidence, content_hash, story_signature, story_of)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, guid) DO NOTHING RETURNING id`,
    );
    const fts = this.stmt('INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)');
    const label = this.stmt('INSERT OR IGNORE INTO item_labels (label, item_id) VALUES (?, ?)');
    const linkable = prepared.filter((entry) => entry.storedSignature !== null);
    // IMMEDIATE: take the write lock first, so another process's batch cannot slip in between read and write.
    return this.db
      .transaction(() => {
        // Read under the lock, so every committed item is a candidate (story-candidates.ts).
        const pool = new StoryCandidatePool();
        for (const span of candidateSpans(linkable.map((entry) => entry.publishedMs))) {
          const rows = candidates.all(span.fromMs, span.toMs, MAX_STORED_CANDIDATES);
          for (let i = rows.length - 1; i >= 0; i--) pool.add(candidateFromRow(rows[i] as StoryCandidateRow));
        }
        return prepared.map(
          ({
            item,
            params,
            titleTokens,
            bodyTokens,
            publishedMs,
            signature,
            storedSignature,
          }): InsertResult => {
            const found = existing.get(item.sourceId, item.guid);
            if (found) return { status: 'duplicate', id: found.id, storyOf: found.story_of };
            const story = { sourceId: item.sourceId, language: item.language, publishedMs, signature };
            const linkable = storedSignature !== null;
            const storyOf =
              storyRoot.get(item.contentHash, item.sourceId)?.root ?? (linkable ? pool.match(story) : null);
            const inserted = insert.get(...params, storyOf);
            if (!inserted)
              throw new VigilError('corpus', `item ${item.sourceId}/${item.guid} was not stored`);
            fts.run(inserted.id, titleTokens, bodyTokens);
            for (const name of new Set(item.labels)) label.run(name, inserted.id);
            if (linkable) pool.add({ ...story, id: inserted.id, root: storyOf ?? inserted.id });
            return { status: 'new', id: inserted.id, storyOf };
          },
        );
      })
      .immediate();
  }

  async getItem(id: number): Promise<StoredItem | null> {
    const row = this.stmt<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = ?`).get(id);
    return row ? toItem(row) : null;
  }

  async storyItems(id: number): Promise<StoredItem[]> {
    return this.stmt<ItemRow>(
      `WITH root AS (SELECT coalesce(story_of, id) AS id FROM items WHERE id = ?)
       SELECT ${ITEM_COLUMNS} FROM items i, root
       WHERE (i.id = root.id OR i.story_of = root.id) AND i.id <> ?
       ORDER BY i.published_at, i.id`,
    )
      .all(id, id)
      .map(toItem);
  }

  async latestItems(options: { topic?: string; limit: number }): Promise<StoredItem[]> {
    const { limit } = clampPage({ limit: options.limit, offset: 0 });
    if (options.topic === undefined) {
      return this.stmt<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM items i ORDER BY i.published_at DESC, i.id DESC LIMIT ?`,
      )
        .all(limit)
        .map(toItem);
    }
    return this.stmt<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM items i
       WHERE i.id IN (SELECT item_id FROM item_labels WHERE label = ?)
       ORDER BY i.published_at DESC, i.id DESC LIMIT ?`,
    )
      .all(options.topic, limit)
      .map(toItem);
  }

  async search(query: SearchQuery, page: { limit: number; offset: number }): Promise<SearchPage> {
    const { limit, offset } = clampPage(page);
    const where: string[] = [];
    const params: Param[] = [];
    if (query.sources.length > 0) {
      where.push(`i.source_id IN (${placeholders(query.sources)})`);
      params.push(...query.sources);
    }
    if (query.languages.length > 0) {
      where.push(`i.language IN (${placeholders(query.languages)})`);
      params.push(...query.languages);
    }
    if (query.topics.length > 0) {
      where.push(`i.id IN (SELECT item_id FROM item_labels WHERE label IN (${placeholders(query.topics)}))`);
      params.push(...query.topics);
    }
    const { fromMs, beforeMs } = dateRange(query);
    if (fromMs !== null) {
      where.push('i.published_at >= ?');
      params.push(fromMs);
    }
    if (beforeMs !== null) {
      where.push('i.published_at < ?');
      params.push(beforeMs);
    }
    const compiled = query.text === null ? null : compileTextQuery(query.text);
    if (compiled !== null && !compiled.ok) throw new VigilError('search-query', compiled.error);
    const text = compiled?.value ?? null;
    const filters = where.length > 0 ? where.join(' AND ') : '1';
    let rows: HitRow[];
    if (text?.hasPositive) {
      rows = this.stmt<HitRow>(
        `WITH m AS (SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?)
         SELECT ${ITEM_COLUMNS}, s.name AS source_name, count(*) OVER () AS total
         FROM m JOIN items i ON i.id = m.id LEFT JOIN sources s ON s.id = i.source_id
         WHERE ${filters}
         ORDER BY (CASE WHEN i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) THEN 2 ELSE 0 END)
           + (CASE WHEN i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) THEN 1 ELSE 0 END) DESC,
           i.published_at DESC, i.id DESC
         LIMIT ? OFFSET ?`,
      ).all(
        toFts5(text.expr),
        ...params,
        toFts5InColumn(text.expr, 'title'),
        toFts5InColumn(text.expr, 'body'),
        limit,
        offset,
      );
    } else {
      if (text !== null) {
        where.push('i.id NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)');
        params.push(toFts5Negatives(text.expr));
      }
      const all = where.length > 0 ? where.join(' AND ') : '1';
      rows = this.stmt<HitRow>(
        `SELECT ${ITEM_COLUMNS}, s.name AS source_name, count(*) OVER () AS total
         FROM items i LEFT JOIN sources s ON s.id = i.source_id
         WHERE ${all}
         ORDER BY i.published_at DESC, i.id DESC LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset);
    }
    const markKeys = text?.markKeys ?? new Set<string>();
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && (offset > 0 || limit === 0)) {
      // Past the last page: count without paging so the caller can still say how many there are.
      total = (await this.search(query, { limit: 1, offset: 0 })).total;
    }
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
    const totals = this.stmt<{ items: number; newest: number | null }>(
      'SELECT count(*) AS items, max(published_at) AS newest FROM items',
    ).get();
    const sources = this.stmt<{ n: number }>('SELECT count(*) AS n FROM sources').get();
    const byLabel = this.stmt<CountRow>(
      'SELECT label AS key, count(*) AS n FROM item_labels GROUP BY label',
    ).all();
    const byLanguage = this.stmt<CountRow>(
      'SELECT language AS key, count(*) AS n FROM items GROUP BY language',
    ).all();
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
    const cutoff = toMs(before, 'before');
    const survivors = this.stmt<{ id: number; story_of: number }>(
      `SELECT id, story_of FROM items
       WHERE published_at >= ? AND story_of IN (SELECT id FROM items WHERE published_at < ?) ORDER BY id`,
    );
    const setStory = this.stmt('UPDATE items SET story_of = ? WHERE id = ?');
    const remove = this.stmt('DELETE FROM items WHERE published_at < ?');
    return this.db
      .transaction(() => {
        for (const [id, storyOf] of relinkStories(survivors.all(cutoff, cutoff))) setStory.run(storyOf, id);
        return remove.run(cutoff).changes;
      })
      .immediate();
  }

  async getChannel(channel: ChannelRef): Promise<Channel | null> {
    const row = this.stmt<ChannelRow>('SELECT * FROM channels WHERE platform = ? AND channel_id = ?').get(
      channel.platform,
      channel.channelId,
    );
    return row ? toChannel(row) : null;
  }

  async listChannels(): Promise<Channel[]> {
    return this.stmt<ChannelRow>('SELECT * FROM channels ORDER BY platform, channel_id').all().map(toChannel);
  }

  async saveChannel(channel: Omit<Channel, 'createdAt'>, now: string): Promise<Channel> {
    this.stmt(
      `INSERT INTO channels (platform, channel_id, topics, sources, languages, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         topics = excluded.topics, sources = excluded.sources, languages = excluded.languages`,
    ).run(
      channel.platform,
      channel.channelId,
      JSON.stringify(channel.topics),
      JSON.stringify(channel.sources),
      JSON.stringify(channel.languages),
      toMs(now, 'now'),
    );
    const saved = await this.getChannel(channel);
    if (saved === null) throw new VigilError('corpus', 'channel vanished after save');
    return saved;
  }

  async addWatch(watch: Omit<Watch, 'id'>): Promise<Watch> {
    const row = this.stmt<WatchRow>(
      `INSERT INTO watches (platform, channel_id, expression, author, created_at) VALUES (?, ?, ?, ?, ?)
       RETURNING *`,
    ).get(
      watch.channel.platform,
      watch.channel.channelId,
      watch.expression,
      watch.author,
      toMs(watch.createdAt, 'createdAt'),
    );
    if (!row) throw new VigilError('corpus', 'watch was not stored');
    return toWatch(row);
  }

  async removeWatch(channel: ChannelRef, id: number): Promise<boolean> {
    return (
      this.stmt('DELETE FROM watches WHERE id = ? AND platform = ? AND channel_id = ?').run(
        id,
        channel.platform,
        channel.channelId,
      ).changes > 0
    );
  }

  async listWatches(channel?: ChannelRef): Promise<Watch[]> {
    if (channel === undefined)
      return this.stmt<WatchRow>('SELECT * FROM watches ORDER BY id').all().map(toWatch);
    return this.stmt<WatchRow>('SELECT * FROM watches WHERE platform = ? AND channel_id = ? ORDER BY id')
      .all(channel.platform, channel.channelId)
      .map(toWatch);
  }

  async claimDelivery(itemId: number, channel: ChannelRef): Promise<boolean> {
    const now = Date.now();
    try {
      return (
        this.stmt(
          `INSERT INTO deliveries (item_id, platform, channel_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (item_id, platform, channel_id) DO NOTHING`,
        ).run(itemId, channel.platform, channel.channelId, now, now).changes === 1
      );
    } catch (error) {
      if (isConstraint(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw unknownItemError(itemId);
      throw error;
    }
  }

  async getDelivery(itemId: number, channel: ChannelRef): Promise<Delivery | null> {
    const row = this.stmt<DeliveryRow>(
      'SELECT * FROM deliveries WHERE item_id = ? AND platform = ? AND channel_id = ?',
    ).get(itemId, channel.platform, channel.channelId);
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
    this.stmt(
      `UPDATE deliveries SET state = 'sent', message_id = ?, last_error = NULL, attempts = attempts + 1,
         updated_at = ? WHERE item_id = ? AND platform = ? AND channel_id = ?`,
    ).run(messageId, Date.now(), itemId, channel.platform, channel.channelId);
  }

  async markDeliveryFailed(itemId: number, channel: ChannelRef, error: string): Promise<void> {
    this.stmt(
      `UPDATE deliveries SET state = 'failed', last_error = ?, attempts = attempts + 1, updated_at = ?
       WHERE item_id = ? AND platform = ? AND channel_id = ?`,
    ).run(storableText(error), Date.now(), itemId, channel.platform, channel.channelId);
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const row = this.stmt<AuditRow>(
      'INSERT INTO audit_log (at, actor, action, channel, details) VALUES (?, ?, ?, ?, ?) RETURNING *',
    ).get(toMs(entry.at, 'at'), entry.actor, entry.action, entry.channel, JSON.stringify(entry.details));
    if (!row) throw new VigilError('corpus', 'audit entry was not stored');
    return toAudit(row);
  }

  async listAudit(options: { limit: number; channel?: string }): Promise<AuditEntry[]> {
    const { limit } = clampPage({ limit: options.limit, offset: 0 });
    if (options.channel === undefined) {
      return this.stmt<AuditRow>('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?')
        .all(limit)
        .map(toAudit);
    }
    return this.stmt<AuditRow>('SELECT * FROM audit_log WHERE channel = ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(options.channel, limit)
      .map(toAudit);
  }
}

function toAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: toIso(row.at),
    actor: row.actor,
    action: row.action,
    channel: row.channel,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}
