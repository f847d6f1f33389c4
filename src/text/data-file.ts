/** Reads a JSON data file that admins may edit (aliases, lexicon) and checks it with a zod schema. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { VigilError } from '../errors.js';

/** A data file that cannot be used; the message names the file, the entry and the field. */
export class DataFileError extends VigilError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('data-file', `${file}: ${message}`, options);
  }
}

/**
 * `aliases[3] "lukashenka".spellings[2]`: a path through the JSON, with the `key` or `id` of
 * each list entry it passes, so an admin finds the entry without counting.
 */
export function issuePath(issuePathParts: readonly PropertyKey[], json: unknown): string {
  let out = '';
  let node: unknown = json;
  for (const part of issuePathParts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
    node =
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === 'number' && node !== null && typeof node === 'object') {
      const named = (node as Record<string, unknown>).key ?? (node as Record<string, unknown>).id;
      if (typeof named === 'string') out += ` "${named}"`;
    }
  }
  return out === '' ? '(top level)' : out;
}

/** Parses `text` (the contents of `file`) as JSON of `schema`; throws DataFileError naming the field. */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issuePath(issue.path, json)}: ${issue.message}`);
    throw new DataFileError(file, issues.join('; '), { cause: parsed.error });
  }
  return parsed.data;
}

/** Reads and parses `file`; a file that cannot be read is a DataFileError too. */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot be read (${(error as Error).message})`, { cause: error });
  }
  return parseDataFile(file, text, schema);
}
