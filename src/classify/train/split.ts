/**
 * The one fixed split of a labelled set: an item's part follows from a hash of its id alone, so
 * the split never changes when items are added, reordered or relabelled.
 */
import { createHash } from 'node:crypto';

export const FOLDS = 5;

/** `held-out` for about one item in five, else a cross-validation fold 0..FOLDS-1. */
export type SplitPart = 'held-out' | number;

function hash32(id: string): number {
  return createHash('sha256').update(`vigil-classify:${id}`).digest().readUInt32BE(0);
}

export function splitPart(id: string): SplitPart {
  const value = hash32(id);
  if (value % 5 === 0) return 'held-out';
  return Math.floor(value / 5) % FOLDS;
}
