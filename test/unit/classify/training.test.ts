/**
 * Training is reproducible and its cross-validated figures hold: `npm run train` run here, on the
 * shared sets read at run time, gives seeds/classifier/weights.json to the last digit, and the
 * out-of-fold predictions reach the figures reported in src/classify/README.md (overall, and on
 * the dev set's items, which are part of the training data and so are only ever scored out of fold).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultItemAnalyser } from '../../../src/classify/classify.js';
import { f1At } from '../../../src/classify/train/train-models.js';
import { trainFromData, weightsJson } from '../../../src/classify/train/training-set.js';
import { seedsPath } from '../../../src/paths.js';
import { sharedDir } from '../../helpers/services.js';

describe('training', { timeout: 300_000 }, () => {
  const analyser = defaultItemAnalyser();
  const trained = trainFromData(`${sharedDir}eval`, analyser);
  const { set, result } = trained;

  /** Out-of-fold F1 per label over the items `keep` selects. */
  function f1s(keep: (index: number) => boolean): number[] {
    const indices = set.items.map((_, index) => index).filter(keep);
    return analyser.space.labels.map((_, label) =>
      f1At(
        Float64Array.from(indices, (index) => (result.outOfFold[label] as Float64Array)[index] as number),
        Uint8Array.from(indices, (index) =>
          (set.items[index]?.labels ?? []).includes(analyser.space.labels[label] as string) ? 1 : 0,
        ),
        result.thresholds[label] as number,
      ),
    );
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

  it('reproduces seeds/classifier/weights.json to the last digit', () => {
    expect(weightsJson(trained.file)).toBe(readFileSync(seedsPath('classifier', 'weights.json'), 'utf8'));
  });

  it('never trains on the held-out part', () => {
    const held = new Set(set.heldOut.map((item) => item.id));
    expect(set.heldOut.length).toBeGreaterThan(60);
    expect(set.items.some((item) => held.has(item.id))).toBe(false);
  });

  it('cross-validated: macro-F1 0.91 and every label 0.86 over all training items', () => {
    const scores = f1s(() => true);
    expect(mean(scores), scores.join(' ')).toBeGreaterThanOrEqual(0.91);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0.86);
  });

  it('cross-validated on the dev set items: macro-F1 0.90 and every label 0.80', () => {
    const scores = f1s((index) => set.sources[index] === 'dev');
    expect(mean(scores), scores.join(' ')).toBeGreaterThanOrEqual(0.9);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0.8);
  });
});
