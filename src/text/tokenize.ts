/** Splits text into words in one linear pass, with the facts context rules need about each word. */
import { wordForms } from './word-key.js';

/** A word of a text with its keys and the typography around it. */
export interface AnalysedToken {
  /** The word as written. */
  surface: string;
  /** Folded, transliterated, stemmed, aliased: what the index and exact patterns compare. */
  key: string;
  /** Folded and transliterated but not stemmed: what prefix patterns compare. */
  fold: string;
  start: number;
  end: number;
  /** The first letter is upper case. */
  capitalised: boolean;
  /** Starts with two characters and no lower-case letter among them: an acronym (US, ЕС, МИДа, G7). */
  acronym: boolean;
  /** Starts the text or follows `.`, `!`, `?`, `:`, a newline, a dash or a bullet. */
  sentenceStart: boolean;
  /** Directly preceded by an opening quote mark. */
  quoted: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Word characters among the first code points (Latin, Greek, Cyrillic), looked up instead of tested. */
const TABLE_SIZE = 0x530;
const wordTable = new Uint8Array(TABLE_SIZE);
for (let code = 0; code < TABLE_SIZE; code++)
  wordTable[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0;

function isWordCode(code: number): boolean {
  if (code < TABLE_SIZE) return wordTable[code] === 1;
  return WORD_CHAR.test(String.fromCodePoint(code));
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);
const OPENING_QUOTES = new Set(['"', '«', '“', '„', "'", '‘', '‹']);
const SENTENCE_ENDS = new Set(['.', '!', '?', ':', '\n', '•', '–', '—', ';']);
const SPACES = new Set([' ', '\t', '\u00a0', '\r']);

function isUpper(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if ((code >= 97 && code <= 122) || (code >= 0x430 && code <= 0x45f) || code < 65) return false;
  if (code >= 0x400 && code <= 0x42f) return true;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLower(char: string): boolean {
  const code = char.charCodeAt(0);
  if ((code >= 97 && code <= 122) || (code >= 0x430 && code <= 0x45f)) return true;
  if (code <= 90 || (code >= 0x400 && code <= 0x42f)) return false;
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

function precedingMark(text: string, start: number): string | null {
  for (let i = start - 1; i >= 0; i--) {
    const char = text[i] as string;
    if (!SPACES.has(char)) return char;
  }
  return null;
}

function makeToken(text: string, start: number, end: number): AnalysedToken {
  const surface = text.slice(start, end);
  const { key, fold } = wordForms(surface);
  const first = surface[0] as string;
  const second = surface[1];
  const mark = start > 0 ? (text[start - 1] as string) : null;
  const before = precedingMark(text, start);
  const capitalised = isUpper(first);
  return {
    surface,
    key,
    fold,
    start,
    end,
    capitalised,
    acronym: capitalised && second !== undefined && !isLower(second),
    sentenceStart: before === null || SENTENCE_ENDS.has(before) || OPENING_QUOTES.has(before),
    quoted: mark !== null && OPENING_QUOTES.has(mark),
  };
}

/**
 * Words are runs of letters, marks and digits; an apostrophe between two letters stays inside
 * the word (політв'язні, don't).
 */
export function analyseText(text: string): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  const length = text.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    const code = text.codePointAt(i) as number;
    if (isWordCode(code)) {
      if (start < 0) start = i;
      if (code > 0xffff) i++;
      continue;
    }
    if (
      start >= 0 &&
      APOSTROPHES.has(code) &&
      i + 1 < length &&
      isWordCode(text.codePointAt(i + 1) as number)
    )
      continue;
    if (start >= 0) {
      tokens.push(makeToken(text, start, i));
      start = -1;
    }
    if (code > 0xffff) i++;
  }
  if (start >= 0) tokens.push(makeToken(text, start, length));
  return tokens;
}
