/**
 * Reads figures out of one item: political prisoners counted, people released or pardoned in one
 * event, persons and entities designated. Each comes with its date, who counted or decided it, and
 * the sentence it was read from. Pure: no I/O, no logging.
 */
import type { ItemField } from '../classify/classification.js';
import type { Figure, FigureKind, FigureSource } from './figure.js';
import {
  APPROXIMATORS,
  BOUNDS,
  DESIGNATION_NOUNS,
  DETENTION_CUES,
  ENTITIES,
  GROUPS,
  LIST_STATE_CUES,
  LISTING_CUES,
  MEASURES,
  OFFICIALS,
  OTHERS,
  PEOPLE,
  POLITICAL_PRISONERS,
  RELEASABLE_PEOPLE,
  RELEASE_CUES,
  SANCTION_CUES,
  SUBSET_MARKERS,
} from './figure-lexicon.js';
import { authorityNear, counterNear } from './named-bodies.js';
import { type FoldedWords, findPhrase, type PhraseSet, phraseAt } from './phrase-matcher.js';
import { type NumberMention, readNumbers } from './read-numbers.js';
import { foldedWords, readWords, type Sentence, splitSentences, type Word } from './sentence-words.js';
import { findTextDates, type TextDate } from './text-date.js';

/** What a number counts, from the noun after it. */
type Counted = 'political-prisoners' | 'releasable' | 'people' | 'officials' | 'entities' | 'designations';

interface CountedNoun {
  counted: Counted;
  /** Word index just past the noun. */
  end: number;
  /** "Lukashenka and 35 other officials": the one named before them counts too. */
  plusOne: boolean;
}

interface Candidate {
  kind: FigureKind;
  mention: NumberMention;
  noun: CountedNoun;
  approximate: boolean;
}

