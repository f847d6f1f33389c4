/**
 * The store a benchmark measures, taken as the product takes it (design.md): VIGIL_DB, where a
 * `postgres://` URL gets a new schema dropped afterwards, else a new SQLite file in a temp folder.
 * It never touches data it did not create.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createCorpusStore, isPostgresUrl } from '../adapters/db/create-corpus-store.js';
import type { CorpusStore } from '../src/corpus/corpus-store.js';

export interface BenchStore {
  store: CorpusStore;
  kind: 'postgres' | 'sqlite';
  /** Closes the store and removes what the benchmark created. */
  cleanup(): Promise<void>;
}

export async function openBenchStore(tag: string): Promise<BenchStore> {
  const setting = process.env.VIGIL_DB;
  if (setting && isPostgresUrl(setting)) {
    // PostgreSQL names: lower-case letters, digits and _, at most 63 bytes.
    const schema = `vigil_bench_${tag.replace(/[^a-z0-9_]/g, '_')}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const store = await createCorpusStore(setting, { schema });
    const cleanup = async () => {
      await store.close();
      const client = new pg.Client({ connectionString: setting });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    };
    return { store, kind: 'postgres', cleanup };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `vigil-bench-${tag}-`));
  // A named SQLite file must be new; several stores of one run get a suffix each.
  const file = setting ? `${setting}.${tag}` : path.join(dir, 'vigil.db');
  if (existsSync(file)) throw new Error(`VIGIL_DB: ${file} exists; name a new file`);
  const store = await createCorpusStore(file);
  const cleanup = async () => {
    await store.close();
    for (const name of [dir, file, `${file}-wal`, `${file}-shm`])
      rmSync(name, { recursive: true, force: true });
  };
  return { store, kind: 'sqlite', cleanup };
}
