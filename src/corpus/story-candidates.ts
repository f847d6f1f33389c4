/** The recent items a new item may join as one story, and the choice among them (shared by both stores). */
import {
  compareSignatures,
  decodeSignature,
  isLinkableSignature,
  isSameStory,
  type PreparedSignature,
  prepareSignature,
  type StorySignature,
} from './story-signature.js';

/** Items of one story are published within this much of each other. */
export const STORY_WINDOW_MS = 48 * 3_600_000;
/** At most this many stored items are read per time span of a batch (newest first). */
export const MAX_STORED_CANDIDATES = 2000;
/** At most this many candidates per source and language are looked at per new item, the last stored first. */
const MAX_SCANNED_PER_GROUP = 100;

export interface StoryCandidate {
  id: number;
  /** The story's first item: what a link points at. */
  root: number;
  sourceId: string;
  language: string | null;
  publishedMs: number;
  signature: StorySignature;
}

export interface StoryCandidateRow {
  id: number;
  root: number;
  source_id: string;
  language: string | null;
  published_ms: number;
  story_signature: string | null;
}

export const candidateFromRow = (row: StoryCandidateRow): StoryCandidate => ({
  id: row.id,
  root: row.root,
  sourceId: row.source_id,
  language: row.language,
  publishedMs: row.published_ms,
  signature: decodeSignature(row.story_signature),
});

/**
 * The time spans to read candidates for: each item's ±48 h window, overlapping ones merged, so a
 * batch spread over months reads a few small spans rather than one huge one.
 */
export function candidateSpans(publishedMs: readonly number[]): { fromMs: number; toMs: number }[] {
  const sorted = [...publishedMs].sort((a, b) => a - b);
  const spans: { fromMs: number; toMs: number }[] = [];
  for (const ms of sorted) {
    const last = spans[spans.length - 1];
    if (last !== undefined && ms - STORY_WINDOW_MS <= last.toMs) last.toMs = ms + STORY_WINDOW_MS;
    else spans.push({ fromMs: ms - STORY_WINDOW_MS, toMs: ms + STORY_WINDOW_MS });
  }
  return spans;
}

/** Another outlet, or the same outlet in another language (a page carrying a translation). */
function mayLink(
  item: { sourceId: string; language: string | null },
  stored: { sourceId: string; language: string | null },
): boolean {
  if (item.sourceId !== stored.sourceId) return true;
  return item.language !== null && stored.language !== null && item.language !== stored.language;
}

interface CandidateGroup {
  sourceId: string;
  language: string | null;
  /** `prepared` is filled on the first comparison: most candidates are never compared. */
  items: { candidate: StoryCandidate; prepared: PreparedSignature | null }[];
}

/**
 * Candidates grouped by source and language, in the order they were stored, so a new item skips
 * its own outlet's same-language items without looking at each.
 */
export class StoryCandidatePool {
  private readonly groups = new Map<string, CandidateGroup>();

  add(candidate: StoryCandidate): void {
    if (!isLinkableSignature(candidate.signature)) return;
    const groupKey = `${candidate.sourceId}\u0000${candidate.language ?? ''}`;
    let group = this.groups.get(groupKey);
    if (group === undefined) {
      group = { sourceId: candidate.sourceId, language: candidate.language, items: [] };
      this.groups.set(groupKey, group);
    }
    group.items.push({ candidate, prepared: null });
  }

  /**
   * The story root a new item joins, or null: the candidate with the highest weighted overlap
   * that meets the rule (story-signature.ts), the older story on a tie.
   */
  match(item: Omit<StoryCandidate, 'id' | 'root'>): number | null {
    if (!isLinkableSignature(item.signature)) return null;
    let prepared: PreparedSignature | null = null;
    let best: { root: number; overlap: number } | null = null;
    for (const group of this.groups.values()) {
      if (!mayLink(item, group)) continue;
      const last = Math.max(0, group.items.length - MAX_SCANNED_PER_GROUP);
      for (let i = group.items.length - 1; i >= last; i--) {
        const entry = group.items[i] as CandidateGroup['items'][number];
        const candidate = entry.candidate;
        if (Math.abs(candidate.publishedMs - item.publishedMs) > STORY_WINDOW_MS) continue;
        entry.prepared ??= prepareSignature(candidate.signature);
        prepared ??= prepareSignature(item.signature);
        const similarity = compareSignatures(prepared, entry.prepared);
        if (!isSameStory(similarity)) continue;
        if (
          best === null ||
          similarity.overlap > best.overlap ||
          (similarity.overlap === best.overlap && candidate.root < best.root)
        ) {
          best = { root: candidate.root, overlap: similarity.overlap };
        }
      }
    }
    return best?.root ?? null;
  }
}
