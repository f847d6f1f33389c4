/** Query words become index tokens through the shared text path, expanded to their equivalents. */
import { describe, expect, it } from 'vitest';
import { indexToken } from '../../../src/corpus/index-tokens.js';
import {
  type CompiledText,
  compileTextQuery,
  type ExpansionRoutes,
  NO_ROUTES,
  negativePart,
  positivePart,
  type TextExpr,
  textOnly,
} from '../../../src/corpus/key-query.js';
import { parseSearchQuery } from '../../../src/corpus/search-query.js';
import { toFts5 } from '../../../src/corpus/sql/fts5-query.js';
import { postgresDialect } from '../../../src/corpus/sql/postgres-dialect.js';
import { sqliteDialect } from '../../../src/corpus/sql/sqlite-dialect.js';
import { toTsQuery } from '../../../src/corpus/sql/ts-query.js';
import { equivalentKeys, termKey } from '../../../src/text/analyse.js';

/** Without the name and concept routes unless asked: the syntax tests want one token per word. */
function compiled(input: string, routes: ExpansionRoutes = NO_ROUTES): CompiledText & { expr: TextExpr } {
  const parsed = parseSearchQuery(input);
  if (!parsed.ok || parsed.query.text === null) throw new Error(`no text in ${input}`);
  const result = compileTextQuery(parsed.query.text, routes);
  if (!result.ok || result.value === null) throw new Error(`did not compile: ${input}`);
  const expr = textOnly(result.value.expr);
  if (expr === null) throw new Error(`not full text only: ${input}`);
  return { ...result.value, expr };
}

function words(expr: TextExpr | null): TextExpr {
  if (expr === null) throw new Error('no words');
  return expr;
}

const token = (word: string) => indexToken(termKey(word));

describe('compileTextQuery', () => {
  it('turns a word into the tokens of its key and its equivalents', () => {
    const { expr, markKeys } = compiled('sanctions', { name: false, concept: true });
    const expected = [...new Set([termKey('sanctions'), ...equivalentKeys(termKey('sanctions'))])];
    if (expr.type !== 'match') throw new Error('one word is one match');
    expect(expr.alternatives[0]).toEqual([token('sanctions')]);
    expect(expr.alternatives).toEqual(expect.arrayContaining(expected.map((key) => [indexToken(key)])));
    expect([...markKeys]).toEqual(expect.arrayContaining(expected));
  });

  it('writes the same words as FTS5 and tsquery syntax', () => {
    // Words without cross-language equivalents, so each is one token.
    const { expr } = compiled('Ryanair "flight diverted" -football');
    const [ryanair, flight, diverted, football] = ['Ryanair', 'flight', 'diverted', 'football'].map(token);
    expect(toFts5(expr)).toBe(`((("${ryanair}") AND ("${flight} ${diverted}")) NOT (("${football}")))`);
    expect(toTsQuery(expr)).toBe(`((${ryanair}) & (${flight} <-> ${diverted}) & !(${football}))`);
    expect(sqliteDialect.textMatch(words(positivePart(expr)), 'title').params).toEqual([
      `{title} : (("${ryanair}") AND ("${flight} ${diverted}"))`,
    ]);
    expect(postgresDialect.textMatch(words(positivePart(expr)), 'body').params).toEqual([
      `((${ryanair}:D) & (${flight}:D <-> ${diverted}:D))`,
    ]);
  });

  it('marks only the words that are searched for, not the excluded ones', () => {
    const { markKeys, hasPositive } = compiled('potash -football');
    expect(hasPositive).toBe(true);
    expect(markKeys.has(termKey('potash'))).toBe(true);
    expect(markKeys.has(termKey('football'))).toBe(false);
  });

  it('keeps a query that only excludes as its negatives', () => {
    const { expr, hasPositive } = compiled('-football -"football club"');
    expect(hasPositive).toBe(false);
    expect(toFts5(negativePart(expr))).toBe(
      `(("${token('football')}") OR ("${token('football')} ${token('club')}"))`,
    );
  });

  it('drops words without keys and refuses shapes no engine can run', () => {
    expect(compiled('potash ***').expr).toEqual(compiled('potash').expr);
    expect(compileTextQuery({ type: 'term', word: '***' })).toEqual({ ok: true, value: null });
    expect(
      compileTextQuery({
        type: 'or',
        nodes: [
          { type: 'term', word: 'a' },
          { type: 'not', node: { type: 'term', word: 'b' } },
        ],
      }),
    ).toMatchObject({ ok: false });
  });
});
