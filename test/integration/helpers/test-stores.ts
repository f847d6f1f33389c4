/** A corpus store for one test file: SQLite in memory, or PostgreSQL in a schema of its own dropped after. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { databaseUrl } from '../../helpers/services.js';

export interface TestStore {
  store: CorpusStore;
  cleanup(): Promise<void>;
}

export async function openSqliteStore(): Promise<TestStore> {
  const store = await createCorpusStore(':memory:');
  return { store, cleanup: () => store.close() };
}

export async function openPostgresStore(): Promise<TestStore> {
  const schema = `vigil_test_${randomUUID().replaceAll('-', '')}`;
  const store = await createCorpusStore(databaseUrl, { schema });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
