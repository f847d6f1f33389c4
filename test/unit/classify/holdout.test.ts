/**
 * The classifier on vigil's own sets of written items (`test/fixtures/classify-holdout*.jsonl`):
 * news-style items written for the repository. Despite the file names they are dev sets: the
 * earlier rule-based classifier was tuned on them, and the learned classifier's vocabularies
 * were extended after looking at its misses here (country names, protest phrases). It was never
 * trained on them. Prints the per-topic report and keeps floors just under what it reaches.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import {
  type EvalReport,
  evaluate,
  formatEvalReport,
  type GoldRecord,
} from '../../../src/classify/evaluate.js';
import { packageRoot } from '../../../src/paths.js';

interface HoldoutRecord extends GoldRecord {
  lang: string;
  title: string;
  text: string;
  why: string;
}

function load(name: string): HoldoutRecord[] {
  return readFileSync(path.join(packageRoot, 'test', 'fixtures', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HoldoutRecord);
}

function report(gold: readonly HoldoutRecord[]): EvalReport {
  return evaluate(
    gold,
    gold.map((record) => ({
      id: record.id,
      labels: classify({ title: record.title, text: record.text }).labels,
    })),
  );
}

/** Every record well formed: labels a subset of the three topics, in contract order. */
function checkRecords(gold: readonly HoldoutRecord[]): void {
  const order = ['sanctions', 'prisoners', 'diplomacy'];
  const ids = new Set<string>();
  for (const record of gold) {
    expect(ids.has(record.id), record.id).toBe(false);
    ids.add(record.id);
    expect(record.text.length, record.id).toBeGreaterThanOrEqual(80);
    expect(record.text.length, record.id).toBeLessThanOrEqual(900);
    const sorted = [...record.labels].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    expect(record.labels, record.id).toEqual(sorted);
    for (const label of record.labels) expect(order, record.id).toContain(label);
  }
}

function checkFloor(result: EvalReport, macro: number, perTopic: number): void {
  const summary = formatEvalReport(result);
  process.stdout.write(`\n${summary}\n`);
  expect(result.macro.f1, summary).toBeGreaterThanOrEqual(macro);
  for (const topic of result.topics)
    expect(topic.f1, `${topic.topic}\n${summary}`).toBeGreaterThanOrEqual(perTopic);
}

describe('held-out set', () => {
  const gold = load('classify-holdout.jsonl');

  it('has 90–120 well-formed records', () => {
    expect(gold.length).toBeGreaterThanOrEqual(90);
    expect(gold.length).toBeLessThanOrEqual(120);
    checkRecords(gold);
  });

  // Measured: macro-F1 0.952 (sanctions 0.928, prisoners 0.987, diplomacy 0.943).
  it('reaches macro-F1 0.93 and at least 0.90 on every topic', () => {
    checkFloor(report(gold), 0.93, 0.9);
  });
});

/**
 * Seventeen items written with the set above. Measured: macro-F1 0.963 (diplomacy 0.889, four of
 * five). Small, so one item moves a topic by 0.1 or more: the floors leave room for one miss.
 */
describe('blind held-out set', () => {
  const gold = load('classify-holdout-blind.jsonl');

  it('has well-formed records', () => {
    expect(gold.length).toBeGreaterThanOrEqual(15);
    checkRecords(gold);
  });

  it('reaches macro-F1 0.90 and at least 0.75 on every topic', () => {
    checkFloor(report(gold), 0.9, 0.75);
  });
});
