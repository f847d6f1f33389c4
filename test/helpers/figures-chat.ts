/** What the chat `figures` tests share: a seeded store, command deps with the real chart renderer. */
import path from 'node:path';
import { chartRenderer } from '../../adapters/charts/chart-renderer.js';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { CommandDeps } from '../../src/commands/command.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { type ChartImage, type ChartRenderer, systemClock } from '../../src/ports.js';
import { seedFiguresStore } from './figures-store.js';
import { tempDir } from './run-vigil.js';

/** The real renderer, keeping what it drew so a test can compare the bytes that arrived. */
export function recordingCharts(): ChartRenderer & { drawn: ChartImage[] } {
  const drawn: ChartImage[] = [];
  return {
    drawn,
    async renderPng(spec) {
      const image = await chartRenderer.renderPng(spec);
      drawn.push(image);
      return image;
    },
  };
}

/** A SQLite store seeded with figure items (test/helpers/figures-store.ts), opened for commands. */
export async function openFiguresStore(): Promise<CorpusStore> {
  const db = path.join(tempDir(), 'figures.db');
  await seedFiguresStore(db);
  return createCorpusStore(db);
}

/** The seed's items are dated from the real time, so the command reads them against the system clock. */
export function figuresDeps(store: CorpusStore, charts: ChartRenderer): CommandDeps {
  return {
    store,
    clock: systemClock,
    admins: [],
    fetchOptions: { allowPrivate: true, timeoutMs: 5000 },
    topics: ['sanctions', 'prisoners', 'diplomacy'],
    charts,
  };
}
