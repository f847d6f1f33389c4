/**
 * The concept lexicon: what advocacy teams ask about (release, talks, potash, sentence …), each
 * concept with its words in en, ru, uk, be, be-latn, pl, lt, de and fr, read from
 * `seeds/lexicon/*.json`. Words meet through the shared text path, so inflection and script fold.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedsPath } from '../paths.js';
import { DataFileError, readDataFile } from './data-file.js';
import { analyseKeys } from './tokenize.js';

/** The languages every concept must cover; others (cs, sk, it, …) are welcome too. */
export const LEXICON_LANGUAGES = ['en', 'ru', 'uk', 'be', 'be-latn', 'pl', 'lt', 'de', 'fr'] as const;

const Word = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^*"()]+$/u, 'a word or a phrase, without * " ( or )');
const Words = z.array(Word).min(1, 'needs at least one word');

const required = Object.fromEntries(LEXICON_LANGUAGES.map((language) => [language, Words])) as Record<
  (typeof LEXICON_LANGUAGES)[number],
  typeof Words
>;

export const LexiconConcept = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and -, e.g. "release"'),
  about: z.string().min(1),
  words: z
    .object(required)
    .catchall(Words)
    .superRefine((words, context) => {
      for (const language of Object.keys(words)) {
        if (!/^[a-z]{2,3}(-[a-z]{2,4})?$/.test(language)) {
          context.addIssue({
            code: 'custom',
            message: `"${language}" is not a language code`,
            path: [language],
          });
        }
      }
    }),
});
export type LexiconConcept = z.infer<typeof LexiconConcept>;

export const LexiconFile = z.object({
  about: z.string().optional(),
  concepts: z.array(LexiconConcept).min(1),
});
export type LexiconFile = z.infer<typeof LexiconFile>;

/** A word or phrase of a concept as the index sees it: its keys, in order. */
export interface ConceptTerm {
  language: string;
  text: string;
  keys: string[];
}

/** Shortest common start of two keys that may still name one word (ministr, minister). */
const NEAR_PREFIX = 5;
/** Most letters either key may have past that start. */
const NEAR_TAIL = 2;

/**
 * Whether two keys of a phrase's words may be one word inflected: equal, or sharing a long start
 * and differing only in a short tail (a light stemmer leaves ministra → ministr, minister as is).
 */
export function nearKey(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= NEAR_PREFIX && a.length - common <= NEAR_TAIL && b.length - common <= NEAR_TAIL;
}

/** The concepts of one or more lexicon files, indexed by the keys of their terms. */
export class Lexicon {
  readonly concepts: readonly LexiconConcept[];
  private readonly terms = new Map<string, ConceptTerm[]>();
  private readonly byKey = new Map<string, string[]>();
  /** Terms of several words, by their first key's first letters. */
  private readonly phrases = new Map<string, { keys: string[]; id: string }[]>();

  constructor(files: readonly { file: string; concepts: readonly LexiconConcept[] }[]) {
    const origin = new Map<string, string>();
    const concepts: LexiconConcept[] = [];
    for (const { file, concepts: fileConcepts } of files) {
      for (const concept of fileConcepts) {
        const other = origin.get(concept.id);
        if (other !== undefined) {
          throw new DataFileError(file, `concepts "${concept.id}": already defined in ${other}`);
        }
        origin.set(concept.id, file);
        concepts.push(concept);
        this.addTerms(concept);
      }
    }
    this.concepts = concepts;
  }

  private addTerms(concept: LexiconConcept) {
    const terms: ConceptTerm[] = [];
    const seen = new Set<string>();
    for (const [language, words] of Object.entries(concept.words)) {
      for (const text of words) {
        const keys = analyseKeys(text).filter((key) => key.length > 0);
        const joined = keys.join(' ');
        if (keys.length === 0 || seen.has(joined)) continue;
        seen.add(joined);
        terms.push({ language, text, keys });
        if (keys.length === 1) {
          const key = keys[0] as string;
          const ids = this.byKey.get(key) ?? [];
          if (!ids.includes(concept.id)) ids.push(concept.id);
          this.byKey.set(key, ids);
        } else {
          const bucket = (keys[0] as string).slice(0, NEAR_PREFIX);
          const list = this.phrases.get(bucket) ?? [];
          list.push({ keys, id: concept.id });
          this.phrases.set(bucket, list);
        }
      }
    }
    this.terms.set(concept.id, terms);
  }

  /** The concepts a one-word key belongs to (a word can belong to several: release, pardon). */
  conceptsOf(key: string): string[] {
    return this.byKey.get(key) ?? [];
  }

  /**
   * The concepts a phrase of several keys is a term of (`więźniów politycznych` → political-prisoner),
   * its words compared with `nearKey`; one key: `conceptsOf`.
   */
  conceptsOfPhrase(keys: readonly string[]): string[] {
    if (keys.length === 1) return this.conceptsOf(keys[0] as string);
    const first = keys[0] ?? '';
    const ids: string[] = [];
    for (const term of this.phrases.get(first.slice(0, NEAR_PREFIX)) ?? []) {
      if (term.keys.length !== keys.length || ids.includes(term.id)) continue;
      if (term.keys.every((key, index) => nearKey(key, keys[index] as string))) ids.push(term.id);
    }
    return ids;
  }

  /** The words and phrases of a concept, one per distinct key sequence. */
  termsOf(id: string): ConceptTerm[] {
    return this.terms.get(id) ?? [];
  }

  concept(id: string): LexiconConcept | undefined {
    return this.concepts.find((concept) => concept.id === id);
  }
}

/** Reads every `*.json` of `dir` (files starting with `_` are drafts and skipped). */
export function loadLexicon(dir: string): Lexicon {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('_'));
  } catch (error) {
    throw new DataFileError(dir, `cannot be read (${(error as Error).message})`, { cause: error });
  }
  if (names.length === 0) throw new DataFileError(dir, 'no lexicon files (*.json) in this folder');
  return new Lexicon(
    names.sort().map((name) => {
      const file = path.join(dir, name);
      return { file, concepts: readDataFile(file, LexiconFile).concepts };
    }),
  );
}

let defaultLexicon: Lexicon | null = null;

/** The lexicon of `seeds/lexicon/`, read on first use. */
export function seedLexicon(): Lexicon {
  if (defaultLexicon === null) defaultLexicon = loadLexicon(seedsPath('lexicon'));
  return defaultLexicon;
}
