/**
 * Readable features of an item, from the concepts found in it: for each concept and each role,
 * whether it stands in the head and in the lead, in how many further sentences, and in what
 * share of them. Position and density are what tell a report from a passing mention.
 */

import type { ItemTokens, Position } from './item-tokens.js';
import type { ConceptHit } from './lexicon-matcher.js';
import type { ConceptFile } from './lexicon-schema.js';

/** Where a feature's value comes from: one concept, or one label's role (act and party in a sentence). */
export type FeatureSource =
  | { kind: 'concept'; concept: number }
  | { kind: 'role'; label: number }
  /** An act of the label's role beside a counter concept in one sentence: counts against the label. */
  | { kind: 'against'; label: number }
  /** How many distinct concepts that support the label the item holds: several signals beat one. */
  | { kind: 'breadth'; label: number }
  /** How long the item is (log2 of 1 + its sentences): lets a short item need less. */
  | { kind: 'size' };

export type FeatureAspect = 'head' | 'lead' | 'count' | 'share' | 'body' | 'bodyShare';
/**
 * Sentences beyond which size stops counting: the training items have at most 16, and a model
 * should not extrapolate its length penalty to a page capture of sixty lines.
 */
const SIZE_CAP = 16;
const ASPECTS: readonly FeatureAspect[] = ['head', 'lead', 'count', 'share', 'body', 'bodyShare'];
const ASPECT_SUFFIX: Record<FeatureAspect, string> = {
  head: '@head',
  lead: '@lead',
  count: '#',
  share: '%',
  body: '#body',
  bodyShare: '%body',
};

export interface FeatureSpace {
  labels: readonly string[];
  concepts: readonly string[];
  /** Feature names, in vector order: `sanction@head`, `role:prisoners#`, … */
  names: readonly string[];
  sources: readonly FeatureSource[];
  /** Which sentences each feature counts: the head, the lead, or all of them (count, share). */
  aspects: readonly FeatureAspect[];
  /**
   * Per label, per feature: +1 where the feature is evidence for the label (its weight is kept
   * ≥ 0), -1 where it can only count against it (weight ≤ 0), 0 for the item's size (free).
   */
  signs: readonly Int8Array[];
  /** Per label: the concepts of its role's acts, parties and counters. */
  roles: readonly { acts: Uint8Array; parties: Uint8Array; counters: Uint8Array }[];
  /** Per label: 1 for each concept that supports it. */
  supporting: readonly Uint8Array[];
}

export function createFeatureSpace(file: ConceptFile): FeatureSpace {
  const labels = file.labels;
  const concepts = Object.keys(file.concepts);
  const names: string[] = [];
  const sources: FeatureSource[] = [];
  const aspects: FeatureAspect[] = [];
  const supports: string[][] = [];
  concepts.forEach((id, concept) => {
    for (const aspect of ASPECTS) {
      names.push(`${id}${ASPECT_SUFFIX[aspect]}`);
      sources.push({ kind: 'concept', concept });
      aspects.push(aspect);
      supports.push(file.concepts[id]?.supports ?? []);
    }
  });
  const roles = labels.map((label, labelIndex) => {
    const role = file.roles[label];
    const acts = new Uint8Array(concepts.length);
    const parties = new Uint8Array(concepts.length);
    const counters = new Uint8Array(concepts.length);
    if (role !== undefined) {
      for (const act of role.acts) acts[concepts.indexOf(act)] = 1;
      for (const party of role.parties) parties[concepts.indexOf(party)] = 1;
      for (const counter of role.counters ?? []) counters[concepts.indexOf(counter)] = 1;
      for (const aspect of ASPECTS) {
        names.push(`role:${label}${ASPECT_SUFFIX[aspect]}`);
        sources.push({ kind: 'role', label: labelIndex });
        aspects.push(aspect);
        supports.push([label]);
      }
      for (const aspect of ASPECTS) {
        names.push(`against:${label}${ASPECT_SUFFIX[aspect]}`);
        sources.push({ kind: 'against', label: labelIndex });
        aspects.push(aspect);
        supports.push([]);
      }
    }
    return { acts, parties, counters };
  });
  labels.forEach((label, labelIndex) => {
    names.push(`breadth:${label}`);
    sources.push({ kind: 'breadth', label: labelIndex });
    aspects.push('count');
    supports.push([label]);
  });
  names.push('size');
  sources.push({ kind: 'size' });
  aspects.push('count');
  supports.push([]);
  const supporting = labels.map((label) =>
    Uint8Array.from(concepts, (id) => ((file.concepts[id]?.supports ?? []).includes(label) ? 1 : 0)),
  );
  // Size is no evidence either way: its weight is free.
  const signs = labels.map((label) =>
    Int8Array.from(supports, (list, feature) =>
      sources[feature]?.kind === 'size' ? 0 : list.includes(label) ? 1 : -1,
    ),
  );
  return { labels, concepts, names, sources, aspects, signs, roles, supporting };
}

