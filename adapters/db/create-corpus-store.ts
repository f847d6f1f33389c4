/**
 * Opens the corpus VIGIL_DB names, on the driver it needs (loaded only then): a `postgres://` URL,
 * else a SQLite file path (`:memory:`: a throwaway SQLite corpus). The one store over its dialect.
 */
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { corpusMigrations } from '../../src/corpus/sql/corpus-migrations.js';
import type { Migration } from '../../src/corpus/sql/migrate.js';
import { postgresDialect } from '../../src/corpus/sql/postgres-dialect.js';
import { openSqlCorpusStore } from '../../src/corpus/sql/sql-corpus-store.js';
import type { SqlDatabase } from '../../src/corpus/sql/sql-database.js';
import type { SqlDialect } from '../../src/corpus/sql/sql-dialect.js';
import { sqliteDialect } from '../../src/corpus/sql/sqlite-dialect.js';
import { VigilError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import { dbSettingError, isPostgresUrl } from './db-setting.js';

export { isPostgresUrl } from './db-setting.js';

export interface CreateCorpusStoreOptions {
  /** PostgreSQL only: keep the tables in this schema (created if missing). Tests use one each. */
  schema?: string;
  /** Replaces the built-in migrations (tests of upgrades). */
  migrations?: (dialect: SqlDialect) => readonly Migration[];
  /** Where an upgrade says what it changed in the stored data (e.g. an interval brought within bounds). */
  log?: Logger;
}

/** Opens the store and brings its schema up to date. */
export async function createCorpusStore(
  dbSetting: string,
  options: CreateCorpusStoreOptions = {},
): Promise<CorpusStore> {
  const postgres = isPostgresUrl(dbSetting);
  const dialect = postgres ? postgresDialect : sqliteDialect;
  const migrations = (options.migrations ?? corpusMigrations)(dialect);
  let db: SqlDatabase;
  if (postgres) {
    const { openPostgresDatabase } = await import('./postgres-database.js');
    db = await openPostgresDatabase(dbSetting, options.schema ?? null);
  } else {
    const { openSqliteDatabase } = await import('./sqlite-database.js');
    db = openSqliteDatabase(dbSetting, Math.max(0, ...migrations.map((migration) => migration.version)));
  }
  try {
    const { store, notes } = await openSqlCorpusStore(db, dialect, migrations);
    for (const note of notes) options.log?.warn({ note }, 'database upgrade changed stored data');
    return store;
  } catch (error) {
    await db.close();
    if (error instanceof VigilError && error.code === 'database-too-new')
      throw dbSettingError(dbSetting, error.message);
    throw error;
  }
}
