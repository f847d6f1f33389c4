/**
 * Compiles topic patterns once into lookup tables and finds every occurrence in a token list in
 * one pass: a token is checked only against patterns whose first word can match it.
 */
import type { AnalysedToken } from '../text/analyse.js';
import { foldKey, termKey } from '../text/analyse.js';
import { MIN_PREFIX } from './topic-schema.js';

type WordKind = 'key' | 'prefix' | 'exact';

interface CompiledWord {
  kind: WordKind;
  value: string;
  /** Written in capitals in the pattern: the token must be too (US, not us). */
  caps: boolean;
}

export interface CompiledPattern<Owner> {
  owner: Owner;
  /** The language list the pattern came from (en, ru, …, any). */
  language: string;
  source: string;
  words: CompiledWord[];
  gap: number;
}

export interface PatternHit<Owner> {
  pattern: CompiledPattern<Owner>;
  /** Index of the first and last token of the occurrence. */
  first: number;
  last: number;
}

const UPPER = /\p{Lu}/u;
const CACHE_LIMIT = 100_000;
const SEPARATORS = /[-‐‑–—.,;:!?()«»"“”„/]+/g;
const LOWER = /\p{Ll}/u;

function compileWord(word: string): CompiledWord {
  const exact = word.startsWith('=');
  const prefix = word.endsWith('*');
  const body = word.slice(exact ? 1 : 0, prefix ? -1 : undefined);
  const caps = body.length >= 2 && UPPER.test(body) && !LOWER.test(body);
  if (prefix) return { kind: 'prefix', value: prefixFold(body), caps };
  if (exact) return { kind: 'exact', value: foldKey(body), caps };
  return { kind: 'key', value: termKey(body), caps };
}

/**
 * A prefix ending in i/j after a consonant (więźni*, санкци*) loses that letter: folding drops it
 * before a vowel (więźniów → weznow), so the prefix would miss the inflected forms.
 */
function prefixFold(body: string): string {
  const folded = foldKey(body);
  return folded.length > MIN_PREFIX + 1 && /[^aeiouy][ij]$/.test(folded) ? folded.slice(0, -1) : folded;
}

function wordMatches(word: CompiledWord, token: AnalysedToken): boolean {
  if (word.caps && !token.acronym) return false;
  switch (word.kind) {
    case 'key':
      return token.key === word.value;
    case 'exact':
      return token.fold === word.value;
    case 'prefix':
      return token.fold.startsWith(word.value);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export class PatternMatcher<Owner> {
  private readonly byKey = new Map<string, CompiledPattern<Owner>[]>();
  private readonly byExact = new Map<string, CompiledPattern<Owner>[]>();
  /** First three folded letters → distinct prefixes → patterns, so shared prefixes are tested once. */
  private readonly byPrefix = new Map<string, { prefix: string; patterns: CompiledPattern<Owner>[] }[]>();
  /**
   * The patterns whose first word matches a word depend on the word alone, and news vocabularies
   * repeat: remember them per surface form (bounded).
   */
  private readonly firstWordCache = new Map<string, CompiledPattern<Owner>[]>();

  add(source: string, language: string, owner: Owner, gap = 0): void {
    // Split where the tokenizer splits text (anti-doping, U.S.), so a pattern meets the same words.
    const words = source.replace(SEPARATORS, ' ').trim().split(/\s+/).map(compileWord);
    const first = words[0];
    if (first === undefined || first.value === '') return;
    const pattern: CompiledPattern<Owner> = { owner, language, source, words, gap };
    this.firstWordCache.clear();
    if (first.kind === 'key') push(this.byKey, first.value, pattern);
    else if (first.kind === 'exact') push(this.byExact, first.value, pattern);
    else {
      const bucketKey = first.value.slice(0, MIN_PREFIX);
      const bucket = this.byPrefix.get(bucketKey) ?? [];
      this.byPrefix.set(bucketKey, bucket);
      const entry = bucket.find((candidate) => candidate.prefix === first.value);
      if (entry === undefined) bucket.push({ prefix: first.value, patterns: [pattern] });
      else entry.patterns.push(pattern);
    }
  }

  private candidates(token: AnalysedToken): CompiledPattern<Owner>[] {
    const known = this.firstWordCache.get(token.surface);
    if (known !== undefined) return known;
    const found: CompiledPattern<Owner>[] = [];
    const add = (list: CompiledPattern<Owner>[] | undefined) => {
      if (list === undefined) return;
      for (const pattern of list) {
        if (!(pattern.words[0] as CompiledWord).caps || token.acronym) found.push(pattern);
      }
    };
    add(this.byKey.get(token.key));
    add(this.byExact.get(token.fold));
    for (const entry of this.byPrefix.get(token.fold.slice(0, MIN_PREFIX)) ?? []) {
      if (token.fold.startsWith(entry.prefix)) add(entry.patterns);
    }
    if (this.firstWordCache.size >= CACHE_LIMIT) this.firstWordCache.clear();
    this.firstWordCache.set(token.surface, found);
    return found;
  }

  /** Every occurrence of every pattern, in token order. */
  findAll(tokens: readonly AnalysedToken[]): PatternHit<Owner>[] {
    const hits: PatternHit<Owner>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const list = this.candidates(tokens[i] as AnalysedToken);
      for (let p = 0; p < list.length; p++) {
        const pattern = list[p] as CompiledPattern<Owner>;
        const last = pattern.words.length === 1 ? i : matchRest(pattern, tokens, i);
        if (last >= 0) hits.push({ pattern, first: i, last });
      }
    }
    return hits;
  }
}

/** The index of the last token when the words after the first match from `start`, else -1. */
function matchRest<Owner>(
  pattern: CompiledPattern<Owner>,
  tokens: readonly AnalysedToken[],
  start: number,
): number {
  const words = pattern.words;
  let position = start;
  for (let w = 1; w < words.length; w++) {
    const word = words[w] as CompiledWord;
    const limit = Math.min(tokens.length - 1, position + 1 + pattern.gap);
    let found = -1;
    for (let next = position + 1; next <= limit; next++) {
      if (wordMatches(word, tokens[next] as AnalysedToken)) {
        found = next;
        break;
      }
    }
    if (found < 0) return -1;
    position = found;
  }
  return position;
}
