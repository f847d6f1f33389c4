/**
 * Figure extraction quality: precision and recall per kind on the judged set of the shared eval
 * items (test/fixtures/figures-judged.json), on its dev part (tuned on) and its held-out part.
 *
 * Run: npm run bench -- figures-quality [--quick] [--misses]
 * The items are read from ../shared/eval/ at run time. `--misses` lists the dev set's errors (never
 * the held-out ones: looking at those would make them a second dev set). `--quick` changes nothing:
 * the whole run takes seconds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFigures } from '../src/figures/extract-figures.js';
import { isHeldOut, parseJudgedSet } from '../src/figures/judged-set.js';
import { type FiguresScore, type JudgedFigures, scoreFigures } from '../src/figures/score-figures.js';
import { packageRoot } from '../src/paths.js';
import { printResult } from './_machine.js';

interface EvalItem {
  id: string;
  title: string;
  text: string;
}

/** The eval items carry no dates; a fixed one keeps the run repeatable (dates are not scored). */
const PUBLISHED_AT = '2025-12-31T12:00:00Z';

const judged = parseJudgedSet(
  JSON.parse(readFileSync(path.join(packageRoot, 'test', 'fixtures', 'figures-judged.json'), 'utf8')),
);
const evalDir = path.join(packageRoot, '..', 'shared', 'eval');
const items: EvalItem[] = judged.files.flatMap((file) =>
  readFileSync(path.join(evalDir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalItem),
);

function extractAll(): JudgedFigures {
  const extracted: JudgedFigures = {};
  for (const item of items) {
    const figures = extractFigures({
      itemId: item.id,
      title: item.title,
      text: item.text,
      publishedAt: PUBLISHED_AT,
    });
    if (figures.length > 0)
      extracted[item.id] = figures.map((figure) => [figure.kind, figure.value] as const);
  }
  return extracted;
}

// The first passes load the stemmers, warm the word memo and let the JIT settle; the third is timed.
extractAll();
extractAll();
const started = performance.now();
const extracted = extractAll();
const elapsedMs = performance.now() - started;

const devIds = items.map((item) => item.id).filter((id) => !isHeldOut(id));
const heldOutIds = items.map((item) => item.id).filter(isHeldOut);
const dev = scoreFigures(devIds, judged.figures, extracted);
const heldOut = scoreFigures(heldOutIds, judged.figures, extracted);

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(7);
}

function table(name: string, score: FiguresScore): string {
  const rows = [
    ...score.kinds.map((kind) => ({ label: kind.kind, ...kind })),
    { label: 'all', ...score.overall },
  ];
  return [
    `${name} (${score.items} items)`,
    `  ${'kind'.padEnd(13)} judged  found  right  precision  recall`,
    ...rows.map(
      (row) =>
        `  ${row.label.padEnd(13)} ${String(row.judged).padStart(6)} ${String(row.extracted).padStart(6)} ` +
        `${String(row.truePositives).padStart(6)}    ${percent(row.precision)}  ${percent(row.recall)}`,
    ),
  ].join('\n');
}

process.stdout.write(`${table('dev set (tuned on)', dev)}\n\n${table('held-out set', heldOut)}\n\n`);
process.stdout.write(`${items.length} items read in ${elapsedMs.toFixed(0)} ms (warm)\n`);
if (process.argv.includes('--misses')) {
  for (const miss of dev.misses)
    process.stdout.write(`  dev ${miss.error.padEnd(6)} ${miss.itemId} ${miss.kind} ${miss.value}\n`);
}

function figures(score: FiguresScore): Record<string, unknown> {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return Object.fromEntries([
    ...score.kinds.map((kind) => [
      kind.kind,
      {
        judged: kind.judged,
        found: kind.extracted,
        precision: round(kind.precision),
        recall: round(kind.recall),
      },
    ]),
    [
      'all',
      {
        judged: score.overall.judged,
        found: score.overall.extracted,
        precision: round(score.overall.precision),
        recall: round(score.overall.recall),
      },
    ],
  ]);
}

printResult('figures-quality', {
  items: items.length,
  dev: figures(dev),
  heldOut: figures(heldOut),
  store: 'none (pure extraction)',
  elapsedMs: Math.round(elapsedMs),
});
