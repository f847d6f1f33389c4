/** Turns query words into index tokens via the shared text path, with cross-language equivalents. */
import { equivalentKeys } from '../text/analyse.js';
import { indexToken, usableKeys } from './index-tokens.js';
import { partVariants } from './part-variants.js';
import type { QueryNode } from './search-query.js';

/** Any of these token sequences (a sequence of one token is a single word). */
export interface MatchLeaf {
  type: 'match';
  alternatives: string[][];
  /** The term as the query writes it (`Łukašenka`, `"potash sanctions"`), to report what matched. */
  term?: string;
}

/** A `topic:` or `source:` inside the tree (inside OR, excluded): not a full-text condition. */
export type FilterLeaf = { type: 'label'; label: string } | { type: 'source'; source: string };

type Expr<Leaf> =
  | Leaf
  /** All positives, none of the negatives; `positives` is empty only at the top level. */
  | { type: 'and'; positives: Expr<Leaf>[]; negatives: Expr<Leaf>[] }
  | { type: 'or'; nodes: Expr<Leaf>[] };

/** A compiled full-text query over index tokens (see index-tokens.ts), engine-neutral. */
export type TextExpr = Expr<MatchLeaf>;
/** A compiled query tree: full text, and labels and sources where the query puts them in the tree. */
export type KeyExpr = Expr<MatchLeaf | FilterLeaf>;

export interface CompiledText {
  expr: KeyExpr;
  /** False when the query only excludes (`-football`): match everything but the negatives. */
  hasPositive: boolean;
  /** Raw keys of the positive words and their equivalents, to mark in snippets. */
  markKeys: Set<string>;
}

export type CompileResult = { ok: true; value: CompiledText | null } | { ok: false; error: string };

/** Phrase expansions beyond this many alternatives keep the words as written. */
const MAX_ALTERNATIVES = 16;

/** The routes beyond the index keys (exact, stem, alias) that widen a one-word part. */
export interface ExpansionRoutes {
  /** Sound-alike name keys (name-key.ts): Tsikhanouskaya ~ Тихановская. */
  name: boolean;
  /** Concept words of the lexicon and the topic equivalents: release ~ amnesty ~ вызваленне. */
  concept: boolean;
}

export const ALL_ROUTES: ExpansionRoutes = { name: true, concept: true };
/** Only the word's own key: what "exact" means when ranking (stem and alias are in the key). */
export const NO_ROUTES: ExpansionRoutes = { name: false, concept: false };

class ShapeError extends Error {}

function expansions(key: string, routes: ExpansionRoutes): string[] {
  if (!routes.concept) return [key];
  const keys = [key, ...equivalentKeys(key)].filter((candidate) => candidate.length > 0);
  return [...new Set(keys)];
}

function compileWords(
  text: string,
  term: string,
  markKeys: Set<string> | null,
  routes: ExpansionRoutes,
): KeyExpr | null {
  const keys = usableKeys(text);
  if (keys.length === 0) return null;
  let alternatives: string[][] = [[]];
  for (const key of keys) {
    const options = expansions(key, routes);
    if (markKeys) for (const option of options) markKeys.add(option);
    const next: string[][] = [];
    const usable = alternatives.length * options.length <= MAX_ALTERNATIVES ? options : [key];
    for (const prefix of alternatives)
      for (const option of usable) next.push([...prefix, indexToken(option)]);
    alternatives = next;
  }
  for (const variant of partVariants(text, keys, routes)) {
    if (markKeys && variant.keys !== null) for (const key of variant.keys) markKeys.add(key);
    alternatives.push(variant.tokens);
  }
  const unique = new Map(alternatives.map((sequence) => [sequence.join(' '), sequence]));
  return { type: 'match', alternatives: [...unique.values()], term };
}

/** Whether the expression looks for something, rather than only excluding. */
export function isPositive(expr: KeyExpr): boolean {
  switch (expr.type) {
    case 'match':
    case 'label':
    case 'source':
      return true;
    case 'and':
      return expr.positives.length > 0;
    case 'or':
      return expr.nodes.every(isPositive);
  }
}

