/**
 * An item's words in one linear pass over title and text, with what judgement needs: the
 * sentence and paragraph of each word, where the sentence stands (head, lead, body), and the
 * typography that marks a proper name.
 */
import type { ItemField } from './classification.js';

/** Where a sentence stands: the headline (the title, or the first sentence when there is none), the lead, the rest. */
export type Position = 'head' | 'lead' | 'body';
export const POSITIONS: readonly Position[] = ['head', 'lead', 'body'];

/** Sentences of the text after the head that count as its lead. */
const LEAD_SENTENCES = 2;

export const CAPITALISED = 1;
export const ALL_CAPS = 2;
/** First word of a sentence, or right after an opening quote: capitals there say nothing. */
export const SENTENCE_START = 4;
export const QUOTED = 8;

export interface Paragraph {
  field: ItemField;
  start: number;
  end: number;
}

export interface ItemTokens {
  fields: { title: string; text: string };
  surface: string[];
  field: ItemField[];
  start: number[];
  end: number[];
  sentence: number[];
  paragraph: number[];
  flags: number[];
  /** Position of each sentence. */
  sentencePosition: Position[];
  /** Sentences of the text (not the title), for densities. */
  textSentences: number;
  paragraphs: Paragraph[];
}

/** Word characters among the first code points, looked up instead of tested. */
const TABLE_SIZE = 0x3000;
const WORD = /[\p{L}\p{M}\p{N}]/u;
const wordTable = new Uint8Array(TABLE_SIZE);
for (let code = 0; code < TABLE_SIZE; code++) wordTable[code] = WORD.test(String.fromCharCode(code)) ? 1 : 0;

function isWordCode(code: number): boolean {
  if (code < TABLE_SIZE) return wordTable[code] === 1;
  // CJK ideographs, kana, Hangul and the rest of the BMP's letters.
  return WORD.test(String.fromCharCode(code));
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

function isOpeningQuote(code: number): boolean {
  return code === 0x22 || code === 0xab || code === 0x201c || code === 0x201e || code === 0x2018;
}

function isUpper(code: number, char: string): boolean {
  if (code >= 65 && code <= 90) return true;
  if (code < 0xc0) return false;
  if (code >= 0x410 && code <= 0x42f) return true;
  if (code >= 0x430 && code <= 0x45f) return false;
  return char !== char.toLowerCase();
}

function isLower(code: number, char: string): boolean {
  if (code >= 97 && code <= 122) return true;
  if (code < 0xc0) return false;
  if (code >= 0x430 && code <= 0x45f) return true;
  if (code >= 0x410 && code <= 0x42f) return false;
  return char !== char.toUpperCase();
}

function flagsOf(word: string, sentenceStart: boolean, quoted: boolean): number {
  const first = word.charCodeAt(0);
  let flags = sentenceStart ? SENTENCE_START : 0;
  if (quoted) flags |= QUOTED;
  if (!isUpper(first, word[0] as string)) return flags;
  flags |= CAPITALISED;
  if (word.length >= 2) {
    let lower = false;
    for (let i = 1; i < word.length && !lower; i++) lower = isLower(word.charCodeAt(i), word[i] as string);
    if (!lower) flags |= ALL_CAPS;
  }
  return flags;
}

/** Appends the words of one field; returns whether the field had any. */
function scanField(tokens: ItemTokens, field: ItemField, text: string): void {
  const length = text.length;
  let sentence = tokens.sentencePosition.length;
  let sentenceOpen = false;
  let paragraphStart = 0;
  let paragraphOpen = false;
  /** A sentence end was seen since the last word: `.`, `!`, `?`, `…` or a line break. */
  let pendingEnd = false;
  let pendingLine = false;
  let quoted = false;
  let lastWordLength = 0;
  const closeParagraph = (end: number) => {
    if (paragraphOpen) tokens.paragraphs.push({ field, start: paragraphStart, end });
    paragraphOpen = false;
  };
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code)) {
      if (code === 0x0a) {
        pendingEnd = true;
        pendingLine = true;
        closeParagraph(i);
      } else if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x3002) {
        // A dot after a single letter is an initial (A. Lukashenka), not a sentence end.
        if (code !== 0x2e || lastWordLength > 1) pendingEnd = true;
      }
      quoted = isOpeningQuote(code) || (quoted && (code === 0x20 || code === 0xa0));
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < length) {
      const next = text.charCodeAt(i);
      if (isWordCode(next)) i++;
      else if (isApostrophe(next) && i + 1 < length && isWordCode(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    const word = text.slice(start, i);
    const first = word.charCodeAt(0);
    // A new sentence after an end mark when the next word looks like a start (capital, digit, quote).
    const startsSentence =
      !sentenceOpen ||
      (pendingEnd &&
        (pendingLine || quoted || isUpper(first, word[0] as string) || (first >= 48 && first <= 57)));
    if (startsSentence) {
      sentence = tokens.sentencePosition.length;
      tokens.sentencePosition.push('body');
      if (field === 'text') tokens.textSentences++;
      sentenceOpen = true;
    }
    if (!paragraphOpen) {
      paragraphOpen = true;
      paragraphStart = start;
    }
    pendingEnd = false;
    pendingLine = false;
    tokens.surface.push(word);
    tokens.field.push(field);
    tokens.start.push(start);
    tokens.end.push(i);
    tokens.sentence.push(sentence);
    tokens.paragraph.push(tokens.paragraphs.length);
    tokens.flags.push(flagsOf(word, startsSentence, quoted));
    quoted = false;
    lastWordLength = i - start;
  }
  closeParagraph(length);
}

export function tokenizeItem(title: string, text: string): ItemTokens {
  const tokens: ItemTokens = {
    fields: { title, text },
    surface: [],
    field: [],
    start: [],
    end: [],
    sentence: [],
    paragraph: [],
    flags: [],
    sentencePosition: [],
    textSentences: 0,
    paragraphs: [],
  };
  scanField(tokens, 'title', title);
  const titleSentences = tokens.sentencePosition.length;
  scanField(tokens, 'text', text);
  const positions = tokens.sentencePosition;
  let next = 0;
  if (titleSentences > 0) {
    for (; next < titleSentences; next++) positions[next] = 'head';
  } else if (positions.length > 0) positions[next++] = 'head';
  for (let lead = 0; lead < LEAD_SENTENCES && next < positions.length; lead++) positions[next++] = 'lead';
  return tokens;
}
