/** The store's `?` marks become PostgreSQL's `$n`, in order, and quoted text is left alone. */
import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../../../adapters/db/number-placeholders.js';

describe('numberPlaceholders', () => {
  it('numbers each mark in order', () => {
    expect(numberPlaceholders('SELECT * FROM items WHERE id = ? AND source_id IN (?, ?) LIMIT ?')).toBe(
      'SELECT * FROM items WHERE id = $1 AND source_id IN ($2, $3) LIMIT $4',
    );
  });

  it('leaves marks inside quoted text and identifiers alone', () => {
    expect(numberPlaceholders(`SELECT '?', "a?b", ? FROM t WHERE x = 'it''s ?' AND y = ?::text`)).toBe(
      `SELECT '?', "a?b", $1 FROM t WHERE x = 'it''s ?' AND y = $2::text`,
    );
  });

  it('keeps text without marks as it is', () => {
    expect(numberPlaceholders("SELECT to_tsquery('simple', 'a')")).toBe("SELECT to_tsquery('simple', 'a')");
  });
});
