/**
 * Language first, then concepts: finds the language of the item and of each paragraph, matches
 * each paragraph against its own language's vocabulary only (plus the few words every language
 * writes alike, like OFAC), and turns the concepts found into the feature vector.
 */
import { identifyLanguage, paragraphLanguage } from '../text/detect-language.js';
import type { ClassifyInput } from './classification.js';
import {
  createFeatureSpace,
  type FeatureBasis,
  type FeatureSpace,
  featureBasis,
  featureVector,
} from './features.js';
import { type ItemTokens, tokenizeItem } from './item-tokens.js';
import { type ConceptHit, isNumber, LexiconMatcher } from './lexicon-matcher.js';
import type { ConceptFile, Lexicon } from './lexicon-schema.js';

/** Languages that share another's vocabulary: Serbian and Bosnian are kept with Croatian. */
const VOCABULARY_OF: Record<string, string> = { sr: 'hr', bs: 'hr' };
/** Enough of the item to tell its language. */
const LANGUAGE_SAMPLE = 500;

export interface Analysis {
  /** The item's language (the hint when one was given), or null when nothing could tell. */
  language: string | null;
  /** The language each paragraph was matched in. */
  paragraphLanguages: (string | null)[];
  tokens: ItemTokens;
  /** Concept occurrences, in token order; where two overlap the longer one alone is kept. */
  hits: ConceptHit[];
  basis: FeatureBasis;
  vector: Float64Array;
}

export interface ItemAnalyser {
  readonly space: FeatureSpace;
  /** Languages that have a vocabulary. */
  readonly languages: readonly string[];
  analyse(input: ClassifyInput): Analysis;
}

export function createItemAnalyser(concepts: ConceptFile, lexicons: readonly Lexicon[]): ItemAnalyser {
  const space = createFeatureSpace(concepts);
  const conceptIndex = new Map(space.concepts.map((id, index) => [id, index]));
  // Two concepts are allied when they carry a label in common.
  const supports = space.concepts.map((id) => concepts.concepts[id]?.supports ?? []);
  const allied = supports.map((mine) =>
    Uint8Array.from(supports, (theirs) => (mine.some((label) => theirs.includes(label)) ? 1 : 0)),
  );
  const matchers = new Map<string, LexiconMatcher>();
  const addLexicon = (matcher: LexiconMatcher, lexicon: Lexicon) => {
    for (const [concept, patterns] of Object.entries(lexicon.concepts)) {
      const index = conceptIndex.get(concept);
      if (index === undefined) throw new Error(`lexicon ${lexicon.language}: unknown concept "${concept}"`);
      for (const pattern of patterns) matcher.add(index, pattern);
    }
  };
  // Words every language writes alike (OFAC, NATO) join each language's own table, so a word is
  // looked up once; a paragraph in a language without a vocabulary gets them alone.
  const shared = lexicons.filter((lexicon) => lexicon.language === 'any');
  const everywhere = new LexiconMatcher('any', 'any');
  for (const lexicon of shared) addLexicon(everywhere, lexicon);
  for (const lexicon of lexicons) {
    if (lexicon.language === 'any') continue;
    let matcher = matchers.get(lexicon.language);
    if (matcher === undefined) {
      matcher = new LexiconMatcher(lexicon.language, lexicon.language);
      for (const common of shared) addLexicon(matcher, common);
      matchers.set(lexicon.language, matcher);
    }
    addLexicon(matcher, lexicon);
  }

  function matcherFor(language: string | null): LexiconMatcher | null {
    if (language === null) return null;
    return matchers.get(VOCABULARY_OF[language] ?? language) ?? null;
  }

  function analyse(input: ClassifyInput): Analysis {
    const title = input.title ?? '';
    const text = input.text ?? '';
    const tokens = tokenizeItem(title, text);
    const language =
      input.language ??
      identifyLanguage(title.length > 0 ? `${title}\n${text.slice(0, LANGUAGE_SAMPLE)}` : text);
    const paragraphLanguages = tokens.paragraphs.map((paragraph) =>
      tokens.paragraphs.length === 1
        ? language
        : paragraphLanguage(tokens.fields[paragraph.field], paragraph.start, paragraph.end, language),
    );
    const paragraphMatchers = paragraphLanguages.map(matcherFor);
    const found: ConceptHit[] = [];
    const count = tokens.surface.length;
    let spanEnd = 0;
    for (let index = 0; index < count; index++) {
      if (index >= spanEnd) {
        const sentence = tokens.sentence[index];
        spanEnd = index + 1;
        while (spanEnd < count && tokens.sentence[spanEnd] === sentence) spanEnd++;
      }
      // No pattern matches a number, and numbers are nearly all words new to the memo.
      const surface = tokens.surface[index] as string;
      if (isNumber(surface)) continue;
      (paragraphMatchers[tokens.paragraph[index] as number] ?? everywhere).matchAt(
        tokens,
        index,
        spanEnd,
        found,
      );
    }
    const hits = longestFirst(found, allied);
    const basis = featureBasis(space, tokens, hits);
    return { language, paragraphLanguages, tokens, hits, basis, vector: featureVector(space, tokens, basis) };
  }

  return { space, languages: [...matchers.keys()], analyse };
}

/**
 * Where occurrences overlap, the longest wins over those of another sense: "prisoner's dilemma" is
 * not "prisoner", "brand ambassador" not "ambassador", "calls for sanctions" (a charge) not
 * "sanctions". Concepts that carry the same label keep each other ("release of all political
 * prisoners" is a call, a release and political prisoners at once). Returned in token order.
 */
function longestFirst(hits: ConceptHit[], allied: readonly Uint8Array[]): ConceptHit[] {
  // Hits come in order of their first token; most items have no two that share a token.
  let reach = -1;
  let previous: ConceptHit | null = null;
  let overlapping = false;
  for (const hit of hits) {
    const sameSpan = previous !== null && previous.first === hit.first && previous.last === hit.last;
    if (hit.first <= reach && !sameSpan) {
      overlapping = true;
      break;
    }
    reach = Math.max(reach, hit.last);
    previous = hit;
  }
  if (!overlapping) return hits;
  const byLength = [...hits].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  // Few hits overlap: compare with the kept ones rather than mark every token.
  const kept: ConceptHit[] = [];
  for (const hit of byLength) {
    const length = hit.last - hit.first;
    const shadowed = kept.some(
      (other) =>
        other.first <= hit.last &&
        hit.first <= other.last &&
        other.last - other.first > length &&
        allied[other.concept]?.[hit.concept] !== 1,
    );
    if (!shadowed) kept.push(hit);
  }
  return kept.sort((a, b) => a.first - b.first || a.start - b.start);
}
