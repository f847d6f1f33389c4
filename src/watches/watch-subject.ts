/**
 * An item as watches see it: the index tokens of its title and text exactly as the search index
 * holds them (index-tokens.ts: same keys, same cut-off), with where each word is written; its
 * labels, source, language and time. Built once per item.
 */
import { indexToken, MAX_INDEXED_KEYS } from '../corpus/index-tokens.js';
import { tokenize } from '../text/analyse.js';

export interface WatchSubjectInput {
  title: string;
  text: string;
  labels: readonly string[];
  sourceId: string;
  language?: string | null;
  /** ISO time; only a query with since:/until: reads it. */
  publishedAt?: string;
}

interface FieldTokens {
  text: string;
  tokens: string[];
  starts: number[];
  ends: number[];
}

export interface WatchSubject {
  /** Title, then text: phrases match within one field, never across the two. */
  readonly fields: readonly FieldTokens[];
  /** Every index token → where it occurs, as [field, index] pairs in reading order. */
  readonly positions: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  readonly labels: ReadonlySet<string>;
  readonly sourceId: string;
  readonly language: string | null;
  /** Epoch ms; NaN when unknown. */
  readonly publishedMs: number;
}

function fieldTokens(text: string, room: number): FieldTokens {
  const field: FieldTokens = { text, tokens: [], starts: [], ends: [] };
  for (const token of tokenize(text)) {
    if (field.tokens.length >= room) break;
    if (token.key.length === 0) continue;
    field.tokens.push(indexToken(token.key));
    field.starts.push(token.start);
    field.ends.push(token.end);
  }
  return field;
}

/** One pass over the item's words; every watch is then matched against these tokens. */
export function watchSubject(item: WatchSubjectInput): WatchSubject {
  const title = fieldTokens(item.title, MAX_INDEXED_KEYS);
  const fields = [title, fieldTokens(item.text, MAX_INDEXED_KEYS - title.tokens.length)];
  const positions = new Map<string, [number, number][]>();
  fields.forEach((field, f) => {
    field.tokens.forEach((token, index) => {
      const list = positions.get(token);
      if (list === undefined) positions.set(token, [[f, index]]);
      else list.push([f, index]);
    });
  });
  return {
    fields,
    positions,
    labels: new Set(item.labels),
    sourceId: item.sourceId,
    language: item.language ?? null,
    publishedMs: item.publishedAt === undefined ? Number.NaN : Date.parse(item.publishedAt),
  };
}

/** The words of a field from index `from` to `to` (inclusive) as the item writes them. */
export function surfaceOf(subject: WatchSubject, field: number, from: number, to: number): string {
  const tokens = subject.fields[field];
  if (tokens === undefined) return '';
  return tokens.text.slice(tokens.starts[from] ?? 0, tokens.ends[to] ?? 0);
}
