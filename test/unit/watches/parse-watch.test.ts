import { describe, expect, it } from 'vitest';
import { parseWatch } from '../../../src/watches/parse-watch.js';
import { WATCH_LIMITS, type WatchNode } from '../../../src/watches/watch-expression.js';

const topics = ['sanctions', 'prisoners', 'diplomacy'];
const sources = ['charter97', 'nasha-niva'];
const parse = (text: string) => parseWatch(text, { topics, sources });

/** The tree as a compact string: (a b) for AND, (a | b) for OR, -x for NOT. */
function show(node: WatchNode): string {
  switch (node.type) {
    case 'word':
      return node.text;
    case 'phrase':
      return `"${node.text}"`;
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

function tree(text: string): string {
  const result = parse(text);
  if (!result.ok) throw new Error(`${text}: ${result.error}`);
  return show(result.watch.root);
}

function error(text: string): { error: string; position: number } {
  const result = parse(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return { error: result.error, position: result.position };
}

describe('parseWatch: the tree', () => {
  it.each([
    ['Ryanair', 'Ryanair'],
    ['Łukašenka potash', '(Łukašenka potash)'],
    ['Belaruskali -football', '(Belaruskali -football)'],
    ['"political prisoners" Viasna', '("political prisoners" Viasna)'],
    ['Ryanair OR Belavia', '(Ryanair | Belavia)'],
    ['TOPIC:Sanctions source:Charter97 potash', '(topic:sanctions source:charter97 potash)'],
    ['a AND b', '(a b)'],
    ['NOT football potash', '(-football potash)'],
    ['„potash sanctions“ Belaruskali', '("potash sanctions" Belaruskali)'],
    ['-(football OR hockey) Belaruskali', '(-(football | hockey) Belaruskali)'],
  ])('%s → %s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it('NOT binds tightest, then AND, then OR; parentheses override', () => {
    expect(tree('a b OR c d')).toBe('((a b) | (c d))');
    expect(tree('a -b OR c')).toBe('((a -b) | c)');
    expect(tree('a (b OR c) d')).toBe('(a (b | c) d)');
    expect(tree('(a OR b) (c OR d)')).toBe('((a | b) (c | d))');
    expect(tree('NOT a b OR c')).toBe('((-a b) | c)');
    expect(tree('a OR b OR c')).toBe('(a | b | c)');
    expect(tree('((a))')).toBe('a');
  });

  it('records each term with its column and keeps the expression as typed', () => {
    const result = parse('  potash  "EU sanctions" topic:sanctions ');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.watch.expression).toBe('potash  "EU sanctions" topic:sanctions');
    expect(result.watch.terms.map((term) => [term.type, term.start])).toEqual([
      ['word', 1],
      ['phrase', 9],
      ['topic', 24],
    ]);
  });
});

describe('parseWatch: errors point at the problem', () => {
  it.each([
    ['Łukašenka "potash', /^unclosed quote at 11$/, 11],
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
    ['potash NOT', /NOT at 8 needs something after it/, 8],
    ['potash topic:', /`topic:` at 8 needs a value/, 8],
    ['potash topic:football', /unknown topic `football` at 8: use one of sanctions, prisoners, diplomacy/, 8],
    ['potash source:nowhere', /unknown source `nowhere` at 8/, 8],
    ['potash since:2025-01-01', /`since:` at 8 is a search filter/, 8],
    ['potash !!!', /`!!!` at 8 has no letters or digits/, 8],
    ['-football', /needs something to look for besides exclusions/, 1],
    ['-football -hockey', /besides exclusions/, 1],
    ['potash OR -football', /each side of OR needs something to look for, not only exclusions \(at 11\)/, 11],
    ['', /needs something to look for/, 1],
    ['   ', /needs something to look for/, 1],
  ])('%s', (text, message, position) => {
    const result = error(text);
    expect(result.error).toMatch(message);
    expect(result.position).toBe(position);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(error('😀😀 "open').position).toBe(4);
  });
});

describe('parseWatch: limits', () => {
  it(`takes at most ${WATCH_LIMITS.maxLength} characters`, () => {
    const long = 'potash '.repeat(40).trim();
    expect(long.length).toBeGreaterThan(200);
    const result = error(long);
    expect(result.error).toMatch(/at most 200/);
    expect(result.position).toBe(201);
    expect(parse('a'.repeat(200)).ok).toBe(true);
  });

  it(`takes at most ${WATCH_LIMITS.maxTerms} terms, and names where the 21st starts`, () => {
    const words = Array.from({ length: 21 }, (_, n) => `w${n}`);
    expect(parse(words.slice(0, 20).join(' ')).ok).toBe(true);
    const result = error(words.join(' '));
    expect(result.error).toMatch(/at most 20 words, phrases, topic: and source:/);
    expect(result.position).toBe(words.slice(0, 20).join(' ').length + 2);
  });

  it('a phrase counts as one term', () => {
    const phrases = Array.from({ length: 20 }, (_, n) => `"a${n} b${n}"`).join(' ');
    expect(parse(phrases).ok).toBe(true);
  });

  it('accepts any topic slug and source id when no lists are given (stored watches)', () => {
    expect(parseWatch('potash topic:energy source:gone').ok).toBe(true);
  });
});
