/** A channel's stored watches, parsed and compiled once, ready to match every item of an ingest. Pure. */
import type { Watch } from '../corpus/corpus-store.js';
import type { ChannelRef } from '../ports.js';
import { type CompiledWatch, compileWatch } from './compile-watch.js';
import { parseWatch } from './watch-expression.js';

export interface ChannelWatch {
  id: number;
  channel: ChannelRef;
  expression: string;
  compiled: CompiledWatch;
}

export interface PreparedWatches {
  watches: ChannelWatch[];
  /** Stored watches that no longer parse (they were checked when added; kept for the caller to log). */
  failed: { id: number; error: string }[];
}

/**
 * Stored watches are parsed without the topic and source lists: a watch naming a source that was
 * removed since still compiles, and simply never matches that source again.
 */
export function prepareWatches(watches: readonly Watch[]): PreparedWatches {
  const prepared: PreparedWatches = { watches: [], failed: [] };
  for (const watch of watches) {
    const parsed = parseWatch(watch.expression);
    if (!parsed.ok) {
      prepared.failed.push({ id: watch.id, error: parsed.error });
      continue;
    }
    prepared.watches.push({
      id: watch.id,
      channel: watch.channel,
      expression: parsed.watch.expression,
      compiled: compileWatch(parsed.watch),
    });
  }
  return prepared;
}
