/**
 * The classifier: learned logistic models over the readable features of `item-analyser.ts`. A
 * label is given where its probability reaches the learned threshold and some word of the item
 * carried it; the evidence names those words, strongest feature first.
 */
import type { Classification, ClassifyInput, Evidence } from './classification.js';
import type { FeatureAspect, FeatureSpace } from './features.js';
import type { Analysis, ItemAnalyser } from './item-analyser.js';
import type { ItemTokens, Position } from './item-tokens.js';
import type { ConceptHit } from './lexicon-matcher.js';
import type { WeightsFile } from './lexicon-schema.js';
import { createLabelModels, type LabelModel, margin, sigmoid } from './linear-model.js';

/** Evidence entries kept per label: enough to show why, short enough for an alert. */
const MAX_EVIDENCE_PER_LABEL = 10;

export interface FeatureContribution {
  feature: string;
  value: number;
  weight: number;
  contribution: number;
  /** The words of the item behind the feature. */
  words: Evidence[];
}

export interface LabelExplanation {
  label: string;
  given: boolean;
  /** The reported 0..1 score: 0.5 at the threshold. */
  score: number;
  /** Log-odds: bias plus the contributions; the label needs `cut`. */
  margin: number;
  cut: number;
  bias: number;
  /** Non-zero contributions, largest first. */
  contributions: FeatureContribution[];
}

export interface ConceptOccurrence {
  concept: string;
  term: string;
  field: Evidence['field'];
  position: Position;
  language: string | null;
}

export interface Explanation {
  classification: Classification;
  language: string | null;
  paragraphLanguages: (string | null)[];
  labels: LabelExplanation[];
  /** Every concept found, in order. */
  concepts: ConceptOccurrence[];
}

