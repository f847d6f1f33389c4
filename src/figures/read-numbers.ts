/**
 * Counts in a sentence: digits with any thousands separator (1,160 / 1 160 / 1.160 / 1 160),
 * a few number words, and "1,4 тыс."; not days, years, ranges, percentages, sums or article numbers.
 */
import { THOUSANDS } from './figure-lexicon.js';
import { numberWordValue } from './number-words.js';
import { phraseAt } from './phrase-matcher.js';
import { foldedWords, type Sentence, type Word } from './sentence-words.js';

export interface NumberMention {
  /** Word indices [first, end), a multiplier word included. */
  first: number;
  end: number;
  value: number;
  /** "1,4 тыс.": rounded by its very form. */
  rounded: boolean;
}

const DIGITS = /^\d+$/;
const THREE_DIGITS = /^\d{3}$/;
/** One character between digit groups: comma, full stop, apostrophe, or a (no-break, thin) space. */
const GROUP_SEPARATOR = /^[ \u00a0\u202f\u2009.,'’]$/;
/** Before a number: it is a sum, an article or a serial number, not a count of people. */
const NOT_A_COUNT_BEFORE = /[$€£№#§]\s*$/;

function isDigits(word: Word | undefined): word is Word {
  return word !== undefined && DIGITS.test(word.surface);
}

interface DigitRun {
  end: number;
  value: number;
  decimal: boolean;
}

/** 1 448, 1,401, 1.407: groups of three after a first group of one to three digits. */
function readDigitRun(words: readonly Word[], first: number, end: number): DigitRun {
  const head = words[first] as Word;
  let text = head.surface;
  let next = first + 1;
  if (head.surface.length <= 3) {
    while (next < end) {
      const word = words[next] as Word;
      if (!THREE_DIGITS.test(word.surface) || !GROUP_SEPARATOR.test(word.gap)) break;
      text += word.surface;
      next++;
    }
  }
  const after = words[next];
  if (next === first + 1 && next < end && isDigits(after) && /^[.,]$/.test(after.gap)) {
    // 1,5 or 6,95: a decimal, never a head count by itself
    return { end: next + 1, value: Number(`${head.surface}.${after.surface}`), decimal: true };
  }
  return { end: next, value: Number(text), decimal: false };
}

/** A case ending after a hyphen (7-мю, 38-мі, 50-ies) is part of the number; "22-year-old" is not a count. */
function hyphenSuffix(words: readonly Word[], index: number, end: number): 'none' | 'ending' | 'compound' {
  const next = words[index];
  if (index >= end || next === undefined || !/^[-‑]$/.test(next.gap)) return 'none';
  if (DIGITS.test(next.surface)) return 'compound';
  return next.surface.length <= 3 && !/^[-‑]/.test(words[index + 1]?.gap ?? '') ? 'ending' : 'compound';
}

/** The numbers of one sentence that can be counts; `taken` marks words that are parts of dates. */
export function readNumbers(
  text: string,
  words: readonly Word[],
  sentence: Sentence,
  taken: ReadonlySet<number>,
): NumberMention[] {
  const mentions: NumberMention[] = [];
  const folded = foldedWords(words);
  for (let i = sentence.first; i < sentence.end; i++) {
    if (taken.has(i)) continue;
    const word = words[i] as Word;
    if (NOT_A_COUNT_BEFORE.test(word.gap)) continue;
    let end: number;
    let value: number;
    let decimal = false;
    if (DIGITS.test(word.surface)) {
      const run = readDigitRun(words, i, sentence.end);
      ({ end, value, decimal } = run);
    } else {
      const wordValue = numberWordValue(word.fold);
      if (wordValue === null || isDigits(words[i + 1])) continue;
      end = i + 1;
      value = wordValue;
      decimal = !Number.isInteger(wordValue);
    }
    const suffix = hyphenSuffix(words, end, sentence.end);
    if (suffix === 'compound') {
      i = end;
      continue;
    }
    if (suffix === 'ending') end++;
    if (/^\s?%/.test(text.slice((words[end - 1] as Word).end))) {
      i = end - 1;
      continue;
    }
    let rounded = false;
    const multiplier = end < sentence.end ? phraseAt(folded, end, THOUSANDS) : 0;
    if (multiplier > 0) {
      value = Math.round(value * 1000);
      end += multiplier;
      rounded = true;
    } else if (decimal) {
      i = end - 1;
      continue;
    }
    mentions.push({ first: i, end, value, rounded });
    i = end - 1;
  }
  return mentions;
}
