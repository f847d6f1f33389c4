/**
 * Extraction on the shared eval items (read at run time, never copied) against the judged figures:
 * floors a little under what `npm run bench -- figures-quality` measured, so a regression shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/figures/extract-figures.js';
import { isHeldOut, parseJudgedSet } from '../../../src/figures/judged-set.js';
import { type JudgedFigures, scoreFigures } from '../../../src/figures/score-figures.js';
import { sharedDir } from '../../helpers/services.js';

interface EvalItem {
  id: string;
  title: string;
  text: string;
}

const judged = parseJudgedSet(
  JSON.parse(readFileSync(new URL('../../fixtures/figures-judged.json', import.meta.url), 'utf8')),
);
const items: EvalItem[] = judged.files.flatMap((file) =>
  readFileSync(`${sharedDir}eval/${file}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalItem),
);
const extracted: JudgedFigures = Object.fromEntries(
  items.map((item) => [
    item.id,
    extractFigures({
      itemId: item.id,
      title: item.title,
      text: item.text,
      publishedAt: '2025-12-31T12:00:00Z',
    }).map((figure) => [figure.kind, figure.value] as const),
  ]),
);

describe('figures on the judged eval items', () => {
  it('judges only items that exist', () => {
    const ids = new Set(items.map((item) => item.id));
    expect(Object.keys(judged.figures).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('dev set (tuned on): precision ≥ 0.92 and recall ≥ 0.88 overall, each kind’s precision ≥ 0.85', () => {
    const score = scoreFigures(
      items.map((item) => item.id).filter((id) => !isHeldOut(id)),
      judged.figures,
      extracted,
    );
    expect(score.overall.precision, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(0.92);
    expect(score.overall.recall, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(0.88);
    for (const kind of score.kinds) expect(kind.precision, kind.kind).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out set: precision ≥ 0.8 and recall ≥ 0.75 overall', () => {
    const score = scoreFigures(items.map((item) => item.id).filter(isHeldOut), judged.figures, extracted);
    // The misses are not printed: reading them would turn the held-out set into a second dev set.
    expect(score.overall.precision).toBeGreaterThanOrEqual(0.8);
    expect(score.overall.recall).toBeGreaterThanOrEqual(0.75);
  });
});
