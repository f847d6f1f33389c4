/** Folding: case, diacritics, and Cyrillic/Łacinka/Polish transliteration to one Latin form. */
import { describe, expect, it } from 'vitest';
import { foldWord } from '../../../src/text/fold.js';

describe('foldWord', () => {
  it('lower-cases and applies NFKC', () => {
    expect(foldWord('SANCTIONS')).toBe('sanctons');
    expect(foldWord('ﬁnes')).toBe('fines');
  });

  it('drops diacritics, keeping what Łacinka and Polish letters stand for', () => {
    expect(foldWord('Łukašenka')).toBe('lukaszenka');
    expect(foldWord('Łukaszenka')).toBe('lukaszenka');
    expect(foldWord('Lukašenka')).toBe('lukaszenka');
    expect(foldWord('Biełaruś')).toBe(foldWord('Беларусь'));
  });

  it('transliterates Russian, Ukrainian and Belarusian Cyrillic to the same scheme', () => {
    expect(foldWord('Лукашенка')).toBe('lukaszenka');
    expect(foldWord('Лукашэнка')).toBe('lukaszenka');
    expect(foldWord('санкции')).toBe(foldWord('санкції'));
  });

  it('writes Serbian Cyrillic as Serbian Latin does', () => {
    expect(foldWord('Вучић')).toBe(foldWord('Vučić'));
    expect(foldWord('Ђукановић')).toBe(foldWord('Đukanović'));
  });

  it('makes Cyrillic Belarusian and Łacinka meet (softness marked in different places)', () => {
    expect(foldWord('палітвязні')).toBe(foldWord('palitviazni'));
    expect(foldWord('Ціханоўская')).toBe(foldWord('Cichanoŭskaja'));
  });

  it('treats ё as е and ignores apostrophes inside words', () => {
    expect(foldWord('политзаключённых')).toBe(foldWord('политзаключенных'));
    expect(foldWord("політв'язнів")).toBe(foldWord('політв’язнів'));
    expect(foldWord("політв'язнів")).toBe(foldWord('політвязнів'));
  });
});
