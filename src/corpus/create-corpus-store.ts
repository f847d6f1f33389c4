/** Opens the corpus that VIGIL_DB names: a `postgres://` URL, else a SQLite file path. */
import type { CorpusStore } from './corpus-store.js';
import { PostgresCorpusStore } from './postgres/postgres-corpus-store.js';
import { SqliteCorpusStore } from './sqlite/sqlite-corpus-store.js';

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
  if (isPostgresUrl(dbSetting)) return PostgresCorpusStore.open(dbSetting, options);
  return new SqliteCorpusStore(dbSetting);
}
