/** Stemming per language: the case forms of one word meet at one key. */
import { describe, expect, it } from 'vitest';
import { termKey } from '../../../src/text/analyse.js';
import {
  stemBelarusian,
  stemLacinka,
  stemLithuanian,
  stemPolish,
  stemUkrainian,
} from '../../../src/text/light-stemmers.js';
import { wordLanguage } from '../../../src/text/word-key.js';

function expectOneKey(words: string[]): void {
  const keys = new Set(words.map(termKey));
  expect(keys.size, `${words.join(', ')} → ${[...keys].join(', ')}`).toBe(1);
}

describe('stemming', () => {
  it('English (Snowball)', () => {
    expectOneKey(['sanction', 'sanctions', 'sanctioned', 'sanctioning']);
    expectOneKey(['negotiation', 'negotiations']);
  });

  it('Russian (Snowball)', () => {
    expectOneKey(['санкции', 'санкций', 'санкциями', 'санкция']);
    expectOneKey(['политзаключённые', 'политзаключенных', 'политзаключённым']);
    expectOneKey(['переговоры', 'переговоров', 'переговорами']);
  });

  it('Ukrainian (light rules)', () => {
    expectOneKey(['санкції', 'санкцій', 'санкціями', 'санкція']);
    expectOneKey(["політв'язні", 'політв’язнів', "політв'язням", 'політвязнів']);
    expect(stemUkrainian('переговорами')).toBe('переговор');
  });

  it('Belarusian, Cyrillic (light rules)', () => {
    expectOneKey(['палітвязні', 'палітвязняў', 'палітвязнямі']);
    expect(stemBelarusian('санкцыямі')).toBe('санкцы');
  });

  it('Belarusian, Łacinka (light rules)', () => {
    expectOneKey(['palitviazni', 'palitviazniaŭ', 'palitviaźniami']);
    expect(stemLacinka('sankcyjami')).toBe('sankcyj');
  });

  it('Polish (light rules)', () => {
    expectOneKey(['sankcje', 'sankcji', 'sankcjami']);
    expectOneKey(['więźniowie', 'więźniów', 'więźniami']);
    expect(stemPolish('politycznych')).toBe('polityczn');
  });

  it('Lithuanian (light rules)', () => {
    expect(stemLithuanian('sankcijos')).toBe('sankcij');
    expect(stemLithuanian('kalinių')).toBe('kalin');
  });

  it('never trims a stem below three letters', () => {
    expect(stemUkrainian('ну')).toBe('ну');
    expect(stemPolish('ale')).toBe('ale');
  });
});

describe('wordLanguage', () => {
  it('tells the alphabets apart by the letters only one of them writes', () => {
    expect(wordLanguage('палітвязняў')).toBe('be');
    expect(wordLanguage('санкцыі')).toBe('be');
    expect(wordLanguage('політв’язнів')).toBe('uk');
    expect(wordLanguage('їх')).toBe('uk');
    expect(wordLanguage('политзаключённых')).toBe('ru');
    expect(wordLanguage('palitviazniaŭ')).toBe('be-latn');
    expect(wordLanguage('więźniów')).toBe('pl');
    expect(wordLanguage('kalinių')).toBe('lt');
    expect(wordLanguage('sanctions')).toBe('en');
  });
});
