/** Property: the parser never throws, and what reaches an engine is only our own safe syntax. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTextQuery, textOnly } from '../../../src/corpus/key-query.js';
import { parseSearchQuery } from '../../../src/corpus/search-query.js';
import { toFts5 } from '../../../src/corpus/sql/fts5-query.js';
import { toTsQuery } from '../../../src/corpus/sql/ts-query.js';
import { queryText } from './query-arbitrary.js';

describe('parseSearchQuery on random input', () => {
  it('returns a query or a message, never throws', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        const result = parseSearchQuery(text);
        if (!result.ok) {
          expect(result.error).toMatch(/\S/);
          return;
        }
        for (const date of [result.query.since, result.query.until]) {
          if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        if (result.query.text === null) return;
        const compiled = compileTextQuery(result.query.text);
        expect(compiled.ok).toBe(true);
        if (!compiled.ok || compiled.value === null) throw new Error('a parsed query must compile');
        // Tokens are [a-z0-9] inside our own operators: user text never becomes engine syntax.
        const expr = textOnly(compiled.value.expr);
        // A topic: or source: inside the tree is not full text; its words are checked the same way.
        if (expr === null) return;
        expect(toFts5(expr)).toMatch(/^[a-z0-9 "(){}:]*(?:(?:AND|OR|NOT)[a-z0-9 "(){}:]*)*$/);
        expect(toTsQuery(expr)).toMatch(/^[a-z0-9 ()|&!<\->]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});
