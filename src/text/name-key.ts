/**
 * A sound-alike key for person and place names across Latin and Cyrillic spellings: Лукашенко,
 * Лукашэнка, Lukashenka, Łukašenka and Łukaszenki share `lakasank`; Тихановская, Ціханоўская,
 * Tsikhanouskaya and Cichanouska share `tahanavsk`.
 */
import { foldWord, normaliseWord } from './fold.js';

/**
 * Letter groups of the folded form (fold.ts writes ч as cz, х as ch, ш as sz, ж as zh), longest
 * first, applied left to right: the families ch/cz/č/kh/h/g (Latin spellings write ч and х alike:
 * ch is ч in Pratasevich, х in Cichanoŭski), sh/sz/š, zh/ż/ž, ts/tz/c, dz/d (Belarusian дз against
 * Russian д), rz/ż and w/v.
 */
const GROUPS: readonly (readonly [string, string])[] = [
  ['schtsch', 's'],
  ['shch', 's'],
  ['szcz', 's'],
  ['tsch', 'h'],
  ['drz', 'd'],
  ['tsj', 'h'],
  ['sch', 's'],
  ['tch', 'h'],
  ['dzh', 'd'],
  ['sh', 's'],
  ['sz', 's'],
  ['zh', 'z'],
  ['kh', 'h'],
  ['ch', 'h'],
  ['cz', 'h'],
  ['ts', 't'],
  ['tz', 't'],
  ['dz', 'd'],
  ['rz', 'z'],
  ['ph', 'f'],
  ['th', 't'],
  ['g', 'h'],
  ['w', 'v'],
  ['x', 'ks'],
  ['q', 'k'],
];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'j']);
const LETTER = /\p{L}/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
/** Doubled letters count once, before and after the groups (tss, ttsa, Kellogg). */
const DOUBLED = /([a-z])\1+/g;

/**
 * Case and declension endings (after transliteration) that names take in these languages:
 * Лукашэнкам, Łukaszenką, Lukašenkos, Лукашенкові. Cut only while the stem keeps four letters.
 */
const ENDINGS = [
  'ami',
  'ach',
  'ych',
  'ich',
  'ego',
  'ogo',
  'emu',
  'omu',
  'ovi',
  'ym',
  'im',
  'om',
  'em',
  'am',
  'os',
  'as',
  'is',
  'es',
  'us',
];
const MIN_STEM = 4;

function applyGroups(latin: string): string {
  let out = '';
  for (let i = 0; i < latin.length; ) {
    const group = GROUPS.find(([from]) => latin.startsWith(from, i));
    if (group === undefined) {
      out += latin[i];
      i += 1;
    } else {
      out += group[1];
      i += group[0].length;
    }
  }
  return out;
}

function isVowel(char: string | undefined): boolean {
  return char !== undefined && VOWELS.has(char);
}

/**
 * In an English-looking spelling `c` before a, o, u is k (Coale, Коул); in Cyrillic, Łacinka and
 * Polish (any letter beyond ASCII, or w) it is ц. The ц then becomes t: Belarusian tsekanne makes
 * Ціханоўская of Russian Тихановская.
 */
function resolveC(text: string, slavicLatin: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char !== 'c') {
      out += char;
      continue;
    }
    const next = text[i + 1];
    out += !slavicLatin && (next === 'a' || next === 'o' || next === 'u') ? 'k' : 't';
  }
  return out;
}

/** `u` between a vowel and a consonant is the Belarusian ў written in Latin (Tsikhanouskaya). */
function nonSyllabicU(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const next = text[i + 1];
    const consonantNext = next === undefined || !isVowel(next);
    out += char === 'u' && isVowel(text[i - 1]) && consonantNext ? 'v' : char;
  }
  return out;
}

function stripEnding(text: string): string {
  let stem = text;
  const ending = ENDINGS.find((candidate) => stem.endsWith(candidate));
  if (ending !== undefined && stem.length - ending.length >= MIN_STEM) stem = stem.slice(0, -ending.length);
  while (stem.length > MIN_STEM && isVowel(stem[stem.length - 1])) stem = stem.slice(0, -1);
  return stem;
}

/**
 * Every run of vowels (y, j and i included) becomes one `a`, and doubled consonants count once:
 * vowel letters are where the spellings disagree most (akanye, yakanye, ia/ja/e softness marks).
 */
function shape(text: string): string {
  let out = '';
  for (const char of text) {
    const letter = isVowel(char) ? 'a' : /[a-z]/.test(char) ? char : '';
    if (letter !== '' && out[out.length - 1] !== letter) out += letter;
  }
  return out;
}

/**
 * The sound-alike key of one name, or '' for a word without letters. Meant for names (capitalised
 * words, alias spellings), not for ordinary words: it blurs vowels, so it merges more.
 */
export function nameKey(word: string): string {
  if (!LETTER.test(word)) return '';
  const lower = normaliseWord(word);
  const cyrillic = CYRILLIC_LETTER.test(lower);
  const slavicLatin = cyrillic || /[w\u0080-\u024f]/u.test(lower);
  // ў and ŭ are consonants (в, w): marked before folding, which would make them u.
  const folded = foldWord(lower.replaceAll('ў', 'в').replaceAll('ŭ', 'w'));
  const single = folded.replace(DOUBLED, '$1');
  const grouped = resolveC(applyGroups(single), slavicLatin).replace(DOUBLED, '$1');
  // Cyrillic у is always a vowel (ў is its own letter); only Latin spellings write ў as u.
  const vowels = cyrillic ? grouped : nonSyllabicU(grouped);
  const key = shape(stripEnding(vowels));
  return key === '' ? grouped.replace(/[^a-z]/g, '').slice(0, 1) : key;
}
