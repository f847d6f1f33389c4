/** The search query language: shapes, filters and the messages for input it cannot use. */
import { describe, expect, it } from 'vitest';
import { parseSearchQuery, type QueryNode, type SearchQuery } from '../../../src/corpus/search-query.js';

function parsed(input: string): SearchQuery {
  const result = parseSearchQuery(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error}`);
  return result.query;
}

function error(input: string): string {
  const result = parseSearchQuery(input);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.error;
}

const term = (word: string): QueryNode => ({ type: 'term', word });
const not = (node: QueryNode): QueryNode => ({ type: 'not', node });

describe('parseSearchQuery', () => {
  it('ANDs words and keeps phrases', () => {
    expect(parsed('potash sanctions').text).toEqual({
      type: 'and',
      nodes: [term('potash'), term('sanctions')],
    });
    expect(parsed('"political prisoners" Minsk').text).toEqual({
      type: 'and',
      nodes: [{ type: 'phrase', words: ['political', 'prisoners'] }, term('Minsk')],
    });
    expect(parsed('potash').text).toEqual(term('potash'));
  });

  it('reads -exclusions, NOT, OR and brackets', () => {
    expect(parsed('Belaruskali -football').text).toEqual({
      type: 'and',
      nodes: [term('Belaruskali'), not(term('football'))],
    });
    expect(parsed('Belaruskali NOT football').text).toEqual(parsed('Belaruskali -football').text);
    expect(parsed('-"football club" potash').text).toEqual({
      type: 'and',
      nodes: [not({ type: 'phrase', words: ['football', 'club'] }), term('potash')],
    });
    expect(parsed('Ryanair OR potash sanctions').text).toEqual({
      type: 'or',
      nodes: [term('Ryanair'), { type: 'and', nodes: [term('potash'), term('sanctions')] }],
    });
    expect(parsed('(Ryanair OR Belavia) -(football OR hockey)').text).toEqual({
      type: 'and',
      nodes: [
        { type: 'or', nodes: [term('Ryanair'), term('Belavia')] },
        not({ type: 'or', nodes: [term('football'), term('hockey')] }),
      ],
    });
    // Lower-case "or" and a dash inside a word are words.
    expect(parsed('this or that').text).toEqual({
      type: 'and',
      nodes: [term('this'), term('or'), term('that')],
    });
    expect(parsed('co-operation').text).toEqual(term('co-operation'));
  });

  it('pulls out filters, OR-ing repeated ones', () => {
    const query = parsed(
      'potash topic:sanctions topic:Diplomacy source:charter97 lang:RU since:2024-06-01 until:2024-06-30',
    );
    expect(query).toEqual({
      text: term('potash'),
      topics: ['sanctions', 'diplomacy'],
      sources: ['charter97'],
      languages: ['ru'],
      since: '2024-06-01',
      until: '2024-06-30',
    });
    expect(parsed('topic:prisoners').text).toBeNull();
    expect(parsed('source:"nasha niva" x').sources).toEqual(['nasha niva']);
    // An unknown prefix is just words.
    expect(parsed('http://example.org').text).not.toBeNull();
  });

  it('checks topics against a given list', () => {
    expect(parseSearchQuery('topic:weather', { topics: ['sanctions', 'prisoners'] })).toEqual({
      ok: false,
      error: 'unknown topic "weather": use one of sanctions, prisoners',
    });
  });

  it('is lenient with stray brackets, quotes and operators', () => {
    expect(parsed('potash)').text).toEqual(term('potash'));
    expect(parsed('(potash').text).toEqual(term('potash'));
    expect(parsed('"political prisoners').text).toEqual({
      type: 'phrase',
      words: ['political', 'prisoners'],
    });
    expect(parsed('OR potash OR').text).toEqual(term('potash'));
    expect(parsed('potash AND sanctions').text).toEqual(parsed('potash sanctions').text);
  });

  it('says what is wrong with input it cannot use', () => {
    expect(error('')).toMatch(/say what to search for/);
    expect(error('   ')).toMatch(/say what to search for/);
    expect(error('*** ^^^')).toMatch(/nothing to search for/);
    expect(error('topic:')).toBe('topic: needs a value, e.g. topic:sanctions');
    expect(error('since:2024-02-30')).toMatch(/YYYY-MM-DD/);
    expect(error('since:yesterday')).toMatch(/YYYY-MM-DD/);
    expect(error('since:2024-07-01 until:2024-06-01')).toBe('since:2024-07-01 is after until:2024-06-01');
    expect(error('lang:xx')).toMatch(/unknown language "xx": use one of en, ru/);
    expect(error('topic:"a b"')).toMatch(/unknown topic/);
    expect(error('-source:charter97 potash')).toMatch(/cannot be excluded/);
    expect(error('potash OR -football')).toMatch(/each side of OR/);
    expect(error('-(-potash)')).toMatch(/exclusion/);
    expect(error('x'.repeat(10_240))).toMatch(/too long/);
    expect(error(Array.from({ length: 60 }, (_, n) => `w${n}`).join(' '))).toMatch(/too many words/);
    expect(error('('.repeat(20))).toMatch(/nested brackets/);
  });

  it('drops control characters and private-use marks before parsing', () => {
    expect(parsed('pot\u0000ash').text).toEqual({ type: 'and', nodes: [term('pot'), term('ash')] });
    expect(parsed('\uE000potash\uE001').text).toEqual(term('potash'));
  });

  it('allows a query that only excludes, with or without filters', () => {
    expect(parsed('-football').text).toEqual(not(term('football')));
    expect(parsed('topic:sanctions -football').text).toEqual(not(term('football')));
  });
});

describe('unknown filters (issue 12, finding 5)', () => {
  it('are an error that lists the filters, instead of words that silently find nothing', () => {
    const result = parseSearchQuery('title:potash');
    expect(result).toEqual({
      ok: false,
      error: 'there is no filter "title:"; the filters are topic: source: lang: since: until: sort:',
    });
    expect(parseSearchQuery('potash -author:smith').ok).toBe(false);
  });

  it('leave addresses, times and a trailing colon alone', () => {
    for (const query of ['https://charter97.org', 'meeting 10:30', 'Lukashenka: sanctions', 'x:']) {
      expect(parseSearchQuery(query).ok, query).toBe(true);
    }
  });
});
