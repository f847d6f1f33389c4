/** One word → its folded form and its key: per-word language guess, stemming, folding, aliases. */
import { newStemmer } from 'snowball-stemmers';
import { aliasFor, writtenInCapitals } from './aliases.js';
import { foldWord, normaliseWord } from './fold.js';
import { stemBelarusian, stemLacinka, stemLithuanian, stemPolish, stemUkrainian } from './light-stemmers.js';

/** What the letters of a single word say about its language ('be-latn' is Łacinka). */
export type WordLanguage = 'en' | 'ru' | 'uk' | 'be' | 'be-latn' | 'pl' | 'lt' | 'other';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Guesses from letters only: Russian never writes і/ў/ї/є/ґ, Belarusian never и/щ/ъ, Ukrainian
 * never ы/э/ё/ъ/ў. A word with none of the telling letters is taken as Russian (Cyrillic) or
 * English (plain ASCII), the commonest cases.
 */
export function wordLanguage(lower: string): WordLanguage {
  if (CYRILLIC.test(lower)) {
    if (lower.includes('ў')) return 'be';
    const hasI = lower.includes('і');
    const hasRuBe = /[ыэё]/.test(lower);
    if (hasI && hasRuBe) return 'be';
    if (/[їєґ]/.test(lower)) return 'uk';
    // і alone: Ukrainian or Belarusian; the two light stemmers agree on most endings.
    if (hasI) return 'uk';
    return 'ru';
  }
  if (!LATIN.test(lower)) return 'other';
  if (lower.includes('ŭ')) return 'be-latn';
  if (/[ėįųū]/.test(lower)) return 'lt';
  if (/[ąęóż]/.test(lower)) return 'pl';
  if (/[šžč]/.test(lower)) return 'be-latn';
  if (/[łśćźń]/.test(lower)) return 'pl';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (!/^[\x00-\x7f]+$/.test(lower)) return 'other';
  // Polish or Łacinka typed without diacritics (sankcje, palitviazni): clusters English lacks.
  return SLAVIC_ASCII.test(lower) ? 'pl' : 'en';
}

const SLAVIC_ASCII = /cj|sz|cz|dz|rz|zn|wj|ow$|ych$|ami$/;

const english = newStemmer('english');
const russian = newStemmer('russian');

function stem(lower: string, language: WordLanguage): string {
  switch (language) {
    case 'en':
      return english.stem(lower);
    case 'ru':
      return russian.stem(lower);
    case 'uk':
      return stemUkrainian(lower);
    case 'be':
      return stemBelarusian(lower);
    case 'be-latn':
      return stemLacinka(lower);
    case 'pl':
      return stemPolish(lower);
    case 'lt':
      return stemLithuanian(lower);
    case 'other':
      return lower;
  }
}

export interface WordForms {
  /** Folded but not stemmed: what `word*` prefix patterns are compared with. */
  fold: string;
  /** Folded stem, or the canonical alias: what the index and exact patterns use. */
  key: string;
}

const POSSESSIVE = /['’ʼ]s$/i;
const DIGITS = /\p{N}/u;

function computeForms(word: string): WordForms {
  const lower = normaliseWord(LATIN.test(word) ? word.replace(POSSESSIVE, '') : word);
  const fold = foldWord(lower);
  if (DIGITS.test(lower)) return { fold, key: fold };
  const alias = aliasFor(fold, writtenInCapitals(word));
  if (alias !== null) return { fold, key: alias };
  return { fold, key: foldWord(stem(lower, wordLanguage(lower))) };
}

/** Bounded memo: news vocabularies repeat, so most words are computed once per process. */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, WordForms>();

/** The folded form and key of one word (memoised). */
export function wordForms(word: string): WordForms {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const forms = computeForms(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, forms);
  return forms;
}
