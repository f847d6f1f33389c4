/** The topics the classifier knows (one per file in seeds/topics), in its order. */
import { classify } from './classify.js';

export function knownTopics(): string[] {
  return Object.keys(classify({ title: '', text: '' }).scores);
}
