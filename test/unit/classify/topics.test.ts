/** Topic files: the format is checked (errors name file and field); a new topic is just a new file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifier, loadTopics, parseTopicFile } from '../../../src/classify/classify.js';
import { seedsPath } from '../../../src/paths.js';

const elections = {
  id: 'elections',
  threshold: 1,
  cues: { vote: { en: ['vote*', 'ballot*'], ru: ['голосовани*'] } },
  terms: [
    { id: 'election', weight: 1, patterns: { en: ['election*'], ru: ['выбор*'], be: ['выбар*'] } },
    { id: 'turnout', weight: 0.5, patterns: { en: ['turnout'] }, requires: [{ cues: ['vote'], window: 5 }] },
  ],
  equivalents: [['election', 'выборы', 'выбары', 'wybory']],
};

function topicsDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-topics-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('topic files', () => {
  it('loads the three default topics in contract order', () => {
    expect(loadTopics(seedsPath('topics')).map((topic) => topic.id)).toEqual([
      'sanctions',
      'prisoners',
      'diplomacy',
    ]);
  });

  it('takes a fourth topic from a new file', () => {
    const defaults = loadTopics(seedsPath('topics'));
    const dir = topicsDir({ 'elections.json': elections });
    const classifier = createClassifier([...defaults, ...loadTopics(dir)]);
    const result = classifier.classify({
      title: 'Presidential election in Belarus',
      text: 'Turnout was low.',
    });
    expect(result.labels).toEqual(['elections']);
    expect(Object.keys(result.scores)).toEqual(['sanctions', 'prisoners', 'diplomacy', 'elections']);
    expect(result.evidence).toEqual([{ label: 'elections', term: 'election', field: 'title' }]);
  });

  it('names the file and the field of a mistake', () => {
    const bad = { ...elections, terms: [{ id: 'x', weight: 'heavy', patterns: { en: ['x'] } }] };
    expect(() => parseTopicFile('elections.json', JSON.stringify(bad))).toThrow(
      /elections\.json: terms\[0\]\.weight: .*number/,
    );
  });

  it('rejects unknown cue lists, too-short prefixes and bad JSON', () => {
    const unknownCue = {
      ...elections,
      terms: [{ id: 'x', weight: 1, patterns: { en: ['x'] }, unless: [{ cues: ['nope'], window: 3 }] }],
    };
    expect(() => parseTopicFile('elections.json', JSON.stringify(unknownCue))).toThrow(
      /terms\[0\]\.unless\[0\]\.cues\[0\]: cue list "nope" is not defined/,
    );
    const shortPrefix = { ...elections, terms: [{ id: 'x', weight: 1, patterns: { en: ['ab*'] } }] };
    expect(() => parseTopicFile('elections.json', JSON.stringify(shortPrefix))).toThrow(
      /terms\[0\]\.patterns\.en\[0\]/,
    );
    expect(() => parseTopicFile('broken.json', '{ "id": ')).toThrow(/broken\.json: not valid JSON/);
  });

  it('requires the id to match the file name', () => {
    expect(() => parseTopicFile('votes.json', JSON.stringify(elections))).toThrow(
      /votes\.json: id: "elections"/,
    );
  });

  it('fails clearly on an empty folder', () => {
    expect(() => loadTopics(topicsDir({}))).toThrow(/no topic files/);
  });
});
