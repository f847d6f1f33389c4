/** The labels the classifier gives (`seeds/classifier/concepts.json`), in contract order, without compiling its vocabularies. */
import path from 'node:path';
import { seedsPath } from '../paths.js';
import { readDataFile } from '../text/data-file.js';
import { ConceptFile } from './lexicon-schema.js';

let labels: string[] | null = null;

export function knownTopics(): string[] {
  labels ??= readDataFile(path.join(seedsPath('classifier'), 'concepts.json'), ConceptFile).labels;
  return [...labels];
}
