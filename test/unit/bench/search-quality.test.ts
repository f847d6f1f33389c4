/** The search-quality yardstick: its figures, its route switch, its judged set. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreQuery, summarise } from '../../../bench/_search-quality-metrics.js';
import { parseRoutes, ROUTES } from '../../../bench/_search-quality-routes.js';
import { parseSearchQuery } from '../../../src/corpus/search-query.js';

describe('scoreQuery', () => {
  it('counts relevant results in the top ten over min(10, relevant)', () => {
    const relevant = new Set(['a', 'b', 'c']);
    expect(scoreQuery(['x', 'a', 'y', 'b'], relevant)).toEqual({ recallAt10: 2 / 3, reciprocalRank: 1 / 2 });
    expect(scoreQuery([], relevant)).toEqual({ recallAt10: 0, reciprocalRank: 0 });
    const many = new Set(Array.from({ length: 20 }, (_, i) => `r${i}`));
    expect(scoreQuery([...many].slice(0, 10), many).recallAt10).toBe(1);
    expect(scoreQuery([...'xxxxxxxxxx'.split(''), 'a'], relevant)).toEqual({
      recallAt10: 0,
      reciprocalRank: 1 / 11,
    });
    expect(() => scoreQuery(['a'], new Set())).toThrow(/at least one relevant/);
  });

  it('averages by group', () => {
    const groups = summarise([
      { groups: ['dev', 'dev/person'], score: { recallAt10: 1, reciprocalRank: 1 } },
      { groups: ['dev'], score: { recallAt10: 0, reciprocalRank: 0.5 } },
    ]);
    expect(groups).toEqual({
      dev: { queries: 2, recallAt10: 0.5, mrr: 0.75 },
      'dev/person': { queries: 1, recallAt10: 1, mrr: 1 },
    });
  });
});

describe('the route switch', () => {
  it('parses route lists and refuses unknown names', () => {
    expect(parseRoutes('exact,stem,alias')).toEqual({
      exact: true,
      stem: true,
      alias: true,
      name: false,
      concept: false,
    });
    expect(Object.values(parseRoutes('all')).every(Boolean)).toBe(true);
    expect(Object.keys(parseRoutes(''))).toEqual([...ROUTES]);
    expect(() => parseRoutes('exact,soundex')).toThrow(/unknown route "soundex"/);
  });
});

describe('the judged query set', () => {
  const file = JSON.parse(
    readFileSync(new URL('../../../bench/search-quality/queries.json', import.meta.url), 'utf8'),
  ) as {
    splitRule: string;
    queries: { id: string; query: string; kind: string; lang: string; split: string; relevant: string[] }[];
  };

  it('holds 60+ queries, 20+ held out by the fixed rule written in the file', () => {
    expect(file.queries.length).toBeGreaterThanOrEqual(60);
    expect(file.splitRule).toMatch(/every third query/);
    for (const [index, query] of file.queries.entries()) {
      expect([query.id, query.split]).toEqual([query.id, index % 3 === 2 ? 'held-out' : 'dev']);
    }
    expect(file.queries.filter((query) => query.split === 'held-out').length).toBeGreaterThanOrEqual(20);
  });

  it('gives each query a kind, a language, judged ids and a text the parser accepts', () => {
    const ids = new Set(file.queries.map((query) => query.id));
    expect(ids.size).toBe(file.queries.length);
    for (const query of file.queries) {
      expect(['person', 'org', 'topic', 'combo']).toContain(query.kind);
      expect(['en', 'ru', 'uk', 'be', 'be-latn', 'pl']).toContain(query.lang);
      expect(query.relevant.length).toBeGreaterThan(0);
      for (const id of query.relevant) expect(id).toMatch(/^(c|t[a-g])\d{3}$/);
      expect(parseSearchQuery(query.query).ok).toBe(true);
    }
  });
});
