/** The shared text-analysis path: tokens, keys (stemmed, transliterated, aliased), equivalents. */
import { describe, expect, it } from 'vitest';
import { equivalentKeys, indexKeys, termKey, tokenize } from '../../../src/text/analyse.js';
import { createEquivalenceTable } from '../../../src/text/equivalents.js';

const sameKey = (words: string[]) => new Set(words.map(termKey));

describe('tokenize', () => {
  it('gives each word with its offsets and key', () => {
    const text = 'Nowe sankcje, «Вясна» і палітвязні.';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.surface)).toEqual(['Nowe', 'sankcje', 'Вясна', 'і', 'палітвязні']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.surface);
    expect(tokens[1]?.key).toBe(termKey('sankcje'));
  });

  it("keeps an apostrophe inside a word (політв'язні) but not at its edges", () => {
    expect(tokenize("політв'язні 'quoted' prisoners'").map((token) => token.surface)).toEqual([
      "політв'язні",
      'quoted',
      'prisoners',
    ]);
  });

  it('handles empty text, digits and characters outside the basic planes', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('1 226 😀 𝐀bc').map((token) => token.surface)).toEqual(['1', '226', '𝐀bc']);
  });

  it('is linear: a long text is tokenised quickly', () => {
    const text = 'Лукашенко санкции sanctions palitviazni '.repeat(20_000);
    const started = performance.now();
    expect(tokenize(text)).toHaveLength(80_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('termKey', () => {
  it('brings the spellings of Lukashenka to one key', () => {
    expect(
      sameKey([
        'Лукашенка',
        'Lukashenka',
        'Łukašenka',
        'Lukashenko',
        'Лукашенко',
        'Лукашэнка',
        'Łukaszenka',
        'Lukašenka',
        'Лукашенкові',
        'Łukaszence',
        "Lukashenka's",
      ]).size,
    ).toBe(1);
  });

  it('brings the spellings of Tsikhanouskaya to one key', () => {
    expect(
      sameKey(['Cichanoŭskaja', 'Tsikhanouskaya', 'Tikhanovskaya', 'Тихановская', 'Ціханоўская']).size,
    ).toBe(1);
  });

  it('brings place names in all scripts to one key', () => {
    expect(sameKey(['Belarus', 'Беларусь', 'Белоруссии', 'Білорусь', 'Białoruś', 'Biełaruś']).size).toBe(1);
    expect(sameKey(['Minsk', 'Минск', 'Мінск', 'Mińsk', 'Mińsku']).size).toBe(1);
  });

  it('gives the Belarusian word for political prisoners one key in Cyrillic and Łacinka', () => {
    expect(
      sameKey(['палітвязні', 'палітвязняў', 'палітвязнямі', 'palitviazni', 'palitviazniaŭ', 'palitviaźniami'])
        .size,
    ).toBe(1);
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(termKey('  SANCTIONS ')).toBe(termKey('sanctions'));
  });
});

describe('indexKeys', () => {
  it('keeps order and duplicates so phrases can be matched', () => {
    expect(indexKeys('political prisoners and political prisoners')).toEqual([
      termKey('political'),
      termKey('prisoners'),
      termKey('and'),
      termKey('political'),
      termKey('prisoners'),
    ]);
  });
});

describe('equivalentKeys', () => {
  it('links sanctions across languages, the key itself first', () => {
    const keys = equivalentKeys(termKey('sanctions'));
    expect(keys[0]).toBe(termKey('sanctions'));
    for (const word of ['санкции', 'санкції', 'санкцыі', 'sankcje']) expect(keys).toContain(termKey(word));
  });

  it('links political prisoners across languages (single-word forms)', () => {
    const keys = equivalentKeys(termKey('политзаключённые'));
    for (const word of ["політв'язні", 'палітвязні', 'palitviazni']) expect(keys).toContain(termKey(word));
  });

  it('links potash across languages', () => {
    const keys = equivalentKeys(termKey('potash'));
    for (const word of ['калий', 'калій', 'potas']) expect(keys).toContain(termKey(word));
  });

  it('returns the key alone when it has no equivalents', () => {
    expect(equivalentKeys('football')).toEqual(['football']);
  });
});

describe('createEquivalenceTable', () => {
  it('merges groups that share a word, both ways', () => {
    const table = createEquivalenceTable([
      ['sanctions', 'санкции'],
      ['санкции', 'sankcje'],
      ['political prisoners', 'палітвязні'],
    ]);
    expect(table.get(termKey('sankcje'))).toContain(termKey('sanctions'));
    expect(table.get(termKey('sanctions'))).toContain(termKey('sankcje'));
    expect(table.get(termKey('палітвязні'))).toEqual([termKey('палітвязні')]);
  });
});
