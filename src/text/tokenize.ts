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

/** The rest of the BMP, filled on first sight of each code point: 0 not yet known, 1 word, 2 not. */
const bmpWordTable = new Uint8Array(0x10000);

function isWordCode(code: number): boolean {
  if (code < TABLE_SIZE) return wordTable[code] === 1;
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  let known = bmpWordTable[code] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpWordTable[code] = known;
  }
  return known === 1;
}

function isApostropheCode(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

/** " « “ „ ' ‘ ‹ */
function isOpeningQuote(code: number): boolean {
  return (
    code === 0x22 ||
    code === 0xab ||
    code === 0x201c ||
    code === 0x201e ||
    code === 0x27 ||
    code === 0x2018 ||
    code === 0x2039
  );
}

/** . ! ? : newline • – — ; */
function isSentenceEnd(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3a ||
    code === 0x0a ||
    code === 0x2022 ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x3b
  );
}

/** Space, tab, no-break space, carriage return. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x0d;
}

function isUpper(code: number, char: string): boolean {
  if (code >= 65 && code <= 90) return true;
  if ((code >= 97 && code <= 122) || (code >= 0x430 && code <= 0x45f) || code < 65) return false;
  if (code >= 0x400 && code <= 0x42f) return true;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLower(code: number, char: string): boolean {
  if ((code >= 97 && code <= 122) || (code >= 0x430 && code <= 0x45f)) return true;
  if (code <= 90 || (code >= 0x400 && code <= 0x42f)) return false;
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/** The code unit of the last character before `start` that is not a space, or -1 at the start. */
function precedingMark(text: string, start: number): number {
  for (let i = start - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (!isSpace(code)) return code;
  }
  return -1;
}

function makeToken(text: string, start: number, end: number): AnalysedToken {
  const surface = text.slice(start, end);
  const { key, fold } = wordForms(surface);
  const firstCode = surface.charCodeAt(0);
  const capitalised = isUpper(firstCode, surface[0] as string);
  const before = precedingMark(text, start);
  return {
    surface,
    key,
    fold,
    start,
    end,
    capitalised,
    acronym: capitalised && end - start > 1 && !isLower(surface.charCodeAt(1), surface[1] as string),
    sentenceStart: before < 0 || isSentenceEnd(before) || isOpeningQuote(before),
    quoted: start > 0 && isOpeningQuote(text.charCodeAt(start - 1)),
  };
}

/** The end of the word starting at `start` (a word character), one past its last code unit. */
function wordEnd(text: string, start: number): number {
  const length = text.length;
  let i = start;
  while (i < length) {
    const code = text.codePointAt(i) as number;
    if (isWordCode(code)) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    if (isApostropheCode(code) && i + 1 < length && isWordCode(text.codePointAt(i + 1) as number)) {
      i++;
      continue;
    }
    return i;
  }
  return length;
}

/** The start of the next word at or after `from`, or -1. */
function nextWordStart(text: string, from: number): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const code = text.codePointAt(i) as number;
    if (isWordCode(code)) return i;
    i += code > 0xffff ? 2 : 1;
  }
  return -1;
}

/**
 * Words are runs of letters, marks and digits; an apostrophe between two letters stays inside
 * the word (політв'язні, don't).
 */
export function analyseText(text: string): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  for (let start = nextWordStart(text, 0); start >= 0; ) {
    const end = wordEnd(text, start);
    tokens.push(makeToken(text, start, end));
    start = nextWordStart(text, end);
  }
  return tokens;
}

/** The keys of `analyseText(text)`, without building the tokens (what the search index needs). */
export function analyseKeys(text: string): string[] {
  const keys: string[] = [];
  for (let start = nextWordStart(text, 0); start >= 0; ) {
    const end = wordEnd(text, start);
    keys.push(wordForms(text.slice(start, end)).key);
    start = nextWordStart(text, end);
  }
  return keys;
}
