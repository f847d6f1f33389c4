/** The PostgreSQL corpus: the contract suite (a fresh schema per test), plus upgrades, start-up races and bad URLs. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { corpusMigrations } from '../../src/corpus/sql/corpus-migrations.js';
import type { SqlDialect } from '../../src/corpus/sql/sql-dialect.js';
import { ConfigError } from '../../src/errors.js';
import { databaseUrl, hasPostgres } from '../helpers/services.js';
import { describeCorpusStore, describeUpgradeFromMain } from './corpus-store.contract.js';

const postgres = await hasPostgres();

const freshSchema = () => `vigil_test_${randomUUID().replaceAll('-', '')}`;

async function sql(text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string) => sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);

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

  const schemas: string[] = [];
  const schemaForTest = () => {
    const schema = freshSchema();
    schemas.push(schema);
    return schema;
  };
  afterEach(async () => {
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  describeUpgradeFromMain('postgres', async (log) => {
    const schema = schemaForTest();
    // pg_dump --inserts of the same data as the SQLite fixture, written by vigil at c7eb589.
    const dump = readFileSync(new URL('./fixtures/corpus-main-c7eb589.sql', import.meta.url), 'utf8');
    await sql(dump.replaceAll('__SCHEMA__', schema));
    return createCorpusStore(databaseUrl, { schema, log });
  });

  describe('schema', () => {
    it('selects PostgreSQL for postgres:// and postgresql:// settings', async () => {
      const schema = schemaForTest();
      const store = await createCorpusStore(databaseUrl.replace(/^postgres:/, 'postgresql:'), { schema });
      expect(store.kind).toBe('postgres');
      await store.close();
    });

    it('lets several processes start at once: the advisory lock makes them take turns', async () => {
      const schema = schemaForTest();
      const next = (dialect: SqlDialect) => [
        ...corpusMigrations(dialect),
        { version: 99, name: 'test column', statements: ['ALTER TABLE sources ADD COLUMN note text'] },
      ];
      // Separate pools, separate connections: as separate processes would be.
      const stores = await Promise.all(
        Array.from({ length: 6 }, () => createCorpusStore(databaseUrl, { schema, migrations: next })),
      );
      await Promise.all(stores.map((store) => store.close()));
      const { rows } = await sql(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
      expect(rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 99]);
    });

    it('refuses a database migrated by a newer vigil, naming VIGIL_DB', async () => {
      const schema = schemaForTest();
      await (await createCorpusStore(databaseUrl, { schema })).close();
      await sql(
        `INSERT INTO "${schema}".schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')`,
      );
      const error = await createCorpusStore(databaseUrl, { schema }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^VIGIL_DB=postgres:.*: .*schema version 999.*upgrade vigil$/);
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(createCorpusStore(databaseUrl, { schema: 'x"; DROP' })).rejects.toMatchObject({
        code: 'config',
      });
    });
  });

  describe('a server vigil cannot use is a configuration error naming VIGIL_DB, without the password', () => {
    async function refused(url: string, reason: RegExp): Promise<void> {
      const error = await createCorpusStore(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message.startsWith('VIGIL_DB=postgres')).toBe(true);
      expect(message).not.toContain('\n');
      expect(message).not.toContain('s3cret-pw');
      expect(message).toMatch(reason);
    }

    it('nothing listens at the address', async () => {
      await refused(
        'postgres://vigil:s3cret-pw@127.0.0.1:1/none',
        /cannot connect to PostgreSQL .*ECONNREFUSED/,
      );
    });

    it('the server refuses the login (no such role)', async () => {
      const url = new URL(databaseUrl);
      url.username = `nobody_${randomUUID().slice(0, 8)}`;
      url.password = 's3cret-pw';
      await refused(url.toString(), /cannot connect to PostgreSQL .*(role|authentication)/);
    });

    it('the database does not exist', async () => {
      const url = new URL(databaseUrl);
      url.pathname = `/missing_${randomUUID().slice(0, 8)}`;
      url.password = 's3cret-pw';
      await refused(url.toString(), /cannot connect to PostgreSQL .*does not exist/);
    });

    it('the URL cannot be read', async () => {
      await refused('postgres://vigil:s3cret-pw@[bad/x', /not a valid postgres:\/\/ URL/);
    });
  });
});
