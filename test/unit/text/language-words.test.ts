/** Word forms per language: Łacinka read as Belarusian Cyrillic, Serbian Cyrillic as Latin, elisions, stems. */
import { describe, expect, it } from 'vitest';
import { lacinkaToCyrillic, languageWords } from '../../../src/text/language-words.js';

describe('languageWords', () => {
  it('reads Łacinka and both Belarusian spellings alike', () => {
    expect(lacinkaToCyrillic('palitviazni')).toBe('палітвязні');
    expect(lacinkaToCyrillic('jeŭrasajuz')).toBe('еўрасаюз');
    expect(lacinkaToCyrillic('łukašenka')).toBe('лукашэнка');
    const be = languageWords('be');
    expect(be.forms('Palitviazni').fold).toBe(be.forms('палітвязні').fold);
    expect(be.forms('сьвет').fold).toBe(be.forms('свет').fold);
  });

  it('reads Serbian Cyrillic in the Latin letters of the shared vocabulary', () => {
    expect(languageWords('sr').forms('санкције').fold).toBe(languageWords('hr').forms('sankcije').fold);
  });

  it('cuts elided articles in French and Italian, suffixes after an apostrophe in Turkish', () => {
    expect(languageWords('fr').forms("l'ambassadeur").fold).toBe('ambassadeur');
    expect(languageWords('it').forms("l'ambasciatore").fold).toBe('ambasciatore');
    expect(languageWords('tr').forms("Belarus'a").fold).toBe('belarus');
  });

  it('stems with Snowball where it has the language, and folds diacritics after', () => {
    const de = languageWords('de');
    expect(de.stems).toBe(true);
    expect(de.forms('Gespräche').stem).toBe(de.forms('Gespräch').stem);
    expect(languageWords('pl').forms('więźniów').fold).toBe('wiezniow');
    expect(languageWords('ka').stems).toBe(false);
  });

  it('composes decomposed letters first', () => {
    const ru = languageWords('ru');
    expect(ru.forms('задержанный'.normalize('NFD')).fold).toBe(ru.forms('задержанный').fold);
  });
});
