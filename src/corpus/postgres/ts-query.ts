/** Writes a compiled key query as `to_tsquery('simple', …)` text; tokens are `[a-z0-9]` only. */
import { type KeyExpr, positivePart } from '../key-query.js';

/** `weight` restricts every token to lexemes of that weight (A: title, D: text). */
export function toTsQuery(expr: KeyExpr, weight = ''): string {
  const label = weight === '' ? '' : `:${weight}`;
  switch (expr.type) {
    case 'match':
      return `(${expr.alternatives.map((tokens) => tokens.map((token) => token + label).join(' <-> ')).join(' | ')})`;
    case 'or':
      return `(${expr.nodes.map((node) => toTsQuery(node, weight)).join(' | ')})`;
    case 'and':
      return `(${[
        ...expr.positives.map((node) => toTsQuery(node, weight)),
        ...expr.negatives.map((node) => `!${toTsQuery(node, weight)}`),
      ].join(' & ')})`;
  }
}

/** For a query that only excludes: the expression of what to exclude. */
export function toTsQueryNegatives(expr: KeyExpr): string {
  if (expr.type !== 'and') return toTsQuery(expr);
  return `(${expr.negatives.map((node) => toTsQuery(node)).join(' | ')})`;
}

/** The positive part of the query, within the title (weight A) or the text (weight D). */
export function toTsQueryInField(expr: KeyExpr, field: 'title' | 'body'): string {
  return toTsQuery(positivePart(expr), field === 'title' ? 'A' : 'D');
}
