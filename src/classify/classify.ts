/** `classify(item)`: labels, scores and evidence from the default topics in `seeds/topics/`. */
import { seedsPath } from '../paths.js';
import type { Classification, ClassifyInput } from './classification.js';
import { type Classifier, createClassifier } from './classifier.js';
import { loadTopics } from './load-topics.js';

export type { Classifier, Explanation, MatchDetail } from './classifier.js';
export { createClassifier } from './classifier.js';
export { loadTopics, parseTopicFile, TopicFileError } from './load-topics.js';

let defaultClassifier: Classifier | null = null;

/** The classifier of `seeds/topics/`, loaded (synchronously) on first use and kept. */
export function defaultTopicsClassifier(): Classifier {
  if (defaultClassifier === null) defaultClassifier = createClassifier(loadTopics(seedsPath('topics')));
  return defaultClassifier;
}

/** Pure once the topics are loaded: the same item always gets the same result. */
export function classify(input: ClassifyInput): Classification {
  return defaultTopicsClassifier().classify(input);
}
