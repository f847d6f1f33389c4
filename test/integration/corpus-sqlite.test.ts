/** The SQLite corpus: the contract suite, plus file handling and versioned upgrades. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../src/corpus/create-corpus-store.js';
import { parseSearchQuery } from '../../src/corpus/search-query.js';
import { SqliteCorpusStore } from '../../src/corpus/sqlite/sqlite-corpus-store.js';
import { sqliteMigrations } from '../../src/corpus/sqlite/sqlite-migrations.js';
import { describeCorpusStore, makeItem, sampleSource } from './corpus-store.contract.js';

describeCorpusStore('sqlite (:memory:)', async () => {
  const store = await createCorpusStore(':memory:');
  return { store, cleanup: () => store.close() };
});

describeCorpusStore('sqlite (file, WAL)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-corpus-'));
  const store = await createCorpusStore(path.join(dir, 'vigil.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite corpus file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-corpus-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the parent folder and uses WAL', async () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'vigil.db');
    const store = await createCorpusStore(file);
    expect(store.kind).toBe('sqlite');
    await store.close();
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('upgrades a database from an older version without losing data', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const older = new SqliteCorpusStore(file, { migrations: sqliteMigrations.slice(0, 1) });
    await older.addSource(sampleSource(), '2024-01-01T00:00:00.000Z');
    await older.close();
    // Items as this vigil writes them, then the file taken back to version 1 (no story signatures).
    const writer = new SqliteCorpusStore(file);
    const [item] = await writer.insertItems([makeItem({ title: 'Kept across the upgrade' })]);
    await writer.close();
    const raw = new Database(file);
    raw.exec('ALTER TABLE items DROP COLUMN story_signature');
    raw.exec('DROP TABLE deliveries; DROP TABLE audit_log; DROP TABLE watches; DROP TABLE channels');
    raw.exec('DELETE FROM schema_migrations WHERE version > 1');
    raw.close();

    const current = await createCorpusStore(file);
    expect((await current.getItem(item?.id ?? -1))?.title).toBe('Kept across the upgrade');
    expect(await current.getSource('charter97')).not.toBeNull();
    const parsed = parseSearchQuery('upgrade');
    if (!parsed.ok) throw new Error(parsed.error);
    expect((await current.search(parsed.query, { limit: 5, offset: 0 })).total).toBe(1);
    // The tables of version 2 now exist.
    expect(await current.claimDelivery(item?.id ?? -1, { platform: 'console', channelId: 'main' })).toBe(
      true,
    );
    await current.close();

    const db = new Database(file, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    db.close();
    expect(versions).toEqual(sqliteMigrations.map((migration) => migration.version));
  });

  it('applies a later migration once, in order, to an existing database', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    await (await createCorpusStore(file)).close();
    const next = [
      ...sqliteMigrations,
      { version: 99, name: 'test column', statements: ['ALTER TABLE sources ADD COLUMN note TEXT'] },
    ];
    await new SqliteCorpusStore(file, { migrations: next }).close();
    // A second open finds nothing to do (an ALTER run twice would fail).
    const again = new SqliteCorpusStore(file, { migrations: next });
    await again.close();
  });

  it('refuses a database migrated by a newer vigil', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    await (await createCorpusStore(file)).close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')",
    ).run();
    db.close();
    await expect(createCorpusStore(file)).rejects.toMatchObject({ code: 'database-too-new' });
  });

  it('says which file it cannot open', async () => {
    const dir = tempDir();
    await expect(createCorpusStore(dir)).rejects.toMatchObject({ code: 'database-open' });
  });
});
