/**
 * The language of a text: decided by its script and letters where they settle it (Cyrillic,
 * Greek, Georgian, Armenian, CJK), by the ELD n-gram detector for Latin script and what letters
 * leave open. Belarusian in Łacinka counts as 'be'; Serbian, Croatian and Bosnian in Latin
 * script as 'hr' (one vocabulary serves them).
 */
import { createRequire } from 'node:module';
import { LANGUAGES, type Language } from '../feeds/feed-item.js';

/** The part of ELD's API used here (its package exports the detector as an ES module only). */
interface Eld {
  detect(text: string): { language: string };
}

/** ELD cuts its input at about 350 bytes: more text is spent for nothing. */
const SAMPLE_CHARS = 160;
/** Fewer letters than this say nothing. */
const MIN_LETTERS = 2;

const KNOWN: ReadonlySet<string> = new Set(LANGUAGES);

let eld: Eld | null = null;

/**
 * Loaded on first need, synchronously: its n-gram table takes a few hundred milliseconds to
 * load, which a command that never meets Latin text should not pay. `require` of the resolved
 * file, because the package's exports offer the module to `import` only.
 */
function detector(): Eld {
  if (eld === null) {
    const require = createRequire(import.meta.url);
    const file = new URL(import.meta.resolve('eld/extrasmall'));
    eld = (require(file.pathname) as { eld: Eld }).eld;
  }
  return eld;
}

/** The letters that tell languages of one script apart, each counted in its own slot. */
const TELLING_LETTERS = 'іўыэёъїєґәғқұһңөүђјљњћџѓќѕŭąęóżwřěů';
const SLOTS = TELLING_LETTERS.length + 1;
const slotOf = new Uint8Array(0x530);
for (let slot = 0; slot < TELLING_LETTERS.length; slot++) slotOf[TELLING_LETTERS.charCodeAt(slot)] = slot + 1;

/** Letter counts of a sample: per script, and per telling letter. */
interface LetterCounts {
  latin: number;
  cyrillic: number;
  greek: number;
  georgian: number;
  armenian: number;
  arabic: number;
  devanagari: number;
  hebrew: number;
  han: number;
  kana: number;
  hangul: number;
  telling: Int32Array;
}

/** Counts the letters of `text` from `from` to `to` (lower-cased as it goes). */
function countLetters(text: string, from: number, to: number): LetterCounts {
  const counts: LetterCounts = {
    latin: 0,
    cyrillic: 0,
    greek: 0,
    georgian: 0,
    armenian: 0,
    arabic: 0,
    devanagari: 0,
    hebrew: 0,
    han: 0,
    kana: 0,
    hangul: 0,
    telling: new Int32Array(SLOTS),
  };
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x530) {
      // Lower case: ASCII and the Cyrillic capitals А–Я, Ѐ–Џ; other capitals rarely tell anything.
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      else if (code >= 0x410 && code <= 0x42f) code += 0x20;
      else if (code >= 0x400 && code <= 0x40f) code += 0x50;
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0x24f && code !== 0xf7)) counts.latin++;
      else if (code >= 0x430 && code <= 0x4ff) counts.cyrillic++;
      else if (code >= 0x3ac && code <= 0x3ce) counts.greek++;
      const slot = slotOf[code] as number;
      if (slot > 0) counts.telling[slot] = (counts.telling[slot] as number) + 1;
    } else if (code >= 0x531 && code <= 0x58a) counts.armenian++;
    else if (code >= 0x5d0 && code <= 0x5ea) counts.hebrew++;
    else if (code >= 0x620 && code <= 0x64a) counts.arabic++;
    else if (code >= 0x900 && code <= 0x97f) counts.devanagari++;
    else if (code >= 0x10d0 && code <= 0x10ff) counts.georgian++;
    else if (code >= 0x3040 && code <= 0x30ff) counts.kana++;
    else if (code >= 0x4e00 && code <= 0x9fff) counts.han++;
    else if (code >= 0xac00 && code <= 0xd7a3) counts.hangul++;
  }
  return counts;
}

function count(counts: LetterCounts, letters: string): number {
  let total = 0;
  for (let i = 0; i < letters.length; i++)
    total += counts.telling[slotOf[letters.charCodeAt(i)] as number] as number;
  return total;
}

/**
 * Cyrillic languages differ in letters: Russian alone writes ы, э and ъ without і; Ukrainian і,
 * ї, є and ґ; Belarusian ў and і beside ы and э; Serbian ђ ј љ њ ћ џ; Kazakh ә ғ қ ұ һ; Kyrgyz
 * ң ө ү without them; Bulgarian ъ as a vowel and none of ы, э, і. Null when the letters say
 * nothing (a short title of common letters).
 */
