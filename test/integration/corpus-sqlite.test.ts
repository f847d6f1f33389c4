/** The SQLite corpus: the contract suite, plus file handling, versioned upgrades and files it must not touch. */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { corpusMigrations } from '../../src/corpus/sql/corpus-migrations.js';
import { ConfigError } from '../../src/errors.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { runVigil, WITHOUT_FILE_OVERRIDE } from '../helpers/run-vigil.js';
import {
  describeCorpusStore,
  describeUpgradeFromMain,
  makeItem,
  sampleSource,
} from './corpus-store.contract.js';

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

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-corpus-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeUpgradeFromMain('sqlite', async (log) => {
  const file = path.join(tempDir(), 'vigil.db');
  copyFileSync(new URL('./fixtures/corpus-main-c7eb589.db', import.meta.url), file);
  return createCorpusStore(file, { log });
});

describe('sqlite corpus file', () => {
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

  it('applies a later migration once, in order, to an existing database', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    await (await createCorpusStore(file, { migrations: (d) => corpusMigrations(d).slice(0, 1) })).close();
    const next = (dialect: Parameters<typeof corpusMigrations>[0]) => [
      ...corpusMigrations(dialect),
      { version: 99, name: 'test column', statements: ['ALTER TABLE sources ADD COLUMN note TEXT'] },
    ];
    await (await createCorpusStore(file, { migrations: next })).close();
    // A second open finds nothing to do (an ALTER run twice would fail).
    await (await createCorpusStore(file, { migrations: next })).close();
    const db = new Database(file, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    db.close();
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 99]);
  });

  it('refuses a database migrated by a newer vigil, naming VIGIL_DB, and leaves it as it was', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    await (await createCorpusStore(file)).close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')",
    ).run();
    db.close();
    const before = readFileSync(file);
    const error = await createCorpusStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^VIGIL_DB=.*vigil\.db: .*schema version 999.*upgrade vigil$/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('sqlite: a path vigil cannot use is a configuration error, and the file is never modified', () => {
  /** Opens `file`, expects one ConfigError line naming VIGIL_DB and the path, and returns its message. */
  async function refused(file: string, reason: RegExp): Promise<string> {
    const error = await createCorpusStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).variables).toEqual(['VIGIL_DB']);
    expect(message.startsWith(`VIGIL_DB=${file}: `)).toBe(true);
    expect(message).not.toContain('\n');
    expect(message).toMatch(reason);
    return message;
  }

  /**
   * The folder's files and a hash of their bytes, to show that nothing was written. Reading a WAL
   * database, even read-only, makes SQLite create its empty -wal and -shm companions: those alone
   * may appear.
   */
  const snapshot = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir)
        .filter((name) => !/-(wal|shm)$/.test(name))
        .map((name) => [
          name,
          createHash('sha256')
            .update(readFileSync(path.join(dir, name)))
            .digest('hex'),
        ]),
    );

  it('a file of garbage bytes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    writeFileSync(
      file,
      Buffer.from('this is not a database at all, only some text and bytes \u0000\u0001\u0002'.repeat(200)),
    );
    const before = snapshot(dir);
    await refused(file, /is not a SQLite database/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a damaged file that a migration would change: the whole file is checked first', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    copyFileSync(new URL('./fixtures/corpus-main-c7eb589.db', import.meta.url), file);
    const bytes = readFileSync(file);
    // Keep the header and the schema page; break every page after it.
    bytes.fill(0xa5, 4096);
    writeFileSync(file, bytes);
    const before = snapshot(dir);
    await refused(file, /damaged SQLite database|cannot be read as a SQLite database/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a current database whose sources table is damaged', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    const store = await createCorpusStore(file);
    await store.addSource(sampleSource(), '2024-05-01T00:00:00Z');
    await store.insertItems([makeItem({ text: 'potash' })]);
    await store.close();
    const db = new Database(file, { readonly: true });
    const page = Number(
      db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sources'").pluck().get(),
    );
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, (page - 1) * pageSize, page * pageSize);
    writeFileSync(file, bytes);
    const before = snapshot(dir);
    await refused(file, /damaged SQLite database/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("another program's SQLite database", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'other.db');
    const other = new Database(file);
    other.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')",
    );
    other.close();
    const before = snapshot(dir);
    await refused(file, /another program's SQLite database/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the command line says so in one line and exits 2 (built vigil)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    writeFileSync(file, 'not a database\n'.repeat(100));
    const result = runVigil(['search', 'potash'], { env: { VIGIL_DB: file } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `vigil: VIGIL_DB=${file}: is not a SQLite database (it does not start with the SQLite header); vigil left it untouched`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe('not a database\n'.repeat(100));
  });

  it('a folder', async () => {
    const dir = tempDir();
    await refused(dir, /is a folder/);
  });

  it('a path whose parent cannot be created (a part of it is a file)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'plain-file'), 'x');
    await refused(
      path.join(dir, 'plain-file', 'data', 'vigil.db'),
      /a part of the path is a file, not a folder/,
    );
  });

  // Root reads every file whatever its mode, so under root the built command line is started without
  // the capabilities that allow that (see WITHOUT_FILE_OVERRIDE).
  it('an unreadable file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    await (await createCorpusStore(file)).close();
    chmodSync(file, 0o000);
    try {
      if (process.getuid?.() !== 0) {
        await refused(file, /cannot be read and written: permission denied/);
        return;
      }
      const result = runVigil(['search', 'potash'], {
        env: { VIGIL_DB: file },
        via: WITHOUT_FILE_OVERRIDE,
      });
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/VIGIL_DB=.*cannot be read and written: permission denied/);
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it('reads a file it can use after all this checking: an empty file is a new database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    writeFileSync(file, '');
    const store = await createCorpusStore(file);
    await store.addSource(sampleSource(), '2024-05-01T00:00:00Z');
    expect(await store.listSources()).toHaveLength(1);
    await store.close();
  });

  it('logs nothing when opening a fresh database', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'data'));
    const log = createMemoryLogger();
    await (await createCorpusStore(path.join(dir, 'data', 'vigil.db'), { log })).close();
    expect(log.lines).toEqual([]);
  });
});