export interface Classifier {
  /** Labels in contract order. */
  readonly topics: readonly string[];
  classify(input: ClassifyInput): Classification;
  /** The same result with the features that carried each label, their weights and words. */
  explain(input: ClassifyInput): Explanation;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** An item's hits grouped for explanations: by concept, and which sentences hold each role. */
interface HitIndex {
  space: FeatureSpace;
  byConcept: ConceptHit[][];
  /** Per label: 1 for a sentence that holds the role. */
  roleMarks: Uint8Array[];
  againstSentences: readonly number[][];
}

function indexHits(space: FeatureSpace, analysis: Analysis): HitIndex {
  const byConcept: ConceptHit[][] = space.concepts.map(() => []);
  for (const hit of analysis.hits) byConcept[hit.concept]?.push(hit);
  const sentences = analysis.tokens.sentencePosition.length;
  const roleMarks = analysis.basis.roleSentences.map((list) => {
    const marks = new Uint8Array(sentences);
    for (const sentence of list) marks[sentence] = 1;
    return marks;
  });
  return { space, byConcept, roleMarks, againstSentences: analysis.basis.againstSentences };
}

function countsPosition(aspect: FeatureAspect, position: Position): boolean {
  if (aspect === 'head') return position === 'head';
  if (aspect === 'lead') return position === 'lead';
  if (aspect === 'body' || aspect === 'bodyShare') return position !== 'head';
  return true;
}

/** The hits behind one feature: its concept's (or its role's acts and parties) in the sentences it counts. */
function hitsOf(space: FeatureSpace, feature: number, tokens: ItemTokens, index: HitIndex): ConceptHit[] {
  const source = space.sources[feature];
  const aspect = space.aspects[feature];
  if (source === undefined || aspect === undefined) return [];
  const counted = (hit: ConceptHit) =>
    countsPosition(aspect, tokens.sentencePosition[tokens.sentence[hit.first] as number] as Position);
  if (source.kind === 'concept') return (index.byConcept[source.concept] ?? []).filter(counted);
  if (source.kind === 'size') return [];
  if (source.kind === 'against') {
    const role = space.roles[source.label];
    const sentences = new Set(index.againstSentences[source.label]);
    if (role === undefined) return [];
    return index.byConcept
      .filter((_, concept) => role.acts[concept] === 1 || role.counters[concept] === 1)
      .flat()
      .filter((hit) => sentences.has(tokens.sentence[hit.first] as number) && counted(hit))
      .sort((a, b) => a.first - b.first);
  }
  if (source.kind === 'breadth') {
    const flags = space.supporting[source.label];
    return index.byConcept
      .filter((_, concept) => flags?.[concept] === 1)
      .flat()
      .sort((a, b) => a.first - b.first);
  }
  const role = space.roles[source.label];
  const marks = index.roleMarks[source.label];
  if (role === undefined || marks === undefined) return [];
  const found: ConceptHit[] = [];
  index.byConcept.forEach((list, concept) => {
    if (role.acts[concept] !== 1 && role.parties[concept] !== 1) return;
    for (const hit of list)
      if (marks[tokens.sentence[hit.first] as number] === 1 && counted(hit)) found.push(hit);
  });
  return found.sort((a, b) => a.first - b.first);
}

function evidenceOf(tokens: ItemTokens, hit: ConceptHit, label: string): Evidence {
  const field = tokens.field[hit.first] as Evidence['field'];
  return { label, term: tokens.fields[field].slice(hit.start, hit.end), field };
}

/**
 * The words that carried a label: the hits of every concept whose features add to it, the
 * heaviest concept first (a role's share goes to the concepts that filled it), title first, each
 * word once per field.
 */
function evidenceFor(
  model: LabelModel,
  vector: Float64Array,
  tokens: ItemTokens,
  index: HitIndex,
): Evidence[] {
  const weights = model.weights;
  const carried = new Float64Array(index.byConcept.length);
  for (const feature of model.positive) {
    const contribution = (vector[feature] as number) * (weights[feature] as number);
    if (contribution <= 0) continue;
    const source = index.space.sources[feature];
    if (source === undefined) continue;
    if (source.kind === 'concept')
      carried[source.concept] = (carried[source.concept] as number) + contribution;
    else if (source.kind === 'size' || source.kind === 'against') continue;
    else if (source.kind === 'breadth') {
      const flags = index.space.supporting[source.label];
      index.byConcept.forEach((list, concept) => {
        if (flags?.[concept] === 1 && list.length > 0)
          carried[concept] = (carried[concept] as number) + contribution;
      });
    } else {
      const role = index.space.roles[source.label];
      const marks = index.roleMarks[source.label];
      if (role === undefined || marks === undefined) continue;
      index.byConcept.forEach((list, concept) => {
        if (role.acts[concept] !== 1 && role.parties[concept] !== 1) return;
        if (list.some((hit) => marks[tokens.sentence[hit.first] as number] === 1))
          carried[concept] = (carried[concept] as number) + contribution;
      });
    }
  }
  const order = [...carried.keys()].filter((concept) => (carried[concept] as number) > 0);
  order.sort((a, b) => (carried[b] as number) - (carried[a] as number) || a - b);
  const seen = { title: new Set<string>(), text: new Set<string>() };
  const title: Evidence[] = [];
  const text: Evidence[] = [];
  for (const concept of order) {
    for (const hit of index.byConcept[concept] ?? []) {
      const entry = evidenceOf(tokens, hit, model.label);
      const words = seen[entry.field];
      if (words.has(entry.term)) continue;
      words.add(entry.term);
      (entry.field === 'title' ? title : text).push(entry);
    }
    if (title.length + text.length >= MAX_EVIDENCE_PER_LABEL) break;
  }
  return [...title, ...text];
}

export function createClassifier(analyser: ItemAnalyser, weights: WeightsFile): Classifier {
  const space = analyser.space;
  const models: LabelModel[] = createLabelModels(space, weights);

  function run(input: ClassifyInput, detailed: boolean): Explanation {
    const analysis = analyser.analyse(input);
    const { tokens, hits, vector } = analysis;
    let index: HitIndex | null = null;
    const hitIndex = () => {
      index ??= indexHits(space, analysis);
      return index;
    };
    const labels: string[] = [];
    const scores: Record<string, number> = {};
    const evidence: Evidence[] = [];
    const explained: LabelExplanation[] = [];
    for (const model of models) {
      const sum = margin(model, vector);
      const reached = sum >= model.cut;
      const contributions: { feature: number; contribution: number }[] = [];
      if (detailed) {
        for (let feature = 0; feature < vector.length; feature++) {
          const contribution = (vector[feature] as number) * (model.weights[feature] as number);
          if (contribution !== 0) contributions.push({ feature, contribution });
        }
        contributions.sort((a, b) => b.contribution - a.contribution || a.feature - b.feature);
      }
      const own = reached || detailed ? evidenceFor(model, vector, tokens, hitIndex()) : [];
      // A label needs words that carried it, not a bias alone.
      const given = reached && own.length > 0;
      const score = round(sigmoid(sum - model.cut));
      scores[model.label] = given ? Math.max(score, 0.5) : Math.min(score, 0.499);
      if (given) {
        labels.push(model.label);
        evidence.push(...own.slice(0, MAX_EVIDENCE_PER_LABEL));
      }
      if (detailed) {
        explained.push({
          label: model.label,
          given,
          score: scores[model.label] as number,
          margin: sum,
          cut: model.cut,
          bias: model.bias,
          contributions: contributions.map(({ feature, contribution }) => ({
            feature: space.names[feature] as string,
            value: vector[feature] as number,
            weight: model.weights[feature] as number,
            contribution,
            words: hitsOf(space, feature, tokens, hitIndex()).map((hit) =>
              evidenceOf(tokens, hit, model.label),
            ),
          })),
        });
      }
    }
    const concepts: ConceptOccurrence[] = detailed
      ? hits.map((hit) => {
          const entry = evidenceOf(tokens, hit, '');
          const sentence = tokens.sentence[hit.first] as number;
          return {
            concept: space.concepts[hit.concept] as string,
            term: entry.term,
            field: entry.field,
            position: tokens.sentencePosition[sentence] as Position,
            language: analysis.paragraphLanguages[tokens.paragraph[hit.first] as number] ?? null,
          };
        })
      : [];
    return {
      classification: { labels, scores, evidence },
      language: analysis.language,
      paragraphLanguages: analysis.paragraphLanguages,
      labels: explained,
      concepts,
    };
  }

  return {
    topics: space.labels,
    classify: (input) => run(input, false).classification,
    explain: (input) => run(input, true),
  };
}
