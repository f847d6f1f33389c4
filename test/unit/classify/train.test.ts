/** The learning parts on their own: the fixed split, the sign-constrained logistic regression, the threshold. */
import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../src/classify/train/logistic-regression.js';
import { foldOf, splitPart } from '../../../src/classify/train/split.js';
import { bestThreshold } from '../../../src/classify/train/train-models.js';

describe('split', () => {
  it('holds out about a fifth, by the id alone', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `item-${index}`);
    const held = ids.filter((id) => splitPart(id) === 'held-out').length;
    expect(held / ids.length).toBeGreaterThan(0.17);
    expect(held / ids.length).toBeLessThan(0.23);
    expect(ids.map(splitPart)).toEqual(ids.map(splitPart));
    for (const id of ids) {
      const part = splitPart(id);
      if (part !== 'held-out') expect(part).toBe(foldOf(id));
      expect(foldOf(id)).toBeGreaterThanOrEqual(0);
      expect(foldOf(id)).toBeLessThan(5);
    }
  });
});

describe('logistic regression', () => {
  // Feature 0 predicts the label, feature 1 is noise that would take a negative weight if free.
  const columns = [Float64Array.from([1, 1, 1, 0, 0, 0, 1, 0]), Float64Array.from([0, 1, 0, 1, 0, 1, 1, 0])];
  const labels = Uint8Array.from([1, 1, 1, 0, 0, 0, 1, 0]);

  it('learns a positive weight for the telling feature and obeys the signs', () => {
    const model = fitLogistic(columns, labels, { l2: 0.1, signs: Int8Array.from([1, 1]), sweeps: 200 });
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(model.weights[1]).toBeGreaterThanOrEqual(0);
    const against = fitLogistic(columns, labels, { l2: 0.1, signs: Int8Array.from([-1, 0]), sweeps: 200 });
    expect(against.weights[0]).toBe(0);
  });

  it('gives the same weights on every run', () => {
    const options = { l2: 1, signs: Int8Array.from([1, 0]), sweeps: 50 };
    expect(fitLogistic(columns, labels, options)).toEqual(fitLogistic(columns, labels, options));
  });
});

describe('threshold', () => {
  it('takes the middle of the best plateau', () => {
    const probabilities = Float64Array.from([0.9, 0.8, 0.7, 0.2, 0.1]);
    const truth = Uint8Array.from([1, 1, 1, 0, 0]);
    const threshold = bestThreshold(probabilities, truth);
    expect(threshold).toBeGreaterThan(0.2);
    expect(threshold).toBeLessThanOrEqual(0.7);
  });
});
