/**
 * Words of one language in comparable forms: case and diacritics folded the way that language
 * needs (Łacinka written in Belarusian Cyrillic, Serbian Cyrillic in Latin), elisions and
 * clitics cut, and a stem from the Snowball stemmer where one exists for the language, or a
 * light suffix trimmer (Ukrainian, Belarusian, Polish, Lithuanian). The search index keeps its own
 * keys (`word-key.ts`); these serve vocabularies matched within one language.
 */
import { newStemmer } from 'snowball-stemmers';
import { stemBelarusian, stemLithuanian, stemPolish, stemUkrainian } from './light-stemmers.js';

export interface LanguageWords {
  readonly language: string;
  /**
   * `fold`: lower case, folded, clitics cut (what exact and prefix patterns compare); `stem`: the
   * folded stem, or the folded form where the language has no stemmer.
   */
  forms(word: string): { fold: string; stem: string };
  /** True when the language has a stemmer, so bare pattern words compare stems. */
  readonly stems: boolean;
}

/** Snowball's name for each language that has one in `snowball-stemmers`. */
const SNOWBALL: Record<string, string> = {
  en: 'english',
  ru: 'russian',
  de: 'german',
  fr: 'french',
  it: 'italian',
  es: 'spanish',
  pt: 'portuguese',
  ro: 'romanian',
  cs: 'czech',
  nl: 'dutch',
  sv: 'swedish',
  fi: 'finnish',
  hu: 'hungarian',
  tr: 'turkish',
  sl: 'slovene',
  hy: 'armenian',
  ar: 'arabic',
};

const LIGHT: Record<string, (word: string) => string> = {
  uk: stemUkrainian,
  be: stemBelarusian,
  pl: stemPolish,
  lt: stemLithuanian,
};

/** Languages written in Latin script whose diacritics are folded away (typed text often lacks them). */
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'kk', 'ky', 'mk']);
/** Elided articles and prepositions before an apostrophe: l'ambassadeur, dell'Ue. */
const ELIDING = new Set(['fr', 'it', 'ca']);
/** Case suffixes after an apostrophe: Lukaşenko'nun, Belarus'a. */
const SUFFIXING = new Set(['tr', 'az', 'en']);

const APOSTROPHE = /['’ʼ`´]/;
const APOSTROPHES = /['’ʼ`´]/g;
const COMBINING = /\p{M}/gu;
const COMBINING_MARK = /[\u0300-\u036f]/;

/** Latin and Greek letters without their diacritics; letters whose base is not plain ASCII mapped by hand. */
const LATIN_SPECIAL: Record<string, string> = {
  ł: 'l',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};
const baseLetters = new Map<number, string>();
for (let code = 0xc0; code < 0x400; code++) {
  const char = String.fromCharCode(code);
  const base = LATIN_SPECIAL[char] ?? char.normalize('NFD').replace(COMBINING, '');
  if (base !== char) baseLetters.set(code, base);
}

/** Drops diacritics of Latin and Greek letters; other scripts pass as they are. */
export function foldDiacritics(word: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0xc0) {
      out += word[i];
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) {
      changed = true;
      continue;
    }
    const base = code < 0x400 ? baseLetters.get(code) : undefined;
    if (base === undefined) out += word[i];
    else {
      out += base;
      changed = true;
    }
  }
  return changed ? out : word;
}

const SERBIAN_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'd',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
};

/** Serbian Cyrillic in Latin letters without diacritics (ћ and ч both c), as the hr vocabulary is kept. */
function serbianToLatin(word: string): string {
  let out = '';
  for (const char of word) out += SERBIAN_LATIN[char] ?? char;
  return out;
}

