/**
 * The one query language of searches and watches: the tree, the filters, and the messages for
 * input it cannot use. Every case runs under both rules unless it is about what differs.
 */
import { describe, expect, it } from 'vitest';
import {
  type ParseSearchOptions,
  parseQuery,
  parseSearchQuery,
  type QueryNode,
  type QueryRules,
  SEARCH_RULES,
  type SearchQuery,
} from '../../../src/corpus/search-query.js';
import { WATCH_LIMITS, WATCH_RULES } from '../../../src/watches/watch-expression.js';

const topics = ['sanctions', 'prisoners', 'diplomacy'];
const sources = ['charter97', 'nasha-niva'];
const BOTH: [string, QueryRules][] = [
  ['search', SEARCH_RULES],
  ['watch', WATCH_RULES],
];

/** The tree as a compact string: (a b) for AND, (a | b) for OR, -x for NOT; lifted filters in [ ]. */
function show(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.word;
    case 'phrase':
      return `"${node.words.join(' ')}"`;
    case 'topic':
      return `topic:${node.topic}`;
    case 'source':
      return `source:${node.source}`;
    case 'not':
      return `-${show(node.node)}`;
    case 'and':
      return `(${node.nodes.map(show).join(' ')})`;
    case 'or':
      return `(${node.nodes.map(show).join(' | ')})`;
  }
}

function showQuery(query: SearchQuery): string {
  const filters = [
    ...query.topics.map((topic) => `topic:${topic}`),
    ...query.sources.map((source) => `source:${source}`),
    ...query.languages.map((lang) => `lang:${lang}`),
    ...(query.since === null ? [] : [`since:${query.since}`]),
    ...(query.until === null ? [] : [`until:${query.until}`]),
  ];
  const text = query.text === null ? '' : show(query.text);
  return filters.length === 0 ? text : `${text} [${filters.join(' ')}]`.trim();
}

function parse(text: string, rules: QueryRules, options: ParseSearchOptions = { topics, sources }) {
  return parseQuery(text, rules, options);
}

function tree(text: string, rules: QueryRules = SEARCH_RULES): string {
  const result = parse(text, rules);
  if (!result.ok) throw new Error(`${text}: ${result.error}`);
  return showQuery(result.query);
}

function error(text: string, rules: QueryRules = SEARCH_RULES): { error: string; position: number } {
  const result = parse(text, rules);
  if (result.ok) throw new Error(`${text} parsed`);
  return { error: result.error, position: result.position };
}

describe.each(BOTH)('the tree (%s)', (_, rules) => {
  it.each([
    ['Ryanair', 'Ryanair'],
    ['Łukašenka potash', '(Łukašenka potash)'],
    ['Belaruskali -football', '(Belaruskali -football)'],
    ['"political prisoners" Viasna', '("political prisoners" Viasna)'],
    ['Ryanair OR Belavia', '(Ryanair | Belavia)'],
    ['TOPIC:Sanctions source:Charter97 potash', 'potash [topic:sanctions source:charter97]'],
    ['a AND b', '(a b)'],
    ['NOT football potash', '(-football potash)'],
    ['-"football club" potash', '(-"football club" potash)'],
    ['-(football OR hockey) Belaruskali', '(-(football | hockey) Belaruskali)'],
    ['this or that', '(this or that)'],
    ['co-operation', 'co-operation'],
    ['potash ***', '(potash ***)'],
  ])('%s → %s', (text, expected) => {
    expect(tree(text, rules)).toBe(expected);
  });

  it('NOT binds tightest, then AND, then OR; brackets override', () => {
    expect(tree('a b OR c d', rules)).toBe('((a b) | (c d))');
    expect(tree('a -b OR c', rules)).toBe('((a -b) | c)');
    expect(tree('a (b OR c) d', rules)).toBe('(a (b | c) d)');
    expect(tree('(a OR b) (c OR d)', rules)).toBe('((a | b) (c | d))');
    expect(tree('NOT a b OR c', rules)).toBe('((-a b) | c)');
    expect(tree('a OR b OR c', rules)).toBe('(a | b | c)');
    expect(tree('((a))', rules)).toBe('a');
  });

  it('typographic quotes are quotes, and any one closes any other', () => {
    expect(tree('„potash sanctions“ Belaruskali', rules)).toBe('("potash sanctions" Belaruskali)');
    expect(tree('“potash sanctions” -«football club»', rules)).toBe('("potash sanctions" -"football club")');
    expect(tree('"potash  sanctions”', rules)).toBe('"potash sanctions"');
  });

  it('topic: and source: beside the words filter the whole query (any of, when repeated); elsewhere they are terms', () => {
    expect(tree('potash topic:sanctions topic:Diplomacy', rules)).toBe(
      'potash [topic:sanctions topic:diplomacy]',
    );
    expect(tree('Ryanair OR topic:sanctions', rules)).toBe('(Ryanair | topic:sanctions)');
    expect(tree('potash -source:charter97', rules)).toBe('(potash -source:charter97)');
    expect(tree('topic:sanctions OR topic:diplomacy', rules)).toBe('(topic:sanctions | topic:diplomacy)');
    expect(tree('topic:prisoners', rules)).toBe('[topic:prisoners]');
    expect(tree('source:"Nasha-Niva" potash', rules)).toBe('potash [source:nasha-niva]');
  });

  it('drops control characters and private-use marks, and keeps the expression as typed otherwise', () => {
    expect(tree('pot\u0000ash', rules)).toBe('(pot ash)');
    expect(tree('\uE000potash\uE001', rules)).toBe('potash');
    const result = parse('  potash  "EU sanctions" topic:sanctions ', rules);
    expect(result.ok && result.expression).toBe('potash  "EU sanctions" topic:sanctions');
  });
});

