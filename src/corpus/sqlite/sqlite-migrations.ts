/** The SQLite schema, as versioned migrations, and the runner that applies the missing ones. */
import type BetterSqlite3 from 'better-sqlite3';
import { type Migration, tooNewError } from '../migration.js';

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sources and items',
    statements: [
      `CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE,
        site_url TEXT,
        kind TEXT NOT NULL,
        language TEXT,
        interval_seconds INTEGER NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_success_at INTEGER,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_poll_after INTEGER
      )`,
      // AUTOINCREMENT: the id of a deleted item is never handed out again ("item 123" stays one item).
      `CREATE TABLE items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id TEXT NOT NULL,
        guid TEXT NOT NULL,
        url TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        published_at_estimated INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL,
        language TEXT,
        labels TEXT NOT NULL,
        scores TEXT NOT NULL,
        evidence TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        story_of INTEGER,
        UNIQUE (source_id, guid)
      )`,
      'CREATE INDEX items_by_published ON items (published_at, id)',
      'CREATE INDEX items_by_hash ON items (content_hash, id)',
      'CREATE INDEX items_by_story ON items (story_of) WHERE story_of IS NOT NULL',
      `CREATE TABLE item_labels (
        label TEXT NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        PRIMARY KEY (label, item_id)
      ) WITHOUT ROWID`,
      'CREATE INDEX item_labels_by_item ON item_labels (item_id)',
      // Contentless: the index holds only the key tokens (index-tokens.ts); the text lives in items.
      `CREATE VIRTUAL TABLE items_fts USING fts5 (
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      )`,
      `CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        DELETE FROM items_fts WHERE rowid = old.id;
      END`,
    ],
  },
  {
    version: 2,
    name: 'channels, watches, deliveries, audit',
    statements: [
      `CREATE TABLE channels (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        topics TEXT NOT NULL,
        sources TEXT NOT NULL,
        languages TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      )`,
      `CREATE TABLE watches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        expression TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      'CREATE INDEX watches_by_channel ON watches (platform, channel_id)',
      `CREATE TABLE deliveries (
        item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (item_id, platform, channel_id)
      )`,
      `CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        channel TEXT,
        details TEXT NOT NULL
      )`,
      'CREATE INDEX audit_by_at ON audit_log (at)',
    ],
  },
  {
    version: 3,
    name: 'story signatures',
    // Older items keep NULL: they are never candidates, so an upgrade links only what comes after.
    statements: ['ALTER TABLE items ADD COLUMN story_signature TEXT'],
  },
];

interface VersionRow {
  version: number;
}

/**
 * Applies the migrations not yet recorded, each in its own IMMEDIATE transaction (which also
 * makes a second process that opens the file at the same moment wait, then find nothing to do).
 */
export function migrateSqlite(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[] = sqliteMigrations,
) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare<[], VersionRow>('SELECT version FROM schema_migrations ORDER BY version');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      const versions = new Set(applied.all().map((row) => row.version));
      const newest = Math.max(0, ...versions);
      if (newest > known) throw tooNewError(newest, known);
      if (versions.has(migration.version)) return;
      for (const statement of migration.statements) db.exec(statement);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
