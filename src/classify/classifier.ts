/**
 * The classifier: learned logistic models over the readable features of `item-analyser.ts`. A
 * label is given where its probability reaches the learned threshold and some word of the item
 * carried it; the evidence names those words, strongest feature first.
 */
import type { Classification, ClassifyInput, Evidence } from './classification.js';
import type { FeatureSpace } from './features.js';
import type { ItemAnalyser } from './item-analyser.js';
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

/** The hits behind one feature: its concept's (or its role's acts and parties) in the sentences it counts. */
function hitsOf(
  space: FeatureSpace,
  feature: number,
  tokens: ItemTokens,
  hits: readonly ConceptHit[],
  roleSentences: readonly Set<number>[],
): ConceptHit[] {
  const source = space.sources[feature];
  const name = space.names[feature] as string;
  if (source === undefined) return [];
  const wanted = (position: Position) =>
    name.endsWith('@head') ? position === 'head' : name.endsWith('@lead') ? position === 'lead' : position !== 'head';
  return hits.filter((hit) => {
    const sentence = tokens.sentence[hit.first] as number;
    if (!wanted(tokens.sentencePosition[sentence] as Position)) return false;
    if (source.kind === 'concept') return hit.concept === source.concept;
    const role = space.roles[source.label];
    return (
      role !== undefined &&
      (role.acts[hit.concept] === 1 || role.parties[hit.concept] === 1) &&
      (roleSentences[source.label]?.has(sentence) ?? false)
    );
  });
}

function evidenceOf(tokens: ItemTokens, hit: ConceptHit, label: string): Evidence {
  const field = tokens.field[hit.first] as Evidence['field'];
  return { label, term: tokens.fields[field].slice(hit.start, hit.end), field };
}

export function createClassifier(analyser: ItemAnalyser, weights: WeightsFile): Classifier {
  const space = analyser.space;
  const models: LabelModel[] = createLabelModels(space, weights);

  function run(input: ClassifyInput, detailed: boolean): Explanation {
    const analysis = analyser.analyse(input);
    const { tokens, hits, vector, basis } = analysis;
    const labels: string[] = [];
    const scores: Record<string, number> = {};
    const evidence: Evidence[] = [];
    const explained: LabelExplanation[] = [];
    for (const model of models) {
      const sum = margin(model, vector);
      const contributions: { feature: number; contribution: number }[] = [];
      for (let feature = 0; feature < vector.length; feature++) {
        const contribution = (vector[feature] as number) * (model.weights[feature] as number);
        if (contribution !== 0) contributions.push({ feature, contribution });
      }
      contributions.sort((a, b) => b.contribution - a.contribution || a.feature - b.feature);
      const reached = sum >= model.cut;
      const own: Evidence[] = [];
      if (reached || detailed) {
        // Title first, then by the weight of the feature that carried the words.
        const seen = new Set<string>();
        for (const { feature, contribution } of contributions) {
          if (contribution <= 0) break;
          for (const hit of hitsOf(space, feature, tokens, hits, basis.roleSentences)) {
            const entry = evidenceOf(tokens, hit, model.label);
            const key = `${entry.field}\u0000${entry.term.toLowerCase()}`;
            if (seen.has(key)) continue;
            seen.add(key);
            own.push(entry);
          }
        }
        own.sort((a, b) => (a.field === b.field ? 0 : a.field === 'title' ? -1 : 1));
      }
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
            words: hitsOf(space, feature, tokens, hits, basis.roleSentences).map((hit) =>
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