/** What the features of one item were computed from: per concept and per role, the sentences it stands in. */
export interface FeatureBasis {
  /** Per concept: the distinct sentences with a hit, ascending. */
  conceptSentences: number[][];
  /** Per label: the distinct sentences holding both an act and a party of its role, ascending. */
  roleSentences: number[][];
  /** Per label: the distinct sentences holding an act and a counter of its role, ascending. */
  againstSentences: number[][];
}

/** `hits` in token order, so the sentences of each concept come ascending. */
export function featureBasis(
  space: FeatureSpace,
  tokens: ItemTokens,
  hits: readonly ConceptHit[],
): FeatureBasis {
  const conceptSentences: number[][] = space.concepts.map(() => []);
  for (const hit of hits) {
    const list = conceptSentences[hit.concept] as number[];
    const sentence = tokens.sentence[hit.first] as number;
    if (list[list.length - 1] !== sentence) list.push(sentence);
  }
  const sentenceCount = tokens.sentencePosition.length;
  const withAct = (role: { acts: Uint8Array }, others: Uint8Array): number[] => {
    const marks = new Uint8Array(sentenceCount);
    conceptSentences.forEach((sentences, concept) => {
      if (role.acts[concept] === 1) for (const sentence of sentences) marks[sentence] = 1;
    });
    conceptSentences.forEach((sentences, concept) => {
      if (others[concept] === 1)
        for (const sentence of sentences) if (marks[sentence] === 1) marks[sentence] = 2;
    });
    const both: number[] = [];
    for (let sentence = 0; sentence < sentenceCount; sentence++)
      if (marks[sentence] === 2) both.push(sentence);
    return both;
  };
  const roleSentences = space.roles.map((role) => withAct(role, role.parties));
  const againstSentences = space.roles.map((role) => withAct(role, role.counters));
  return { conceptSentences, roleSentences, againstSentences };
}

/**
 * Head and lead: present or not; count: log2(1 + the sentences that hold it); share: the part of
 * the item's sentences that hold it (1 for a one-sentence item about it, small for one mention in
 * a long story).
 */
function aspectValues(
  sentences: readonly number[],
  positions: readonly Position[],
  afterHead: number,
  out: Float64Array,
  at: number,
): void {
  if (sentences.length === 0) return;
  let head = 0;
  let lead = 0;
  for (const sentence of sentences) {
    const position = positions[sentence];
    if (position === 'head') head = 1;
    else if (position === 'lead') lead = 1;
  }
  out[at] = head;
  out[at + 1] = lead;
  out[at + 2] = Math.log2(1 + sentences.length);
  out[at + 3] = sentences.length / positions.length;
  const body = sentences.length - head;
  out[at + 4] = Math.log2(1 + body);
  out[at + 5] = afterHead === 0 ? 0 : body / afterHead;
}

export function featureVector(space: FeatureSpace, tokens: ItemTokens, basis: FeatureBasis): Float64Array {
  const vector = new Float64Array(space.names.length);
  const positions = tokens.sentencePosition;
  let afterHead = 0;
  for (const position of positions) if (position !== 'head') afterHead++;
  let at = 0;
  for (const sentences of basis.conceptSentences) {
    aspectValues(sentences, positions, afterHead, vector, at);
    at += ASPECTS.length;
  }
  space.roles.forEach((role, label) => {
    if (role.acts.some((flag) => flag === 1)) {
      aspectValues(basis.roleSentences[label] as number[], positions, afterHead, vector, at);
      at += ASPECTS.length;
      aspectValues(basis.againstSentences[label] as number[], positions, afterHead, vector, at);
      at += ASPECTS.length;
    }
  });
  // Breadth: a quarter per distinct supporting concept found anywhere in the item.
  space.supporting.forEach((flags) => {
    let present = 0;
    basis.conceptSentences.forEach((sentences, concept) => {
      if (flags[concept] === 1 && sentences.length > 0) present++;
    });
    vector[at++] = present / 4;
  });
  vector[at] = Math.log2(Math.min(positions.length, SIZE_CAP) + 1);
  return vector;
}