describe.each(BOTH)('errors point at the problem (%s)', (_, rules) => {
  it.each([
    ['Łukašenka "potash', /^unclosed quote at 11$/, 11],
    ['Łukašenka „potash', /^unclosed quote at 11$/, 11],
    ['potash OR', /^OR needs something on both sides \(at 8\)$/, 8],
    ['OR potash', /^OR needs something on both sides \(at 1\)$/, 1],
    ['potash OR OR belavia', /^OR needs something on both sides \(at 8\)$/, 8],
    ['(potash OR) belavia', /^OR needs something on both sides \(at 9\)$/, 9],
    ['(potash belavia', /^unclosed parenthesis at 1$/, 1],
    ['potash) belavia', /^unmatched `\)` at 7$/, 7],
    ['potash () belavia', /^empty parentheses at 8$/, 8],
    ['potash ""', /^empty phrase at 8$/, 8],
    ['potash -', /`-` at 8 needs a word right after it/, 8],
    ['potash - football', /`-` at 8 needs a word/, 8],
    ['potash --football', /`-` at 8 needs a word/, 8],
    ['potash NOT', /NOT at 8 needs something after it/, 8],
    ['potash topic:', /`topic:` at 8 needs a value right after it, e.g. topic:sanctions/, 8],
    ['potash topic:football', /unknown topic `football` at 8: use one of sanctions, prisoners, diplomacy/, 8],
    ['potash source:nowhere', /unknown source `nowhere` at 8/, 8],
    [
      'potash title:x',
      /^there is no filter "title:"; the filters are topic: source: lang: since: until: sort: \(at 8\)$/,
      8,
    ],
    ['potash OR -football', /each side of OR needs something to look for, not only exclusions \(at 11\)/, 11],
    ['potash -(-football)', /an exclusion cannot itself be only exclusions \(at 8\)/, 8],
    ['!!! ***', /nothing to look for in `!!! \*\*\*`/, 1],
    ['', /needs something to look for/, 1],
    ['   ', /needs something to look for/, 1],
    [`${'('.repeat(9)}a${')'.repeat(9)}`, /too many nested brackets at 9 \(at most 8\)/, 9],
  ])('%s', (text, message, position) => {
    const result = error(text, rules);
    expect(result.error).toMatch(message);
    expect(result.position).toBe(position);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(error('😀😀 "open', rules).position).toBe(4);
  });

  it('leaves addresses, times and a trailing colon alone', () => {
    for (const text of ['https://charter97.org', 'meeting 10:30', 'Lukashenka: sanctions', 'x:']) {
      expect(parse(text, rules).ok, text).toBe(true);
    }
  });

  it('accepts any topic slug and source id when no lists are given (stored watches)', () => {
    expect(parse('potash topic:energy source:gone', rules, {}).ok).toBe(true);
  });
});

