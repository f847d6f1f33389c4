/**
 * Learns the classifier's weights from labelled items: per label a sign-constrained logistic
 * regression over the feature space, the penalty chosen by cross-validation on the training
 * folds, the threshold chosen on the folds' out-of-fold predictions. Deterministic: items are
 * taken in id order and every step runs in a fixed order.
 */
import type { FeatureSpace } from '../features.js';
import type { WeightsFile } from '../lexicon-schema.js';
import { type FittedModel, fitLogistic, predictRow } from './logistic-regression.js';
import { FOLDS } from './split.js';

/** The penalties tried; the one with the best cross-validated macro-F1 is kept. */
export const L2_GRID = [0.3, 1, 3, 10] as const;
const SWEEPS = 300;
/** F1 this close to the best counts as equally good when the threshold is chosen. */
const PLATEAU = 0.01;
/** Thresholds tried, in probability. */
const THRESHOLDS = Array.from({ length: 91 }, (_, step) => Math.round((0.05 + step * 0.01) * 100) / 100);
/** Weights are stored with this many decimals, so the file reads the same on every machine. */
const DECIMALS = 6;

export interface TrainingRows {
  ids: readonly string[];
  vectors: readonly Float64Array[];
  /** Per label: 1 where the item carries it. */
  truth: readonly Uint8Array[];
}

function columnsOf(vectors: readonly Float64Array[], width: number): Float64Array[] {
  return Array.from({ length: width }, (_, feature) =>
    Float64Array.from(vectors, (row) => row[feature] as number),
  );
}

export function fitLabels(space: FeatureSpace, rows: TrainingRows, l2: number): FittedModel[] {
  const columns = columnsOf(rows.vectors, space.names.length);
  return space.labels.map((_, label) =>
    fitLogistic(columns, rows.truth[label] as Uint8Array, {
      l2,
      signs: space.signs[label] as Int8Array,
      sweeps: SWEEPS,
    }),
  );
}

function subset(rows: TrainingRows, keep: (index: number) => boolean): TrainingRows {
  const indices = rows.ids.map((_, index) => index).filter(keep);
  return {
    ids: indices.map((index) => rows.ids[index] as string),
    vectors: indices.map((index) => rows.vectors[index] as Float64Array),
    truth: rows.truth.map((labels) => Uint8Array.from(indices, (index) => labels[index] as number)),
  };
}

/** Out-of-fold probabilities per label and item: each item scored by the model fitted without its fold. */
export function crossValidate(
  space: FeatureSpace,
  rows: TrainingRows,
  folds: readonly number[],
  l2: number,
): Float64Array[] {
  const probabilities = space.labels.map(() => new Float64Array(rows.ids.length));
  for (let fold = 0; fold < FOLDS; fold++) {
    const models = fitLabels(
      space,
      subset(rows, (index) => folds[index] !== fold),
      l2,
    );
    rows.ids.forEach((_, index) => {
      if (folds[index] !== fold) return;
      models.forEach((model, label) => {
        (probabilities[label] as Float64Array)[index] = gatedProbability(
          model,
          rows.vectors[index] as Float64Array,
        );
      });
    });
  }
  return probabilities;
}

/**
 * The probability, or 0 when no feature of the item counts for the label: the classifier gives no
 * label without words that carried it, so cross-validation must not either.
 */
export function gatedProbability(model: FittedModel, row: Float64Array): number {
  for (let feature = 0; feature < row.length; feature++) {
    if ((row[feature] as number) > 0 && (model.weights[feature] as number) > 0) return predictRow(model, row);
  }
  return 0;
}

export function f1At(probabilities: Float64Array, truth: Uint8Array, threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  probabilities.forEach((probability, index) => {
    const predicted = probability >= threshold;
    const actual = truth[index] === 1;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/**
 * The middle of the thresholds whose F1 is within `PLATEAU` of the best: a single best point on
 * a few hundred items is partly noise, the middle of the plateau moves less between samples.
 */
export function bestThreshold(probabilities: Float64Array, truth: Uint8Array): number {
  const scored = THRESHOLDS.map((threshold) => ({ threshold, f1: f1At(probabilities, truth, threshold) }));
  const best = Math.max(...scored.map((entry) => entry.f1));
  const plateau = scored.filter((entry) => entry.f1 >= best - PLATEAU).map((entry) => entry.threshold);
  return plateau[Math.floor((plateau.length - 1) / 2)] ?? 0.5;
}

export interface TrainingResult {
  l2: number;
  /** Cross-validated macro-F1 for each penalty of the grid. */
  cvByL2: Record<string, number>;
  /** Out-of-fold probabilities with the chosen penalty. */
  outOfFold: Float64Array[];
  thresholds: number[];
  models: FittedModel[];
}

export function train(space: FeatureSpace, rows: TrainingRows, folds: readonly number[]): TrainingResult {
  let chosen: { l2: number; macro: number; outOfFold: Float64Array[]; thresholds: number[] } | null = null;
  const cvByL2: Record<string, number> = {};
  for (const l2 of L2_GRID) {
    const outOfFold = crossValidate(space, rows, folds, l2);
    const thresholds = outOfFold.map((probabilities, label) =>
      bestThreshold(probabilities, rows.truth[label] as Uint8Array),
    );
    const macro =
      outOfFold.reduce(
        (sum, probabilities, label) =>
          sum + f1At(probabilities, rows.truth[label] as Uint8Array, thresholds[label] as number),
        0,
      ) / outOfFold.length;
    cvByL2[String(l2)] = macro;
    if (chosen === null || macro > chosen.macro + 1e-12) chosen = { l2, macro, outOfFold, thresholds };
  }
  if (chosen === null) throw new Error('no penalty to try');
  return {
    l2: chosen.l2,
    cvByL2,
    outOfFold: chosen.outOfFold,
    thresholds: chosen.thresholds,
    models: fitLabels(space, rows, chosen.l2),
  };
}

function rounded(value: number): number {
  const factor = 10 ** DECIMALS;
  const result = Math.round(value * factor) / factor;
  return Object.is(result, -0) ? 0 : result;
}

/** The weights file of a training result: only the non-zero weights, rounded. */
export function weightsFile(
  space: FeatureSpace,
  result: TrainingResult,
  training: Record<string, unknown>,
): WeightsFile {
  const labels: WeightsFile['labels'] = {};
  space.labels.forEach((label, index) => {
    const model = result.models[index] as FittedModel;
    const weights: Record<string, number> = {};
    model.weights.forEach((weight, feature) => {
      const value = rounded(weight);
      if (value !== 0) weights[space.names[feature] as string] = value;
    });
    labels[label] = { bias: rounded(model.bias), threshold: result.thresholds[index] as number, weights };
  });
  return {
    about: 'Learned by `npm run train` (scripts/train-classifier.ts); do not edit by hand.',
    training,
    labels,
  };
}
