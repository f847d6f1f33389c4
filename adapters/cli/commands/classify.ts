/** `vigil classify`: JSON Lines {id,title,text} on stdin → one classification line per input. */
import { classify } from '../../../src/classify/classify.js';
import { print, printError } from '../output.js';

export interface ClassifyLineResult {
  output: string | null;
  error: string | null;
}

/** Classifies one input line; a bad line gives an error that names what was wrong. */
export function classifyLine(line: string): ClassifyLineResult {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { output: null, error: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { output: null, error: 'expected a JSON object {"id","title","text"}' };
  }
  const { id, title, text } = record as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number')
    return { output: null, error: '"id" must be a string or number' };
  if (title !== undefined && title !== null && typeof title !== 'string') {
    return { output: null, error: '"title" must be a string' };
  }
  if (text !== undefined && text !== null && typeof text !== 'string') {
    return { output: null, error: '"text" must be a string' };
  }
  const result = classify({ title: title ?? '', text: text ?? '' });
  return { output: JSON.stringify({ id, ...result }), error: null };
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function classifyCommand(): Promise<number> {
  const input = await readStdin();
  let failed = 0;
  input.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const result = classifyLine(line);
    if (result.output !== null) print(result.output);
    else {
      failed++;
      printError(`line ${index + 1}: ${result.error}`);
    }
  });
  return failed > 0 ? 1 : 0;
}
