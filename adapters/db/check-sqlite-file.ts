/**
 * Looks at a SQLite file before vigil writes anything to it: a folder, an unreadable path, a file
 * that is not SQLite, a damaged, foreign or newer database each become one ConfigError naming
 * VIGIL_DB, and the file's bytes stay as they were (read-only open, before any journal-mode change
 * or migration).
 *
 * How much is checked: `PRAGMA quick_check` reads the whole file (about 0.6 s per 100,000 items
 * here), and every command opens the corpus. So the whole file is checked before vigil would
 * change its structure (a migration is due, or the journal is not WAL yet); otherwise the schema
 * and the small tables a start reads and writes (sources, channels, watches) are.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  type Stats,
  statSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, describeError } from '../../src/errors.js';
import { dbSettingError } from './db-setting.js';

const HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
const UNTOUCHED = 'vigil left it untouched';

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path loops through symbolic links',
  EROFS: 'the file system is read-only',
};

function errnoWords(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return ERRNO_WORDS[code] ?? describeError(error);
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/**
 * Creates the missing folders one by one: Node's recursive mkdir never returns for some unwritable
 * paths (/proc/… under gVisor), where a single mkdir fails at once.
 */
function makeFolders(folder: string, problem: (what: string) => ConfigError): void {
  const missing: string[] = [];
  let existing = folder;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    existing = path.dirname(existing);
  }
  if (!statSync(existing).isDirectory()) throw problem(`${existing} is a file, not a folder`);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw problem(`its folder ${dir} cannot be created: ${errnoWords(error)}`);
    }
  }
}

/** Tables checked on every open; the item tables and the text index are checked before a migration. */
const SMALL_TABLES = ['schema_migrations', 'sources', 'channels', 'watches'];

/**
 * Throws ConfigError when `file` cannot serve as vigil's database at schema version
 * `schemaVersion` (the newest this vigil knows); creates its folder when missing.
 */
export function checkSqliteFile(file: string, schemaVersion: number): void {
  const problem = (what: string) => dbSettingError(file, what);
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) {
      throw problem(`cannot be read: ${errnoWords(error)}`);
    }
    makeFolders(path.dirname(path.resolve(file)), problem);
    return;
  }
  if (stats.isDirectory()) throw problem('is a folder; name a database file in it, e.g. ./data/vigil.db');
  if (!stats.isFile()) throw problem('is not a regular file');
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw problem(`cannot be read and written: ${errnoWords(error)}`);
  }
  // SQLite takes an empty file as a new database.
  if (stats.size === 0) return;
  if (stats.size < HEADER.length || !readHeader(file).equals(HEADER)) {
    throw problem(`is not a SQLite database (it does not start with the SQLite header); ${UNTOUCHED}`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw problem(
        `holds another program's SQLite database (it has no schema_migrations table); ${UNTOUCHED}`,
      );
    }
    const version = tables.includes('schema_migrations')
      ? Number(db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get())
      : 0;
    if (version > schemaVersion) {
      throw problem(
        `the database is at schema version ${version} but this vigil knows only up to ${schemaVersion}: upgrade vigil`,
      );
    }
    const whole = version < schemaVersion || db.pragma('journal_mode', { simple: true }) !== 'wal';
    const checks = whole
      ? [String(db.pragma('quick_check', { simple: true }))]
      : SMALL_TABLES.filter((table) => tables.includes(table)).map((table) =>
          String(db?.pragma(`quick_check(${table})`, { simple: true })),
        );
    const damage = checks.find((check) => check !== 'ok');
    if (damage !== undefined) throw problem(`is a damaged SQLite database (${damage}); ${UNTOUCHED}`);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw problem(`cannot be read as a SQLite database (${describeError(error)}); ${UNTOUCHED}`);
  } finally {
    db?.close();
  }
}
