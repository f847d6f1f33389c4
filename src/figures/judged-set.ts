/**
 * The judged figures of the shared eval items (test/fixtures/figures-judged.json) and their fixed
 * split: an item is held out when the number in its id is divisible by 3; the rest is the dev set.
 */
import { z } from 'zod';
import { FIGURE_KINDS } from './figure.js';
import type { JudgedFigures } from './score-figures.js';

const JudgedSetFile = z.object({
  files: z.array(z.string()).min(1),
  figures: z.record(z.string(), z.array(z.tuple([z.enum(FIGURE_KINDS), z.number().int().positive()]))),
});

export interface JudgedSet {
  /** The eval files (under ../shared/eval/) whose every item was judged. */
  files: string[];
  figures: JudgedFigures;
}

export function parseJudgedSet(json: unknown): JudgedSet {
  const parsed = JudgedSetFile.parse(json);
  return { files: parsed.files, figures: parsed.figures };
}

export function isHeldOut(itemId: string): boolean {
  const digits = itemId.replace(/\D/g, '');
  return digits !== '' && Number(digits) % 3 === 0;
}
