/**
 * A parsed watch → a matcher over the shared text path's keys (cross-script, stemmed, with the
 * topic files' equivalents), and the matcher run against an item. Pure.
 */
import { equivalentKeys, indexKeys } from '../text/analyse.js';
import { type ParsedWatch, termLabel, type WatchNode, type WatchTerm } from './watch-expression.js';
import { surfaceOf, type WatchSubject } from './watch-subject.js';

type CompiledNode =
  /** Consecutive keys; each slot holds a word's key and its equivalents. One slot: a single word. */
  | { type: 'keys'; label: string; slots: ReadonlySet<string>[] }
  | { type: 'topic'; label: string; topic: string }
  | { type: 'source'; label: string; source: string }
  | { type: 'not'; node: CompiledNode }
  | { type: 'and'; nodes: CompiledNode[] }
  | { type: 'or'; nodes: CompiledNode[] };

export interface CompiledWatch {
  expression: string;
  root: CompiledNode;
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

function slotsOf(text: string): ReadonlySet<string>[] {
  return indexKeys(text)
    .filter((key) => key.length > 0)
    .map((key) => new Set([key, ...equivalentKeys(key)].filter((option) => option.length > 0)));
}

function compileTerm(term: WatchTerm): CompiledNode {
  const label = termLabel(term);
  switch (term.type) {
    case 'word':
    case 'phrase':
      return { type: 'keys', label, slots: slotsOf(term.text) };
    case 'topic':
      return { type: 'topic', label, topic: term.topic };
    case 'source':
      return { type: 'source', label, source: term.source };
  }
}

function compileNode(node: WatchNode): CompiledNode {
  switch (node.type) {
    case 'not':
      return { type: 'not', node: compileNode(node.node) };
    case 'and':
    case 'or':
      return { type: node.type, nodes: node.nodes.map(compileNode) };
    default:
      return compileTerm(node);
  }
}

/** Compile once (per ingest, per dry run), match many items. */
export function compileWatch(watch: ParsedWatch): CompiledWatch {
  return { expression: watch.expression, root: compileNode(watch.root) };
}

/**
 * Where the slots occur one after another in one field, as the item writes it; null if nowhere.
 * Work is bounded by (occurrences of the first word) × (words in the phrase).
 */
function findKeys(slots: readonly ReadonlySet<string>[], subject: WatchSubject): string | null {
  const [first, ...rest] = slots;
  if (first === undefined) return null;
  for (const key of first) {
    for (const [field, index] of subject.positions.get(key) ?? []) {
      const keys = subject.fields[field]?.keys ?? [];
      if (rest.every((slot, offset) => slot.has(keys[index + 1 + offset] ?? ''))) {
        return surfaceOf(subject, field, index, index + rest.length);
      }
    }
  }
  return null;
}

function evaluate(node: CompiledNode, subject: WatchSubject, matched: MatchedTerm[]): boolean {
  switch (node.type) {
    case 'keys': {
      const found = findKeys(node.slots, subject);
      if (found === null) return false;
      matched.push({ term: node.label, found });
      return true;
    }
    case 'topic':
      if (!subject.labels.has(node.topic)) return false;
      matched.push({ term: node.label, found: null });
      return true;
    case 'source':
      if (subject.sourceId !== node.source) return false;
      matched.push({ term: node.label, found: null });
      return true;
    case 'not':
      // What an exclusion found is no reason for an alert: its terms are not reported.
      return !evaluate(node.node, subject, []);
    case 'and': {
      const local: MatchedTerm[] = [];
      for (const child of node.nodes) if (!evaluate(child, subject, local)) return false;
      matched.push(...local);
      return true;
    }
    case 'or': {
      let any = false;
      // Every true side is evaluated, so all the words that match are reported.
      for (const child of node.nodes) if (evaluate(child, subject, matched)) any = true;
      return any;
    }
  }
}

/** Matches a compiled watch against an item's keys; null when it does not match. */
export function matchWatch(watch: CompiledWatch, subject: WatchSubject): WatchMatch | null {
  const terms: MatchedTerm[] = [];
  if (!evaluate(watch.root, subject, terms)) return null;
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
