/** The alias table as data: the seed file loads, keys stay stable, bad files are named clearly. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AliasTable,
  aliasFor,
  aliasTable,
  loadAliasTable,
  SEED_ALIASES,
  writtenInCapitals,
} from '../../../src/text/aliases.js';
import { termKey } from '../../../src/text/analyse.js';
import { DataFileError } from '../../../src/text/data-file.js';
import { foldWord } from '../../../src/text/fold.js';

function writeJson(value: unknown, name = 'extra.json'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vigil-aliases-')), name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('the seed alias file', () => {
  it('loads every entry with a kind', () => {
    const table = aliasTable();
    expect(table.keys.length).toBeGreaterThanOrEqual(40);
    for (const key of ['lukashenka', 'viasna', 'eu', 'minsk', 'sviatlana', 'trump']) {
      expect(table.entry(key)?.spellings.length).toBeGreaterThan(0);
    }
  });

  it('keeps the keys the classifier and the index were built with', () => {
    const expected: [string, string][] = [
      ['Лукашенко', 'lukashenka'],
      ['Łukašenkos', 'lukashenka'],
      ['Ціханоўская', 'tsikhanouskaya'],
      ['Cichanoŭskaja', 'tsikhanouskaya'],
      ['Вясны', 'viasna'],
      ['Беларуськалия', 'belaruskali'],
      ['ЗША', 'usa'],
      ['ЄС', 'eu'],
      ['Wilnie', 'vilnius'],
      ['OFAC', 'ofac'],
    ];
    for (const [word, key] of expected)
      expect([word, aliasFor(foldWord(word), writtenInCapitals(word))]).toEqual([word, key]);
  });

  it('brings given names and foreign names in Cyrillic to one key', () => {
    const groups = [
      ['Sviatlana', 'Svetlana', 'Swiatłana', 'Святлана', 'Светлана', 'Śviatłana'],
      ['Trump', 'Трамп', 'Трампа', 'Trumpa'],
      ['Kellogg', 'Келлог', 'Kellogga'],
      ['Coale', 'Коул', 'Коулом'],
      ['Belavia', 'Белавиа', 'Biełavii'],
    ];
    for (const group of groups) expect(new Set(group.map((word) => termKey(word))).size).toBe(1);
  });

  it('takes some acronyms only when written in capitals', () => {
    expect([termKey('US'), termKey('UN'), termKey('UK')]).toEqual([
      termKey('США'),
      termKey('ООН'),
      termKey('Великобритания'),
    ]);
    expect(termKey('us')).not.toBe(termKey('США'));
    expect(termKey('un')).not.toBe(termKey('ООН'));
    expect(termKey('es')).not.toBe(termKey('ЄС'));
    expect(termKey('ES')).toBe(termKey('ЄС'));
  });

  it('leaves ordinary words alone', () => {
    for (const word of ['sanctions', 'весной', 'us', 'court', 'министр']) {
      expect([word, aliasFor(foldWord(word))]).toEqual([word, null]);
    }
  });
});

describe('an admin extension file', () => {
  it('adds spellings to a known key and new keys', () => {
    const extra = writeJson({
      aliases: [
        { key: 'lukashenka', kind: 'person', spellings: ['Loukachenko*'] },
        { key: 'znak', kind: 'person', spellings: ['Maksim-Znak'] },
      ],
    });
    const table = loadAliasTable([SEED_ALIASES, extra]);
    expect(table.keyFor(foldWord('Loukachenko'))).toBe('lukashenka');
    expect(table.keyFor(foldWord('Лукашенко'))).toBe('lukashenka');
    expect(table.keyFor(foldWord('Maksim-Znak'))).toBe('znak');
  });

  it('takes capitals-only spellings, and refuses one that two keys claim', () => {
    const extra = writeJson({
      aliases: [{ key: 'monetaryfund', kind: 'acronym', spellings: ['МВФ'], capitals: ['IMF', 'MWF'] }],
    });
    const table = loadAliasTable([SEED_ALIASES, extra]);
    expect(table.keyFor(foldWord('IMF'), true)).toBe('monetaryfund');
    expect(table.keyFor(foldWord('imf'))).toBeNull();
    expect(table.keyFor(foldWord('US'), true)).toBe('usa');
    const clash = writeJson({
      aliases: [{ key: 'us2', kind: 'acronym', spellings: ['Us2'], capitals: ['US'] }],
    });
    expect(() => loadAliasTable([SEED_ALIASES, clash])).toThrow(
      /"us2": capitals "US" already belong to "usa"/,
    );
    const lower = writeJson({
      aliases: [{ key: 'x1', kind: 'acronym', spellings: ['X1'], capitals: ['us'] }],
    });
    expect(() => loadAliasTable([lower])).toThrow(/capitals\[0\]: capital letters only/);
  });

  it('names the file, the entry and the field of a mistake', () => {
    const bad = writeJson({
      aliases: [
        { key: 'ok', kind: 'person', spellings: ['Ok'] },
        { key: 'Bad Key', kind: 'person', spellings: [] },
      ],
    });
    expect(() => loadAliasTable([bad])).toThrow(DataFileError);
    expect(() => loadAliasTable([bad])).toThrow(
      /extra\.json: aliases\[1\] "Bad Key"\.key: use lower-case.*aliases\[1\] "Bad Key"\.spellings/,
    );
    const kind = writeJson({ aliases: [{ key: 'x1', kind: 'planet', spellings: ['Mars'] }] });
    expect(() => loadAliasTable([kind])).toThrow(/aliases\[0\] "x1"\.kind/);
    const star = writeJson({ aliases: [{ key: 'x1', kind: 'person', spellings: ['Ma*rs'] }] });
    expect(() => loadAliasTable([star])).toThrow(/spellings\[0\]: one word/);
    expect(() => loadAliasTable([writeJson('{ not json')])).toThrow(/extra\.json: not valid JSON/);
    expect(() => loadAliasTable([path.join(tmpdir(), 'no-such-vigil-aliases.json')])).toThrow(
      /cannot be read/,
    );
  });

  it('refuses a spelling that two keys claim, naming both', () => {
    const clash = writeJson({ aliases: [{ key: 'minsk2', kind: 'place', spellings: ['Minsk*'] }] });
    expect(() => loadAliasTable([SEED_ALIASES, clash])).toThrow(
      /"minsk2": spelling "Minsk\*" already belongs to "minsk"/,
    );
    expect(
      () =>
        new AliasTable([
          {
            file: 'x.json',
            aliases: [
              { key: 'a1', kind: 'person', spellings: ['Abc'] },
              { key: 'a1', kind: 'person', spellings: ['Abd'] },
            ],
          },
        ]),
    ).toThrow(/x\.json: aliases "a1": listed twice/);
  });
});
