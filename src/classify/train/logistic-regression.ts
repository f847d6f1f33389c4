/**
 * L2-regularised logistic regression with a sign constraint per weight, fitted by cyclic
 * coordinate descent with the logistic loss's fixed curvature bound (each step can only lower
 * the loss). Plain arithmetic in a fixed order: the same data gives the same weights to the last
 * digit on every run.
 */

export interface FitOptions {
  /** L2 penalty on the weights (the bias is not penalised). */
  l2: number;
  /** Per feature: +1 keeps the weight ≥ 0, -1 keeps it ≤ 0, 0 leaves it free. */
  signs: Int8Array;
  sweeps: number;
}

export interface FittedModel {
  bias: number;
  weights: Float64Array;
}

/** `columns[j][i]` is feature j of item i; `labels[i]` is 0 or 1. */
export function fitLogistic(
  columns: readonly Float64Array[],
  labels: Uint8Array,
  options: FitOptions,
): FittedModel {
  const items = labels.length;
  const features = columns.length;
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const prior = (positives + 0.5) / (items + 1);
  let bias = Math.log(prior / (1 - prior));
  const weights = new Float64Array(features);
  const margins = new Float64Array(items).fill(bias);
  const residuals = new Float64Array(items);
  // Curvature bound per feature: the logistic loss's second derivative is at most 1/4.
  const curvature = columns.map(
    (column) => column.reduce((sum, value) => sum + value * value, 0) / 4 + options.l2,
  );

  const residual = (i: number) => 1 / (1 + Math.exp(-(margins[i] as number))) - (labels[i] as number);
  for (let sweep = 0; sweep < options.sweeps; sweep++) {
    let gradient = 0;
    for (let i = 0; i < items; i++) gradient += residual(i);
    const biasStep = -gradient / (items / 4);
    bias += biasStep;
    for (let i = 0; i < items; i++) {
      margins[i] = (margins[i] as number) + biasStep;
      residuals[i] = residual(i);
    }
    for (let j = 0; j < features; j++) {
      const column = columns[j] as Float64Array;
      let slope = options.l2 * (weights[j] as number);
      for (let i = 0; i < items; i++) slope += (residuals[i] as number) * (column[i] as number);
      let next = (weights[j] as number) - slope / (curvature[j] as number);
      const sign = options.signs[j] as number;
      if ((sign > 0 && next < 0) || (sign < 0 && next > 0)) next = 0;
      const change = next - (weights[j] as number);
      if (change === 0) continue;
      weights[j] = next;
      // Only the items with this feature move.
      for (let i = 0; i < items; i++) {
        const value = column[i] as number;
        if (value === 0) continue;
        margins[i] = (margins[i] as number) + change * value;
        residuals[i] = residual(i);
      }
    }
  }
  return { bias, weights };
}

/** The probability the model gives one item (features as a row). */
export function predictRow(model: FittedModel, row: Float64Array): number {
  let sum = model.bias;
  for (let j = 0; j < row.length; j++) sum += (row[j] as number) * (model.weights[j] as number);
  return 1 / (1 + Math.exp(-sum));
}
