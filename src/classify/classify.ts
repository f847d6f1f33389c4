/** `classify(item)`: labels, scores and evidence from the classifier data in `seeds/classifier/`. */
import { seedsPath } from '../paths.js';
import type { Classification, ClassifyInput } from './classification.js';
import { type Classifier, createClassifier } from './classifier.js';
import { createItemAnalyser, type ItemAnalyser } from './item-analyser.js';
import { loadClassifierData, loadWeights } from './load-classifier.js';

export { DataFileError } from '../text/data-file.js';
export type { Classifier, Explanation, FeatureContribution, LabelExplanation } from './classifier.js';
export { createClassifier } from './classifier.js';
export { loadTopics, parseTopicFile } from './load-topics.js';

let defaultAnalyser: ItemAnalyser | null = null;
let defaultClassifier: Classifier | null = null;

/** The analyser of `seeds/classifier/` (concepts and vocabularies), loaded on first use and kept. */
export function defaultItemAnalyser(): ItemAnalyser {
  if (defaultAnalyser === null) {
    const data = loadClassifierData(seedsPath('classifier'));
    defaultAnalyser = createItemAnalyser(data.concepts, data.lexicons);
  }
  return defaultAnalyser;
}

/** The classifier with the learned weights of `seeds/classifier/weights.json`. */
export function defaultTopicsClassifier(): Classifier {
  if (defaultClassifier === null)
    defaultClassifier = createClassifier(defaultItemAnalyser(), loadWeights(seedsPath('classifier')));
  return defaultClassifier;
}

/** Pure once the data is loaded: the same item always gets the same result. */
export function classify(input: ClassifyInput): Classification {
  return defaultTopicsClassifier().classify(input);
}
