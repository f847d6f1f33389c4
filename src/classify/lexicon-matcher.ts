/**
 * One language's vocabulary compiled for matching: patterns indexed by what their first word can
 * match, and each distinct word of the texts looked up once (memoised), so an item costs about
 * one map lookup per word.
 */
import { type LanguageWords, languageWords } from '../text/language-words.js';
import { ALL_CAPS, CAPITALISED, type ItemTokens, QUOTED, SENTENCE_START } from './item-tokens.js';

type WordKind = 'stem' | 'exact' | 'prefix' | 'contains';

interface CompiledWord {
  kind: WordKind;
  value: string;
  /** Written in capitals in the pattern: the word must be too (US, not us). */
  caps: boolean;
  /** Must look like a proper name. */
  proper: boolean;
}

export interface CompiledPattern {
  concept: number;
  source: string;
  words: CompiledWord[];
  /** Words that may stand before word i (index 0 unused). */
  gaps: number[];
}

/** What one written word is to one language: its forms and the patterns it may start. */
interface WordInfo {
  fold: string;
  stem: string;
  starts: CompiledPattern[];
}

/** One occurrence of a concept: tokens first..last; for `contains` in unspaced scripts, the characters. */
export interface ConceptHit {
  concept: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Up to this many words may stand between the parts of a ` ~ ` pattern. */
const LOOSE_GAP = 3;
const MEMO_LIMIT = 100_000;
const PREFIX_BUCKET = 2;
const UPPER = /\p{Lu}/u;
const SEPARATORS = /[-‐‑–—.,;:!?()«»"“”„/]+/g;
const LOWER = /\p{Ll}/u;

export class LexiconMatcher {
  readonly language: string;
  private readonly words: LanguageWords;
  private readonly byStem = new Map<string, CompiledPattern[]>();
  private readonly byFold = new Map<string, CompiledPattern[]>();
  private readonly byPrefix = new Map<string, { prefix: string; patterns: CompiledPattern[] }[]>();
  private readonly containing: { part: string; pattern: CompiledPattern }[] = [];
  private readonly memo = new Map<string, WordInfo>();

  constructor(language: string, formsOf: string) {
    this.language = language;
    this.words = languageWords(formsOf);
  }

  /** Adds one pattern of a concept. */
  add(concept: number, source: string): void {
    const words: CompiledWord[] = [];
    const gaps: number[] = [0];
    let gap = 0;
    // Split where the tokenizer splits text (anti-sanctions, U.N., RFE/RL), so a pattern meets the same words.
    for (const raw of source.replace(SEPARATORS, ' ').trim().split(/\s+/)) {
      if (raw === '~') {
        gap = LOOSE_GAP;
        continue;
      }
      if (words.length > 0) gaps.push(gap);
      gap = 0;
      words.push(this.compileWord(raw));
    }
    const pattern: CompiledPattern = { concept, source, words, gaps };
    const first = words[0] as CompiledWord;
    this.memo.clear();
    switch (first.kind) {
      case 'stem':
        push(this.byStem, first.value, pattern);
        break;
      case 'exact':
        push(this.byFold, first.value, pattern);
        break;
      case 'contains':
        this.containing.push({ part: first.value, pattern });
        break;
      case 'prefix': {
        const key = first.value.slice(0, PREFIX_BUCKET);
        const bucket = this.byPrefix.get(key) ?? [];
        this.byPrefix.set(key, bucket);
        const entry = bucket.find((candidate) => candidate.prefix === first.value);
        if (entry === undefined) bucket.push({ prefix: first.value, patterns: [pattern] });
        else entry.patterns.push(pattern);
      }
    }
  }

  private compileWord(raw: string): CompiledWord {
    let body = raw;
    const proper = body.startsWith('^');
    if (proper) body = body.slice(1);
    let kind: WordKind = 'stem';
    if (body.startsWith('=')) {
      kind = 'exact';
      body = body.slice(1);
    } else if (body.startsWith('*') && body.length > 1) {
      // `*word*`, and `*word` inside a phrase: the word contains it (clitics, compounds, unspaced scripts).
      kind = 'contains';
      body = body.slice(1, body.endsWith('*') ? -1 : undefined);
    } else if (body.endsWith('*')) {
      kind = 'prefix';
      body = body.slice(0, -1);
    }
    const caps = body.length >= 2 && UPPER.test(body) && !LOWER.test(body);
    const forms = this.words.forms(body);
    if (kind === 'stem' && !this.words.stems) kind = 'exact';
    return { kind, value: kind === 'stem' ? forms.stem : forms.fold, caps, proper };
  }

  /** The forms of a written word and the patterns it may start (memoised by the word as written). */
  info(surface: string): WordInfo {
    const known = this.memo.get(surface);
    if (known !== undefined) return known;
    const { fold, stem } = this.words.forms(surface);
    const starts: CompiledPattern[] = [];
    const add = (list: readonly CompiledPattern[] | undefined) => {
      if (list !== undefined) for (const pattern of list) starts.push(pattern);
    };
    add(this.byStem.get(stem));
    add(this.byFold.get(fold));
    for (const entry of this.byPrefix.get(fold.slice(0, PREFIX_BUCKET)) ?? []) {
      if (fold.startsWith(entry.prefix)) add(entry.patterns);
    }
    for (const { part, pattern } of this.containing) if (fold.includes(part)) starts.push(pattern);
    const info: WordInfo = { fold, stem, starts };
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(surface, info);
    return info;
  }

  /**
   * Every occurrence of every pattern starting at token `index`, appended to `hits`; a phrase
   * ends before `spanEnd`, the first token of the next sentence.
   */
  matchAt(tokens: ItemTokens, index: number, spanEnd: number, hits: ConceptHit[]): void {
    const info = this.info(tokens.surface[index] as string);
    for (const pattern of info.starts) {
      const first = pattern.words[0] as CompiledWord;
      if (!typography(first, tokens.flags[index] as number)) continue;
      let last = index;
      for (let w = 1; w < pattern.words.length && last >= 0; w++) {
        last = this.nextWord(
          pattern.words[w] as CompiledWord,
          pattern.gaps[w] as number,
          tokens,
          last,
          spanEnd,
        );
      }
      if (last < 0) continue;
      let start = tokens.start[index] as number;
      let end = tokens.end[last] as number;
      if (first.kind === 'contains' && pattern.words.length === 1 && isUnspaced(info.fold)) {
        // In Chinese or Japanese a "word" is a whole run of characters: point at the part that matched.
        const offset = (tokens.surface[index] as string).indexOf(first.value);
        if (offset >= 0) {
          start += offset;
          end = start + first.value.length;
        }
      }
      hits.push({ concept: pattern.concept, first: index, last, start, end });
    }
  }

  private nextWord(
    word: CompiledWord,
    gap: number,
    tokens: ItemTokens,
    after: number,
    spanEnd: number,
  ): number {
    const limit = Math.min(spanEnd - 1, after + 1 + gap);
    for (let next = after + 1; next <= limit; next++) {
      const surface = tokens.surface[next] as string;
      if (!typography(word, tokens.flags[next] as number) || isNumber(surface)) continue;
      if (wordMatches(word, this.info(surface))) return next;
    }
    return -1;
  }
}

/** Only ASCII digits: no pattern word is one, so a number is never looked up. */
export function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

function wordMatches(word: CompiledWord, info: WordInfo): boolean {
  switch (word.kind) {
    case 'stem':
      return info.stem === word.value;
    case 'exact':
      return info.fold === word.value;
    case 'prefix':
      return info.fold.startsWith(word.value);
    case 'contains':
      return info.fold.includes(word.value);
  }
}

/** Capitals and proper-name marks the pattern word asks for. */
function typography(word: CompiledWord, flags: number): boolean {
  if (word.caps && (flags & ALL_CAPS) === 0) return false;
  if (word.proper) {
    const capitalisedMidSentence = (flags & CAPITALISED) !== 0 && (flags & SENTENCE_START) === 0;
    return capitalisedMidSentence || (flags & (ALL_CAPS | QUOTED)) !== 0;
  }
  return true;
}

/** Han, kana or Hangul: scripts written without spaces between words. */
function isUnspaced(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x3040 && code < 0xd7b0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
