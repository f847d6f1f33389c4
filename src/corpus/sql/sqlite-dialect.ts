/** SQLite: epoch-ms INTEGER times, JSON text lists, a contentless FTS5 table and label rows beside items. */
import { toFts5 } from './fts5-query.js';
import { marks } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  columnTypes: {
    key: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    boolean: 'INTEGER',
    false: '0',
    time: 'INTEGER',
    list: 'TEXT',
  },
  textIndexSchema: [
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

  boolean: (value) => (value ? 1 : 0),
  readBoolean: (value) => value === 1,
  time: (ms) => ms,
  readTime: (value) => Number(value),
  list: (values) => JSON.stringify(values),
  readList: (value) => JSON.parse(String(value)) as string[],

  textMatch(expr, field) {
    // FTS5 keeps title and body as columns, so a phrase cannot run from one into the other.
    const match = field === undefined ? toFts5(expr) : `{${field}} : ${toFts5(expr)}`;
    return { sql: 'i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)', params: [match] };
  },
  matchedIds(expr, field, filter, limit, fromId = 0) {
    const match = field === undefined ? toFts5(expr) : `{${field}} : ${toFts5(expr)}`;
    // Straight from the index, newest rowid first: FTS5 streams it and stops at the limit.
    return {
      sql: `SELECT f.rowid AS id, i.published_at FROM items_fts f JOIN items i ON i.id = f.rowid
        WHERE items_fts MATCH ? AND f.rowid >= ? AND ${filter.sql} ORDER BY f.rowid DESC LIMIT ?`,
      params: [match, fromId, ...filter.params, limit],
    };
  },
  idIn: (column, ids) => ({
    sql: `${column} IN (SELECT value FROM json_each(?))`,
    params: [JSON.stringify(ids)],
  }),
  async reindexItem(tx, id, item) {
    await tx.run('DELETE FROM items_fts WHERE rowid = ?', [id]);
    await tx.run('INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)', [
      id,
      item.titleKeys,
      item.bodyKeys,
    ]);
  },
  itemIndexColumns: { names: '', values: '' },
  itemIndexParams: () => [],
  refreshStatistics: 'PRAGMA optimize',
  async afterItemInsert(tx, id, item) {
    await tx.run('INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)', [
      id,
      item.titleKeys,
      item.bodyKeys,
    ]);
    for (const label of new Set(item.labels)) {
      await tx.run('INSERT OR IGNORE INTO item_labels (label, item_id) VALUES (?, ?)', [label, id]);
    }
  },
  anyLabel: (count) => `i.id IN (SELECT item_id FROM item_labels WHERE label IN (${marks(count)}))`,
  labelCounts: 'SELECT label AS key, count(*) AS n FROM item_labels GROUP BY label',
};
