/**
 * Start-up time of the built command line, hyperfine-style: each command is spawned again and again
 * (after warm-up runs) and the wall time of every spawn, from spawn to exit, is taken.
 *
 * Run:  npm run bench -- startup [--quick]      (needs `npm run build`: it times bin/vigil.js as users run it)
 * Commands: `node -e ''` (the floor: Node itself), `vigil --version`, `vigil --help`, and `vigil search`
 * over a temporary SQLite corpus that holds the seed feeds (made once with `vigil ingest`, not timed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { printResult } from './_machine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'vigil.js');
const quick = process.argv.includes('--quick');
const runs = quick ? 10 : 40;
const warmup = quick ? 2 : 5;

interface Case {
  name: string;
  args: string[];
}

interface Stats {
  name: string;
  runs: number;
  meanMs: number;
  sdMs: number;
  minMs: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

if (!existsSync(path.join(root, 'dist', 'adapters', 'cli', 'main.js'))) {
  process.stderr.write('bench startup: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-startup-'));
const env: NodeJS.ProcessEnv = {};
for (const [key, value] of Object.entries(process.env)) {
  if (!/^(VIGIL_|REDIS_URL|TELEGRAM_|SLACK_)/.test(key)) env[key] = value;
}
Object.assign(env, { VIGIL_DB: path.join(dir, 'vigil.db'), VIGIL_LOG_LEVEL: 'silent' });

function spawnOnce(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr.toString().trim()}`);
  }
  return elapsed;
}

function measure(item: Case): Stats {
  for (let i = 0; i < warmup; i++) spawnOnce(item.args);
  const samples = Array.from({ length: runs }, () => spawnOnce(item.args)).sort((a, b) => a - b);
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  const variance = samples.reduce((sum, ms) => sum + (ms - mean) ** 2, 0) / Math.max(1, samples.length - 1);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    name: item.name,
    runs: samples.length,
    meanMs: round(mean),
    sdMs: round(Math.sqrt(variance)),
    minMs: round(samples[0] ?? 0),
    medianMs: round(at(0.5)),
    p90Ms: round(at(0.9)),
    maxMs: round(samples[samples.length - 1] ?? 0),
  };
}

try {
  // The corpus `vigil search` reads: the seed feeds, ingested once (not timed).
  const feeds = readdirSync(path.join(root, 'seeds', 'feeds')).map((file) =>
    path.join(root, 'seeds', 'feeds', file),
  );
  spawnOnce([bin, 'ingest', ...feeds]);

  const cases: Case[] = [
    { name: "node -e ''", args: ['-e', ''] },
    { name: 'vigil --version', args: [bin, '--version'] },
    { name: 'vigil --help', args: [bin, '--help'] },
    { name: 'vigil search lukashenka', args: [bin, 'search', 'lukashenka'] },
  ];
  const loadBefore = loadavg()[0] ?? 0;
  const results = cases.map(measure);
  const loadAfter = loadavg()[0] ?? 0;

  const header = ['command', 'mean ± σ (ms)', 'min', 'median', 'p90', 'max'];
  const rows = results.map((r) => [
    r.name,
    `${r.meanMs} ± ${r.sdMs}`,
    String(r.minMs),
    String(r.medianMs),
    String(r.p90Ms),
    String(r.maxMs),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  process.stdout.write(
    `startup: ${runs} runs each after ${warmup} warm-up runs (wall time, spawn to exit)\n`,
  );
  process.stdout.write(`${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    `load average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after\n`,
  );

  printResult('startup', {
    quick,
    store: 'sqlite (temporary file, the seed feeds)',
    runner: 'none (one-shot commands)',
    results,
    load1Before: Math.round(loadBefore * 100) / 100,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
