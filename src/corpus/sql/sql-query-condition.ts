/**
 * A compiled query tree as one SQL condition on item `i`. Full text goes to the dialect's match,
 * one match per run of words; `topic:` and `source:` inside the tree become label and source tests.
 */
import { isPositive, type KeyExpr, negativePart, textOnly } from '../key-query.js';
import { storableText } from '../store-support.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';

function not(fragment: SqlFragment): SqlFragment {
  return { sql: `NOT (${fragment.sql})`, params: fragment.params };
}

function join(operator: 'AND' | 'OR', fragments: SqlFragment[]): SqlFragment {
  return {
    sql: `(${fragments.map((fragment) => fragment.sql).join(` ${operator} `)})`,
    params: fragments.flatMap((fragment) => fragment.params),
  };
}

/** True for the items the expression holds; a text part that only excludes reads "none of these". */
export function queryCondition(dialect: SqlDialect, expr: KeyExpr): SqlFragment {
  const text = textOnly(expr);
  if (text !== null) {
    return isPositive(text) ? dialect.textMatch(text) : not(dialect.textMatch(negativePart(text)));
  }
  switch (expr.type) {
    case 'label':
      return { sql: dialect.anyLabel(1), params: [storableText(expr.label)] };
    case 'source':
      return { sql: 'i.source_id = ?', params: [storableText(expr.source)] };
    case 'or':
      return join(
        'OR',
        expr.nodes.map((node) => queryCondition(dialect, node)),
      );
    case 'and': {
      // The words ANDed here stay one full-text match; the rest are tested one by one.
      const words = {
        type: 'and' as const,
        positives: expr.positives.filter((node) => textOnly(node) !== null),
        negatives: expr.negatives.filter((node) => textOnly(node) !== null),
      };
      const parts: SqlFragment[] = [];
      if (words.positives.length + words.negatives.length > 0) parts.push(queryCondition(dialect, words));
      for (const node of expr.positives)
        if (textOnly(node) === null) parts.push(queryCondition(dialect, node));
      for (const node of expr.negatives)
        if (textOnly(node) === null) parts.push(not(queryCondition(dialect, node)));
      return join('AND', parts);
    }
    case 'match':
      // A match leaf is always text only (handled above).
      return dialect.textMatch(expr);
  }
}