function cyrillicLanguage(counts: LetterCounts): string | null {
  const kazakh = count(counts, 'әғқұһ');
  const turkic = count(counts, 'ңөү');
  if (kazakh >= 1 && kazakh + turkic >= 2) return 'kk';
  if (turkic >= 2) return 'ky';
  if (count(counts, 'ђјљњћџ') >= 2) return 'sr';
  if (count(counts, 'ѓќѕ') >= 2) return 'mk';
  // Shares, not presence: a Russian text may quote one Belarusian or Ukrainian name.
  const i = count(counts, 'і') + count(counts, 'ў');
  const ruBe = count(counts, 'ыэё');
  if (i * 50 >= counts.cyrillic && i >= 1) {
    const ukrainian = count(counts, 'їєґ');
    return ruBe * 100 >= counts.cyrillic || ruBe > ukrainian ? 'be' : 'uk';
  }
  if (ruBe >= 1) return 'ru';
  const hardSign = count(counts, 'ъ');
  // Russian writes ъ only inside a few prefixed words; Bulgarian in nearly every sentence.
  if (hardSign >= 2 && hardSign * 60 >= counts.cyrillic) return 'bg';
  return null;
}

/**
 * Łacinka uses ŭ, which no other Latin alphabet here has, and never Polish ą ę ó ż or w, nor
 * Czech ř ě ů.
 */
function looksLacinka(counts: LetterCounts): boolean {
  const u = count(counts, 'ŭ');
  if (u === 0) return false;
  const foreign = count(counts, 'ąęóżwřěů');
  return u >= 2 ? foreign <= u : foreign === 0;
}

/**
 * The commonest function words of the Latin-script languages vigil reads. A sample whose words
 * name one language several times over, and far more than any other, is that language without
 * asking ELD (which costs tens of microseconds a call); anything less clear goes to ELD.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to is was for that with has have were which from this by are been will his their said',
  de: 'der die das und ist nicht mit dem den von für auf sich des eine einer wurde auch nach bei',
  fr: 'le les des est une dans pour qui sur par pas du au aux été avec son ses ont',
  it: 'il della che di gli delle nel nella per una sono stato anche dei degli alla con non',
  es: 'el los las del que en por una con para es fue su sus como al pero se',
  pt: 'os do da dos das não em um uma para com foi ao pelo pela também são seu',
  ro: 'și în cu care pentru este din la pe să nu fost lui unei acest',
  pl: 'się nie że jest przez oraz jak dla był jego które',
  cs: 'že je ve jako který která bylo byl podle také pro jsou',
  sk: 'sa že je vo ako ktorý ktorá bolo bol podľa tiež pre sú',
  hr: 'je su bio koji koja što kao iz ali prema nakon',
  sl: 'je in so bil ki kot iz tudi pa ter ob',
  lt: 'ir kad yra su iš buvo bet jo dėl taip kaip apie prie nuo',
  lv: 'un ir ar par no uz kas ka bija arī tā šo pēc vai',
  nl: 'de het een van en is dat op te zijn voor met niet werd door ook aan bij',
  sv: 'och att det som en på är av för med till den har inte om var ett vid',
  hu: 'az és hogy nem egy volt meg már csak mint ez után szerint',
  fi: 'ja on ei oli että se joka myös kun mutta ovat tai hän sen',
  et: 'ja on ei oli et see mis ka kui aga ning oma mida nagu',
  tr: 've bir bu için ile olarak olan daha gibi ancak çok sonra kadar',
};
const functionWordLanguages = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words.split(' '))
    functionWordLanguages.set(word, [...(functionWordLanguages.get(word) ?? []), language]);
}
/** Hits the winner needs, and how many times the runner-up's it must have. */
const QUICK_MIN_HITS = 6;
/** Function words are counted over this much of the text: short words need a longer sample than ELD's n-grams. */
const WORDS_SAMPLE_CHARS = 500;
const QUICK_MARGIN = 3;
const LATIN_WORD = /[a-zà-ɏ]+/g;

