/** Language detection from letters and function words. */
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/text/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The European Union imposed new sanctions on Belarus and its state banks.'],
    ['ru', 'Евросоюз ввёл новые санкции против Беларуси и её государственных банков.'],
    ['uk', 'Євросоюз запровадив нові санкції проти Білорусі та її державних банків.'],
    ['be', 'Еўрасаюз увёў новыя санкцыі супраць Беларусі і яе дзяржаўных банкаў.'],
    ['be', 'Jeŭrasajuz uviaŭ novyja sankcyi suprać Biełarusi i jaje dziaržaŭnych bankaŭ.'],
    ['pl', 'Unia Europejska nałożyła nowe sankcje na Białoruś i jej państwowe banki.'],
    ['lt', 'Europos Sąjunga įvedė naujas sankcijas Baltarusijai ir jos valstybiniams bankams.'],
  ])('%s: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('returns null when there is no letter to go by', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12:45 — 2025')).toBeNull();
  });
});
