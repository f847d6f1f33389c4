/**
 * The driver port the SQL store runs on; adapters/db implements it with better-sqlite3 and pg, so
 * no database driver is imported inside src/. Statements mark parameters with `?`, in order.
 */

/** A bound value: lists only where the dialect stores a list natively (PostgreSQL text[]). */
export type SqlValue = string | number | null | readonly string[];

export type SqlRow = Record<string, unknown>;

/** `count` parameter marks, for an `IN (…)` list. */
export const marks = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

export interface SqlExecutor {
  /** The rows a statement returns (a SELECT, or a write with RETURNING). */
  all<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a write; returns how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlExecutor {
  /**
   * Runs `work` in one transaction, holding the writer lock `lock` until it ends, so writers in
   * other processes take turns (SQLite: BEGIN IMMEDIATE on the file; PostgreSQL: an advisory
   * lock of that name within the schema). Rolled back if `work` throws.
   */
  transaction<T>(lock: 'items' | 'migrate', work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A write refused by a UNIQUE/PRIMARY KEY or FOREIGN KEY constraint, as each driver reports it. */
export class SqlConstraintError extends Error {
  constructor(
    readonly constraint: 'unique' | 'foreign-key',
    options?: { cause?: unknown },
  ) {
    super(`${constraint} constraint violated`, options);
    this.name = 'SqlConstraintError';
  }
}
