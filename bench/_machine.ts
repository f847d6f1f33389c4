/** The machine a benchmark ran on, for the last JSON line every benchmark prints (design.md). */
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  load1: number;
  node: string;
}

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
  };
}

/** Prints the closing JSON line: the figures, what was measured, and the machine. */
export function printResult(bench: string, figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ bench, ...figures, machine: machine() })}\n`);
}
