/** `vigil eval FILE`: runs `vigil classify` on a labelled JSON Lines file and prints P/R/F1. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, formatEvalReport } from '../../../src/classify/evaluate.js';
import { packageRoot } from '../../../src/paths.js';
import { CliError, print, printError } from '../output.js';

interface GoldRecord {
  id: string;
  title: string;
  text: string;
  labels: string[];
}

export function evalCommand(file: string): number {
  let input: string;
  try {
    input = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const gold: GoldRecord[] = input
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldRecord);
  // Run the real command line, as a user would, so the numbers are those of `vigil classify`.
  const child = spawnSync(process.execPath, [path.join(packageRoot, 'bin', 'vigil.js'), 'classify'], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) {
    printError(child.stderr);
    throw new CliError(`vigil classify exited with ${child.status}`);
  }
  const predictions = child.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { id: string; labels: string[] });
  print(formatEvalReport(evaluate(gold, predictions)));
  return 0;
}
