/**
 * Rebuilds the full-text index when the text analysis that built it changes: the index holds keys
 * and name tokens (index-tokens.ts), so a new stemmer, name key or alias file would otherwise
 * leave old items unfindable by new queries. The version in use is kept in `index_state`.
 */
import { createHash } from 'node:crypto';
import { aliasTable } from '../../text/aliases.js';
import { INDEX_ANALYSIS_VERSION, indexItem } from '../index-tokens.js';
import type { SqlDatabase } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

/** The migration that made `index_state` (corpus-migrations.ts); test schemas without it skip this. */
export const INDEX_STATE_VERSION = 6;

/** Items re-indexed per transaction, so writers are never held off for long. */
const BATCH = 500;

/** The analysis version plus a digest of the alias table in use (its spellings decide keys). */
export function analysisVersion(): string {
  const table = aliasTable();
  const digest = createHash('sha256');
  for (const key of [...table.keys].sort())
    digest.update(`${key}\u0000${table.entry(key)?.spellings.join('\u0001')}\n`);
  return `${INDEX_ANALYSIS_VERSION}/aliases-${digest.digest('hex').slice(0, 16)}`;
}

/**
 * Re-indexes every item when the stored analysis version differs from this one; returns a note for
 * the log, or nothing when the index was current. An empty store just records the version.
 */
export async function reindexIfStale(db: SqlDatabase, dialect: SqlDialect): Promise<string[]> {
  const version = analysisVersion();
  const [row] = await db.all<{ value: string }>(`SELECT value FROM index_state WHERE name = 'analysis'`);
  if (row?.value === version) return [];
  let done = 0;
  for (let after = 0; ; ) {
    const batch = await db.all<{ id: number; title: string; text: string; labels: unknown }>(
      'SELECT id, title, text, labels FROM items WHERE id > ? ORDER BY id LIMIT ?',
      [after, BATCH],
    );
    if (batch.length === 0) break;
    await db.transaction('items', async (tx) => {
      for (const item of batch) {
        const keys = indexItem(item.title, item.text);
        await dialect.reindexItem(tx, Number(item.id), {
          titleKeys: keys.title,
          bodyKeys: keys.body,
          labels: dialect.readList(item.labels),
        });
      }
    });
    done += batch.length;
    after = Number(batch[batch.length - 1]?.id);
  }
  await db.transaction('items', async (tx) => {
    await tx.run(`DELETE FROM index_state WHERE name = 'analysis'`);
    await tx.run(`INSERT INTO index_state (name, value) VALUES ('analysis', ?)`, [version]);
  });
  if (row === undefined && done === 0) return [];
  await db.run(dialect.refreshStatistics);
  return [`search index rebuilt for text analysis ${version}: ${done} items`];
}
