/**
 * Logistic models over the feature space, one per label: a weighted sum of features plus a bias,
 * labelled where the probability reaches the label's learned threshold. Each weight times its
 * feature value is that feature's contribution, which is what explanations show.
 */
import type { FeatureSpace } from './features.js';
import type { WeightsFile } from './lexicon-schema.js';

export interface LabelModel {
  label: string;
  bias: number;
  /** The threshold as a log-odds: the label is given where the sum reaches it. */
  cut: number;
  weights: Float64Array;
  /** The features with a weight above zero: the only ones that can carry the label. */
  positive: Int32Array;
}

export function logit(probability: number): number {
  return Math.log(probability / (1 - probability));
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** The models of a weights file over `space`; a feature the file names but the space lacks is an error. */
export function createLabelModels(space: FeatureSpace, file: WeightsFile): LabelModel[] {
  const index = new Map(space.names.map((name, position) => [name, position]));
  return space.labels.map((label) => {
    const entry = file.labels[label];
    if (entry === undefined) throw new Error(`weights: no model for label "${label}"`);
    const weights = new Float64Array(space.names.length);
    for (const [name, weight] of Object.entries(entry.weights)) {
      const position = index.get(name);
      if (position === undefined) throw new Error(`weights: "${label}" names unknown feature "${name}"`);
      weights[position] = weight;
    }
    const positive = Int32Array.from(
      [...weights.keys()].filter((feature) => (weights[feature] as number) > 0),
    );
    return { label, bias: entry.bias, cut: logit(entry.threshold), weights, positive };
  });
}

/** The log-odds of the label for a feature vector. */
export function margin(model: LabelModel, vector: Float64Array): number {
  let sum = model.bias;
  const weights = model.weights;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i] as number;
    if (value !== 0) sum += value * (weights[i] as number);
  }
  return sum;
}
