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
  | { kind: 'cue'; id: number; topic: number; cue: number }
  | { kind: 'negation'; id: number; topic: number };

/** A context rule with its cue names resolved to the topic's cue numbers (-1: not defined). */
interface CompiledRule {
  cues: readonly number[];
  window: number | 'item';
  /** Why a term is dropped when the rule fails (requires) or holds (unless). */
  reason: string;
}

interface CompiledTerm {
  id: string;
  weight: number;
  group: string | null;
  requires: readonly CompiledRule[];
  unless: readonly CompiledRule[];
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
  cueCount: number;
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
  /** 0 for the title, 1 for the text: the order evidence and matches are listed in. */
  order: number;
  text: string;
  tokens: AnalysedToken[];
  hits: PatternHit<Owner>[];
}

/** A term occurrence and the verdict of its context rules. */
interface JudgedHit {
  field: FieldAnalysis;
  hit: PatternHit<Owner>;
  term: CompiledTerm;
  dropped: string | null;
}

interface CountedHit {
  field: FieldAnalysis;
  hit: PatternHit<Owner>;
  term: CompiledTerm;
}

/**
 * Occurrences of one cue list in one field, in token order, with the running maximum of their
 * last token: "is one within the window" is then a binary search, not a scan of every occurrence.
 */
interface SpanList {
  firsts: number[];
  maxLasts: number[];
}

/** Cue occurrences of one topic in one item, by cue number; undefined where the cue did not occur. */
interface CueOccurrences {
  title: SpanList | null;
  text: SpanList | null;
}

/** What one item holds for one topic, split out of the shared hit list. */
interface TopicHits {
  cues: (CueOccurrences | undefined)[];
  /** Last token of each negation, per field. */
  titleNegations: number[];
  textNegations: number[];
  terms: JudgedHit[];
}

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

function addSpan(list: SpanList | null, first: number, last: number): SpanList {
  if (list === null) return { firsts: [first], maxLasts: [last] };
  const previous = list.maxLasts[list.maxLasts.length - 1] as number;
  list.firsts.push(first);
  list.maxLasts.push(last > previous ? last : previous);
  return list;
}

/** Some occurrence overlaps [from, to]: its first token is at most `to` and its last at least `from`. */
function anyWithin(list: SpanList, from: number, to: number): boolean {
  const firsts = list.firsts;
  let low = 0;
  let high = firsts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((firsts[middle] as number) <= to) low = middle + 1;
    else high = middle;
  }
  return low > 0 && (list.maxLasts[low - 1] as number) >= from;
}

/**
 * Some cue of the rule occurs within `window` tokens of the match (the distance between two spans
 * is the gap between them, 0 when they overlap), or anywhere for window `item`.
 */
function ruleHolds(
  rule: CompiledRule,
  cues: readonly (CueOccurrences | undefined)[],
  field: ItemField,
  first: number,
  last: number,
): boolean {
  const window = rule.window;
  for (const cue of rule.cues) {
    const occurrences = cue < 0 ? undefined : cues[cue];
    if (occurrences === undefined) continue;
    if (window === 'item') return true;
    // The title frames the whole item: its cues count for every match in the text (except
    // for window 0, which asks for the very same words).
    if (field === 'text' && window > 0 && occurrences.title !== null) return true;
    const spans = field === 'title' ? occurrences.title : occurrences.text;
    if (spans !== null && anyWithin(spans, first - window, last + window)) return true;
  }
  return false;
}

/** A proper name: in capitals, in quotes, or capitalised but not where every word is. */
function looksProper(token: AnalysedToken): boolean {
  return token.acronym || token.quoted || (token.capitalised && !token.sentenceStart);
}

function compileRule(rule: ContextRule, cueNumbers: ReadonlyMap<string, number>, verb: string): CompiledRule {
  return {
    cues: rule.cues.map((cue) => cueNumbers.get(cue) ?? -1),
    window: rule.window,
    reason: `${verb} ${rule.cues.join('|')}`,
  };
}

/** Judged hits: counted ones first, then longer, heavier, earlier; the pattern's owner breaks ties. */
function judgedOrder(a: JudgedHit, b: JudgedHit): number {
  return (
    (a.dropped === null ? 0 : 1) - (b.dropped === null ? 0 : 1) ||
    b.hit.last - b.hit.first - (a.hit.last - a.hit.first) ||
    b.term.weight - a.term.weight ||
    a.hit.first - b.hit.first ||
    a.hit.pattern.owner.id - b.hit.pattern.owner.id
  );
}

/** Per-field marks of the tokens a counted occurrence already took; a stamp per topic, so never cleared. */
class TakenTokens {
  private title = new Int32Array(64);
  private text = new Int32Array(64);
  private stamp = 0;

