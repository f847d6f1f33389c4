/** Writes a compiled key query as an FTS5 MATCH expression; tokens are `[a-z0-9]` and always quoted. */
import type { TextExpr } from '../key-query.js';

/** FTS5 NOT is binary and binds tightest, so every part is bracketed. */
export function toFts5(expr: TextExpr): string {
  switch (expr.type) {
    case 'match':
      return `(${expr.alternatives.map((tokens) => `"${tokens.join(' ')}"`).join(' OR ')})`;
    case 'or':
      return `(${expr.nodes.map(toFts5).join(' OR ')})`;
    case 'and': {
      const positives = `(${expr.positives.map(toFts5).join(' AND ')})`;
      if (expr.negatives.length === 0) return positives;
      return `(${positives} NOT (${expr.negatives.map(toFts5).join(' OR ')}))`;
    }
  }
}