const LACINKA_SIMPLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  d: 'д',
  e: 'э',
  f: 'ф',
  g: 'г',
  h: 'г',
  i: 'і',
  k: 'к',
  ł: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  ŭ: 'ў',
  v: 'в',
  w: 'в',
  y: 'ы',
  z: 'з',
  ž: 'ж',
  ć: 'ць',
  ś: 'сь',
  ź: 'зь',
  ń: 'нь',
  x: 'кс',
};
const IOTATED: Record<string, string> = { a: 'я', e: 'е', o: 'ё', u: 'ю' };
const LACINKA_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A Łacinka word in Belarusian Cyrillic: `ja/je/jo/ju`, and `ia/ie/io/iu` after a consonant,
 * become я/е/ё/ю; `l` is always soft (la → ля, l before a consonant → ль), `ł` hard (л); `ch` is х.
 */
export function lacinkaToCyrillic(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i] as string;
    const next = word[i + 1];
    const iotated = next === undefined ? undefined : IOTATED[next];
    if (char === 'c' && next === 'h') {
      out += 'х';
      i++;
    } else if (char === 'j') {
      if (iotated !== undefined) {
        out += iotated;
        i++;
      } else out += 'й';
    } else if (char === 'i' && iotated !== undefined && i > 0 && !LACINKA_VOWELS.has(word[i - 1] as string)) {
      out += iotated;
      i++;
    } else if (char === 'l') {
      if (iotated !== undefined) {
        out += `л${iotated}`;
        i++;
      } else out += next === 'i' ? 'л' : 'ль';
    } else out += LACINKA_SIMPLE[char] ?? char;
  }
  return out;
}

const LATIN_LETTER = /[a-zà-ž]/;
const SOFT_SIGN_BEFORE_CONSONANT = /ь(?=[бвгґджзйклмнпрстфхцчшў])/g;

/** Belarusian in one spelling: Łacinka in Cyrillic, ё as е, no soft sign before a consonant (сьвет, свет). */
function foldBelarusian(word: string): string {
  const cyrillic = LATIN_LETTER.test(word) ? lacinkaToCyrillic(word) : word;
  return cyrillic.replaceAll('ё', 'е').replace(SOFT_SIGN_BEFORE_CONSONANT, '');
}

function cutApostrophe(language: string, lower: string): string {
  if (!APOSTROPHE.test(lower)) return lower;
  const parts = lower.split(APOSTROPHES);
  if (ELIDING.has(language)) return parts[parts.length - 1] ?? lower;
  if (SUFFIXING.has(language)) return parts[0] ?? lower;
  return parts.join('');
}

function createLanguageWords(language: string): LanguageWords {
  const snowball = SNOWBALL[language];
  const light = LIGHT[language];
  const stemmer = snowball !== undefined ? newStemmer(snowball) : null;
  const cyrillic = CYRILLIC_LANGUAGES.has(language);
  const forms = (written: string): { fold: string; stem: string } => {
    // Decomposed letters (й as и + breve) compose first, so both spellings meet.
    const word = COMBINING_MARK.test(written) ? written.normalize('NFC') : written;
    const lower = cutApostrophe(language, word.toLowerCase());
    if (language === 'be') {
      const fold = foldBelarusian(lower);
      return { fold, stem: stemBelarusian(fold) };
    }
    if (cyrillic) {
      const fold = lower.replaceAll('ё', 'е');
      return { fold, stem: light !== undefined ? light(fold) : stemmer !== null ? stemmer.stem(fold) : fold };
    }
    const latin = language === 'sr' || language === 'hr' ? serbianToLatin(lower) : lower;
    const fold = foldDiacritics(latin);
    // Light trimmers know the endings with their diacritics (-ów, -ų): trim first, then fold.
    if (light !== undefined) return { fold, stem: foldDiacritics(light(latin)) };
    return { fold, stem: stemmer !== null ? foldDiacritics(stemmer.stem(latin)) : fold };
  };
  return { language, forms, stems: light !== undefined || stemmer !== null };
}

const cache = new Map<string, LanguageWords>();

/** The word forms of one language (ISO 639-1 code); created once per language. */
export function languageWords(language: string): LanguageWords {
  let words = cache.get(language);
  if (words === undefined) {
    words = createLanguageWords(language);
    cache.set(language, words);
  }
  return words;
}
