/**
 * Search on SQL: filters and paging written once; the full-text conditions come from the dialect.
 * A query with words is ranked by relevance (relevance.ts) over a bounded set of candidates: per
 * query part, and for all parts together, the newest CANDIDATES matching items. Queries of filters
 * only, and `sort:new`, list every match newest first.
 */
import { VigilError } from '../../errors.js';
import { type ExplainablePart, explainHit, partFolds } from '../explain-hit.js';
import type { SearchHit, SearchOptions, SearchPage } from '../item-search.js';
import {
  ALL_ROUTES,
  type CompiledText,
  compileTextQuery,
  type ExpansionRoutes,
  NO_ROUTES,
  type TextExpr,
  textOnly,
} from '../key-query.js';
import { countMentions, LEAD_CHARS, mentionPattern } from '../mentions.js';
import { hasFilterNode, queryParts, rankingParts } from '../query-parts.js';
import { type PartEvidence, RERANK_WINDOW, rankCandidates, rerankByMentions } from '../relevance.js';
import type { QueryNode, SearchQuery } from '../search-query.js';
import { makeSnippet } from '../snippet.js';
import { clampPage, dateRange, MAX_SEARCH_OFFSET, storableText } from '../store-support.js';
import { ITEM_COLUMNS, type ItemRow, toItem } from './item-rows.js';
import { marks, type SqlDatabase, type SqlValue } from './sql-database.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';
import { queryCondition } from './sql-query-condition.js';

interface HitRow extends ItemRow {
  source_name: string | null;
  total: number;
}

/** Matches read per list (per part, and for all parts together): the bound on ranking and counting. */
export const CANDIDATES = 500;

function compile(node: QueryNode, routes: ExpansionRoutes): CompiledText | null {
  const compiled = compileTextQuery(node, routes);
  if (!compiled.ok) throw new VigilError('search-query', compiled.error);
  return compiled.value;
}

/** A part of words only (relevance ranking never sees `topic:`/`source:` in the tree). */
function compileWords(node: QueryNode, routes: ExpansionRoutes): (CompiledText & { expr: TextExpr }) | null {
  const compiled = compile(node, routes);
  const expr = compiled === null ? null : textOnly(compiled.expr);
  return compiled === null || expr === null ? null : { ...compiled, expr };
}

function wordsOf(node: QueryNode): string[] {
  switch (node.type) {
    case 'term':
      return [node.word];
    case 'phrase':
      return node.words;
    case 'not':
    case 'topic':
    case 'source':
      return [];
    case 'and':
    case 'or':
      return node.nodes.flatMap(wordsOf);
  }
}

interface RankedPart extends ExplainablePart {
  markKeys: Set<string>;
}

