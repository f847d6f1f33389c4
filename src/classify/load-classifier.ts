/** Reads the classifier's data folder (`seeds/classifier/`): concepts, one vocabulary per language, weights. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DataFileError, readDataFile } from '../text/data-file.js';
import { ConceptFile, Lexicon, WeightsFile } from './lexicon-schema.js';

export interface ClassifierData {
  concepts: ConceptFile;
  lexicons: Lexicon[];
}

/** Concepts and vocabularies; each vocabulary's file is named after its language (`lexicon/de.json`). */
export function loadClassifierData(dir: string): ClassifierData {
  const concepts = readDataFile(path.join(dir, 'concepts.json'), ConceptFile);
  const lexiconDir = path.join(dir, 'lexicon');
  const lexicons = readdirSync(lexiconDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(lexiconDir, name);
      const lexicon = readDataFile(file, Lexicon);
      if (`${lexicon.language}.json` !== name)
        throw new DataFileError(file, `language: "${lexicon.language}" must match the file name`);
      for (const concept of Object.keys(lexicon.concepts)) {
        if (concepts.concepts[concept] === undefined)
          throw new DataFileError(file, `concepts.${concept}: not a concept of concepts.json`);
      }
      return lexicon;
    });
  return { concepts, lexicons };
}

export function loadWeights(dir: string): WeightsFile {
  return readDataFile(path.join(dir, 'weights.json'), WeightsFile);
}
