/**
 * `vigil classify`: JSON Lines {id,title,text} on stdin → one classification line per input, written
 * as each line arrives. Memory stays bounded: a line over MAX_LINE_BYTES is reported and skipped.
 */

import type { Classification } from '../../../src/classify/classification.js';
import { classify } from '../../../src/classify/classify.js';
import { print, printError, safeJson } from '../output.js';
import { readLines } from '../read-lines.js';

/** Far above any news item; a longer line is refused rather than held in memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export interface InputRecord {
  id: string | number;
  title: string;
  text: string;
  /** The whole object, for callers that read more fields (eval's labels). */
  fields: Record<string, unknown>;
}

export type ParsedLine = { ok: true; record: InputRecord } | { ok: false; error: string };

/** One input line as a record, or what is wrong with it (the words of JSON.parse, shortened). */
export function parseInputLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'expected a JSON object {"id","title","text"}' };
  }
  const fields = value as Record<string, unknown>;
  const { id, title, text } = fields;
  if (typeof id !== 'string' && typeof id !== 'number')
    return { ok: false, error: '"id" must be a string or number' };
  if (title !== undefined && title !== null && typeof title !== 'string') {
    return { ok: false, error: '"title" must be a string' };
  }
  if (text !== undefined && text !== null && typeof text !== 'string') {
    return { ok: false, error: '"text" must be a string' };
  }
  return { ok: true, record: { id, title: title ?? '', text: text ?? '', fields } };
}

export const TOO_LONG = `longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; skipped`;

export function classifyRecord(record: InputRecord): Classification {
  return classify({ title: record.title, text: record.text });
}

export async function classifyCommand(
  input: AsyncIterable<Buffer | string> = process.stdin,
): Promise<number> {
  let failed = 0;
  for await (const line of readLines(input, MAX_LINE_BYTES)) {
    if ('tooLong' in line) {
      failed++;
      printError(`line ${line.number}: ${TOO_LONG}`);
      continue;
    }
    if (line.text.trim() === '') continue;
    const parsed = parseInputLine(line.text);
    if (!parsed.ok) {
      failed++;
      printError(`line ${line.number}: ${parsed.error}`);
      continue;
    }
    print(safeJson({ id: parsed.record.id, ...classifyRecord(parsed.record) }));
  }
  return failed > 0 ? 1 : 0;
}
