/** Opens the corpus that VIGIL_DB names: a `postgres://` URL, else a SQLite file path. */
import type { CorpusStore } from './corpus-store.js';

export interface CreateCorpusStoreOptions {
  /** PostgreSQL only: keep the tables in this schema (created if missing). Tests use one each. */
  schema?: string;
}

export function isPostgresUrl(dbSetting: string): boolean {
  return /^postgres(ql)?:\/\//i.test(dbSetting);
}

/** Opens the store and brings its schema up to date; `:memory:` gives a throwaway SQLite corpus. */
export async function createCorpusStore(
  dbSetting: string,
  options: CreateCorpusStoreOptions = {},
): Promise<CorpusStore> {
  // Each driver loads only when used: a SQLite command never loads pg, and the other way round.
  if (isPostgresUrl(dbSetting)) {
    const { PostgresCorpusStore } = await import('./postgres/postgres-corpus-store.js');
    return PostgresCorpusStore.open(dbSetting, options);
  }
  const { SqliteCorpusStore } = await import('./sqlite/sqlite-corpus-store.js');
  return new SqliteCorpusStore(dbSetting);
}
