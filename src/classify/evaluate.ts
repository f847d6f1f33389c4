/** Scores predicted labels against gold labels: precision, recall and F1 per topic, macro-averaged. */

export interface GoldRecord {
  id: string;
  title?: string;
  text?: string;
  labels: readonly string[];
}

export interface Prediction {
  id: string;
  labels: readonly string[];
}

export interface TopicScore {
  topic: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface WrongItem {
  id: string;
  title: string;
  gold: string[];
  /** Empty when the item got no prediction at all (see `missing`). */
  predicted: string[];
  missing: boolean;
}

export interface EvalReport {
  items: number;
  topics: TopicScore[];
  macro: { precision: number; recall: number; f1: number };
  /** Items whose predicted label set differs from the gold one, in gold order. */
  wrong: WrongItem[];
}

/** The three contract topics are always scored, plus any other topic seen in gold or predictions. */
const BASE_TOPICS = ['sanctions', 'prisoners', 'diplomacy'];

function ratio(numerator: number, denominator: number, empty: number): number {
  return denominator === 0 ? empty : numerator / denominator;
}

export function evaluate(gold: readonly GoldRecord[], predictions: readonly Prediction[]): EvalReport {
  const predicted = new Map<string, readonly string[]>();
  for (const prediction of predictions) predicted.set(String(prediction.id), prediction.labels);
  const topics = [...BASE_TOPICS];
  for (const labels of [...gold.map((record) => record.labels), ...predictions.map((p) => p.labels)]) {
    for (const label of labels) if (!topics.includes(label)) topics.push(label);
  }

  const counts = new Map(topics.map((topic) => [topic, { tp: 0, fp: 0, fn: 0 }]));
  const wrong: WrongItem[] = [];
  for (const record of gold) {
    const id = String(record.id);
    const guess = predicted.get(id);
    const goldSet = new Set(record.labels);
    const guessSet = new Set(guess ?? []);
    for (const topic of topics) {
      const count = counts.get(topic) as { tp: number; fp: number; fn: number };
      const inGold = goldSet.has(topic);
      const inGuess = guessSet.has(topic);
      if (inGold && inGuess) count.tp++;
      else if (inGuess) count.fp++;
      else if (inGold) count.fn++;
    }
    const same = goldSet.size === guessSet.size && [...goldSet].every((label) => guessSet.has(label));
    if (!same || guess === undefined) {
      wrong.push({
        id,
        title: record.title ?? '',
        gold: topics.filter((topic) => goldSet.has(topic)),
        predicted: topics.filter((topic) => guessSet.has(topic)),
        missing: guess === undefined,
      });
    }
  }

  const scores: TopicScore[] = topics.map((topic) => {
    const { tp, fp, fn } = counts.get(topic) as { tp: number; fp: number; fn: number };
    // A topic nobody predicted and nobody labelled is perfect, not zero.
    const precision = ratio(tp, tp + fp, fn === 0 ? 1 : 0);
    const recall = ratio(tp, tp + fn, fp === 0 ? 1 : 0);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { topic, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
  });
  const mean = (pick: (score: TopicScore) => number) =>
    scores.reduce((sum, score) => sum + pick(score), 0) / Math.max(1, scores.length);
  return {
    items: gold.length,
    topics: scores,
    macro: { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) },
    wrong,
  };
}

const fixed = (value: number) => value.toFixed(3);

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}

function labelList(labels: readonly string[]): string {
  return labels.length === 0 ? '(none)' : labels.join(',');
}

/** A readable report: the per-topic table, the macro average and the wrong items. */
export function formatEvalReport(report: EvalReport): string {
  const rows = [
    ['topic', 'P', 'R', 'F1', 'TP', 'FP', 'FN'],
    ...report.topics.map((score) => [
      score.topic,
      fixed(score.precision),
      fixed(score.recall),
      fixed(score.f1),
      String(score.truePositives),
      String(score.falsePositives),
      String(score.falseNegatives),
    ]),
    ['macro', fixed(report.macro.precision), fixed(report.macro.recall), fixed(report.macro.f1), '', '', ''],
  ];
  const lines = [`${report.items} items`, '', table(rows), ''];
  if (report.wrong.length === 0) lines.push('no wrong items');
  else {
    lines.push(`${report.wrong.length} wrong items:`);
    const wrongRows = [
      ['id', 'gold', 'predicted', 'title'],
      ...report.wrong.map((item) => [
        item.id,
        labelList(item.gold),
        item.missing ? '(no prediction)' : labelList(item.predicted),
        item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title,
      ]),
    ];
    lines.push(
      wrongRows
        .map((row) =>
          row
            .map((cell, column) =>
              column < 3 ? cell.padEnd(Math.max(...wrongRows.map((r) => (r[column] ?? '').length))) : cell,
            )
            .join('  ')
            .trimEnd(),
        )
        .join('\n'),
    );
  }
  return lines.join('\n');
}
