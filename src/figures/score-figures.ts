/** Scores extracted figures against judged ones: precision and recall per kind, over (item, kind, value). */
import { FIGURE_KINDS, type FigureKind } from './figure.js';

/** Per item id, the figures as `[kind, value]` pairs. */
export type JudgedFigures = Record<string, readonly (readonly [string, number])[]>;

export interface KindScore {
  kind: FigureKind;
  judged: number;
  extracted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface FigureMiss {
  itemId: string;
  kind: string;
  value: number;
  /** `missed`: judged, not extracted; `extra`: extracted, not judged. */
  error: 'missed' | 'extra';
}

export interface FiguresScore {
  items: number;
  kinds: KindScore[];
  /** Over all kinds together. */
  overall: { judged: number; extracted: number; truePositives: number; precision: number; recall: number };
  misses: FigureMiss[];
}

function keys(pairs: readonly (readonly [string, number])[] | undefined): Set<string> {
  return new Set((pairs ?? []).map(([kind, value]) => `${kind}:${value}`));
}

/** 1 when there is nothing to get wrong: no figures extracted means no false ones. */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

/** `itemIds` are all the items scored: those absent from `judged` or `extracted` carry no figures. */
export function scoreFigures(
  itemIds: readonly string[],
  judged: JudgedFigures,
  extracted: JudgedFigures,
): FiguresScore {
  const counts = new Map(FIGURE_KINDS.map((kind) => [kind as string, { judged: 0, extracted: 0, tp: 0 }]));
  const misses: FigureMiss[] = [];
  for (const itemId of itemIds) {
    const gold = keys(judged[itemId]);
    const found = keys(extracted[itemId]);
    for (const key of new Set([...gold, ...found])) {
      const [kind = '', valueText = '0'] = key.split(':');
      const count = counts.get(kind);
      if (count === undefined) continue;
      const inGold = gold.has(key);
      const inFound = found.has(key);
      if (inGold) count.judged++;
      if (inFound) count.extracted++;
      if (inGold && inFound) count.tp++;
      else misses.push({ itemId, kind, value: Number(valueText), error: inGold ? 'missed' : 'extra' });
    }
  }
  const kinds = FIGURE_KINDS.map((kind) => {
    const count = counts.get(kind) as { judged: number; extracted: number; tp: number };
    return {
      kind,
      judged: count.judged,
      extracted: count.extracted,
      truePositives: count.tp,
      precision: ratio(count.tp, count.extracted),
      recall: ratio(count.tp, count.judged),
    };
  });
  const sum = (pick: (score: KindScore) => number) => kinds.reduce((total, score) => total + pick(score), 0);
  const judgedTotal = sum((score) => score.judged);
  const extractedTotal = sum((score) => score.extracted);
  const truePositives = sum((score) => score.truePositives);
  return {
    items: itemIds.length,
    kinds,
    overall: {
      judged: judgedTotal,
      extracted: extractedTotal,
      truePositives,
      precision: ratio(truePositives, extractedTotal),
      recall: ratio(truePositives, judgedTotal),
    },
    misses,
  };
}