  /** Starts a topic over fields of these lengths. */
  reset(titleLength: number, textLength: number): void {
    if (this.title.length < titleLength) this.title = new Int32Array(titleLength * 2);
    if (this.text.length < textLength) this.text = new Int32Array(textLength * 2);
    if (this.stamp >= 0x3fffffff) {
      this.title.fill(0);
      this.text.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** Takes tokens first..last unless one is taken already; false when it was. */
  take(field: ItemField, first: number, last: number): boolean {
    const marks = field === 'title' ? this.title : this.text;
    const stamp = this.stamp;
    for (let i = first; i <= last; i++) if (marks[i] === stamp) return false;
    for (let i = first; i <= last; i++) marks[i] = stamp;
    return true;
  }
}

export function createClassifier(topicFiles: readonly TopicFile[]): Classifier {
  const matcher = new PatternMatcher<Owner>();
  let ownerId = 0;
  const topics: CompiledTopic[] = topicFiles.map((file, topicIndex) => {
    const cueNumbers = new Map<string, number>();
    for (const [cue, patterns] of Object.entries(file.cues ?? {})) {
      const number = cueNumbers.size;
      cueNumbers.set(cue, number);
      addPatterns(matcher, patterns, { kind: 'cue', id: ownerId++, topic: topicIndex, cue: number });
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
        requires: (term.requires ?? []).map((rule) => compileRule(rule, cueNumbers, 'requires')),
        unless: (term.unless ?? []).map((rule) => compileRule(rule, cueNumbers, 'unless')),
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
      cueCount: cueNumbers.size,
    };
  });
  const topicIds = topics.map((topic) => topic.id);
  const taken = new TakenTokens();

  function analyseField(field: ItemField, order: number, text: string): FieldAnalysis {
    const tokens = analyseText(text);
    return { field, order, text, tokens, hits: matcher.findAll(tokens) };
  }

  /**
   * Hits of one item, split by topic into cue spans, negations and term occurrences; duplicates
   * (same owner, same words) dropped.
   */
  function hitsByTopic(fields: readonly FieldAnalysis[]): TopicHits[] {
    const byTopic: TopicHits[] = topics.map((topic) => ({
      cues: new Array<CueOccurrences | undefined>(topic.cueCount),
      titleNegations: [],
      textNegations: [],
      terms: [],
    }));
    for (const field of fields) {
      const isTitle = field.field === 'title';
      // Several patterns of one term can match the same words (санкци*, санкці*): keep one. Hits
      // come in order of their first token, so a duplicate is among the kept hits of that token.
      let groupStart = 0;
      let groupFirst = -1;
      const kept: PatternHit<Owner>[] = [];
      for (const hit of field.hits) {
        const owner = hit.pattern.owner;
        const length = Math.min(255, hit.last - hit.first);
        if (hit.first !== groupFirst) {
          groupFirst = hit.first;
          groupStart = kept.length;
        }
        let duplicate = false;
        for (let k = groupStart; k < kept.length; k++) {
          const other = kept[k] as PatternHit<Owner>;
          if (other.pattern.owner.id === owner.id && Math.min(255, other.last - other.first) === length) {
            duplicate = true;
            break;
          }
        }
        if (duplicate) continue;
        kept.push(hit);
        const topicHits = byTopic[owner.topic];
        if (topicHits === undefined) continue;
        if (owner.kind === 'cue') {
          const occurrences = topicHits.cues[owner.cue] ?? { title: null, text: null };
          topicHits.cues[owner.cue] = occurrences;
          if (isTitle) occurrences.title = addSpan(occurrences.title, hit.first, hit.last);
          else occurrences.text = addSpan(occurrences.text, hit.first, hit.last);
        } else if (owner.kind === 'negation') {
          (isTitle ? topicHits.titleNegations : topicHits.textNegations).push(hit.last);
        } else {
          topicHits.terms.push({
            field,
            hit,
            term: topics[owner.topic]?.terms[owner.term] as CompiledTerm,
            dropped: null,
          });
        }
      }
    }
    return byTopic;
  }

  function run(input: ClassifyInput, detailed: boolean): Explanation {
    const fields = [analyseField('title', 0, input.title ?? ''), analyseField('text', 1, input.text ?? '')];
    const byTopic = hitsByTopic(fields);
    const scores: Record<string, number> = {};
    const raw: Record<string, number> = {};
    const labels: string[] = [];
    const evidence: Evidence[] = [];
    const matches: MatchDetail[] = [];

    for (let topicIndex = 0; topicIndex < topics.length; topicIndex++) {
      const topic = topics[topicIndex] as CompiledTopic;
      const topicHits = byTopic[topicIndex] as TopicHits;
      const judged = topicHits.terms;
      if (judged.length === 0 && !detailed) {
        raw[topic.id] = 0;
        scores[topic.id] = 0;
        continue;
      }
      // Context rules first; then, among the occurrences that pass, the longest wins where two
      // overlap, so a phrase (even a zero-weight one) shadows the words inside it: "EU foreign
      // ministers" is not "foreign minister".
      for (const entry of judged) entry.dropped = checkRules(entry, topicHits);
      judged.sort(judgedOrder);
      taken.reset((fields[0] as FieldAnalysis).tokens.length, (fields[1] as FieldAnalysis).tokens.length);
      const counted: CountedHit[] = [];
      for (const { field, hit, term, dropped: ruleDrop } of judged) {
        let dropped = ruleDrop;
        if (dropped === null && !taken.take(field.field, hit.first, hit.last)) dropped = 'shadowed';
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
    }

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

function checkRules({ term, field, hit }: JudgedHit, topicHits: TopicHits): string | null {
  if (term.proper && !looksProper(field.tokens[hit.first] as AnalysedToken)) return 'not-proper';
  if (term.negatable) {
    const negations = field.field === 'title' ? topicHits.titleNegations : topicHits.textNegations;
    for (const last of negations) {
      if (last < hit.first && hit.first - last <= NEGATION_REACH) return 'negated';
    }
  }
  for (const rule of term.requires) {
    if (!ruleHolds(rule, topicHits.cues, field.field, hit.first, hit.last)) return rule.reason;
  }
  for (const rule of term.unless) {
    if (ruleHolds(rule, topicHits.cues, field.field, hit.first, hit.last)) return rule.reason;
  }
  return null;
}

function scoreOf(topic: CompiledTopic, counted: readonly CountedHit[]): number {
  // Per term: title occurrences first (they weigh more), each further one damped.
  const perTerm = new Map<CompiledTerm, number[]>();
  for (const { field, term } of counted) {
    const weight = term.weight * topic.fieldWeights[field.field];
    const list = perTerm.get(term);
    if (list === undefined) perTerm.set(term, [weight]);
    else list.push(weight);
  }
  const perGroup = new Map<string, number>();
  let total = 0;
  for (const [term, weights] of perTerm) {
    // Largest first; lists are a few entries long, so an insertion sort beats the builtin's call overhead.
    for (let i = 1; i < weights.length; i++) {
      const weight = weights[i] as number;
      let j = i - 1;
      while (j >= 0 && (weights[j] as number) < weight) {
        weights[j + 1] = weights[j] as number;
        j--;
      }
      weights[j + 1] = weight;
    }
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

/** How far to look for the ends of the sentence around a match. */
const SENTENCE_REACH = 300;

/** `.`, `!`, `?` or a newline. */
function endsSentence(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a;
}

/** The language of the sentence around a match: one word alone is often ambiguous (Посол). */
function sentenceLanguage(
  text: string,
  start: number,
  end: number,
  cache: Map<string, string | null>,
): string | null {
  let from = start;
  while (from > 0 && start - from < SENTENCE_REACH && !endsSentence(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_REACH && !endsSentence(text.charCodeAt(to))) to++;
  const sentence = text.slice(from, to);
  let language = cache.get(sentence);
  if (language === undefined) {
    language = detectLanguage(sentence);
    cache.set(sentence, language);
  }
  return language;
}

function evidenceOf(label: string, counted: readonly CountedHit[]): Evidence[] {
  // Title first, then the strongest words, so a short alert shows the telling ones.
  const ordered = [...counted].sort(
    (a, b) => a.field.order - b.field.order || b.term.weight - a.term.weight || a.hit.first - b.hit.first,
  );
  const candidates: {
    evidence: Evidence;
    termId: string;
    field: FieldAnalysis;
    start: number;
    end: number;
  }[] = [];
  // The same words (in any case) once per field.
  const seenInTitle = new Set<string>();
  const seenInText = new Set<string>();
  for (const { field, hit, term } of ordered) {
    const first = field.tokens[hit.first] as AnalysedToken;
    const last = field.tokens[hit.last] as AnalysedToken;
    const words = field.text.slice(first.start, last.end);
    const seen = field.order === 0 ? seenInTitle : seenInText;
    const id = words.toLowerCase();
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
  for (let rank = 0; rank < candidates.length && chosen.size < MAX_EVIDENCE_PER_TOPIC; rank++) {
    const candidate = candidates[rank] as (typeof candidates)[number];
    const language = sentenceLanguage(candidate.field.text, candidate.start, candidate.end, sentenceCache);
    if (!termIds.has(candidate.termId) || !languages.has(language)) chosen.add(rank);
    termIds.add(candidate.termId);
    languages.add(language);
  }
  for (let rank = 0; rank < candidates.length && chosen.size < MAX_EVIDENCE_PER_TOPIC; rank++)
    chosen.add(rank);
  return candidates.filter((_, rank) => chosen.has(rank)).map((candidate) => candidate.evidence);
}
