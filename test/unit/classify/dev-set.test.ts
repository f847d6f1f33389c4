/** The classifier on the shared dev set (read at run time, never copied): macro-F1 ≥ 0.92, each topic ≥ 0.88. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { evaluate, formatEvalReport, type GoldRecord } from '../../../src/classify/evaluate.js';
import { sharedDir } from '../../helpers/services.js';

interface DevRecord extends GoldRecord {
  title: string;
  text: string;
}

describe('dev set', () => {
  const gold = readFileSync(`${sharedDir}eval/classify-dev.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevRecord);
  const report = evaluate(
    gold,
    gold.map((record) => ({
      id: record.id,
      labels: classify({ title: record.title, text: record.text }).labels,
    })),
  );

  it('reaches macro-F1 0.92 and at least 0.88 on every topic', () => {
    const summary = formatEvalReport(report);
    expect(report.items).toBeGreaterThan(0);
    expect(report.macro.f1, summary).toBeGreaterThanOrEqual(0.92);
    for (const topic of report.topics)
      expect(topic.f1, `${topic.topic}\n${summary}`).toBeGreaterThanOrEqual(0.88);
  });
});
