/**
 * What the classifier learns from, and the one fixed split: classify-train.jsonl minus its
 * held-out part, the dev set (classify-dev.jsonl, read at run time, never copied) and the five
 * seed documents, in five cross-validation folds by a hash of each id. The held-out part of
 * classify-train.jsonl is never trained on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsPath } from '../../paths.js';
import type { ItemAnalyser } from '../item-analyser.js';
import type { WeightsFile } from '../lexicon-schema.js';
import { foldOf, splitPart } from './split.js';
import { type TrainingResult, type TrainingRows, train, weightsFile } from './train-models.js';

export interface LabelledItem {
  id: string;
  lang: string;
  title: string;
  text: string;
  labels: string[];
}

/** Where a training item comes from: the training file's folds, the dev set, a seed document. */
export type ItemSource = 'train' | 'dev' | 'seed';

export interface TrainingSet {
  items: LabelledItem[];
  sources: ItemSource[];
  heldOut: LabelledItem[];
}

/** JSON Lines of labelled items, in id order (so training never depends on the file's order). */
export function readLabelledItems(file: string): LabelledItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledItem)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The seed documents (seeds/documents/README.md: each reports on all three topics): long page
 * captures with their outlets' noise, longer than any item of the sets.
 */
function seedDocuments(): LabelledItem[] {
  return readdirSync(seedsPath('documents'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      id: `seed:${name}`,
      lang: 'en',
      title: '',
      text: readFileSync(seedsPath('documents', name), 'utf8'),
      labels: ['sanctions', 'prisoners', 'diplomacy'],
    }));
}

export function loadTrainingSet(dataDir: string): TrainingSet {
  const all = readLabelledItems(path.join(dataDir, 'classify-train.jsonl'));
  const train = all.filter((item) => splitPart(item.id) !== 'held-out');
  const dev = readLabelledItems(path.join(dataDir, 'classify-dev.jsonl'));
  const seeds = seedDocuments();
  return {
    items: [...train, ...dev, ...seeds],
    sources: [
      ...train.map(() => 'train' as const),
      ...dev.map(() => 'dev' as const),
      ...seeds.map(() => 'seed' as const),
    ],
    heldOut: all.filter((item) => splitPart(item.id) === 'held-out'),
  };
}

export interface Trained {
  set: TrainingSet;
  result: TrainingResult;
  file: WeightsFile;
}

/** Learns the weights from the files of `dataDir`: the same files give the same weights to the last digit. */
export function trainFromData(dataDir: string, analyser: ItemAnalyser): Trained {
  const set = loadTrainingSet(dataDir);
  const space = analyser.space;
  const rows: TrainingRows = {
    ids: set.items.map((item) => item.id),
    vectors: set.items.map((item) => analyser.analyse({ title: item.title, text: item.text }).vector),
    truth: space.labels.map((label) =>
      Uint8Array.from(set.items, (item) => (item.labels.includes(label) ? 1 : 0)),
    ),
  };
  const result = train(
    space,
    rows,
    set.items.map((item) => foldOf(item.id)),
  );
  const file = weightsFile(space, result, {
    data: 'classify-train.jsonl minus its held-out part, classify-dev.jsonl and the five seed documents',
    split:
      'sha256("vigil-classify:" + id), first 32 bits: held out when divisible by 5 (training file only), else fold = floor(bits / 5) mod 5',
    items: set.items.length,
    heldOut: set.heldOut.length,
    l2: result.l2,
    cvMacroF1ByL2: Object.fromEntries(
      Object.entries(result.cvByL2).map(([l2, f1]) => [l2, Math.round(f1 * 1e4) / 1e4]),
    ),
  });
  return { set, result, file };
}

/** The weights file as stored: two-space JSON and a final newline. */
export function weightsJson(file: WeightsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
