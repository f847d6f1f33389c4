/** Reads one JSON data file against its schema; a mistake names the file and the field. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { VigilError } from '../errors.js';

/** A data file (topic, concepts, vocabulary, weights) that cannot be used. */
export class DataFileError extends VigilError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('data-file', `${file}: ${message}`, options);
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

/** Parses `text` (the content of `file`, which is only used in messages) against `schema`. */
export function parseDataFile<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${fieldPath(issue.path)}: ${issue.message}`)
      .join('; ');
    throw new DataFileError(file, issues, { cause: parsed.error });
  }
  return parsed.data;
}

/** Reads and parses one data file. */
export function readDataFile<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read (${(error as Error).message})`, { cause: error });
  }
  return parseDataFile(file, text, schema);
}
