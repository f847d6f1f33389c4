/**
 * The SQLite driver (better-sqlite3) behind the store's SqlDatabase port. better-sqlite3 answers
 * synchronously; transactions are async here, so statements from elsewhere in the process wait
 * until a running transaction ends instead of landing inside it.
 */
import Database from 'better-sqlite3';
import {
  SqlConstraintError,
  type SqlDatabase,
  type SqlExecutor,
  type SqlRow,
  type SqlValue,
} from '../../src/corpus/sql/sql-database.js';
import { describeError } from '../../src/errors.js';
import { checkSqliteFile } from './check-sqlite-file.js';
import { dbSettingError } from './db-setting.js';

type Params = (string | number | null)[];

/** Prepared statements kept per SQL text; search builds a few shapes, so this bound is seldom reached. */
const MAX_STATEMENTS = 500;

const CONSTRAINTS: Record<string, SqlConstraintError['constraint']> = {
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign-key',
};

function translate(error: unknown): unknown {
  const constraint = error instanceof Database.SqliteError ? CONSTRAINTS[error.code] : undefined;
  return constraint === undefined ? error : new SqlConstraintError(constraint, { cause: error });
}

function bind(params: readonly SqlValue[]): Params {
  return params.map((value) => {
    if (Array.isArray(value)) throw new TypeError('SQLite binds no lists: the dialect stores them as JSON');
    return value as string | number | null;
  });
}

class SqliteDatabase implements SqlDatabase {
  private readonly statements = new Map<string, Database.Statement<Params>>();
  /** The transaction now running, if any; everything else waits for it. */
  private running: Promise<unknown> | null = null;
  private readonly inside: SqlExecutor = {
    all: async <Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) =>
      this.allNow<Row>(sql, params),
    run: async (sql, params = []) => this.runNow(sql, params),
  };

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement<Params> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<Params>(sql);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private allNow<Row extends SqlRow>(sql: string, params: readonly SqlValue[]): Row[] {
    try {
      return this.statement(sql).all(...bind(params)) as Row[];
    } catch (error) {
      throw translate(error);
    }
  }

  private runNow(sql: string, params: readonly SqlValue[]): number {
    try {
      return this.statement(sql).run(...bind(params)).changes;
    } catch (error) {
      throw translate(error);
    }
  }

  private async idle(): Promise<void> {
    while (this.running !== null) await this.running.catch(() => undefined);
  }

  async all<Row extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    await this.idle();
    return this.allNow<Row>(sql, params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    await this.idle();
    return this.runNow(sql, params);
  }

  /** IMMEDIATE: the write lock on the file is taken first, so another process's writer waits (busy timeout). */
  async transaction<T>(_lock: string, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    // Not `await this.idle()`: no await may come between this check and taking `running`, or
    // two callers woken together would both start.
    while (this.running !== null) await this.running.catch(() => undefined);
    const run = (async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.inside);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  async close(): Promise<void> {
    await this.idle();
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (or creates) the SQLite file `file` after checkSqliteFile found it usable for schema
 * version `schemaVersion`; `:memory:` is a throwaway database.
 */
export function openSqliteDatabase(file: string, schemaVersion: number): SqlDatabase {
  if (file !== ':memory:') checkSqliteFile(file, schemaVersion);
  let db: Database.Database | undefined;
  try {
    // A second process waits this long for the write lock instead of failing.
    db = new Database(file, { timeout: 15_000 });
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return new SqliteDatabase(db);
  } catch (error) {
    db?.close();
    throw dbSettingError(file, `cannot be opened as a SQLite database (${describeError(error)})`);
  }
}
