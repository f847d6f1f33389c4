/**
 * The classifier's data files: concepts, one vocabulary per language and the weights load and are
 * checked, a mistake names the file and the field, and the topic files still give search its
 * equivalents.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createClassifier,
  defaultItemAnalyser,
  loadTopics,
  parseTopicFile,
} from '../../../src/classify/classify.js';
import { createItemAnalyser } from '../../../src/classify/item-analyser.js';
import { knownTopics } from '../../../src/classify/known-topics.js';
import { loadClassifierData, loadWeights } from '../../../src/classify/load-classifier.js';
import { LANGUAGES } from '../../../src/feeds/feed-item.js';
import { seedsPath } from '../../../src/paths.js';

/** A copy of seeds/classifier to break on purpose. */
function dataCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-classifier-'));
  cpSync(seedsPath('classifier'), dir, { recursive: true });
  return dir;
}

function edit(file: string, change: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('classifier data', () => {
  it('knows the three topics in contract order', () => {
    expect(knownTopics()).toEqual(['sanctions', 'prisoners', 'diplomacy']);
    expect(loadTopics(seedsPath('topics')).map((topic) => topic.id)).toEqual([
      'sanctions',
      'prisoners',
      'diplomacy',
    ]);
  });

  it('has a vocabulary for every language vigil detects', () => {
    const languages = defaultItemAnalyser().languages;
    // Serbian shares the Croatian vocabulary (Cyrillic is read in Latin letters).
    for (const language of LANGUAGES)
      expect(languages, language).toContain(language === 'sr' ? 'hr' : language);
  });

  it('names the file and the field of a bad pattern', () => {
    const dir = dataCopy();
    edit(path.join(dir, 'lexicon', 'de.json'), (json) => {
      (json.concepts as Record<string, string[]>).sanction = ['Sank*tion'];
    });
    expect(() => loadClassifierData(dir)).toThrow(/de\.json: concepts\.sanction\[0\]: bad word "Sank\*tion"/);
  });

  it('rejects a concept the concept file does not define, and a file named for another language', () => {
    const dir = dataCopy();
    edit(path.join(dir, 'lexicon', 'fr.json'), (json) => {
      (json.concepts as Record<string, string[]>).weather = ['pluie'];
    });
    expect(() => loadClassifierData(dir)).toThrow(
      /fr\.json: concepts\.weather: not a concept of concepts\.json/,
    );
    const other = dataCopy();
    edit(path.join(other, 'lexicon', 'it.json'), (json) => {
      json.language = 'es';
    });
    expect(() => loadClassifierData(other)).toThrow(/it\.json: language: "es" must match the file name/);
  });

  it('rejects roles and weights that name what does not exist', () => {
    const dir = dataCopy();
    edit(path.join(dir, 'concepts.json'), (json) => {
      (json.roles as Record<string, { acts: string[] }>).sanctions?.acts.push('embargo-word');
    });
    expect(() => loadClassifierData(dir)).toThrow(
      /concepts\.json: roles\.sanctions: unknown concept "embargo-word"/,
    );
    const data = loadClassifierData(seedsPath('classifier'));
    const weights = loadWeights(seedsPath('classifier'));
    const broken = structuredClone(weights);
    (broken.labels.sanctions as { weights: Record<string, number> }).weights['no-such#'] = 1;
    expect(() => createClassifier(createItemAnalyser(data.concepts, data.lexicons), broken)).toThrow(
      /"sanctions" names unknown feature "no-such#"/,
    );
  });

  it('reads topic files for their equivalents and checks the id', () => {
    const topic = parseTopicFile(
      'elections.json',
      JSON.stringify({ id: 'elections', equivalents: [['election', 'выборы']] }),
    );
    expect(topic.equivalents).toEqual([['election', 'выборы']]);
    expect(() => parseTopicFile('elections.json', JSON.stringify({ id: 'vote' }))).toThrow(
      /must match the file name/,
    );
    expect(() => parseTopicFile('elections.json', '{')).toThrow(/elections\.json: not valid JSON/);
  });
});
