/**
 * Guesses the language of a text from the letters each alphabet alone uses and from common
 * function words. Belarusian in Łacinka counts as 'be'.
 */
import type { Language } from '../feeds/feed-item.js';

type Scores = Record<Language, number>;

/** Letters that only some of the languages write: each occurrence votes for those. */
const LETTER_VOTES: Record<string, readonly Language[]> = {
  і: ['uk', 'be'],
  и: ['ru', 'uk'],
  ы: ['ru', 'be'],
  э: ['ru', 'be'],
  ё: ['ru', 'be'],
  ъ: ['ru'],
  щ: ['ru', 'uk'],
  ї: ['uk'],
  є: ['uk'],
  ґ: ['uk'],
  ў: ['be'],
  ŭ: ['be'],
  ą: ['pl', 'lt'],
  ę: ['pl', 'lt'],
  ó: ['pl'],
  ż: ['pl'],
  ź: ['pl', 'be'],
  ś: ['pl', 'be'],
  ć: ['pl', 'be'],
  ń: ['pl', 'be'],
  ł: ['pl', 'be'],
  ė: ['lt'],
  į: ['lt'],
  ų: ['lt'],
  ū: ['lt'],
  š: ['lt', 'be'],
  ž: ['lt', 'be'],
  č: ['lt', 'be'],
};

/** Frequent short words; each occurrence counts three letters' worth. */
const STOPWORDS: Record<Language, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'on',
    'with',
    'was',
    'are',
    'by',
    'has',
    'have',
    'it',
    'from',
    'as',
  ],
  ru: [
    'и',
    'в',
    'не',
    'что',
    'на',
    'с',
    'по',
    'это',
    'как',
    'он',
    'из',
    'за',
    'о',
    'был',
    'его',
    'для',
    'от',
    'также',
  ],
  uk: [
    'і',
    'й',
    'в',
    'що',
    'не',
    'на',
    'з',
    'та',
    'це',
    'як',
    'до',
    'від',
    'у',
    'із',
    'про',
    'для',
    'був',
    'також',
  ],
  be: [
    'і',
    'ў',
    'у',
    'што',
    'не',
    'на',
    'з',
    'да',
    'гэта',
    'як',
    'ад',
    'пра',
    'для',
    'быў',
    'таксама',
    'heta',
    'što',
    'jak',
    'pa',
    'ad',
    'ŭ',
  ],
  pl: [
    'i',
    'w',
    'z',
    'na',
    'się',
    'nie',
    'że',
    'do',
    'jest',
    'to',
    'o',
    'od',
    'przez',
    'jak',
    'oraz',
    'po',
    'dla',
  ],
  lt: [
    'ir',
    'kad',
    'yra',
    'į',
    'su',
    'iš',
    'nuo',
    'bet',
    'jo',
    'buvo',
    'dėl',
    'taip',
    'kaip',
    'apie',
    'prie',
  ],
};

const STOPWORD_WEIGHT = 3;
/** Below this much evidence the text is too short or too foreign to call. */
const MIN_SCORE = 1;
const WORD = /[\p{L}\p{M}'’ʼ]+/gu;
const INNER_APOSTROPHE = /\p{L}['’ʼ]\p{L}/u;

const stopwordIndex = new Map<string, Language[]>();
for (const [language, words] of Object.entries(STOPWORDS) as [Language, readonly string[]][]) {
  for (const word of words) stopwordIndex.set(word, [...(stopwordIndex.get(word) ?? []), language]);
}

function emptyScores(): Scores {
  return { en: 0, ru: 0, uk: 0, be: 0, pl: 0, lt: 0 };
}

/** The language with the highest score among `candidates`, earlier candidates winning ties. */
function best(scores: Scores, candidates: readonly Language[]): Language | null {
  let winner: Language | null = null;
  for (const language of candidates) {
    if (scores[language] >= MIN_SCORE && (winner === null || scores[language] > scores[winner]))
      winner = language;
  }
  return winner;
}

function isCyrillicCode(code: number): boolean {
  return code >= 0x400 && code <= 0x4ff;
}

function isLatinCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

export function detectLanguage(text: string): Language | null {
  const scores = emptyScores();
  let cyrillic = 0;
  let latin = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    let wordIsCyrillic = false;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (isCyrillicCode(code)) {
        cyrillic++;
        wordIsCyrillic = true;
      } else if (isLatinCode(code)) latin++;
      if (code < 0x80) continue;
      for (const language of LETTER_VOTES[word[i] as string] ?? []) scores[language]++;
    }
    for (const language of stopwordIndex.get(word) ?? []) scores[language] += STOPWORD_WEIGHT;
    // An apostrophe inside a Cyrillic word (п'ять, аб'ява) is Ukrainian or Belarusian spelling.
    if (wordIsCyrillic && INNER_APOSTROPHE.test(word)) {
      scores.uk++;
      scores.be++;
    }
  }
  if (cyrillic === 0 && latin === 0) return null;
  if (cyrillic >= latin) {
    // Plain Cyrillic with no telling letter and no function word is most likely Russian.
    return best(scores, ['ru', 'uk', 'be']) ?? 'ru';
  }
  // Plain ASCII with no function word is most likely English.
  return best(scores, ['en', 'pl', 'be', 'lt']) ?? 'en';
}
