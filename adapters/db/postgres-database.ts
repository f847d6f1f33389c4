/**
 * The PostgreSQL driver (pg) behind the store's SqlDatabase port: a pool, `?` numbered as `$n`,
 * writer locks as transaction-scoped advisory locks per schema, and connection failures at start
 * as one ConfigError naming VIGIL_DB without its password.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  SqlConstraintError,
  type SqlDatabase,
  type SqlExecutor,
  type SqlRow,
  type SqlValue,
} from '../../src/corpus/sql/sql-database.js';
import { describeError, VigilError } from '../../src/errors.js';
import { dbSettingError } from './db-setting.js';
import { numberPlaceholders } from './number-placeholders.js';

/** How long start-up waits for the server before saying it cannot connect. */
const CONNECT_TIMEOUT_MS = 10_000;

const CONSTRAINTS: Record<string, SqlConstraintError['constraint']> = {
  '23505': 'unique',
  '23503': 'foreign-key',
};

function translate(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const constraint = CONSTRAINTS[code];
  return constraint === undefined ? error : new SqlConstraintError(constraint, { cause: error });
}

/** The store's SQL as PostgreSQL takes it, with a stable statement name (a hash of the text). */
interface PgStatement {
  text: string;
  name: string;
}

const statements = new Map<string, PgStatement>();
function toPg(sql: string): PgStatement {
  let statement = statements.get(sql);
  if (statement === undefined) {
    const text = numberPlaceholders(sql);
    statement = { text, name: `vigil-${createHash('sha1').update(text).digest('hex').slice(0, 16)}` };
    if (statements.size >= 1000) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * `prepare`: run statements as named prepared statements, parsed and planned once per
 * connection. Used inside transactions, whose statements (the insert loop, migrations) are a
 * small fixed set run many times; search builds statements of many shapes and runs unnamed.
 */
function executor(target: Queryable, prepare: boolean): SqlExecutor {
  const query = async <Row extends SqlRow>(sql: string, params: readonly SqlValue[]) => {
    const { text, name } = toPg(sql);
    try {
      return await target.query<Row>({ text, values: params as unknown[], ...(prepare ? { name } : {}) });
    } catch (error) {
      throw translate(error);
    }
  };
  return {
    all: async <Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) =>
      (await query<Row>(sql, params)).rows,
    run: async (sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rowCount ?? 0,
  };
}

class PostgresDatabase implements SqlDatabase {
  private readonly direct: SqlExecutor;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    /** Advisory locks are per schema: stores in other schemas do not wait for each other. */
    private readonly lockScope: string,
  ) {
    this.direct = executor(pool, false);
  }

  all<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.direct.all<Row>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(lock: string, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigil-${lock}:${this.lockScope}`]);
      const result = await work(executor(client, true));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** The server's reason in words, without the password even if a message repeated it. */
function connectProblem(error: unknown, password: string): string {
  const reason = describeError(error);
  return password === '' ? reason : reason.replaceAll(password, '***');
}

/**
 * Connects to `url` (ConfigError if the server cannot be reached or refuses the login), creates
 * `schema` when given (tests keep one each), and returns the pooled database.
 */
export async function openPostgresDatabase(url: string, schema: string | null): Promise<SqlDatabase> {
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new VigilError(
      'config',
      `the PostgreSQL schema name "${schema}" must be lowercase letters, digits, _`,
    );
  }
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    throw dbSettingError(url, 'is not a valid postgres:// URL');
  }
  const config: pg.PoolConfig = {
    connectionString: url,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  };
  const probe = new pg.Client({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A failed login can end the connection with an 'error' event after connect() rejects.
  probe.on('error', () => undefined);
  try {
    await probe.connect();
  } catch (error) {
    await probe.end().catch(() => undefined);
    throw dbSettingError(
      url,
      `cannot connect to PostgreSQL (${connectProblem(error, password)}): check the address, the login and that the server runs`,
    );
  }
  try {
    if (schema !== null) {
      // Under the migration lock: processes starting at once would race to create it.
      await probe.query('BEGIN');
      await probe.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigil-migrate:${schema}`]);
      await probe.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await probe.query('COMMIT');
    }
  } finally {
    await probe.end().catch(() => undefined);
  }
  const pool = new pg.Pool(config);
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresDatabase(pool, schema ?? 'public');
}
