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
/** A word is a run of these (letters, marks, apostrophes); tested once per code point, then remembered. */
const WORD_CHAR = /[\p{L}\p{M}'’ʼ]/u;
const INNER_APOSTROPHE = /\p{L}['’ʼ]\p{L}/u;

const stopwordIndex = new Map<string, Language[]>();
for (const [language, words] of Object.entries(STOPWORDS) as [Language, readonly string[]][]) {
  for (const word of words) stopwordIndex.set(word, [...(stopwordIndex.get(word) ?? []), language]);
}
/** Longer words are never stopwords, so they are not cut out of the text to be looked up. */
const LONGEST_STOPWORD = Math.max(...[...stopwordIndex.keys()].map((word) => word.length));

/** Votes by UTF-16 code unit; every voting letter is below this. */
const VOTE_TABLE_SIZE = 0x530;
const letterVotes: (readonly Language[] | undefined)[] = new Array(VOTE_TABLE_SIZE);
for (const [letter, languages] of Object.entries(LETTER_VOTES)) letterVotes[letter.charCodeAt(0)] = languages;

/** Per BMP code point: 0 not yet known, 1 a word character, 2 not. */
const bmpWordChar = new Uint8Array(0x10000);

function isWordChar(code: number): boolean {
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  let known = bmpWordChar[code] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpWordChar[code] = known;
  }
  return known === 1;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
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
  const lower = text.toLowerCase();
  const length = lower.length;
  // One pass over code points: words are maximal runs of word characters, counted code unit by
  // code unit (a character outside the BMP is two units that vote for nothing).
  let i = 0;
  while (i < length) {
    const start = i;
    let wordIsCyrillic = false;
    let hasApostrophe = false;
    while (i < length) {
      const code = lower.codePointAt(i) as number;
      if (!isWordChar(code)) break;
      if (code > 0xffff) {
        i += 2;
        continue;
      }
      if (isCyrillicCode(code)) {
        cyrillic++;
        wordIsCyrillic = true;
      } else if (isLatinCode(code)) latin++;
      else if (isApostrophe(code)) hasApostrophe = true;
      if (code >= 0x80 && code < VOTE_TABLE_SIZE) {
        const votes = letterVotes[code];
        if (votes !== undefined) for (const language of votes) scores[language]++;
      }
      i++;
    }
    if (i === start) {
      i += (lower.codePointAt(i) as number) > 0xffff ? 2 : 1;
      continue;
    }
    if (i - start <= LONGEST_STOPWORD) {
      const stopword = stopwordIndex.get(lower.slice(start, i));
      if (stopword !== undefined) for (const language of stopword) scores[language] += STOPWORD_WEIGHT;
    }
    // An apostrophe inside a Cyrillic word (п'ять, аб'ява) is Ukrainian or Belarusian spelling.
    if (wordIsCyrillic && hasApostrophe && INNER_APOSTROPHE.test(lower.slice(start, i))) {
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