/** Nouns are looked for this many words after the number: "22 wysokich rangą białoruskich oficerów". */
const NOUN_REACH = 5;
/** A release word this many words before the number or after its noun belongs to it. */
const CUE_REACH_BEFORE = 8;
const CUE_REACH_AFTER = 6;
/** Punctuation that ends a phrase: the noun or cue beyond it speaks of something else. */
const PHRASE_BREAK = /[,;:()[\]«»"“”„—–]|\s-\s/;
const CLAUSE_BREAK = /[;:()[\]—–]|\s-\s/;

/** Words that join the parts of one designation: "19 individuals, 14 entities and one aircraft". */
const JOINERS = new Set([
  'and',
  'as',
  'well',
  'plus',
  'i',
  'и',
  'і',
  'та',
  'а',
  'также',
  'таксама',
  'oraz',
  'także',
  'und',
  'sowie',
  'et',
  'e',
  'y',
  'și',
  'şi',
  'ir',
  'a',
  'ainsi',
  'que',
  "qu'à",
  'qu’à',
]);

const CATEGORY_ORDER: readonly [PhraseSet, Counted][] = [
  [POLITICAL_PRISONERS, 'political-prisoners'],
  [ENTITIES, 'entities'],
  [DESIGNATION_NOUNS, 'designations'],
  [OFFICIALS, 'officials'],
  [RELEASABLE_PEOPLE, 'releasable'],
  [PEOPLE, 'people'],
];

/** Words skipped between a number and its noun: "30 de deţinuţi", "157 de ses proches". */
const LINKING = new Set(['de', 'ses', 'des', 'di', 'del']);
/** "one of the detainees", "14 из них": a part of a group, not a count. */
const PARTITIVE = new Set(['of', 'iz', 'z']);

function countedNoun(
  words: readonly Word[],
  folded: FoldedWords,
  mention: NumberMention,
  end: number,
): CountedNoun | null {
  let plusOne = false;
  if (PARTITIVE.has(words[mention.end]?.fold ?? '')) return null;
  const limit = Math.min(end, mention.end + NOUN_REACH);
  for (let k = mention.end; k < limit; k++) {
    const word = words[k] as Word;
    if (k > mention.end && PHRASE_BREAK.test(word.gap)) return null;
    if (/^\d/.test(word.surface)) return null;
    if (phraseAt(folded, k, MEASURES) > 0) return null;
    if (phraseAt(folded, k, GROUPS) > 0) return null;
    const otherWords = phraseAt(folded, k, OTHERS);
    if (otherWords > 0) {
      plusOne = true;
      k += otherWords - 1;
      continue;
    }
    for (const [phrases, counted] of CATEGORY_ORDER) {
      const length = phraseAt(folded, k, phrases);
      if (length > 0) return { counted, end: k + length, plusOne };
    }
    if (LINKING.has(word.fold)) continue;
  }
  return null;
}

/** A phrase that ends right where the number starts ("more than 100", "около 30"). */
function endsAt(folded: FoldedWords, at: number, from: number, phrases: PhraseSet): boolean {
  for (let length = 1; length <= 3 && at - length >= from; length++) {
    if (phraseAt(folded, at - length, phrases) === length) return true;
  }
  return false;
}

/** "including 14", "wśród 14", "14 of whom": a part of a count the sentence gives elsewhere. */
function isSubset(
  words: readonly Word[],
  folded: FoldedWords,
  mention: NumberMention,
  sentence: Sentence,
): boolean {
  const from = Math.max(sentence.first, mention.first - 4);
  for (let k = mention.first - 1; k >= from; k--) {
    if (phraseAt(folded, k, SUBSET_MARKERS) > 0) return true;
    if (CLAUSE_BREAK.test((words[k + 1] as Word).gap)) break;
  }
  return mention.end < sentence.end && phraseAt(folded, mention.end, SUBSET_MARKERS) > 0;
}

/** A cue near the number: before it in the same clause, or just after its noun. */
function cueNear(
  words: readonly Word[],
  folded: FoldedWords,
  cues: PhraseSet,
  mention: NumberMention,
  nounEnd: number,
  sentence: Sentence,
): boolean {
  for (let k = mention.first - 1; k >= Math.max(sentence.first, mention.first - CUE_REACH_BEFORE); k--) {
    if (CLAUSE_BREAK.test((words[k + 1] as Word).gap)) break;
    if (/^\d/.test((words[k] as Word).surface)) break;
    if (phraseAt(folded, k, cues) > 0) return true;
  }
  const limit = Math.min(sentence.end, nounEnd + CUE_REACH_AFTER);
  for (let k = nounEnd; k < limit; k++) {
    if (/^\d/.test((words[k] as Word).surface)) break;
    if (phraseAt(folded, k, cues) > 0) return true;
  }
  return false;
}

/** "Lukashenka and 35 officials", "Loukachenko ainsi qu'à 157 de ses proches": the named one counts too. */
function afterNamed(words: readonly Word[], mention: NumberMention, sentence: Sentence): boolean {
  let k = mention.first - 1;
  let joiners = 0;
  while (k > sentence.first && joiners < 2 && JOINERS.has((words[k] as Word).surface.toLowerCase())) {
    if (/[.;:]/.test((words[k + 1] as Word).gap)) return false;
    joiners++;
    k--;
  }
  const name = words[k];
  if (joiners === 0 || name === undefined || k <= sentence.first) return false;
  const first = name.surface[0] ?? '';
  return first !== first.toLowerCase() && !/[.;:,]/.test((words[k + 1] as Word).gap);
}

interface FieldContext {
  field: ItemField;
  text: string;
  words: Word[];
  folded: FoldedWords;
  /** The item speaks of sanctions somewhere (title or text); asked only when a sentence needs it. */
  itemSanctions: () => boolean;
}

function classify(
  context: FieldContext,
  sentence: Sentence,
  mention: NumberMention,
  sanctionSentence: boolean,
): Candidate | null {
  const { words, folded } = context;
  if (endsAt(folded, mention.first, sentence.first, BOUNDS)) return null;
  if (isSubset(words, folded, mention, sentence)) return null;
  const noun = countedNoun(words, folded, mention, sentence.end);
  if (noun === null) return null;
  const approximate = mention.rounded || endsAt(folded, mention.first, sentence.first, APPROXIMATORS);
  const { counted } = noun;
  if (cueNear(words, folded, RELEASE_CUES, mention, noun.end, sentence)) {
    const releasable = counted === 'political-prisoners' || counted === 'releasable' || counted === 'people';
    return releasable ? { kind: 'released', mention, noun, approximate } : null;
  }
  if (cueNear(words, folded, DETENTION_CUES, mention, noun.end, sentence)) return null;
  if (counted === 'political-prisoners') return { kind: 'prisoners', mention, noun, approximate };
  if (sanctionSentence && counted !== 'releasable') {
    const named = afterNamed(words, mention, sentence) && !noun.plusOne;
    return { kind: 'designations', mention, noun: named ? { ...noun, plusOne: true } : noun, approximate };
  }
  return null;
}

/** Parts of one designation stand next to each other, joined by "and" or a comma. */
function joined(words: readonly Word[], previous: Candidate, next: Candidate): boolean {
  for (let k = previous.noun.end; k < next.mention.first; k++) {
    const word = words[k] as Word;
    if (!JOINERS.has(word.surface.toLowerCase())) return false;
  }
  return (
    next.mention.first - previous.noun.end <= 3 && !/[.;:]/.test((words[next.mention.first] as Word).gap)
  );
}

function mergeDesignations(words: readonly Word[], candidates: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const candidate of candidates) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (
      candidate.kind === 'designations' &&
      previous?.kind === 'designations' &&
      last !== undefined &&
      joined(words, previous, candidate)
    ) {
      last.push(candidate);
    } else {
      groups.push([candidate]);
    }
  }
  return groups;
}