/** The language the function words of a Latin-script sample settle beyond doubt, else null. */
function fromFunctionWords(sample: string): string | null {
  const hits = new Map<string, number>();
  for (const [word] of sample.toLowerCase().matchAll(LATIN_WORD)) {
    const languages = functionWordLanguages.get(word);
    if (languages !== undefined)
      for (const language of languages) hits.set(language, (hits.get(language) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  let second = 0;
  for (const [language, count] of hits) {
    if (count > most) {
      second = most;
      most = count;
      best = language;
    } else if (count > second) second = count;
  }
  return most >= QUICK_MIN_HITS && most >= QUICK_MARGIN * second ? best : null;
}

function fromEld(sample: string, counts: LetterCounts): string | null {
  const found = detector().detect(sample).language;
  if (found === '') return null;
  // ELD's Serbian is Cyrillic; in Latin script the three standards share one vocabulary.
  return found === 'sr' && counts.latin > counts.cyrillic ? 'hr' : found;
}

type Script = 'latin' | 'cyrillic' | 'cjk' | 'arabic' | 'devanagari' | 'el' | 'ka' | 'hy' | 'he' | 'ko';

/** The script most of the letters are in, or null below `MIN_LETTERS`. */
function dominantScript(counts: LetterCounts): Script | null {
  const scripts: [Script, number][] = [
    ['latin', counts.latin],
    ['cyrillic', counts.cyrillic],
    ['el', counts.greek],
    ['ka', counts.georgian],
    ['hy', counts.armenian],
    ['arabic', counts.arabic],
    ['devanagari', counts.devanagari],
    ['he', counts.hebrew],
    ['cjk', counts.han + counts.kana],
    ['ko', counts.hangul],
  ];
  let script: Script | null = null;
  let most = MIN_LETTERS - 1;
  for (const [name, letters] of scripts) {
    if (letters > most) {
      script = name;
      most = letters;
    }
  }
  return script;
}

function languageOf(sample: string, counts: LetterCounts, script: Script | null): string | null {
  switch (script) {
    case null:
      return null;
    case 'latin':
      return looksLacinka(counts) ? 'be' : fromEld(sample, counts);
    case 'cyrillic':
      return cyrillicLanguage(counts) ?? fromEld(sample, counts) ?? 'ru';
    case 'cjk':
      return counts.kana > 0 ? 'ja' : 'zh';
    case 'arabic':
    case 'devanagari':
      // Persian and Urdu share the Arabic script, Marathi and Nepali the Devanagari one.
      return fromEld(sample, counts);
    default:
      return script;
  }
}

/**
 * Any language the detectors know, as an ISO 639-1 code ('be' also for Łacinka), or null when
 * the text has no letters to go by.
 */
export function identifyLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const counts = countLetters(sample, 0, sample.length);
  const script = dominantScript(counts);
  if (script === 'latin' && !looksLacinka(counts)) {
    const quick = fromFunctionWords(
      text.length > WORDS_SAMPLE_CHARS ? text.slice(0, WORDS_SAMPLE_CHARS) : text,
    );
    if (quick !== null) return quick;
  }
  return languageOf(sample, counts, script);
}

const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky']);
/** Languages whose paragraphs are told apart by counting letters (a Ukrainian story quoting Russian). */
const EAST_SLAVIC = new Set(['ru', 'uk', 'be']);

/** The script of the first letter from `from`, or null when there is none before `to`. */
function firstLetterScript(text: string, from: number, to: number): Script | null {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f))
      return 'latin';
    if (code >= 0x400 && code <= 0x4ff) return 'cyrillic';
    if (code >= 0x370 && code <= 0x3ff) return 'el';
    if (code >= 0x530) return dominantScript(countLetters(text, i, Math.min(to, i + 8)));
  }
  return null;
}

/**
 * The language of one paragraph of an item in `itemLanguage`: the item's, unless the paragraph is
 * in another script or its letters name another Cyrillic language (a Ukrainian story that quotes
 * a Russian headline). Cheap when the paragraph agrees: letters are counted, the n-gram detector
 * is only asked about a paragraph in another script.
 */
export function paragraphLanguage(
  text: string,
  from: number,
  to: number,
  itemLanguage: string | null,
): string | null {
  const end = Math.min(to, from + SAMPLE_CHARS);
  // Outside the East Slavic languages, a paragraph in the item's script is in the item's language:
  // its first letters say so without counting the rest.
  if (itemLanguage !== null && !EAST_SLAVIC.has(itemLanguage)) {
    const script = firstLetterScript(text, from, end);
    if (script === scriptOf(itemLanguage)) return itemLanguage;
  }
  const counts = countLetters(text, from, end);
  const script = dominantScript(counts);
  if (script === null) return itemLanguage;
  if (itemLanguage !== null && script === scriptOf(itemLanguage)) {
    return script === 'cyrillic' ? (cyrillicLanguage(counts) ?? itemLanguage) : itemLanguage;
  }
  return languageOf(text.slice(from, end), counts, script);
}

function scriptOf(language: string): Script {
  if (CYRILLIC_LANGUAGES.has(language)) return 'cyrillic';
  return OTHER_SCRIPTS[language] ?? 'latin';
}

const OTHER_SCRIPTS: Record<string, Script> = {
  zh: 'cjk',
  ja: 'cjk',
  ar: 'arabic',
  hi: 'devanagari',
  el: 'el',
  ka: 'ka',
  hy: 'hy',
  he: 'he',
  ko: 'ko',
};

/** The language of a text when it is one vigil knows (`LANGUAGES`), else null. */
export function detectLanguage(text: string): Language | null {
  const code = identifyLanguage(text);
  return code !== null && KNOWN.has(code) ? (code as Language) : null;
}
