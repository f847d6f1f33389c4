/**
 * `vigil eval FILE`: classifies a labelled JSON Lines file line by line, as `vigil classify` does
 * (same parsing, same classifier), and prints precision, recall and F1. A bad line is named, and no
 * score is given for a file with bad lines or no items (an empty file is not a perfect score).
 */
import { createReadStream } from 'node:fs';
import {
  evaluate,
  formatEvalReport,
  type GoldRecord,
  type Prediction,
} from '../../../src/classify/evaluate.js';
import { describeError } from '../../../src/errors.js';
import { CliError, print, printError } from '../output.js';
import { readLines } from '../read-lines.js';
import { classifyRecord, MAX_LINE_BYTES, parseInputLine, TOO_LONG } from './classify.js';

const TITLE_CHARS = 200;

function labelsOf(fields: Record<string, unknown>): string[] | null {
  const { labels } = fields;
  return Array.isArray(labels) && labels.every((label) => typeof label === 'string') ? labels : null;
}

export async function evalCommand(file: string): Promise<number> {
  const gold: GoldRecord[] = [];
  const predictions: Prediction[] = [];
  let bad = 0;
  const report = (line: number, problem: string) => {
    bad++;
    printError(`${file} line ${line}: ${problem}`);
  };
  try {
    for await (const line of readLines(createReadStream(file), MAX_LINE_BYTES)) {
      if ('tooLong' in line) {
        report(line.number, TOO_LONG);
        continue;
      }
      if (line.text.trim() === '') continue;
      const parsed = parseInputLine(line.text);
      if (!parsed.ok) {
        report(line.number, parsed.error);
        continue;
      }
      const labels = labelsOf(parsed.record.fields);
      if (labels === null) {
        report(line.number, '"labels" must be a list of topic names, e.g. ["sanctions"]');
        continue;
      }
      const id = String(parsed.record.id);
      gold.push({ id, title: parsed.record.title.slice(0, TITLE_CHARS), labels });
      predictions.push({ id, labels: classifyRecord(parsed.record).labels });
    }
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeError(error)}`);
  }
  if (bad > 0) throw new CliError(`${file}: ${bad} line${bad === 1 ? '' : 's'} could not be read; no score`);
  if (gold.length === 0) throw new CliError(`${file} holds no labelled items: nothing to score`);
  print(formatEvalReport(evaluate(gold, predictions)));
  return 0;
}
