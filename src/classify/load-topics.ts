/** Reads and checks the topic files of a folder (`seeds/topics/*.json`): one topic per file. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { VigilError } from '../errors.js';
import { TopicFile } from './topic-schema.js';

/** A topic file that cannot be used; the message names the file and the field. */
export class TopicFileError extends VigilError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('topic-file', `${file}: ${message}`, options);
  }
}

function fieldPath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const part of issuePath) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`).join('; ');
}

/** Parses one topic file's text; `file` is only used in messages. */
export function parseTopicFile(file: string, text: string): TopicFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TopicFileError(file, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = TopicFile.safeParse(json);
  if (!parsed.success) throw new TopicFileError(file, describeIssues(parsed.error), { cause: parsed.error });
  if (`${parsed.data.id}.json` !== path.basename(file)) {
    throw new TopicFileError(file, `id: "${parsed.data.id}" must match the file name`);
  }
  return parsed.data;
}

/**
 * Every `*.json` file of `dir`, in file-name order, so labels come out in a stable order.
 * Files whose name starts with `_` are skipped (drafts).
 */
export function loadTopics(dir: string): TopicFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .sort(topicOrder);
  if (files.length === 0) throw new TopicFileError(dir, 'no topic files (*.json) in this folder');
  return files.map((name) => {
    const file = path.join(dir, name);
    return parseTopicFile(file, readFileSync(file, 'utf8'));
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
