/**
 * The rule-based classifier: compiled once from topic files, then a pure function of an item.
 * Score per topic = weighted, field-weighted, repetition-damped sum of the term occurrences that
 * survive the topic's context rules; labelled at the file's threshold.
 */
import type { AnalysedToken } from '../text/analyse.js';
import { analyseText } from '../text/analyse.js';
import { detectLanguage } from '../text/detect-language.js';
import type { Classification, ClassifyInput, Evidence, ItemField } from './classification.js';
import { type PatternHit, PatternMatcher } from './pattern-matcher.js';
import type { ContextRule, PatternsByLanguage, TopicFile } from './topic-schema.js';

/**
 * Words that cancel a `negatable` term right after them, unless a topic file gives its own. All
 * lists apply to every text, so words that fold like a common word elsewhere are left out
 * (Lithuanian "be" is English "be", Belarusian "ня" folds like "на").
 */
const DEFAULT_NEGATIONS: PatternsByLanguage = {
  en: ['=not', '=no', '=never', '=without', '=nor', '=nobody', '=none'],
  ru: ['=не', '=нет', '=без', '=ни', '=никто', '=никого'],
  uk: ['=не', '=немає', '=без', '=ні', '=ніхто', '=нікого'],
  be: ['=не', '=няма', '=без', '=ні', '=ніхто', '=нікога'],
  pl: ['=nie', '=bez', '=brak', '=nikt', '=nikogo'],
  lt: ['=ne', '=nėra', '=niekas'],
};
/** How many tokens before a term a negation may stand. */
const NEGATION_REACH = 3;
const DEFAULT_FIELD_WEIGHTS = { title: 1.5, text: 1 } as const;
const DEFAULT_REPEAT_DECAY = 0.5;
/** Evidence entries kept per topic: enough to show why, short enough for an alert. */
const MAX_EVIDENCE_PER_TOPIC = 10;
const FIELDS: readonly ItemField[] = ['title', 'text'];

/** Who a pattern belongs to; `id` is unique per owner, to drop duplicate hits cheaply. */
type Owner =
  | { kind: 'term'; id: number; topic: number; term: number }
  | { kind: 'cue'; id: number; topic: number; cue: string }
  | { kind: 'negation'; id: number; topic: number };

interface CompiledTerm {
  id: string;
  weight: number;
  group: string | null;
  requires: readonly ContextRule[];
  unless: readonly ContextRule[];
  negatable: boolean;
  proper: boolean;
}

interface CompiledTopic {
  id: string;
  threshold: number;
  fieldWeights: { title: number; text: number };
  repeatDecay: number;
  groupCaps: ReadonlyMap<string, number>;
  terms: CompiledTerm[];
}

/** One occurrence of a term, counted or not, with why. */
export interface MatchDetail {
  label: string;
  termId: string;
  /** The language list of the pattern that matched. */
  language: string;
  pattern: string;
  field: ItemField;
  /** The words as written in the item. */
  term: string;
  start: number;
  end: number;
  weight: number;
  /** null when counted; otherwise why not (shadowed, negated, not-proper, requires, unless). */
  dropped: string | null;
}

export interface Explanation {
  classification: Classification;
  /** Raw (unsquashed) score per topic. */
  raw: Record<string, number>;
  matches: MatchDetail[];
}

export interface Classifier {
  /** Topic ids in label order. */
  readonly topics: readonly string[];
  classify(input: ClassifyInput): Classification;
  /** The same result plus every occurrence considered, for tests and tuning. */
  explain(input: ClassifyInput): Explanation;
}

interface FieldAnalysis {
  field: ItemField;
  text: string;
  tokens: AnalysedToken[];
  hits: PatternHit<Owner>[];
}

/** Cue occurrences of one topic: cue name → (field, first, last) spans. */
type CueSpans = Map<string, { field: ItemField; first: number; last: number }[]>;

