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
  return hash32(id) % 5 === 0 ? 'held-out' : foldOf(id);
}

/** The cross-validation fold of an item by the same hash (items from outside the split take part in folds only). */
export function foldOf(id: string): number {
  return Math.floor(hash32(id) / 5) % FOLDS;
}
