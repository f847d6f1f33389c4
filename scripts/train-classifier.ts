/**
 * `npm run train [-- --report] [-- --check] [-- --data DIR]`: learns seeds/classifier/weights.json
 * (src/classify/train/training-set.ts says from what, and the one fixed split). Prints the
 * cross-validated tables, overall and for the dev set's items; `--report` also scores the
 * held-out part of classify-train.jsonl with the new weights (it is never trained on); `--check`
 * writes nothing and fails when the stored weights differ from what training gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClassifier } from '../src/classify/classifier.js';
import { createItemAnalyser } from '../src/classify/item-analyser.js';
import { loadClassifierData } from '../src/classify/load-classifier.js';
import { markdownReport, type ScoredItem } from '../src/classify/train/report.js';
import { trainFromData, weightsJson } from '../src/classify/train/training-set.js';
import { packageRoot, seedsPath } from '../src/paths.js';

function argument(name: string): string | null {
  const index = process.argv.indexOf(name);
  return index < 0 ? null : (process.argv[index + 1] ?? null);
}

const dataDir = argument('--data') ?? path.join(packageRoot, '..', 'shared', 'eval');
const weightsPath = seedsPath('classifier', 'weights.json');
const data = loadClassifierData(seedsPath('classifier'));
const analyser = createItemAnalyser(data.concepts, data.lexicons);
const labels = analyser.space.labels;
const { set, result, file } = trainFromData(dataDir, analyser);
const json = weightsJson(file);

if (process.argv.includes('--check')) {
  if (readFileSync(weightsPath, 'utf8') !== json) {
    process.stderr.write(`${weightsPath} differs from what training gives: run npm run train\n`);
    process.exit(1);
  }
  process.stdout.write(`${weightsPath} is what training gives\n`);
  process.exit(0);
}
writeFileSync(weightsPath, json);

const crossValidated: ScoredItem[] = set.items.map((item, index) => ({
  id: item.id,
  language: item.lang,
  gold: item.labels,
  predicted: labels.filter(
    (_, label) =>
      ((result.outOfFold[label] as Float64Array)[index] as number) >= (result.thresholds[label] as number),
  ),
}));
const out = [
  `Trained on ${set.items.length} items (${set.heldOut.length} held out); L2 ${result.l2}; thresholds ${labels
    .map((label, index) => `${label} ${result.thresholds[index]}`)
    .join(', ')}`,
  '',
  markdownReport(
    'Cross-validated: all training items (5 folds, out-of-fold predictions)',
    crossValidated,
    labels,
  ),
  markdownReport(
    'Cross-validated: the training folds of classify-train.jsonl',
    crossValidated.filter((_, index) => set.sources[index] === 'train'),
    labels,
  ),
  markdownReport(
    'Cross-validated: the dev set (classify-dev.jsonl) items',
    crossValidated.filter((_, index) => set.sources[index] === 'dev'),
    labels,
  ),
];
if (process.argv.includes('--report')) {
  const classifier = createClassifier(analyser, file);
  const heldOut: ScoredItem[] = set.heldOut.map((item) => ({
    id: item.id,
    language: item.lang,
    gold: item.labels,
    predicted: classifier.classify({ title: item.title, text: item.text }).labels,
  }));
  out.push(markdownReport('Held-out part of classify-train.jsonl (never trained on)', heldOut, labels));
}
process.stdout.write(`${out.join('\n')}\n`);
