/**
 * A parsed watch → its compiled query (the same one search sends to SQL), and that query
 * evaluated against an item's index tokens: a watch matches exactly the items a search of its
 * expression returns. Pure.
 */
import { compileTextQuery, type KeyExpr } from '../corpus/key-query.js';
import type { SearchQuery } from '../corpus/search-query.js';
import { dateRange } from '../corpus/store-support.js';
import type { ParsedWatch } from './watch-expression.js';
import { surfaceOf, type WatchSubject } from './watch-subject.js';

export interface CompiledWatch {
  expression: string;
  /** Null when the query is only filters. */
  text: KeyExpr | null;
  topics: readonly string[];
  sources: readonly string[];
  languages: readonly string[];
  fromMs: number | null;
  beforeMs: number | null;
}

export interface MatchedTerm {
  /** The term as the watch writes it: `Łukašenka`, `"potash sanctions"`, `topic:sanctions`. */
  term: string;
  /** What the item says there (`Лукашенко`); null for topic: and source: terms. */
  found: string | null;
}

export interface WatchMatch {
  /** The terms that made the watch match (none under an exclusion), in the watch's order. */
  terms: MatchedTerm[];
}

/** Compile once (per ingest, per dry run), match many items. */
export function compileQuery(expression: string, query: SearchQuery): CompiledWatch {
  const compiled = query.text === null ? null : compileTextQuery(query.text);
  // The parser refuses every tree the compiler would (search-query.ts).
  if (compiled !== null && !compiled.ok) throw new Error(`${expression}: ${compiled.error}`);
  return {
    expression,
    text: compiled?.value?.expr ?? null,
    topics: query.topics,
    sources: query.sources,
    languages: query.languages,
    ...dateRange(query),
  };
}

export function compileWatch(watch: ParsedWatch): CompiledWatch {
  return compileQuery(watch.expression, watch.query);
}

/**
 * Where one of the token sequences occurs in one field, as the item writes it; null if nowhere.
 * Work is bounded by (occurrences of the first token) × (tokens in the sequence), per sequence.
 */
function findSequence(alternatives: readonly string[][], subject: WatchSubject): string | null {
  for (const [first, ...rest] of alternatives) {
    if (first === undefined) continue;
    for (const [field, index] of subject.positions.get(first) ?? []) {
      const tokens = subject.fields[field]?.tokens ?? [];
      if (rest.every((token, offset) => tokens[index + 1 + offset] === token)) {
        return surfaceOf(subject, field, index, index + rest.length);
      }
    }
  }
  return null;
}

function evaluate(expr: KeyExpr, subject: WatchSubject, matched: MatchedTerm[]): boolean {
  switch (expr.type) {
    case 'match': {
      const found = findSequence(expr.alternatives, subject);
      if (found === null) return false;
      matched.push({ term: expr.term ?? found, found });
      return true;
    }
    case 'label':
      if (!subject.labels.has(expr.label)) return false;
      matched.push({ term: `topic:${expr.label}`, found: null });
      return true;
    case 'source':
      if (subject.sourceId !== expr.source) return false;
      matched.push({ term: `source:${expr.source}`, found: null });
      return true;
    case 'and': {
      const local: MatchedTerm[] = [];
      for (const child of expr.positives) if (!evaluate(child, subject, local)) return false;
      // What an exclusion found is no reason for an alert: its terms are not reported.
      for (const child of expr.negatives) if (evaluate(child, subject, [])) return false;
      matched.push(...local);
      return true;
    }
    case 'or': {
      let any = false;
      // Every true side is evaluated, so all the words that match are reported.
      for (const child of expr.nodes) if (evaluate(child, subject, matched)) any = true;
      return any;
    }
  }
}

/** The filters beside the words, as search applies them ("any of" each); the topics and sources met. */
function passesFilters(watch: CompiledWatch, subject: WatchSubject, matched: MatchedTerm[]): boolean {
  const topics = watch.topics.filter((topic) => subject.labels.has(topic));
  if (watch.topics.length > 0 && topics.length === 0) return false;
  if (watch.sources.length > 0 && !watch.sources.includes(subject.sourceId)) return false;
  if (watch.languages.length > 0 && !watch.languages.includes(subject.language ?? '')) return false;
  if (watch.fromMs !== null && !(subject.publishedMs >= watch.fromMs)) return false;
  if (watch.beforeMs !== null && !(subject.publishedMs < watch.beforeMs)) return false;
  matched.push(...topics.map((topic) => ({ term: `topic:${topic}`, found: null })));
  if (watch.sources.length > 0) matched.push({ term: `source:${subject.sourceId}`, found: null });
  return true;
}

/** Matches a compiled watch against an item; null when it does not match. */
export function matchWatch(watch: CompiledWatch, subject: WatchSubject): WatchMatch | null {
  const terms: MatchedTerm[] = [];
  if (watch.text !== null && !evaluate(watch.text, subject, terms)) return null;
  if (!passesFilters(watch, subject, terms)) return null;
  const seen = new Set<string>();
  return {
    terms: terms.filter((term) => {
      const key = `${term.term}\u0000${term.found ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
