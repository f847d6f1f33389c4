/** Case, diacritic and script folding: any word in Cyrillic or Latin script becomes one ASCII-ish form. */

/**
 * Cyrillic letters (Russian, Ukrainian, Belarusian) in a Łacinka/Polish-like Latin scheme, so that
 * палітвязні and palitviazni fold alike. Iotated vowels are handled in `foldWord`.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'ch',
  ц: 'c',
  ч: 'cz',
  ш: 'sz',
  щ: 'szcz',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  // Serbian and Macedonian letters, as their Latin alphabets write them (Вучић, Vučić).
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'd',
  џ: 'dz',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
};

/** Latin letters whose plain-ASCII form is not their base letter (Łacinka, Polish, Lithuanian). */
const LATIN: Record<string, string> = {
  ł: 'l',
  ŭ: 'u',
  š: 'sz',
  ž: 'zh',
  ż: 'zh',
  č: 'cz',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ı: 'i',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const APOSTROPHES = /['’ʼ`´ʹ]/g;
const COMBINING = /\p{M}/gu;

/** Lower case, NFKC, ё→е: the form stemmers are given. */
export function normaliseWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '').replaceAll('ё', 'е');
}

function isVowel(char: string | undefined): boolean {
  return char !== undefined && VOWELS.has(char);
}

/**
 * The folded form of one (already lower-cased) word: transliterated, diacritics dropped, and the
 * softness marks of Slavic spellings collapsed (ia/ja after a consonant → a), because Łacinka,
 * Polish and the Cyrillic alphabets mark softness in different places.
 */
export function foldWord(word: string): string {
  const lower = normaliseWord(word);
  let out = '';
  for (const char of lower) {
    const cyrillic = CYRILLIC[char];
    if (cyrillic !== undefined) {
      out += cyrillic;
      continue;
    }
    const latin = LATIN[char];
    if (latin !== undefined) {
      out += latin;
      continue;
    }
    if (char.charCodeAt(0) < 0x80) out += char;
    else out += char.normalize('NFD').replace(COMBINING, '');
  }
  return collapseSoftness(out);
}

/** ia/ja/ie/je/io/jo/iu/ju after a consonant → the bare vowel; `je` at the start → `e`. */
function collapseSoftness(folded: string): string {
  if (!/[ij][aeou]/.test(folded)) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i] as string;
    const next = folded[i + 1];
    if (
      (char === 'i' || char === 'j') &&
      next !== undefined &&
      next !== 'i' &&
      isVowel(next) &&
      next !== 'y'
    ) {
      const previous = out[out.length - 1];
      const afterConsonant = previous !== undefined && !isVowel(previous) && /[a-z]/.test(previous);
      if (afterConsonant || (char === 'j' && next === 'e' && previous === undefined)) continue;
    }
    out += char;
  }
  return out;
}
