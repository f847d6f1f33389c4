/** A language-independent story signature (figures, names, topic words) and the rule that two items tell one story. */

import { aliasFor } from '../text/aliases.js';
import { equivalentKeys, termKey } from '../text/analyse.js';
import { wordForms } from '../text/word-key.js';

/** Signature keys carry their kind: `n:` a figure, `e:` a name (person, place, body), `t:` a topic word. */
export type StorySignature = readonly string[];

/** Only the lead counts: it names the story; later paragraphs drift into background. */
const LEAD_CHARS = 600;
const MAX_KEYS = 40;
const MAX_NUMBERS = 12;

/** A figure outweighs a name, a name a topic word (weight > 1: strong): figures and names tell two sanction stories apart. */
const WEIGHTS: Record<string, number> = { n: 3, e: 2, t: 1 };

/** Two items of one story share at least this many keys, at least this many of them figures or names. */
export const MIN_SHARED_KEYS = 4;
export const MIN_SHARED_STRONG_KEYS = 2;
/** ...and at least this share of the smaller signature's weight (overlap coefficient). */
export const MIN_WEIGHTED_OVERLAP = 0.5;

/** Names in nearly every Belarus item (and every sanctions item): sharing them says nothing about the story. */
const COMMON_NAMES = new Set(['belarus', 'lukashenka', 'minsk', 'usa', 'us', 'eu']);

/** Capitalised words that are not names (mid-sentence titles, months, days, function words in headlines). */
const NOT_NAMES = new Set(
  [
    'the',
    'a',
    'an',
    'of',
    'in',
    'on',
    'at',
    'to',
    'for',
    'and',
    'or',
    'by',
    'with',
    'from',
    'as',
    'is',
    'are',
    'was',
    'mr',
    'mrs',
    'ms',
    'dr',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
  ].map(termKey),
);

/** Digit groups with single separators between them: 1,160 · 1 160 · 86,6 · 14038. */
const FIGURE = /\d+(?:[.,\u00a0\u202f ]\d+)*/gu;
const YEAR = /^(19[89]\d|20[0-3]\d)$/;

/** Normalised figures: thousands separators dropped, a decimal comma read as a point; years left out (every text has dates). */
export function signatureNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const groups = match[0].split(/[.,\u00a0\u202f ]/u);
    const [head, ...rest] = groups as [string, ...string[]];
    let numbers: string[];
    if (rest.length > 0 && head.length <= 3 && rest.every((group) => group.length === 3)) {
      numbers = [groups.join('')];
    } else if (rest.length === 1 && /^\d+[.,]\d+$/.test(match[0])) {
      numbers = [`${head}.${rest[0]}`];
    } else {
      numbers = groups;
    }
    for (const number of numbers) {
      const canonical = number.includes('.') ? number : number.replace(/^0+(?=\d)/, '');
      if (canonical.replace('.', '').length >= 2 && !YEAR.test(canonical)) found.push(canonical);
    }
  }
  return found;
}

/**
 * How much of `text` is its lead: up to 600 characters, cut back to whitespace so no word or
 * figure is split (the index reads the lead and the rest apart, and must get the same words).
 */
export function leadLength(text: string): number {
  if (text.length <= LEAD_CHARS) return text.length;
  for (let i = LEAD_CHARS; i > 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0) return i;
  }
  return 0;
}

/** What a word can add to a signature, whatever its place in the text. */
interface WordClass {
  /** The word's key (what the index keeps). */
  key: string;
  /** A name from the alias table or a topic word: kept wherever the word stands. */
  fixed: string | null;
  /** The name the word would be if its capital means a name (not at a sentence start). */
  name: string | null;
  acronym: boolean;
  capitalised: boolean;
  /** A bare figure: read by `signatureNumbers`, and no word of a headline. */
  figure: boolean;
}

/** Per written word (memoised: news vocabularies repeat, and this runs on every stored item). */
const classes = new Map<string, WordClass>();
const MEMO_LIMIT = 200_000;

