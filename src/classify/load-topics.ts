/** Reads and checks the topic files of a folder (`seeds/topics/*.json`): one topic per file. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DataFileError, parseDataFile, readDataFile } from '../text/data-file.js';
import { TopicFile } from './topic-schema.js';

/** Parses one topic file's text; `file` is only used in messages. */
export function parseTopicFile(file: string, text: string): TopicFile {
  return checkName(file, parseDataFile(file, text, TopicFile));
}

function checkName(file: string, topic: TopicFile): TopicFile {
  if (`${topic.id}.json` !== path.basename(file)) {
    throw new DataFileError(file, `id: "${topic.id}" must match the file name`);
  }
  return topic;
}

/**
 * Every `*.json` file of `dir`, the three built-in topics first, so labels come out in a stable
 * order. Files whose name starts with `_` are skipped (drafts).
 */
export function loadTopics(dir: string): TopicFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .sort(topicOrder);
  if (files.length === 0) throw new DataFileError(dir, 'no topic files (*.json) in this folder');
  return files.map((name) => {
    const file = path.join(dir, name);
    return checkName(file, readDataFile(file, TopicFile));
  });
}

/** The three built-in topics first, in the order of the contract; any others after, by name. */
const BUILT_IN = ['sanctions.json', 'prisoners.json', 'diplomacy.json'];
function topicOrder(a: string, b: string): number {
  const rank = (name: string) => {
    const index = BUILT_IN.indexOf(name);
    return index === -1 ? BUILT_IN.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