function addPatterns(
  matcher: PatternMatcher<Owner>,
  patterns: PatternsByLanguage,
  owner: Owner,
  gap = 0,
): void {
  for (const [language, list] of Object.entries(patterns)) {
    for (const source of list) matcher.add(source, language, owner, gap);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ruleHolds(
  rule: ContextRule,
  cues: CueSpans,
  field: ItemField,
  first: number,
  last: number,
): boolean {
  for (const cue of rule.cues) {
    for (const span of cues.get(cue) ?? []) {
      if (rule.window === 'item') return true;
      // The title frames the whole item: its cues count for every match in the text (except
      // for window 0, which asks for the very same words).
      if (span.field === 'title' && field === 'text' && rule.window > 0) return true;
      if (span.field !== field) continue;
      const distance = Math.max(0, span.first - last, first - span.last);
      if (distance <= rule.window) return true;
    }
  }
  return false;
}

/** A proper name: in capitals, in quotes, or capitalised but not where every word is. */
function looksProper(token: AnalysedToken): boolean {
  return token.acronym || token.quoted || (token.capitalised && !token.sentenceStart);
}

export function createClassifier(topicFiles: readonly TopicFile[]): Classifier {
  const matcher = new PatternMatcher<Owner>();
  let ownerId = 0;
  const topics: CompiledTopic[] = topicFiles.map((file, topicIndex) => {
    for (const [cue, patterns] of Object.entries(file.cues ?? {})) {
      addPatterns(matcher, patterns, { kind: 'cue', id: ownerId++, topic: topicIndex, cue });
    }
    addPatterns(matcher, file.negations ?? DEFAULT_NEGATIONS, {
      kind: 'negation',
      id: ownerId++,
      topic: topicIndex,
    });
    const terms = file.terms.map((term, termIndex): CompiledTerm => {
      addPatterns(
        matcher,
        term.patterns,
        { kind: 'term', id: ownerId++, topic: topicIndex, term: termIndex },
        term.gap ?? 0,
      );
      return {
        id: term.id,
        weight: term.weight,
        group: term.group ?? null,
        requires: term.requires ?? [],
        unless: term.unless ?? [],
        negatable: term.negatable ?? false,
        proper: term.proper ?? false,
      };
    });
    return {
      id: file.id,
      threshold: file.threshold,
      fieldWeights: file.fieldWeights ?? DEFAULT_FIELD_WEIGHTS,
      repeatDecay: file.repeatDecay ?? DEFAULT_REPEAT_DECAY,
      groupCaps: new Map(Object.entries(file.groups ?? {}).map(([name, group]) => [name, group.cap])),
      terms,
    };
  });
  const topicIds = topics.map((topic) => topic.id);

  function analyseFields(input: ClassifyInput): FieldAnalysis[] {
    return FIELDS.map((field) => {
      const text = (field === 'title' ? input.title : input.text) ?? '';
      const tokens = analyseText(text);
      return { field, text, tokens, hits: matcher.findAll(tokens) };
    });
  }

  /** Hits of one item, split by topic, duplicates (same owner, same words) dropped. */
  function hitsByTopic(
    fields: readonly FieldAnalysis[],
  ): { field: FieldAnalysis; hit: PatternHit<Owner> }[][] {
    const byTopic: { field: FieldAnalysis; hit: PatternHit<Owner> }[][] = topics.map(() => []);
    for (const field of fields) {
      // Several patterns of one term can match the same words (санкци*, санкці*): keep one.
      const seen = new Set<number>();
      for (const hit of field.hits) {
        const owner = hit.pattern.owner;
        const id = owner.id * 2 ** 32 + hit.first * 256 + Math.min(255, hit.last - hit.first);
        if (seen.has(id)) continue;
        seen.add(id);
        byTopic[owner.topic]?.push({ field, hit });
      }
    }
    return byTopic;
  }

  function run(input: ClassifyInput, detailed: boolean): Explanation {
    const fields = analyseFields(input);
    const byTopic = hitsByTopic(fields);
    const scores: Record<string, number> = {};
    const raw: Record<string, number> = {};
    const labels: string[] = [];
    const evidence: Evidence[] = [];
    const matches: MatchDetail[] = [];

    topics.forEach((topic, topicIndex) => {
      const cues: CueSpans = new Map();
      const negations: { field: ItemField; last: number }[] = [];
      const judged: {
        field: FieldAnalysis;
        hit: PatternHit<Owner>;
        term: CompiledTerm;
        dropped: string | null;
      }[] = [];
      const termHits: { field: FieldAnalysis; hit: PatternHit<Owner>; term: CompiledTerm }[] = [];
      for (const { field, hit } of byTopic[topicIndex] ?? []) {
        const owner = hit.pattern.owner;
        if (owner.kind === 'cue') {
          const list = cues.get(owner.cue);
          const span = { field: field.field, first: hit.first, last: hit.last };
          if (list === undefined) cues.set(owner.cue, [span]);
          else list.push(span);
        } else if (owner.kind === 'negation') negations.push({ field: field.field, last: hit.last });
        else termHits.push({ field, hit, term: topic.terms[owner.term] as CompiledTerm });
      }
      if (termHits.length === 0 && !detailed) {
        raw[topic.id] = 0;
        scores[topic.id] = 0;
        return;
      }
      // Context rules first; then, among the occurrences that pass, the longest wins where two
      // overlap, so a phrase (even a zero-weight one) shadows the words inside it: "EU foreign
      // ministers" is not "foreign minister".
      for (const entry of termHits) {
        judged.push({ ...entry, dropped: checkRules(entry.term, entry.field, entry.hit, cues, negations) });
      }
      judged.sort(
        (a, b) =>
          Number(a.dropped !== null) - Number(b.dropped !== null) ||
          b.hit.last - b.hit.first - (a.hit.last - a.hit.first) ||
          b.term.weight - a.term.weight ||
          a.hit.first - b.hit.first ||
          a.hit.pattern.owner.id - b.hit.pattern.owner.id,
      );
      const taken = new Map<ItemField, Uint8Array>(
        fields.map((field) => [field.field, new Uint8Array(field.tokens.length)]),
      );
      const counted: { field: FieldAnalysis; hit: PatternHit<Owner>; term: CompiledTerm }[] = [];
      for (const { field, hit, term, dropped: ruleDrop } of judged) {
        let dropped = ruleDrop;
        if (dropped === null) {
          const used = taken.get(field.field) as Uint8Array;
          for (let i = hit.first; i <= hit.last; i++) if (used[i] === 1) dropped = 'shadowed';
          if (dropped === null) for (let i = hit.first; i <= hit.last; i++) used[i] = 1;
        }
        if (dropped === null && term.weight > 0) counted.push({ field, hit, term });
        if (detailed) {
          const first = field.tokens[hit.first] as AnalysedToken;
          const last = field.tokens[hit.last] as AnalysedToken;
          matches.push({
            label: topic.id,
            termId: term.id,
            language: hit.pattern.language,
            pattern: hit.pattern.source,
            field: field.field,
            term: field.text.slice(first.start, last.end),
            start: first.start,
            end: last.end,
            weight: term.weight,
            dropped,
          });
        }
      }

      const total = scoreOf(topic, counted);
      raw[topic.id] = round(total);
      scores[topic.id] = round(total / (total + topic.threshold));
      if (total >= topic.threshold) {
        labels.push(topic.id);
        evidence.push(...evidenceOf(topic.id, counted));
      }
    });

    if (detailed) {
      matches.sort(
        (a, b) =>
          topicIds.indexOf(a.label) - topicIds.indexOf(b.label) ||
          FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) ||
          a.start - b.start,
      );
    }
    return { classification: { labels, scores, evidence }, raw, matches };
  }

  return {
    topics: topicIds,
    classify: (input) => run(input, false).classification,
    explain: (input) => run(input, true),
  };
}

function checkRules(
  term: CompiledTerm,
  field: FieldAnalysis,
  hit: PatternHit<Owner>,
  cues: CueSpans,
  negations: readonly { field: ItemField; last: number }[],
): string | null {
  if (term.proper && !looksProper(field.tokens[hit.first] as AnalysedToken)) return 'not-proper';
  if (
    term.negatable &&
    negations.some(
      (negation) =>
        negation.field === field.field &&
        negation.last < hit.first &&
        hit.first - negation.last <= NEGATION_REACH,
    )
  ) {
    return 'negated';
  }
  for (const rule of term.requires) {
    if (!ruleHolds(rule, cues, field.field, hit.first, hit.last)) return `requires ${rule.cues.join('|')}`;
  }
  for (const rule of term.unless) {
    if (ruleHolds(rule, cues, field.field, hit.first, hit.last)) return `unless ${rule.cues.join('|')}`;
  }
  return null;
}

function scoreOf(
  topic: CompiledTopic,
  counted: readonly { field: FieldAnalysis; hit: PatternHit<Owner>; term: CompiledTerm }[],
): number {
  // Per term: title occurrences first (they weigh more), each further one damped.
  const perTerm = new Map<CompiledTerm, number[]>();
  for (const { field, term } of counted) {
    const list = perTerm.get(term) ?? [];
    list.push(term.weight * topic.fieldWeights[field.field]);
    perTerm.set(term, list);
  }
  const perGroup = new Map<string, number>();
  let total = 0;
  for (const [term, weights] of perTerm) {
    weights.sort((a, b) => b - a);
    let sum = 0;
    let factor = 1;
    for (const weight of weights) {
      sum += weight * factor;
      factor *= topic.repeatDecay;
    }
    if (term.group === null) total += sum;
    else perGroup.set(term.group, (perGroup.get(term.group) ?? 0) + sum);
  }
  for (const [group, sum] of perGroup) total += Math.min(sum, topic.groupCaps.get(group) ?? sum);
  return total;
}

const SENTENCE_END = /[.!?\n]/;
/** How far to look for the ends of the sentence around a match. */
const SENTENCE_REACH = 300;

/** The language of the sentence around a match: one word alone is often ambiguous (Посол). */
function sentenceLanguage(
  text: string,
  start: number,
  end: number,
  cache: Map<string, string | null>,
): string | null {
  let from = start;
  while (from > 0 && start - from < SENTENCE_REACH && !SENTENCE_END.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_REACH && !SENTENCE_END.test(text[to] as string)) to++;
  const sentence = text.slice(from, to);
  if (!cache.has(sentence)) cache.set(sentence, detectLanguage(sentence));
  return cache.get(sentence) ?? null;
}

function evidenceOf(
  label: string,
  counted: readonly { field: FieldAnalysis; hit: PatternHit<Owner>; term: CompiledTerm }[],
): Evidence[] {
  // Title first, then the strongest words, so a short alert shows the telling ones.
  const ordered = [...counted].sort(
    (a, b) =>
      FIELDS.indexOf(a.field.field) - FIELDS.indexOf(b.field.field) ||
      b.term.weight - a.term.weight ||
      a.hit.first - b.hit.first,
  );
  const candidates: {
    evidence: Evidence;
    termId: string;
    field: FieldAnalysis;
    start: number;
    end: number;
  }[] = [];
  const seen = new Set<string>();
  for (const { field, hit, term } of ordered) {
    const first = field.tokens[hit.first] as AnalysedToken;
    const last = field.tokens[hit.last] as AnalysedToken;
    const words = field.text.slice(first.start, last.end);
    const id = `${field.field}\u0000${words.toLowerCase()}`;
    if (seen.has(id)) continue;
    seen.add(id);
    candidates.push({
      evidence: { label, term: words, field: field.field },
      termId: term.id,
      field,
      start: first.start,
      end: last.end,
    });
  }
  if (candidates.length <= MAX_EVIDENCE_PER_TOPIC) return candidates.map((candidate) => candidate.evidence);
  // Too many: keep one of each kind of term and each sentence language first, so the evidence
  // shows the breadth of the match (a bilingual page gets words from both), then the strongest.
  const chosen = new Set<number>();
  const termIds = new Set<string>();
  const languages = new Set<string | null>();
  const sentenceCache = new Map<string, string | null>();
  candidates.forEach((candidate, rank) => {
    if (chosen.size >= MAX_EVIDENCE_PER_TOPIC) return;
    const language = sentenceLanguage(candidate.field.text, candidate.start, candidate.end, sentenceCache);
    if (!termIds.has(candidate.termId) || !languages.has(language)) chosen.add(rank);
    termIds.add(candidate.termId);
    languages.add(language);
  });
  for (let rank = 0; rank < candidates.length && chosen.size < MAX_EVIDENCE_PER_TOPIC; rank++)
    chosen.add(rank);
  return candidates.filter((_, rank) => chosen.has(rank)).map((candidate) => candidate.evidence);
}