function classifyWord(surface: string): WordClass {
  const { key, fold } = wordForms(surface);
  const plain = { key, fixed: null, name: null, acronym: false, capitalised: false, figure: false };
  if (/^\p{N}+$/u.test(surface)) return { ...plain, figure: true };
  if (aliasFor(fold) !== null) {
    return { ...plain, fixed: COMMON_NAMES.has(key) ? null : `e:${key}`, capitalised: true };
  }
  const equivalents = equivalentKeys(key);
  if (equivalents.length > 1) {
    const canonical = equivalents.reduce((min, other) => (other < min ? other : min));
    return { ...plain, fixed: `t:${canonical}` };
  }
  const first = surface.charAt(0);
  const second = surface.charAt(1);
  const capitalised = first !== first.toLowerCase();
  const acronym = capitalised && second !== '' && second === second.toUpperCase();
  const usable = capitalised && !NOT_NAMES.has(key) && !COMMON_NAMES.has(key) && (acronym || key.length >= 3);
  return { ...plain, name: usable ? `e:${key}` : null, acronym, capitalised };
}

function wordClass(surface: string): WordClass {
  let found = classes.get(surface);
  if (found === undefined) {
    found = classifyWord(surface);
    if (classes.size >= MEMO_LIMIT) classes.clear();
    classes.set(surface, found);
  }
  return found;
}

/** Word characters as the text path has them: letters, marks, digits (a table for Latin and Cyrillic). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const TABLE_SIZE = 0x530;
const wordTable = new Uint8Array(TABLE_SIZE);
for (let code = 0; code < TABLE_SIZE; code++)
  wordTable[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0;

function isWordCode(code: number): boolean {
  return code < TABLE_SIZE ? wordTable[code] === 1 : WORD_CHAR.test(String.fromCodePoint(code));
}

const isApostrophe = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2bc;

/** After these (spaces skipped), a capital starts a sentence rather than a name. */
const SENTENCE_BREAK = new Set(['.', '!', '?', ':', '\n', '-', '–', '—', '•', '·', '"', '«', '“', '„', '(']);

function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (char === ' ' || char === '\t' || char === '\u00a0') continue;
    return SENTENCE_BREAK.has(char);
  }
  return true;
}

/** The end of the word starting at `start`: word characters, and an apostrophe between two of them. */
function wordEnd(text: string, start: number): number {
  const length = text.length;
  let i = start;
  while (i < length) {
    const code = text.codePointAt(i) as number;
    if (isWordCode(code)) i += code > 0xffff ? 2 : 1;
    else if (isApostrophe(code) && i + 1 < length && isWordCode(text.codePointAt(i + 1) as number)) i++;
    else break;
  }
  return i;
}

/** Calls `visit` with each word (as the text path splits words) and its start. */
function forEachWord(text: string, visit: (surface: string, start: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.codePointAt(i) as number;
    if (!isWordCode(code)) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i = wordEnd(text, start);
    visit(text.slice(start, i), start);
  }
}

/** Adds the text's names and topic words to the sets, and every word's key to `keys` (one pass). */
function collectKeys(
  text: string,
  useCapitals: boolean,
  names: Set<string>,
  topics: Set<string>,
  keys: string[],
): void {
  forEachWord(text, (surface, start) => {
    const found = wordClass(surface);
    keys.push(found.key);
    if (found.fixed !== null) {
      (found.fixed.charCodeAt(0) === 0x74 ? topics : names).add(found.fixed);
    } else if (found.name !== null && (found.acronym || (useCapitals && !startsSentence(text, start)))) {
      names.add(found.name);
    }
  });
}

/** An English headline In Title Case capitalises every word, so capitals say nothing there. */
function isTitleCase(title: string): boolean {
  let words = 0;
  let capitalised = 0;
  forEachWord(title, (surface) => {
    const found = wordClass(surface);
    if (found.figure) return;
    words++;
    if (found.capitalised) capitalised++;
  });
  return words >= 4 && capitalised / words >= 0.6;
}

export interface AnalysedStory {
  signature: StorySignature;
  /** The keys of every word of the title, and of the lead (`text.slice(0, leadLength)`), in order. */
  titleKeys: string[];
  leadKeys: string[];
  leadLength: number;
}

/**
 * The signature with the keys of the words it read, so the search index need not read the title
 * and the lead a second time (index-tokens.ts).
 */