describe('search: the date and language filters', () => {
  it('pulls them out beside the words', () => {
    expect(
      parseSearchQuery(
        'potash topic:sanctions topic:Diplomacy source:charter97 lang:RU since:2024-06-01 until:2024-06-30',
      ),
    ).toEqual({
      ok: true,
      expression:
        'potash topic:sanctions topic:Diplomacy source:charter97 lang:RU since:2024-06-01 until:2024-06-30',
      query: {
        text: { type: 'term', word: 'potash' },
        topics: ['sanctions', 'diplomacy'],
        sources: ['charter97'],
        languages: ['ru'],
        since: '2024-06-01',
        until: '2024-06-30',
      },
    });
  });

  it.each([
    ['since:2024-02-30', /`since:` at 1 takes a date as YYYY-MM-DD/],
    ['since:yesterday', /YYYY-MM-DD/],
    ['since:2024-07-01 until:2024-06-01', /^since:2024-07-01 is after until:2024-06-01$/],
    ['lang:xx', /^unknown language `xx` at 1: use one of en, ru/],
    ['topic:"a b"', /unknown topic/],
    ['potash OR lang:ru', /`lang:` at 11 applies to the whole search/],
    ['potash -since:2024-01-01', /`since:` at 9 applies to the whole search/],
  ])('%s', (text, message) => {
    expect(error(text).error).toMatch(message);
  });

  it('allows a query that only excludes, with or without filters', () => {
    expect(tree('-football')).toBe('-football');
    expect(tree('topic:sanctions -football')).toBe('-football [topic:sanctions]');
    expect(tree('-topic:sanctions')).toBe('-topic:sanctions');
  });

  it('takes at most 1000 characters and 40 terms', () => {
    expect(error('x'.repeat(10_240)).error).toMatch(
      /too long: 10240 characters; a search takes at most 1000/,
    );
    expect(error(Array.from({ length: 41 }, (_, n) => `w${n}`).join(' ')).error).toMatch(
      /too many terms: a search takes at most 40 words, phrases, topic:, source:, lang:, since:, until: and sort:/,
    );
  });

  it('checks topics against a given list, and says which', () => {
    expect(parseSearchQuery('topic:weather', { topics: ['sanctions', 'prisoners'] })).toEqual({
      ok: false,
      error: 'unknown topic `weather` at 1: use one of sanctions, prisoners',
      position: 1,
    });
  });
});

describe('watch: what differs', () => {
  it.each([
    [
      'potash since:2025-01-01',
      /^`since:` at 8 is a search filter; a watch takes only topic: and source:$/,
      8,
    ],
    ['potash lang:ru', /^`lang:` at 8 is a search filter/, 8],
    ['-football', /needs something to look for besides exclusions/, 1],
    ['-football -hockey', /besides exclusions/, 1],
    ['-topic:sanctions', /besides exclusions/, 1],
  ])('%s', (text, message, position) => {
    const result = error(text, WATCH_RULES);
    expect(result.error).toMatch(message);
    expect(result.position).toBe(position);
  });

  it('a topic or a source with exclusions is something to look for', () => {
    expect(tree('topic:sanctions -football', WATCH_RULES)).toBe('-football [topic:sanctions]');
  });

  it(`takes at most ${WATCH_LIMITS.maxLength} characters`, () => {
    const long = 'potash '.repeat(40).trim();
    const result = error(long, WATCH_RULES);
    expect(result.error).toMatch(/a watch takes at most 200/);
    expect(result.position).toBe(201);
    expect(parse('a'.repeat(200), WATCH_RULES).ok).toBe(true);
  });

  it(`takes at most ${WATCH_LIMITS.maxTerms} terms, and names where the 21st starts`, () => {
    const words = Array.from({ length: 21 }, (_, n) => `w${n}`);
    expect(parse(words.slice(0, 20).join(' '), WATCH_RULES).ok).toBe(true);
    const result = error(words.join(' '), WATCH_RULES);
    expect(result.error).toMatch(/at most 20 words, phrases, topic: and source:/);
    expect(result.position).toBe(words.slice(0, 20).join(' ').length + 2);
  });

  it('a phrase counts as one term', () => {
    const phrases = Array.from({ length: 20 }, (_, n) => `"a${n} b${n}"`).join(' ');
    expect(parse(phrases, WATCH_RULES).ok).toBe(true);
  });
});