/** `negative` says the node sits under an odd number of exclusions (its words are not marked). */
function compileNode(
  node: QueryNode,
  markKeys: Set<string>,
  negative: boolean,
  routes: ExpansionRoutes,
): KeyExpr | null {
  switch (node.type) {
    case 'term':
      return compileWords(node.word, node.word, negative ? null : markKeys, routes);
    case 'phrase':
      return compileWords(
        node.words.join(' '),
        `"${node.words.join(' ')}"`,
        negative ? null : markKeys,
        routes,
      );
    case 'topic':
      return { type: 'label', label: node.topic };
    case 'source':
      return { type: 'source', source: node.source };
    case 'not': {
      const inner = compileNode(node.node, markKeys, !negative, routes);
      if (inner === null) return null;
      if (!isPositive(inner))
        throw new ShapeError('an exclusion cannot itself be only exclusions: drop a "-"');
      return { type: 'and', positives: [], negatives: [inner] };
    }
    case 'and': {
      const positives: KeyExpr[] = [];
      const negatives: KeyExpr[] = [];
      for (const child of node.nodes) {
        const compiled = compileNode(child, markKeys, negative, routes);
        if (compiled === null) continue;
        if (compiled.type === 'and') {
          positives.push(...compiled.positives);
          negatives.push(...compiled.negatives);
        } else {
          positives.push(compiled);
        }
      }
      if (positives.length === 0 && negatives.length === 0) return null;
      if (positives.length === 1 && negatives.length === 0) return positives[0] ?? null;
      return { type: 'and', positives, negatives };
    }
    case 'or': {
      const nodes: KeyExpr[] = [];
      for (const child of node.nodes) {
        const compiled = compileNode(child, markKeys, negative, routes);
        if (compiled === null) continue;
        if (!isPositive(compiled)) {
          throw new ShapeError(
            'each side of OR needs a word to search, e.g. `(potash -football) OR belaruskali`',
          );
        }
        if (compiled.type === 'or') nodes.push(...compiled.nodes);
        else nodes.push(compiled);
      }
      if (nodes.length === 0) return null;
      if (nodes.length === 1) return nodes[0] ?? null;
      return { type: 'or', nodes };
    }
  }
}

function hasFilter(expr: KeyExpr): boolean {
  switch (expr.type) {
    case 'match':
      return false;
    case 'label':
    case 'source':
      return true;
    case 'or':
      return expr.nodes.some(hasFilter);
    case 'and':
      return expr.positives.some(hasFilter) || expr.negatives.some(hasFilter);
  }
}

/** The expression when it is full text only (no label or source in the tree), else null. */
export function textOnly(expr: KeyExpr): TextExpr | null {
  return hasFilter(expr) ? null : (expr as TextExpr);
}

/**
 * The words an item's title or text must hold to rank higher: the query without its exclusions,
 * nor its labels and sources (an OR side that is one drops out). Null when no word is left.
 */
export function positivePart(expr: KeyExpr): TextExpr | null {
  switch (expr.type) {
    case 'match':
      return expr;
    case 'label':
    case 'source':
      return null;
    case 'or': {
      const nodes = expr.nodes.map(positivePart).filter((node) => node !== null);
      return nodes.length === 0 ? null : { type: 'or', nodes };
    }
    case 'and': {
      const positives = expr.positives.map(positivePart).filter((node) => node !== null);
      return positives.length === 0 ? null : { type: 'and', positives, negatives: [] };
    }
  }
}

/** For a query that only excludes (`-football`): everything it excludes, as one expression. */
export function negativePart(expr: TextExpr): TextExpr {
  return expr.type === 'and' ? { type: 'or', nodes: expr.negatives } : expr;
}

/** Compiles the text part of a query; `value: null` when no word yields a key (only punctuation). */
export function compileTextQuery(node: QueryNode, routes: ExpansionRoutes = ALL_ROUTES): CompileResult {
  const markKeys = new Set<string>();
  try {
    const expr = compileNode(node, markKeys, false, routes);
    if (expr === null) return { ok: true, value: null };
    return { ok: true, value: { expr, hasPositive: isPositive(expr), markKeys } };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: error.message };
    throw error;
  }
}
