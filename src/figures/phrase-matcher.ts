/**
 * Word lists written in natural spelling, compared on folded forms (src/text/fold.ts), so one entry
 * covers Cyrillic and Łacinka, case and diacritics.
 */
import { foldWord } from '../text/fold.js';

/** One word of a phrase: its folded form, compared whole or as the start of a word. */
interface WordPattern {
  fold: string;
  prefix: boolean;
}

export type Phrase = readonly WordPattern[];

/** Phrases by the first letter of their first word: a word is compared only with the few that can match. */
export interface PhraseSet {
  readonly byFirstLetter: ReadonlyMap<string, readonly Phrase[]>;
}

/** The words the matcher compares: their folded forms, in order. */
export interface FoldedWords {
  readonly length: number;
  fold(index: number): string;
}

/**
 * `"політв|язнів"` is a prefix (the folded start of the word before `|`), checked against the whole
 * example word so that a prefix that folds differently from its word fails at load, not silently.
 * A word without `|` must match whole. Words of a phrase are separated by spaces.
 */
function compileWord(entry: string): WordPattern {
  const bar = entry.indexOf('|');
  if (bar < 0) return { fold: foldWord(entry), prefix: false };
  const head = foldWord(entry.slice(0, bar));
  const whole = foldWord(entry.replace('|', ''));
  if (head === '' || !whole.startsWith(head)) {
    throw new Error(`lexicon entry ${entry}: its prefix folds to "${head}", which does not start "${whole}"`);
  }
  return { fold: head, prefix: true };
}

export function compilePhrases(entries: readonly string[]): PhraseSet {
  const byFirstLetter = new Map<string, Phrase[]>();
  for (const entry of entries) {
    const phrase = entry.trim().split(/\s+/).map(compileWord);
    const letter = phrase[0]?.fold[0] ?? '';
    byFirstLetter.set(letter, [...(byFirstLetter.get(letter) ?? []), phrase]);
  }
  return { byFirstLetter };
}

function wordMatches(pattern: WordPattern, fold: string): boolean {
  return pattern.prefix ? fold.startsWith(pattern.fold) : fold === pattern.fold;
}

/** The length in words of the longest phrase that starts at `index`, or 0. */
export function phraseAt(words: FoldedWords, index: number, set: PhraseSet): number {
  const phrases = set.byFirstLetter.get(words.fold(index)[0] ?? '');
  if (phrases === undefined) return 0;
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.length <= best || index + phrase.length > words.length) continue;
    let matched = true;
    for (let k = 0; k < phrase.length; k++) {
      if (!wordMatches(phrase[k] as WordPattern, words.fold(index + k))) {
        matched = false;
        break;
      }
    }
    if (matched) best = phrase.length;
  }
  return best;
}

/** The index of the first word in [from, to) where a phrase starts, or -1. */
export function findPhrase(words: FoldedWords, from: number, to: number, set: PhraseSet): number {
  for (let i = Math.max(0, from); i < Math.min(to, words.length); i++) {
    if (phraseAt(words, i, set) > 0) return i;
  }
  return -1;
}