function nearestDate(dates: readonly TextDate[], mention: NumberMention): TextDate | null {
  let best: TextDate | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const date of dates) {
    // A date before the number reads "on 31 December, 1,448"; one after it is weighed a little less.
    const distance =
      date.end <= mention.first ? mention.first - date.end : (date.first - mention.end) * 1.5 + 1;
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}

function sentenceSpan(context: FieldContext, sentence: Sentence): { start: number; end: number } {
  const first = context.words[sentence.first] as Word;
  const last = context.words[sentence.end - 1] as Word;
  const end = Math.min(
    context.text.length,
    last.end + (/^[.!?…]/.test(context.text.slice(last.end)) ? 1 : 0),
  );
  return { start: first.start, end };
}

function figuresOfSentence(context: FieldContext, sentence: Sentence, source: FigureSource): Figure[] {
  const { words, folded } = context;
  const dates = findTextDates(words, sentence, source.publishedAt);
  const taken = new Set<number>();
  for (const date of dates) for (let k = date.first; k < date.end; k++) taken.add(k);
  const mentions = readNumbers(context.text, words, sentence, taken);
  if (mentions.length === 0) return [];

  const strongSanctions = findPhrase(folded, sentence.first, sentence.end, SANCTION_CUES) >= 0;
  const listing = findPhrase(folded, sentence.first, sentence.end, LISTING_CUES) >= 0;
  const listState = findPhrase(folded, sentence.first, sentence.end, LIST_STATE_CUES) >= 0;
  const sanctionSentence = (strongSanctions || (listing && context.itemSanctions())) && !listState;

  const candidates = mentions
    .map((mention) => classify(context, sentence, mention, sanctionSentence))
    .filter((candidate): candidate is Candidate => candidate !== null);
  const span = sentenceSpan(context, sentence);
  const quote = context.text.slice(span.start, span.end);
  return mergeDesignations(words, candidates).map((group) => {
    const head = group[0] as Candidate;
    const offset = (words[head.mention.first] as Word).start;
    const textDate = nearestDate(dates, head.mention);
    let value = 0;
    let persons = 0;
    let entities = 0;
    for (const part of group) {
      const count = part.mention.value + (part.noun.plusOne ? 1 : 0);
      value += count;
      if (part.noun.counted === 'entities') entities += count;
      else if (part.noun.counted !== 'designations') persons += count;
    }
    const publishedDay = new Date(source.publishedAt).toISOString().slice(0, 10);
    const by =
      head.kind === 'designations'
        ? (authorityNear(quote, offset - span.start) ?? authorityNear(source.title, source.title.length))
        : head.kind === 'prisoners'
          ? counterNear(quote, offset - span.start)
          : null;
    return {
      kind: head.kind,
      value,
      approximate: group.some((part) => part.approximate),
      date: textDate?.date ?? publishedDay,
      datePrecision: textDate?.precision ?? 'day',
      dateFromText: textDate !== null,
      by,
      parts: head.kind === 'designations' && group.length > 1 ? { persons, entities } : null,
      itemId: source.itemId,
      span: { field: context.field, start: span.start, end: span.end, quote },
    };
  });
}

function fieldContext(field: ItemField, text: string, itemSanctions: () => boolean): FieldContext {
  const words = readWords(text);
  return { field, text, words, folded: foldedWords(words), itemSanctions };
}

/**
 * The figures of one item, at most one per kind, value and date: the text's reading wins over the
 * title's, which usually restates it with less context.
 */
export function extractFigures(source: FigureSource): Figure[] {
  let speaksOfSanctions: boolean | null = null;
  const itemSanctions = (): boolean => {
    speaksOfSanctions ??= [title, text].some(
      (context) => findPhrase(context.folded, 0, context.words.length, SANCTION_CUES) >= 0,
    );
    return speaksOfSanctions;
  };
  const title = fieldContext('title', source.title, itemSanctions);
  const text = fieldContext('text', source.text, itemSanctions);
  const figures: Figure[] = [];
  const seen = new Set<string>();
  for (const context of [text, title]) {
    for (const sentence of splitSentences(context.words)) {
      for (const figure of figuresOfSentence(context, sentence, source)) {
        const key = `${figure.kind}:${figure.value}:${figure.date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        figures.push(figure);
      }
    }
  }
  // "52 released" in the title and "on 11 September, 52 were released" below are one event.
  const dated = new Set(figures.filter((f) => f.dateFromText).map((f) => `${f.kind}:${f.value}`));
  return figures.filter((f) => f.dateFromText || !dated.has(`${f.kind}:${f.value}`));
}
