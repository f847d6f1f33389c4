/** The PostgreSQL corpus: the contract suite (a fresh schema per test), plus upgrades and start-up races. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/create-corpus-store.js';
import { PostgresCorpusStore } from '../../src/corpus/postgres/postgres-corpus-store.js';
import { postgresMigrations } from '../../src/corpus/postgres/postgres-migrations.js';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import { databaseUrl, hasPostgres } from '../helpers/services.js';
import { describeCorpusStore, makeItem, sampleSource } from './corpus-store.contract.js';

const postgres = await hasPostgres();

const freshSchema = () => `vigil_test_${randomUUID().replaceAll('-', '')}`;

async function dropSchema(schema: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgres)('postgres corpus', () => {
  describeCorpusStore('postgres', async () => {
    const schema = freshSchema();
    const store = await createCorpusStore(databaseUrl, { schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('schema', () => {
    const schemas: string[] = [];
    const schemaForTest = () => {
      const schema = freshSchema();
      schemas.push(schema);
      return schema;
    };
    afterEach(async () => {
      for (const schema of schemas.splice(0)) await dropSchema(schema);
    });

    it('selects PostgreSQL for postgres:// and postgresql:// settings', async () => {
      const schema = schemaForTest();
      const store = await createCorpusStore(databaseUrl.replace(/^postgres:/, 'postgresql:'), { schema });
      expect(store.kind).toBe('postgres');
      await store.close();
    });

    it('upgrades a database from an older version without losing data', async () => {
      const schema = schemaForTest();
      const older = await PostgresCorpusStore.open(databaseUrl, {
        schema,
        migrations: postgresMigrations.slice(0, 1),
      });
      await older.addSource(sampleSource(), '2024-01-01T00:00:00.000Z');
      await older.close();
      // Items as this vigil writes them, then the schema taken back to version 1 (no story signatures).
      const writer = await PostgresCorpusStore.open(databaseUrl, { schema });
      const [item] = await writer.insertItems([makeItem({ title: 'Kept across the upgrade' })]);
      await writer.close();
      const raw = new pg.Client({ connectionString: databaseUrl });
      await raw.connect();
      await raw.query(`ALTER TABLE "${schema}".items DROP COLUMN story_signature`);
      for (const table of ['deliveries', 'audit_log', 'watches', 'channels'])
        await raw.query(`DROP TABLE "${schema}".${table}`);
      await raw.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 1`);
      await raw.end();

      const current = await createCorpusStore(databaseUrl, { schema });
      expect((await current.getItem(item?.id ?? -1))?.title).toBe('Kept across the upgrade');
      const parsed = parseSearchQuery('upgrade');
      if (!parsed.ok) throw new Error(parsed.error);
      expect((await current.search(parsed.query, { limit: 5, offset: 0 })).total).toBe(1);
      expect(await current.claimDelivery(item?.id ?? -1, { platform: 'console', channelId: 'main' })).toBe(
        true,
      );
      await current.close();

      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ version: number }>(
        `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
      );
      await client.end();
      expect(rows.map((row) => row.version)).toEqual(
        postgresMigrations.map((migration) => migration.version),
      );
    });

    it('lets several processes start at once: the advisory lock makes them take turns', async () => {
      const schema = schemaForTest();
      const next = [
        ...postgresMigrations,
        { version: 99, name: 'test column', statements: ['ALTER TABLE sources ADD COLUMN note text'] },
      ];
      // Separate pools, separate connections: as separate processes would be.
      const stores = await Promise.all(
        Array.from({ length: 6 }, () => PostgresCorpusStore.open(databaseUrl, { schema, migrations: next })),
      );
      await Promise.all(stores.map((store) => store.close()));
    });

    it('refuses a database migrated by a newer vigil', async () => {
      const schema = schemaForTest();
      await (await createCorpusStore(databaseUrl, { schema })).close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (999, 'future')`);
      await client.end();
      await expect(createCorpusStore(databaseUrl, { schema })).rejects.toMatchObject({
        code: 'database-too-new',
      });
    });

    it('says which server it cannot reach, without the password', async () => {
      const error = await createCorpusStore('postgres://vigil:secret@127.0.0.1:1/none').catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'database-unreachable' });
      expect(String((error as Error).message)).not.toContain('secret');
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(createCorpusStore(databaseUrl, { schema: 'x"; DROP' })).rejects.toMatchObject({
        code: 'config',
      });
    });
  });
});
