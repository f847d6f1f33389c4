/**
 * The one corpus store: SQL written once over a dialect (sql-dialect.ts) and a driver
 * (sql-database.ts, implemented in adapters/db). It implements every narrow port.
 */
import type { CorpusStore } from '../corpus-store.js';
import { corpusMigrations } from './corpus-migrations.js';
import { type Migration, migrate } from './migrate.js';
import { INDEX_STATE_VERSION, reindexIfStale } from './reindex.js';
import { createSqlAuditLog } from './sql-audit-log.js';
import { createSqlChannelSettings } from './sql-channel-settings.js';
import type { SqlDatabase } from './sql-database.js';
import { createSqlDeliveryOutbox } from './sql-delivery-outbox.js';
import type { SqlDialect } from './sql-dialect.js';
import { createSqlDigestStore } from './sql-digest-store.js';
import { createSqlItemSearch } from './sql-item-search.js';
import { createSqlSourceCatalog } from './sql-source-catalog.js';

export interface OpenedStore {
  store: CorpusStore;
  /** What the migrations changed in the data, one line each, for the caller to log. */
  notes: string[];
}

/** Brings the schema up to date (`migrations` replaces the built-in ones in tests), then builds the store. */
export async function openSqlCorpusStore(
  db: SqlDatabase,
  dialect: SqlDialect,
  migrations: readonly Migration[] = corpusMigrations(dialect),
): Promise<OpenedStore> {
  const notes = await migrate(db, dialect, migrations);
  if (migrations.some((migration) => migration.version === INDEX_STATE_VERSION)) {
    notes.push(...(await reindexIfStale(db, dialect)));
  }
  return { store: createSqlCorpusStore(db, dialect), notes };
}

export function createSqlCorpusStore(db: SqlDatabase, dialect: SqlDialect): CorpusStore {
  let closed: Promise<void> | undefined;
  return {
    kind: dialect.name,
    ...createSqlItemSearch(db, dialect),
    ...createSqlSourceCatalog(db, dialect),
    ...createSqlChannelSettings(db, dialect),
    ...createSqlDeliveryOutbox(db, dialect),
    ...createSqlDigestStore(db, dialect),
    ...createSqlAuditLog(db, dialect),
    ping: async () => {
      await db.all('SELECT 1');
    },
    close: () => {
      closed ??= db.close();
      return closed;
    },
  };
}