export function createSqlSearch(db: SqlDatabase, dialect: SqlDialect) {
  /** The filters of a query as one condition on `i` (`1 = 1` when there are none). */
  const filterOf = (query: SearchQuery): SqlFragment => {
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
    return { sql: where.length > 0 ? where.join(' AND ') : '1 = 1', params };
  };

  const readHits = async (ids: readonly number[], markKeys: ReadonlySet<string>) => {
    if (ids.length === 0) return new Map<number, SearchHit & { title: string; text: string }>();
    const among = dialect.idIn('i.id', ids);
    const rows = await db.all<HitRow>(
      `SELECT ${ITEM_COLUMNS}, s.name AS source_name FROM items i LEFT JOIN sources s ON s.id = i.source_id
       WHERE ${among.sql}`,
      among.params,
    );
    return new Map(
      rows.map((row) => [
        Number(row.id),
        {
          item: toItem(row, dialect),
          sourceName: row.source_name ?? row.source_id,
          snippet: makeSnippet(row.title, row.text, markKeys),
          title: row.title,
          text: row.text,
        },
      ]),
    );
  };

  /** Title and lead of a few items (what mentions are counted in). */
  const readLeads = async (ids: readonly number[]) => {
    if (ids.length === 0) return [];
    const among = dialect.idIn('i.id', ids);
    return db.all<{ id: number; title: string; text: string }>(
      `SELECT i.id, i.title, substr(i.text, 1, ${LEAD_CHARS}) AS text FROM items i WHERE ${among.sql}`,
      among.params,
    );
  };

  /** Times of the items the lists below have read, by id. */
  const ids = async (fragment: SqlFragment, times?: Map<number, number>) => {
    const rows = await db.all<{ id: number; published_at: unknown }>(fragment.sql, fragment.params);
    if (times) for (const row of rows) times.set(Number(row.id), dialect.readTime(row.published_at));
    return rows.map((row) => Number(row.id));
  };

  /** Every match newest first, with a bounded count: filters only, or `sort:new`. */
  const byDate = async (
    query: SearchQuery,
    text: CompiledText | null,
    page: { limit: number; offset: number },
  ): Promise<SearchPage> => {
    const filter = filterOf(query);
    const where = [filter.sql];
    const params = [...filter.params];
    if (text !== null) {
      const match = queryCondition(dialect, text.expr);
      where.push(match.sql);
      params.push(...match.params);
    }
    const condition = where.join(' AND ');
    const [counted] = await db.all<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM items i WHERE ${condition} LIMIT ?) AS bounded`,
      [...params, CANDIDATES + 1],
    );
    const n = Number(counted?.n ?? 0);
    const rows = await db.all<HitRow>(
      `SELECT ${ITEM_COLUMNS}, s.name AS source_name
       FROM items i LEFT JOIN sources s ON s.id = i.source_id WHERE ${condition}
       ORDER BY i.published_at DESC, i.id DESC LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
    const markKeys = text?.markKeys ?? new Set<string>();
    return {
      total: Math.min(n, CANDIDATES),
      ...(n > CANDIDATES ? { more: true } : {}),
      hits: rows.map((row) => ({
        item: toItem(row, dialect),
        sourceName: row.source_name ?? row.source_id,
        snippet: makeSnippet(row.title, row.text, markKeys),
      })),
    };
  };

  const byRelevance = async (
    query: SearchQuery,
    text: QueryNode,
    page: { limit: number; offset: number },
    options: SearchOptions,
  ): Promise<SearchPage | null> => {
    if (hasFilterNode(text)) return null;
    const routes = options.routes ?? ALL_ROUTES;
    const split = queryParts(text);
    const parts: RankedPart[] = [];
    for (const { node, text: shown } of rankingParts(split.positives, routes.concept)) {
      const all = compileWords(node, routes);
      const exact = compileWords(node, NO_ROUTES);
      if (all === null || exact === null || !all.hasPositive) continue;
      parts.push({
        text: shown,
        folds: partFolds(wordsOf(node)),
        all: all.expr,
        exact: exact.expr,
        markKeys: all.markKeys,
      });
    }
    if (parts.length === 0) return null;
    const negatives =
      split.negatives.length === 0 ? null : compileWords({ type: 'or', nodes: split.negatives }, routes);
    const filter = filterOf(query);
    const only = (expr: TextExpr): TextExpr =>
      negatives === null ? expr : { type: 'and', positives: [expr], negatives: [negatives.expr] };

    const times = new Map<number, number>();
    const lists: { part: number; ids: number[] }[] = [];
    for (const [index, part] of parts.entries()) {
      const list = await ids(dialect.matchedIds(only(part.all), undefined, filter, CANDIDATES + 1), times);
      lists.push({ part: index, ids: list });
    }
    const candidates = new Set<number>();
    let more = lists.some((list) => list.ids.length > CANDIDATES);
    let every: number[] = [];
    if (parts.length > 1) {
      const all: TextExpr = { type: 'and', positives: parts.map((part) => part.all), negatives: [] };
      every = (await ids(dialect.matchedIds(only(all), undefined, filter, CANDIDATES + 1), times)).slice(
        0,
        CANDIDATES,
      );
      for (const id of every) candidates.add(id);
    }
    for (const list of lists) for (const id of list.ids.slice(0, CANDIDATES)) candidates.add(id);
    if (candidates.size === 0) return { total: 0, hits: [] };

    const [span] = await db.all<{ lo: number | null; hi: number | null }>(
      'SELECT min(id) AS lo, max(id) AS hi FROM items',
    );
    const hi = Number(span?.hi ?? 1);
    const documents = hi - Number(span?.lo ?? 1) + 1;
    const pool = [...candidates].sort((a, b) => a - b);
    const oldestCandidate = pool[0] ?? 0;
    // Each list is the newest CANDIDATES matches from the oldest candidate on: exact below its
    // own oldest id only when it was not cut. A common part may so miss an old candidate that
    // carries it; the AND list, when there is one, says those of every part.
    const newest = (expr: TextExpr, field: 'title' | undefined) =>
      ids(dialect.matchedIds(expr, field, filter, CANDIDATES, oldestCandidate));
    const evidence: PartEvidence[] = [];
    for (const [index, part] of parts.entries()) {
      const list = lists[index]?.ids ?? [];
      const known = list.slice(0, CANDIDATES);
      const any = new Set([...known, ...every]);
      const title = new Set((await newest(part.all, 'title')).filter((id) => any.has(id)));
      const sameExpr = JSON.stringify(part.all) === JSON.stringify(part.exact);
      const exact = sameExpr
        ? any
        : new Set((await newest(part.exact, undefined)).filter((id) => any.has(id)));
      const oldest = known[known.length - 1] ?? hi;
      const documentFrequency =
        list.length > CANDIDATES ? (CANDIDATES * documents) / Math.max(1, hi - oldest + 1) : known.length;
      evidence.push({ any, title, exact, documentFrequency });
    }

    const coarse = rankCandidates(
      pool.map((id) => ({ id, publishedMs: times.get(id) ?? 0 })),
      evidence,
      documents,
    );
    const patterns = parts.map((part) => mentionPattern(part.all));
    const mentions = new Map<number, number[]>();
    for (const row of await readLeads(coarse.slice(0, RERANK_WINDOW).map((entry) => entry.id)))
      mentions.set(Number(row.id), countMentions(row.title, row.text, patterns));
    const ranked = rerankByMentions(coarse, (id) => mentions.get(id));
    more ||= ranked.length > CANDIDATES;
    const shown = ranked.slice(page.offset, page.offset + page.limit);
    const markKeys = new Set(parts.flatMap((part) => [...part.markKeys]));
    const hits = await readHits(
      shown.map((entry) => entry.id),
      markKeys,
    );
    return {
      total: ranked.length,
      ...(more ? { more: true } : {}),
      hits: shown.flatMap((entry) => {
        const hit = hits.get(entry.id);
        if (hit === undefined) return [];
        const { title, text: body, ...plain } = hit;
        return [options.explain ? { ...plain, explanation: explainHit(title, body, parts, entry) } : plain];
      }),
    };
  };

  return async function search(
    query: SearchQuery,
    page: { limit: number; offset: number },
    options: SearchOptions = {},
  ): Promise<SearchPage> {
    const clamped = clampPage(page);
    if (clamped.offset > MAX_SEARCH_OFFSET) {
      const { total, more } = await search(query, { limit: 1, offset: 0 }, options);
      return { hits: [], total, ...(more ? { more } : {}), maxOffset: MAX_SEARCH_OFFSET };
    }
    const routes = options.routes ?? ALL_ROUTES;
    if (query.text !== null && query.sort !== 'new') {
      const ranked = await byRelevance(query, query.text, clamped, options);
      if (ranked !== null) return ranked;
    }
    const text = query.text === null ? null : compile(query.text, routes);
    return byDate(query, text, clamped);
  };
}
