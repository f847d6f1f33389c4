/**
 * The one text-analysis path shared by the classifier, the search index and keyword watches:
 * NFKC normalisation, case and diacritic folding, Cyrillic/Łacinka/Polish transliteration to one
 * Latin key, tokenising, stemming (Snowball for English and Russian, light rules for Ukrainian,
 * Belarusian, Łacinka, Polish, Lithuanian) and the alias table of names.
 */
import { defaultEquivalences } from './equivalents.js';
import { analyseKeys, analyseText } from './tokenize.js';
import { wordForms } from './word-key.js';

export type { AnalysedToken } from './tokenize.js';
export { analyseText } from './tokenize.js';

export interface Token {
  /** The word as written. */
  surface: string;
  /** The comparable key: folded, transliterated to one script, stemmed, aliased. */
  key: string;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  return analyseText(text).map(({ surface, key, start, end }) => ({ surface, key, start, end }));
}

/** The key of one word. */
export function termKey(word: string): string {
  return wordForms(word.trim()).key;
}

/** The folded, unstemmed form of one word (what prefix patterns compare). */
export function foldKey(word: string): string {
  return wordForms(word.trim()).fold;
}

/** The keys to index for a text, in order (duplicates kept, so phrases can be matched). */
export function indexKeys(text: string): string[] {
  return analyseKeys(text);
}

/**
 * Keys that mean the same across languages (sanctions ~ санкции ~ sankcje), including `key`
 * itself first. Equivalents come from the topic files' `equivalents` lists; only single words.
 */
export function equivalentKeys(key: string): string[] {
  const keys = defaultEquivalences().get(key);
  return keys === undefined ? [key] : [...keys];
}
