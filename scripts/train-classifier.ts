/**
 * `npm run train [-- --report] [-- --check] [-- --data DIR]`: learns seeds/classifier/weights.json
 * from ../shared/eval/classify-train.jsonl (read at run time, never copied). The set is split once
 * by a hash of each id (src/classify/train/split.ts): about a fifth is held out, the rest forms
 * five cross-validation folds. Prints the cross-validated tables; `--report` also scores the
 * held-out part and the dev set (classify-dev.jsonl) with the new weights; `--check` writes
 * nothing and fails when the stored weights differ from what training gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClassifier } from '../src/classify/classifier.js';
import { createItemAnalyser } from '../src/classify/item-analyser.js';
import { loadClassifierData } from '../src/classify/load-classifier.js';
import { markdownReport, type ScoredItem } from '../src/classify/train/report.js';
import { splitPart } from '../src/classify/train/split.js';
import { type TrainingRows, train, weightsFile } from '../src/classify/train/train-models.js';
import { packageRoot, seedsPath } from '../src/paths.js';

interface LabelledItem {
  id: string;
  lang: string;
  title: string;
  text: string;
  labels: string[];
}

function argument(name: string): string | null {
  const index = process.argv.indexOf(name);
  return index < 0 ? null : (process.argv[index + 1] ?? null);
}

function readItems(file: string): LabelledItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledItem)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const dataDir = argument('--data') ?? path.join(packageRoot, '..', 'shared', 'eval');
const check = process.argv.includes('--check');
const report = process.argv.includes('--report');
const weightsPath = seedsPath('classifier', 'weights.json');

const data = loadClassifierData(seedsPath('classifier'));
const analyser = createItemAnalyser(data.concepts, data.lexicons);
const space = analyser.space;
const all = readItems(path.join(dataDir, 'classify-train.jsonl'));
const training = all.filter((item) => splitPart(item.id) !== 'held-out');
const heldOut = all.filter((item) => splitPart(item.id) === 'held-out');

const rows: TrainingRows = {
  ids: training.map((item) => item.id),
  vectors: training.map((item) => analyser.analyse({ title: item.title, text: item.text }).vector),
  truth: space.labels.map((label) => Uint8Array.from(training, (item) => (item.labels.includes(label) ? 1 : 0))),
};
const folds = training.map((item) => splitPart(item.id) as number);
const result = train(space, rows, folds);
const file = weightsFile(space, result, {
  data: 'classify-train.jsonl minus its held-out part',
  split: 'sha256("vigil-classify:" + id): first 32 bits; held out when divisible by 5, else fold = (bits / 5) mod 5',
  items: training.length,
  heldOut: heldOut.length,
  l2: result.l2,
  cvMacroF1ByL2: Object.fromEntries(Object.entries(result.cvByL2).map(([l2, f1]) => [l2, Math.round(f1 * 1e4) / 1e4])),
});
const json = `${JSON.stringify(file, null, 2)}\n`;

if (check) {
  const stored = readFileSync(weightsPath, 'utf8');
  if (stored !== json) {
    process.stderr.write(`${weightsPath} differs from what training gives: run npm run train\n`);
    process.exit(1);
  }
  process.stdout.write(`${weightsPath} is what training gives\n`);
  process.exit(0);
}
writeFileSync(weightsPath, json);

const out: string[] = [
  `Trained on ${training.length} items (${heldOut.length} held out); L2 ${result.l2}; thresholds ${space.labels
    .map((label, index) => `${label} ${result.thresholds[index]}`)
    .join(', ')}`,
  '',
];
const crossValidated: ScoredItem[] = training.map((item, index) => ({
  id: item.id,
  language: item.lang,
  gold: item.labels,
  predicted: space.labels.filter(
    (_, label) => (result.outOfFold[label] as Float64Array)[index] as number >= (result.thresholds[label] as number),
  ),
}));
out.push(markdownReport('Cross-validated, training folds (5 folds, out-of-fold predictions)', crossValidated, space.labels));

if (report) {
  const classifier = createClassifier(analyser, file);
  const score = (items: readonly LabelledItem[]): ScoredItem[] =>
    items.map((item) => ({
      id: item.id,
      language: item.lang,
      gold: item.labels,
      predicted: classifier.classify({ title: item.title, text: item.text }).labels,
    }));
  out.push(markdownReport('Held-out part of classify-train.jsonl', score(heldOut), space.labels));
  out.push(markdownReport('Dev set (classify-dev.jsonl)', score(readItems(path.join(dataDir, 'classify-dev.jsonl'))), space.labels));
}
process.stdout.write(`${out.join('\n')}\n`);
