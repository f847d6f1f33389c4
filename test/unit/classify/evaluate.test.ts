/** Precision, recall and F1 per topic, the macro average and the list of wrong items. */
import { describe, expect, it } from 'vitest';
import { evaluate, formatEvalReport } from '../../../src/classify/evaluate.js';

const gold = [
  { id: 'a', title: 'A', text: '', labels: ['sanctions'] },
  { id: 'b', title: 'B', text: '', labels: ['prisoners', 'diplomacy'] },
  { id: 'c', title: 'C', text: '', labels: [] },
  { id: 'd', title: 'D', text: '', labels: ['diplomacy'] },
];

describe('evaluate', () => {
  it('counts per topic and averages over topics', () => {
    const report = evaluate(gold, [
      { id: 'a', labels: ['sanctions'] },
      { id: 'b', labels: ['prisoners'] },
      { id: 'c', labels: ['diplomacy'] },
      { id: 'd', labels: ['diplomacy'] },
    ]);
    const byTopic = Object.fromEntries(report.topics.map((score) => [score.topic, score]));
    expect(byTopic.sanctions).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 0,
      f1: 1,
    });
    expect(byTopic.prisoners).toMatchObject({ precision: 1, recall: 1 });
    expect(byTopic.diplomacy).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    expect(byTopic.diplomacy?.f1).toBeCloseTo(0.5);
    expect(report.macro.f1).toBeCloseTo((1 + 1 + 0.5) / 3);
    expect(report.wrong.map((item) => item.id)).toEqual(['b', 'c']);
    expect(report.wrong[0]).toMatchObject({ gold: ['prisoners', 'diplomacy'], predicted: ['prisoners'] });
  });

  it('counts an item without a prediction as predicting nothing', () => {
    const report = evaluate(gold.slice(0, 1), []);
    expect(report.wrong).toEqual([
      { id: 'a', title: 'A', gold: ['sanctions'], predicted: [], missing: true },
    ]);
    expect(report.topics[0]?.recall).toBe(0);
  });

  it('scores a topic nobody labelled or predicted as perfect, not zero', () => {
    const report = evaluate([{ id: 'x', labels: [] }], [{ id: 'x', labels: [] }]);
    expect(report.macro.f1).toBe(1);
  });

  it('formats a table and the wrong items', () => {
    const text = formatEvalReport(evaluate(gold, [{ id: 'a', labels: ['sanctions'] }]));
    expect(text).toMatch(/topic\s+P\s+R\s+F1/);
    expect(text).toMatch(/sanctions\s+1\.000\s+1\.000\s+1\.000/);
    expect(text).toMatch(/macro/);
    expect(text).toMatch(/b\s+prisoners,diplomacy\s+\(no prediction\)/);
  });
});
