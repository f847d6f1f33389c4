/**
 * Search on SQL: filters and paging written once; the full-text condition comes from the dialect.
 * Ranking (item-search.ts): title and text 3, title 2, text 1; then newest first.
 */
import { VigilError } from '../../errors.js';
import type { SearchPage } from '../item-search.js';
import { compileTextQuery, positivePart } from '../key-query.js';
import type { SearchQuery } from '../search-query.js';
import { makeSnippet } from '../snippet.js';
import { clampPage, dateRange, MAX_SEARCH_OFFSET, storableText } from '../store-support.js';
import { ITEM_COLUMNS, type ItemRow, toItem } from './item-rows.js';
import { marks, type SqlDatabase, type SqlValue } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';
import { queryCondition } from './sql-query-condition.js';

interface HitRow extends ItemRow {
  source_name: string | null;
  total: number;
}

export function createSqlSearch(db: SqlDatabase, dialect: SqlDialect) {
  return async function search(
    query: SearchQuery,
    page: { limit: number; offset: number },
  ): Promise<SearchPage> {
    const { limit, offset } = clampPage(page);
    if (offset > MAX_SEARCH_OFFSET) {
      const { total } = await search(query, { limit: 1, offset: 0 });
      return { hits: [], total, maxOffset: MAX_SEARCH_OFFSET };
    }
    const where: string[] = [];
    const params: SqlValue[] = [];
    const among = (column: string, values: readonly string[]) => {
      if (values.length === 0) return;
      where.push(`${column} IN (${marks(values.length)})`);
      params.push(...values.map(storableText));
    };
    among('i.source_id', query.sources);
    among('i.language', query.languages);
    if (query.topics.length > 0) {
      where.push(dialect.anyLabel(query.topics.length));
      params.push(...query.topics.map(storableText));
    }
    const { fromMs, beforeMs } = dateRange(query);
    if (fromMs !== null) {
      where.push('i.published_at >= ?');
      params.push(dialect.time(fromMs));
    }
    if (beforeMs !== null) {
      where.push('i.published_at < ?');
      params.push(dialect.time(beforeMs));
    }
    const compiled = query.text === null ? null : compileTextQuery(query.text);
    if (compiled !== null && !compiled.ok) throw new VigilError('search-query', compiled.error);
    const text = compiled?.value ?? null;
    let rank = '';
    const rankParams: SqlValue[] = [];
    if (text !== null) {
      const match = queryCondition(dialect, text.expr);
      where.push(match.sql);
      params.push(...match.params);
    }
    const positive = text?.hasPositive ? positivePart(text.expr) : null;
    if (positive !== null) {
      const inTitle = dialect.textMatch(positive, 'title');
      const inBody = dialect.textMatch(positive, 'body');
      rank = `(CASE WHEN ${inTitle.sql} THEN 2 ELSE 0 END) + (CASE WHEN ${inBody.sql} THEN 1 ELSE 0 END) DESC, `;
      rankParams.push(...inTitle.params, ...inBody.params);
    }
    const rows = await db.all<HitRow>(
      `SELECT ${ITEM_COLUMNS}, s.name AS source_name, count(*) OVER () AS total
       FROM items i LEFT JOIN sources s ON s.id = i.source_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${rank}i.published_at DESC, i.id DESC LIMIT ? OFFSET ?`,
      [...params, ...rankParams, limit, offset],
    );
    const markKeys = text?.markKeys ?? new Set<string>();
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && (offset > 0 || limit === 0)) {
      // Past the last page: count without paging so the caller can still say how many there are.
      total = (await search(query, { limit: 1, offset: 0 })).total;
    }
    return {
      total,
      hits: rows.map((row) => ({
        item: toItem(row, dialect),
        sourceName: row.source_name ?? row.source_id,
        snippet: makeSnippet(row.title, row.text, markKeys),
      })),
    };
  };
}
