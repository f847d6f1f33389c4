/** Versioned schema changes and the one runner both engines use: apply the missing ones, in order. */
import { VigilError } from '../../errors.js';
import type { SqlDatabase, SqlExecutor } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

export interface Migration {
  /** Increasing from 1; the applied versions are kept in `schema_migrations`. */
  version: number;
  name: string;
  statements: readonly string[];
  /**
   * Runs after the statements, in the same transaction, for changes to the data that the log must
   * tell (e.g. "source x: interval 3000000 s set to 86400 s"); returns those lines.
   */
  update?(tx: SqlExecutor, dialect: SqlDialect): Promise<string[]>;
}

/** A database migrated by a newer vigil is left alone rather than misread. */
export function tooNewError(found: number, known: number): VigilError {
  return new VigilError(
    'database-too-new',
    `the database is at schema version ${found} but this vigil knows only up to ${known}: upgrade vigil`,
  );
}

/**
 * Applies the migrations not yet recorded, in one transaction under the `migrate` writer lock, so
 * processes that start at once take turns and the later ones find nothing left to do. Nothing is
 * written to a database that a newer vigil migrated. Returns what the migrations' updates changed.
 */
export async function migrate(
  db: SqlDatabase,
  dialect: SqlDialect,
  migrations: readonly Migration[],
): Promise<string[]> {
  return db.transaction('migrate', async (tx) => {
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    );
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_migrations');
    const versions = new Set(rows.map((row) => Number(row.version)));
    const known = Math.max(0, ...migrations.map((migration) => migration.version));
    const newest = Math.max(0, ...versions);
    if (newest > known) throw tooNewError(newest, known);
    const notes: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (versions.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.run(statement);
      if (migration.update) notes.push(...(await migration.update(tx, dialect)));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    return notes;
  });
}
