/** Writes a compiled key query as `to_tsquery('simple', …)` text; tokens are `[a-z0-9]` only. */
import type { TextExpr } from '../key-query.js';

/** `weight` restricts every token to lexemes of that weight (A: title, D: text). */
export function toTsQuery(expr: TextExpr, weight = ''): string {
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
