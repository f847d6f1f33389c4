/** The five seed documents each get all three topics, with evidence in each language they use. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { seedsPath } from '../../../src/paths.js';
import { detectLanguage } from '../../../src/text/detect-language.js';

/**
 * The languages the documents are written in (seeds/documents/README.md). 003 is English with
 * Łacinka spellings of names only: names are aliases, not topic evidence.
 */
const DOCUMENTS: Record<string, string[]> = {
  '000_fd4aba584d256643.txt': ['en'],
  '001_250f98793f8c1362.txt': ['en'],
  '002_86454b3da294c58f.txt': ['en'],
  '003_4198fd65b7220080.txt': ['en'],
  '004_b1efe3b7a7b55582.txt': ['uk', 'ru'],
};
const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];

/** The sentences of `text` that contain `term`: a word alone often does not tell its language. */
function sentencesWith(text: string, term: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.includes(term));
}

describe('seed documents', () => {
  for (const [file, languages] of Object.entries(DOCUMENTS)) {
    it(`${file}: all three topics, evidence in ${languages.join(' and ')}`, () => {
      const text = readFileSync(seedsPath('documents', file), 'utf8');
      const result = classify({ title: '', text });
      expect(result.labels).toEqual(TOPICS);
      for (const topic of TOPICS) {
        const evidence = result.evidence.filter((entry) => entry.label === topic);
        for (const entry of evidence) expect(text).toContain(entry.term);
        const found = new Set(
          evidence.flatMap((entry) => sentencesWith(text, entry.term).map(detectLanguage)),
        );
        for (const language of languages)
          expect([...found], `${topic} evidence in ${language}`).toContain(language);
      }
    });
  }
});
