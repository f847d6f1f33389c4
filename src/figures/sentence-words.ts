/** A text as words (the project's tokenizer), the characters between them, and its sentences. */
import { analyseText } from '../text/tokenize.js';
import type { FoldedWords } from './phrase-matcher.js';

export interface Word {
  surface: string;
  /** Folded, transliterated, not stemmed (src/text/fold.ts). */
  fold: string;
  start: number;
  end: number;
  /** The characters between the previous word (or the start) and this one. */
  gap: string;
}

/** The words of one sentence, by index into the text's words: [first, end). */
export interface Sentence {
  first: number;
  end: number;
}

/** Abbreviations after which a full stop does not end a sentence ("ok. 30", "U.S. Treasury"). */
const ABBREVIATIONS = new Set([
  'ok',
  'tys',
  'mln',
  'mld',
  'gen',
  'dr',
  'st',
  'ul',
  'nr',
  'no',
  'ca',
  'vs',
  'im',
]);

export function readWords(text: string): Word[] {
  let previousEnd = 0;
  return analyseText(text).map((token) => {
    const word = {
      surface: token.surface,
      fold: token.fold,
      start: token.start,
      end: token.end,
      gap: text.slice(previousEnd, token.start),
    };
    previousEnd = token.end;
    return word;
  });
}

export function foldedWords(words: readonly Word[]): FoldedWords {
  return { length: words.length, fold: (index) => words[index]?.fold ?? '' };
}

function endsSentence(previous: Word, next: Word): boolean {
  const gap = next.gap;
  if (gap.includes('\n') || gap.includes('||')) return true;
  if (!/[.!?…]/.test(gap)) return false;
  if (/^[.]\s*$/.test(gap) && (previous.surface.length === 1 || ABBREVIATIONS.has(previous.fold)))
    return false;
  const first = next.surface[0] ?? '';
  return /\s/.test(gap) && (first !== first.toLowerCase() || /\d/.test(first) || /["«„“]/.test(gap));
}

export function splitSentences(words: readonly Word[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 1; i < words.length; i++) {
    if (endsSentence(words[i - 1] as Word, words[i] as Word)) {
      sentences.push({ first, end: i });
      first = i;
    }
  }
  if (words.length > 0) sentences.push({ first, end: words.length });
  return sentences;
}
