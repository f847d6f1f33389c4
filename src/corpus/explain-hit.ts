/**
 * `--explain`: for one hit, which query part met which words of the item, by which route (exact,
 * stem, alias, name, concept), and the score parts (relevance.ts). Worked out again from the
 * item's text and the compiled parts, so it says what the index matched without storing more.
 */
import { aliasFor, writtenInCapitals } from '../text/aliases.js';
import { analyseText, foldKey } from '../text/analyse.js';
import { nameKey } from '../text/name-key.js';
import { indexToken, nameToken } from './index-tokens.js';
import type { TextExpr } from './key-query.js';
import type { PartScore } from './relevance.js';

export type MatchRoute = 'exact' | 'stem' | 'alias' | 'name' | 'concept';

export interface WordMatch {
  /** The item's word as written. */
  word: string;
  route: MatchRoute;
  field: 'title' | 'text';
}

export interface PartExplanation extends PartScore {
  /** The part as the user wrote it. */
  part: string;
  /** Distinct item words that met it, title first (at most a few). */
  words: WordMatch[];
}

export interface HitExplanation {
  score: number;
  carriesAll: boolean;
  parts: PartExplanation[];
}

/** A part's compiled forms: with every variant, and with its own keys only. */
export interface ExplainablePart {
  text: string;
  /** The folded query words, to tell an exact spelling from a stem match. */
  folds: ReadonlySet<string>;
  all: TextExpr;
  exact: TextExpr;
}

const MAX_WORDS = 6;

function tokensOf(expr: TextExpr, into: Set<string>): Set<string> {
  if (expr.type === 'match')
    for (const sequence of expr.alternatives) for (const token of sequence) into.add(token);
  else if (expr.type === 'or') for (const node of expr.nodes) tokensOf(node, into);
  else for (const node of expr.positives) tokensOf(node, into);
  return into;
}

export function explainHit(
  title: string,
  text: string,
  parts: readonly ExplainablePart[],
  scores: { score: number; carriesAll: boolean; parts: readonly PartScore[] },
): HitExplanation {
  const fields = [
    { field: 'title' as const, tokens: analyseText(title) },
    { field: 'text' as const, tokens: analyseText(text) },
  ];
  return {
    score: Math.round(scores.score * 1000) / 1000,
    carriesAll: scores.carriesAll,
    parts: parts.map((part, index) => {
      const all = tokensOf(part.all, new Set());
      const exact = tokensOf(part.exact, new Set());
      const words: WordMatch[] = [];
      const seen = new Set<string>();
      for (const { field, tokens } of fields) {
        for (const token of tokens) {
          if (words.length >= MAX_WORDS) break;
          const keyToken = indexToken(token.key);
          let route: MatchRoute | null = null;
          if (exact.has(keyToken)) {
            if (part.folds.has(token.fold)) route = 'exact';
            else route = aliasFor(token.fold, writtenInCapitals(token.surface)) !== null ? 'alias' : 'stem';
          } else if (all.has(keyToken)) route = 'concept';
          else if (token.capitalised && all.has(nameToken(nameKey(token.surface)))) route = 'name';
          if (route === null || seen.has(token.surface.toLowerCase())) continue;
          seen.add(token.surface.toLowerCase());
          words.push({ word: token.surface, route, field });
        }
      }
      const score = scores.parts[index] as PartScore;
      return {
        part: part.text,
        words,
        ...score,
        weight: Math.round(score.weight * 1000) / 1000,
        score: Math.round(score.score * 1000) / 1000,
      };
    }),
  };
}

/** The folded words of a part as written (for `exact`). */
export function partFolds(words: readonly string[]): Set<string> {
  return new Set(words.map(foldKey));
}
