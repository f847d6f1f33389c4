/**
 * What SQLite and PostgreSQL disagree on, and nothing else: the SQL both engines share is written
 * once in the store (sql-*.ts); a dialect supplies the pieces below.
 */
import type { TextExpr } from '../key-query.js';
import type { SqlExecutor, SqlValue } from './sql-database.js';

/** A piece of SQL with its `?` parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

/** The index keys of an item (index-tokens.ts), and its labels. */
export interface IndexedItem {
  titleKeys: string;
  bodyKeys: string;
  labels: readonly string[];
}

export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column types the engines name differently (corpus-migrations.ts writes the schema once). */
  readonly columnTypes: {
    /** An integer primary key the engine assigns and never hands out again. */
    key: string;
    boolean: string;
    /** `false` as a column default. */
    false: string;
    time: string;
    list: string;
  };
  /** The full-text index and label lookup, created with the items table (migration 1). */
  readonly textIndexSchema: readonly string[];

  /** A boolean as the engine stores it: 0/1 (SQLite), boolean (PostgreSQL). */
  boolean(value: boolean): SqlValue;
  readBoolean(value: unknown): boolean;
  /** A time as the engine stores it: epoch ms in an INTEGER (SQLite), timestamptz (PostgreSQL). */
  time(ms: number): SqlValue;
  /** A stored time back as epoch ms. */
  readTime(value: unknown): number;
  /** A list of strings (labels, a channel's topics): JSON text (SQLite), text[] (PostgreSQL). */
  list(values: readonly string[]): SqlValue;
  readList(value: unknown): string[];

  /** A condition true when item `i` holds `expr`; in `field` only, when given (full-text match). */
  textMatch(expr: TextExpr, field?: 'title' | 'body'): SqlFragment;
  /** Columns written with each item row for its text index (PostgreSQL's tsvector), and their values. */
  readonly itemIndexColumns: { names: string; values: string };
  itemIndexParams(item: IndexedItem): SqlValue[];
  /**
   * The ids (`id`) and times (`published_at`) of items matching `expr` (in `field` only, when given) among those `filter` admits
   * (a condition on `i`), newest id first, at most `limit`, none below `fromId`: what relevance
   * ranking starts from.
   */
  matchedIds(
    expr: TextExpr,
    field: 'title' | 'body' | undefined,
    filter: SqlFragment,
    limit: number,
    fromId?: number,
  ): SqlFragment;
  /** A condition true when `column` is one of `ids` (bound as one parameter). */
  idIn(column: string, ids: readonly number[]): SqlFragment;
  /** Rewrites the text index of one stored item (reindex.ts). */
  reindexItem(tx: SqlExecutor, id: number, item: IndexedItem): Promise<void>;
  /** Rows written after the item row: SQLite's FTS5 row and label rows; nothing in PostgreSQL. */
  afterItemInsert(tx: SqlExecutor, id: number, item: IndexedItem): Promise<void>;
  /**
   * Refreshes the planner's statistics after a bulk rewrite of the index (a reindex): PostgreSQL
   * plans a word's search from them (a backward scan of ids for a common word, the GIN index for a
   * rare one), and stale ones after a bulk write pick the slow plan (seconds at 1M items).
   */
  refreshStatistics: string;
  /** A condition true when item `i` carries one of `count` labels, bound in order. */
  anyLabel(count: number): string;
  /** Rows of `key` (a label) and `n` (how many items carry it). */
  readonly labelCounts: string;
}