export function analyseStory(title: string, text: string): AnalysedStory {
  const cut = leadLength(text);
  const lead = text.slice(0, cut);
  const numbers = new Set<string>();
  for (const number of signatureNumbers(title)) numbers.add(`n:${number}`);
  for (const number of signatureNumbers(lead)) numbers.add(`n:${number}`);
  const names = new Set<string>();
  const topics = new Set<string>();
  const titleKeys: string[] = [];
  const leadKeys: string[] = [];
  collectKeys(title, !isTitleCase(title), names, topics, titleKeys);
  collectKeys(lead, true, names, topics, leadKeys);
  const keys = [...[...numbers].slice(0, MAX_NUMBERS), ...names, ...topics].slice(0, MAX_KEYS);
  return { signature: keys.sort(), titleKeys, leadKeys, leadLength: cut };
}

/** The signature of an item: figures, then names, then topic words, title first; at most 40 keys, sorted. */
export function storySignature(title: string, text: string): StorySignature {
  return analyseStory(title, text).signature;
}

const weightOf = (key: string) => WEIGHTS[key.charAt(0)] ?? 1;
const isStrong = (key: string) => key.startsWith('n:') || key.startsWith('e:');

/** A signature too small to ever meet the rule is not worth storing or comparing. */
export function isLinkableSignature(signature: StorySignature): boolean {
  return signature.length >= MIN_SHARED_KEYS && signature.filter(isStrong).length >= MIN_SHARED_STRONG_KEYS;
}

export interface StorySimilarity {
  shared: number;
  sharedStrong: number;
  /** Shared weight over the smaller signature's weight, 0..1. */
  overlap: number;
  /** Both name figures and none of them agree: different events. */
  numbersDisagree: boolean;
}

/** A signature ready for many comparisons: its keys as a set, its weight and its count of figures. */
export interface PreparedSignature {
  keys: StorySignature;
  set: ReadonlySet<string>;
  /** Per key: its weight, and whether it is a figure. */
  weights: readonly number[];
  figures: readonly boolean[];
  weight: number;
  numbers: number;
}

export function prepareSignature(keys: StorySignature): PreparedSignature {
  let weight = 0;
  let numbers = 0;
  const weights = keys.map(weightOf);
  const figures = keys.map((key) => key.charCodeAt(0) === 0x6e);
  for (let i = 0; i < keys.length; i++) {
    weight += weights[i] as number;
    if (figures[i]) numbers++;
  }
  return { keys, set: new Set(keys), weights, figures, weight, numbers };
}

export function compareSignatures(a: PreparedSignature, b: PreparedSignature): StorySimilarity {
  let shared = 0;
  let sharedStrong = 0;
  let sharedWeight = 0;
  let sharedNumbers = 0;
  for (let i = 0; i < a.keys.length; i++) {
    if (!b.set.has(a.keys[i] as string)) continue;
    const weight = a.weights[i] as number;
    shared++;
    sharedWeight += weight;
    if (weight > 1) sharedStrong++;
    if (a.figures[i]) sharedNumbers++;
  }
  const smaller = Math.min(a.weight, b.weight);
  return {
    shared,
    sharedStrong,
    overlap: smaller === 0 ? 0 : sharedWeight / smaller,
    numbersDisagree: a.numbers > 0 && b.numbers > 0 && sharedNumbers === 0,
  };
}

export function storySimilarity(a: StorySignature, b: StorySignature): StorySimilarity {
  return compareSignatures(prepareSignature(a), prepareSignature(b));
}

/** The linking rule on signatures alone (the time window and source/language test are the caller's). */
export function isSameStory(similarity: StorySimilarity): boolean {
  return (
    !similarity.numbersDisagree &&
    similarity.shared >= MIN_SHARED_KEYS &&
    similarity.sharedStrong >= MIN_SHARED_STRONG_KEYS &&
    similarity.overlap >= MIN_WEIGHTED_OVERLAP
  );
}

/** Signatures are stored as one space-separated text (keys never hold spaces). */
export function encodeSignature(signature: StorySignature): string | null {
  return isLinkableSignature(signature) ? signature.join(' ') : null;
}

export function decodeSignature(stored: string | null): StorySignature {
  return stored === null || stored === '' ? [] : stored.split(' ');
}
