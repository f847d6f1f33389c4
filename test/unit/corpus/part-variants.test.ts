/** Query parts widen to their concept words and name keys; ranking orders candidates alike everywhere. */
import { describe, expect, it } from 'vitest';
import { indexText, indexToken, nameToken, nameTokens } from '../../../src/corpus/index-tokens.js';
import {
  ALL_ROUTES,
  compileTextQuery,
  NO_ROUTES,
  type TextExpr,
  textOnly,
} from '../../../src/corpus/key-query.js';
import { countMentions, mentionPattern } from '../../../src/corpus/mentions.js';
import { queryParts, rankingParts } from '../../../src/corpus/query-parts.js';
import { rankCandidates, rerankByMentions } from '../../../src/corpus/relevance.js';
import { parseSearchQuery } from '../../../src/corpus/search-query.js';
import { termKey } from '../../../src/text/analyse.js';
import { nameKey } from '../../../src/text/name-key.js';

function tokens(text: string, routes = ALL_ROUTES): string[] {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok || parsed.query.text === null) throw new Error(`${text} should parse`);
  const compiled = compileTextQuery(parsed.query.text, routes);
  if (!compiled.ok || compiled.value === null) throw new Error(`${text} should compile`);
  const all: string[] = [];
  const walk = (expr: TextExpr) => {
    if (expr.type === 'match') for (const sequence of expr.alternatives) all.push(sequence.join(' '));
    else if (expr.type === 'or') expr.nodes.forEach(walk);
    else expr.positives.forEach(walk);
  };
  const words = textOnly(compiled.value.expr);
  if (words === null) throw new Error(`${text} should be words only`);
  walk(words);
  return all;
}

describe('query part variants', () => {
  it('widens a word to its concept words in other languages', () => {
    const release = tokens('release');
    expect(release).toEqual(
      expect.arrayContaining([indexToken(termKey('вызваленне')), indexToken(termKey('amnesty'))]),
    );
    const potash = tokens('potash');
    expect(potash).toEqual(expect.arrayContaining([indexToken(termKey('калий'))]));
  });

  it('widens a name to its sound-alike key, which items index', () => {
    expect(tokens('Tsikhanouskaya')).toContain(nameToken(nameKey('Тихановская')));
    expect(nameTokens('Встреча: Святлана Ціханоўская у Вільні')).toContain(
      nameToken(nameKey('Tsikhanouskaya')),
    );
    expect(indexText('Тихановская в Вильнюсе', '').title).toContain(nameToken(nameKey('Ціханоўская')));
  });

  it('keeps only the word itself without routes', () => {
    expect(tokens('release', NO_ROUTES)).toEqual([indexToken(termKey('release'))]);
  });

  it('name tokens never equal a word token', () => {
    for (const word of ['xzlakasank', 'Xzlakasank', 'xz'])
      expect(indexToken(termKey(word)).startsWith('xz')).toBe(false);
  });
});

describe('query parts', () => {
  it('lists the positive members of the top-level AND, apart from exclusions', () => {
    const parsed = parseSearchQuery('Bialiatski "nobel prize" (court OR trial) -football');
    if (!parsed.ok || parsed.query.text === null) throw new Error('should parse');
    const parts = queryParts(parsed.query.text);
    expect(parts.positives.map((node) => node.type)).toEqual(['term', 'phrase', 'or']);
    expect(parts.negatives).toEqual([{ type: 'term', word: 'football' }]);
  });
});

describe('ranking parts', () => {
  const partsOf = (text: string, concept = true) => {
    const parsed = parseSearchQuery(text);
    if (!parsed.ok || parsed.query.text === null) throw new Error(`${text} should parse`);
    return rankingParts(queryParts(parsed.query.text).positives, concept).map((part) => part.text);
  };

  it('leaves out function words in any listed language, unless nothing else is left', () => {
    expect(partsOf('talks with the US')).toEqual(['talks', 'US']);
    expect(partsOf('санкції проти Лукашенка')).toEqual(['санкції', 'Лукашенка']);
    expect(partsOf('Szijjártó w Mińsku')).toEqual(['Szijjártó', 'Mińsku']);
    expect(partsOf('the')).toEqual(['the']);
    expect(partsOf('"talks with the US"')).toEqual(['"talks with the US"']);
  });

  it('joins neighbouring words that form a lexicon phrase, even inflected otherwise', () => {
    expect(partsOf('uwolnienie więźniów politycznych')).toEqual(['uwolnienie', 'więźniów politycznych']);
    expect(partsOf('wizyta ministra spraw zagranicznych w Mińsku')).toEqual([
      'wizyta',
      'ministra spraw zagranicznych',
      'Mińsku',
    ]);
    expect(partsOf('uwolnienie więźniów politycznych', false)).toEqual([
      'uwolnienie',
      'więźniów',
      'politycznych',
    ]);
  });

  it('a joined phrase widens to its concept in other languages', () => {
    expect(tokens('"więźniów politycznych"')).toEqual(
      expect.arrayContaining([indexToken(termKey('палітвязні')), indexToken(termKey('політв’язнів'))]),
    );
  });
});

describe('rankCandidates', () => {
  const set = (...ids: number[]) => new Set(ids);
  it('puts items carrying every part first, then by score; near-ties newest first', () => {
    const ranked = rankCandidates(
      [
        { id: 1, publishedMs: 100 },
        { id: 2, publishedMs: 300 },
        { id: 3, publishedMs: 200 },
        { id: 4, publishedMs: 400 },
      ],
      [
        { any: set(1, 2, 3), title: set(3), exact: set(1, 2, 3), documentFrequency: 3 },
        { any: set(1, 2, 4), title: set(), exact: set(1, 2), documentFrequency: 50 },
      ],
      1000,
    );
    expect(ranked.map((entry) => entry.id)).toEqual([2, 1, 3, 4]);
    expect(ranked[0]?.carriesAll).toBe(true);
    expect(ranked[2]?.parts[0]?.inTitle).toBe(true);
  });
});

describe('mentions', () => {
  const patternOf = (text: string) => {
    const parsed = parseSearchQuery(text);
    if (!parsed.ok || parsed.query.text === null) throw new Error(`${text} should parse`);
    const compiled = compileTextQuery(parsed.query.text, ALL_ROUTES);
    const expr = compiled.ok && compiled.value !== null ? textOnly(compiled.value.expr) : null;
    if (expr === null) throw new Error(`${text} should compile`);
    return mentionPattern(expr);
  };

  it('counts a part in the title and lead in any of its variants, names and phrases included', () => {
    const counts = countMentions(
      'Пачобут асуджаны',
      'Andrzej Poczobut was sentenced. Poczobuta trial: political prisoners say палітвязні.',
      [patternOf('Poczobut'), patternOf('"political prisoners"'), patternOf('Bialiatski')],
    );
    expect(counts).toEqual([3, 2, 0]);
  });

  it('orders the first results again by mentions, carrying every part still first', () => {
    const ranked = rankCandidates(
      [
        { id: 1, publishedMs: 300 },
        { id: 2, publishedMs: 200 },
        { id: 3, publishedMs: 100 },
      ],
      [{ any: new Set([1, 2, 3]), title: new Set(), exact: new Set([1, 2, 3]), documentFrequency: 3 }],
      1000,
    );
    expect(ranked.map((entry) => entry.id)).toEqual([1, 2, 3]);
    const again = rerankByMentions(ranked, (id) => ({ 1: [0], 2: [1], 3: [4] })[id]);
    expect(again.map((entry) => entry.id)).toEqual([3, 2, 1]);
    expect(again[0]?.parts[0]?.mentions).toBe(4);
  });
});
