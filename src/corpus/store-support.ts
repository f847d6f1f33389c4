/** Small rules of the store: times, date ranges, paging, ids, and errors callers can act on. */
import { VigilError } from '../errors.js';
import type { SearchQuery } from './search-query.js';

const DAY_MS = 86_400_000;
/** Results per page never exceed this, whatever the caller asks. */
const MAX_PAGE_SIZE = 200;
/**
 * Search reads no deeper than this many results (50 pages of 200): an engine asked for a huge
 * OFFSET fails or reads everything before it, and no person pages that far.
 */
export const MAX_SEARCH_OFFSET = 10_000;

/** Milliseconds since the epoch of an ISO time; a bad time is the caller's bug, said plainly. */
export function toMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms))
    throw new VigilError('invalid-time', `${what} is not an ISO time: ${JSON.stringify(iso)}`);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `since`/`until` as a half-open range in ms; a bare date in `until` covers that whole day (UTC). */
export function dateRange(query: Pick<SearchQuery, 'since' | 'until'>): {
  fromMs: number | null;
  beforeMs: number | null;
} {
  const fromMs = query.since === null ? null : toMs(query.since, 'since');
  let beforeMs: number | null = null;
  if (query.until !== null) {
    const untilMs = toMs(query.until, 'until');
    beforeMs = /^\d{4}-\d{2}-\d{2}$/.test(query.until) ? untilMs + DAY_MS : untilMs + 1;
  }
  return { fromMs, beforeMs };
}

export function clampPage(page: { limit: number; offset: number }): { limit: number; offset: number } {
  const limit = Number.isFinite(page.limit)
    ? Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(page.limit)))
    : 10;
  // NaN reads from the start; +Infinity is past any depth (search says how deep it reads).
  const offset = Number.isNaN(page.offset) ? 0 : Math.max(0, Math.floor(page.offset));
  return { limit, offset };
}

/** Item, watch and audit ids are 32-bit integers (PostgreSQL `integer`); nothing else names a row. */
export function isStorableId(id: number): boolean {
  return Number.isInteger(id) && id >= -2_147_483_648 && id <= 2_147_483_647;
}

export function duplicateSourceError(id: string, url: string): VigilError {
  return new VigilError(
    'duplicate-source',
    `a source with id "${id}" or address ${url} already exists: see \`sources list\`, or choose another id`,
  );
}

export function unknownItemError(itemId: number): VigilError {
  return new VigilError('unknown-item', `item ${itemId} is not in the corpus`);
}

/** PostgreSQL text cannot hold NUL; the store drops it on both engines so they keep the same text. */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}
