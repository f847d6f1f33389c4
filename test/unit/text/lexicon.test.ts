/** The concept lexicon: every concept covers the nine languages, and its words meet through the text path. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopics } from '../../../src/classify/load-topics.js';
import { seedsPath } from '../../../src/paths.js';
import { termKey } from '../../../src/text/analyse.js';
import { DataFileError } from '../../../src/text/data-file.js';
import { LEXICON_LANGUAGES, loadLexicon, seedLexicon } from '../../../src/text/lexicon.js';

function lexiconDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-lexicon-'));
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

const words = Object.fromEntries(LEXICON_LANGUAGES.map((language) => [language, ['word']]));

describe('the seed lexicon', () => {
  const lexicon = seedLexicon();

  it('covers the nine languages in every concept', () => {
    expect(lexicon.concepts.length).toBeGreaterThanOrEqual(40);
    for (const concept of lexicon.concepts) {
      for (const language of LEXICON_LANGUAGES)
        expect([concept.id, language, concept.words[language]?.length ?? 0]).not.toContainEqual(0);
    }
  });

  it('puts the general news words a query uses in one concept across languages', () => {
    const sameConcept: [string, string[]][] = [
      [
        'release',
        [
          'release',
          'amnesty',
          'pardon',
          'вызваленне',
          'освобождение',
          'uwolnienie',
          'звільнення',
          'išlaisvinimas',
          'Freilassung',
          'libération',
        ],
      ],
      [
        'talks',
        [
          'talks',
          'negotiations',
          'переговоры',
          'meeting',
          'перамовы',
          'rozmowy',
          'derybos',
          'Verhandlungen',
          'négociations',
        ],
      ],
      [
        'potash',
        [
          'potash',
          'калий',
          'калийные',
          'калійныя',
          'potasowe',
          'fertiliser',
          'Kalidünger',
          'potasse',
          'gnojiva',
        ],
      ],
      ['lift', ['lift', 'lifted', 'снятие', 'zniesienie', 'aufgehoben', 'levée']],
      ['sentence', ['sentenced', 'приговор', 'прысуд', 'wyrok', 'verurteilt', 'condamné']],
      ['envoy', ['envoy', 'спецпосланник', 'пасланнік', 'wysłannik', 'Sonderbeauftragter']],
      ['court', ['court', 'суд', 'sąd', 'teismas', 'Gericht', 'tribunal']],
      ['ban', ['ban', 'запрет', 'забарона', 'zakaz', 'Verbot', 'interdiction']],
      ['visit', ['visit', 'визит', 'візіт', 'wizyta', 'vizitas', 'Besuch', 'visite']],
    ];
    for (const [id, group] of sameConcept) {
      for (const word of group)
        expect([id, word, lexicon.conceptsOf(termKey(word)).includes(id)]).toEqual([id, word, true]);
    }
  });

  it('finds inflected forms the items use', () => {
    expect(lexicon.conceptsOf(termKey('калийной'))).toContain('potash');
    expect(lexicon.conceptsOf(termKey('освобождении'))).toContain('release');
    expect(lexicon.conceptsOf(termKey('переговорах'))).toContain('talks');
  });

  it('starts from the topic files: each equivalents group lies within one concept', () => {
    const groups = loadTopics(seedsPath('topics')).flatMap((topic) => topic.equivalents ?? []);
    for (const group of groups) {
      const single = group.filter((word) => !/\s/.test(word));
      if (single.length === 0) continue;
      const [first, ...rest] = single.map((word) => lexicon.conceptsOf(termKey(word)));
      const shared = (first ?? []).filter((id) => rest.every((ids) => ids.includes(id)));
      expect([group[0], shared.length > 0]).toEqual([group[0], true]);
    }
  });

  it('keeps phrases as key sequences', () => {
    const phrase = lexicon
      .termsOf('political-prisoner')
      .find((term) => term.text.startsWith('political prisoner'));
    expect(phrase?.keys).toEqual([termKey('political'), termKey('prisoners')]);
    expect(phrase?.text).toBe('political prisoner');
  });
});

describe('loading lexicon files', () => {
  it('names the file, the concept and the field of a mistake', () => {
    const missing = lexiconDir({
      'a.json': { concepts: [{ id: 'talks', about: 'x', words: { ...words, fr: [] } }] },
    });
    expect(() => loadLexicon(missing)).toThrow(DataFileError);
    expect(() => loadLexicon(missing)).toThrow(
      /a\.json: concepts\[0\] "talks"\.words\.fr: needs at least one word/,
    );
    const { de: _de, ...withoutDe } = words;
    expect(() =>
      loadLexicon(lexiconDir({ 'b.json': { concepts: [{ id: 'talks', about: 'x', words: withoutDe }] } })),
    ).toThrow(/concepts\[0\] "talks"\.words\.de/);
    expect(() =>
      loadLexicon(
        lexiconDir({
          'c.json': { concepts: [{ id: 'talks', about: 'x', words: { ...words, Klingon: ['x'] } }] },
        }),
      ),
    ).toThrow(/"Klingon" is not a language code/);
    expect(() =>
      loadLexicon(
        lexiconDir({
          'd.json': { concepts: [{ id: 'talks', about: 'x', words: { ...words, en: ['tal*'] } }] },
        }),
      ),
    ).toThrow(/words\.en\[0\]: a word or a phrase/);
    expect(() => loadLexicon(lexiconDir({ 'e.json': '{' }))).toThrow(/e\.json: not valid JSON/);
    expect(() => loadLexicon(lexiconDir({}))).toThrow(/no lexicon files/);
  });

  it('refuses a concept defined in two files', () => {
    const concept = { id: 'talks', about: 'x', words };
    const dir = lexiconDir({ 'a.json': { concepts: [concept] }, 'b.json': { concepts: [concept] } });
    expect(() => loadLexicon(dir)).toThrow(/b\.json: concepts "talks": already defined in .*a\.json/);
  });

  it('skips drafts', () => {
    const dir = lexiconDir({
      'a.json': { concepts: [{ id: 'talks', about: 'x', words }] },
      '_draft.json': '{',
    });
    expect(loadLexicon(dir).concepts.map((concept) => concept.id)).toEqual(['talks']);
  });
});
