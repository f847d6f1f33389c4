/** Tables of a scored set: per label, per language, and which labels are confused with which (Markdown). */
import { evaluate } from '../evaluate.js';

export interface ScoredItem {
  id: string;
  language: string;
  gold: readonly string[];
  predicted: readonly string[];
}

/** The six languages of the first hidden set are shown one by one; the rest pooled as "other". */
const MAIN_LANGUAGES = ['en', 'ru', 'uk', 'be', 'pl', 'lt'];
const NONE = '(none)';

const fixed = (value: number) => value.toFixed(3);

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(cells: readonly string[]): string[] {
  return [row(cells), row(cells.map(() => '---'))];
}

function evaluateItems(items: readonly ScoredItem[]) {
  return evaluate(
    items.map((item) => ({ id: item.id, labels: item.gold })),
    items.map((item) => ({ id: item.id, labels: item.predicted })),
  );
}

export function macroF1(items: readonly ScoredItem[]): number {
  return evaluateItems(items).macro.f1;
}

export function labelTable(items: readonly ScoredItem[]): string {
  const report = evaluateItems(items);
  return [
    ...header(['label', 'P', 'R', 'F1', 'TP', 'FP', 'FN']),
    ...report.topics.map((topic) =>
      row([
        topic.topic,
        fixed(topic.precision),
        fixed(topic.recall),
        fixed(topic.f1),
        topic.truePositives,
        topic.falsePositives,
        topic.falseNegatives,
      ]),
    ),
    row([
      '**macro**',
      fixed(report.macro.precision),
      fixed(report.macro.recall),
      `**${fixed(report.macro.f1)}**`,
      '',
      '',
      '',
    ]),
  ].join('\n');
}

export function languageTable(items: readonly ScoredItem[]): string {
  const groups = new Map<string, ScoredItem[]>();
  const others = new Set<string>();
  for (const item of items) {
    const key = MAIN_LANGUAGES.includes(item.language) ? item.language : 'other';
    if (key === 'other') others.add(item.language);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const order = [...MAIN_LANGUAGES, 'other'].filter((key) => groups.has(key));
  return [
    ...header(['language', 'items', 'sanctions F1', 'prisoners F1', 'diplomacy F1', 'macro-F1']),
    ...order.map((key) => {
      const group = groups.get(key) as ScoredItem[];
      const report = evaluateItems(group);
      const name = key === 'other' ? `other (${[...others].sort().join(', ')})` : key;
      return row([
        name,
        group.length,
        ...report.topics.slice(0, 3).map((topic) => fixed(topic.f1)),
        fixed(report.macro.f1),
      ]);
    }),
  ].join('\n');
}

/**
 * Rows: a gold label (or none); columns: a predicted label (or none); a cell counts the items
 * that carry the row's label and got the column's. The diagonal holds the hits.
 */
export function confusionTable(items: readonly ScoredItem[], labels: readonly string[]): string {
  const keys = [...labels, NONE];
  const counts = new Map(keys.map((gold) => [gold, new Map(keys.map((predicted) => [predicted, 0]))]));
  for (const item of items) {
    const golds = item.gold.length === 0 ? [NONE] : item.gold;
    const predicted = item.predicted.length === 0 ? [NONE] : item.predicted;
    for (const gold of golds) {
      const cells = counts.get(gold);
      if (cells === undefined) continue;
      for (const guess of predicted) cells.set(guess, (cells.get(guess) ?? 0) + 1);
    }
  }
  return [
    ...header(['gold \\ predicted', ...keys]),
    ...keys.map((gold) => row([gold, ...keys.map((predicted) => counts.get(gold)?.get(predicted) ?? 0)])),
  ].join('\n');
}

export function markdownReport(
  title: string,
  items: readonly ScoredItem[],
  labels: readonly string[],
): string {
  return [
    `#### ${title} (${items.length} items)`,
    '',
    labelTable(items),
    '',
    languageTable(items),
    '',
    confusionTable(items, labels),
    '',
  ].join('\n');
}
