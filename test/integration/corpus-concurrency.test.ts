/**
 * Two worker PROCESSES insert the same items at once, each asking for a delivery with every new item,
 * on each store: one copy of each item, one delivery row per story (issue 17's outbox).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import type { InsertResult, ItemInput } from '../../src/corpus/corpus-store.js';
import { databaseUrl, hasPostgres } from '../helpers/services.js';
import { makeItem } from './corpus-store.contract.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const worker = path.join(root, 'test/integration/helpers/corpus-insert-worker.mjs');
const builtStore = path.join(root, 'dist/adapters/db/create-corpus-store.js');
const postgres = await hasPostgres();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

interface WorkerOutcome {
  results: InsertResult[];
  /** Whether this process's insert wrote the item's delivery row. */
  claims: boolean[];
}

interface Verified {
  items: number;
  pendingDeliveries: number;
}

type WorkerMessage =
  | { type: 'ready' }
  | ({ type: 'done' } & WorkerOutcome)
  | { type: 'error'; message: string };

function start(args: string[]): { child: ChildProcess; ready: Promise<void>; done: Promise<WorkerOutcome> } {
  const child = fork(worker, args, { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const done = new Promise<WorkerOutcome>((resolve, reject) => {
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') onReady();
      else if (message.type === 'done') resolve({ results: message.results, claims: message.claims });
      else reject(new Error(`worker failed: ${message.message}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`worker exited with ${code} before finishing`)));
  });
  // A failure before 'ready' must not leave the test waiting for it.
  done.catch(() => onReady());
  return { child, ready, done };
}

/** 150 stories, each reported by two sources: 300 distinct (source, guid). */
function storyItems(): ItemInput[] {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: 150 }, (_, n) => {
    const story = { title: `Story ${run} ${n}`, text: `Text of story ${n} about potash.` };
    return [
      makeItem({ ...story, sourceId: 'alpha', guid: `${run}-${n}` }),
      makeItem({ ...story, sourceId: 'beta', guid: `${run}-${n}` }),
    ];
  }).flat();
}

async function race(dbSetting: string, schema: string | null, verify: () => Promise<Verified>) {
  const items = storyItems();
  const channel = { platform: 'telegram', channelId: '-1001' };
  const args = schema === null ? [dbSetting] : [dbSetting, schema];
  const workers = [start(args), start(args)];
  await Promise.all(workers.map((w) => w.ready));
  // Same items, opposite orders, small batches: the batches of the two processes interleave.
  workers[0]?.child.send({ items, channel, batchSize: 10 });
  workers[1]?.child.send({ items: [...items].reverse(), channel, batchSize: 10 });
  const [a, b] = await Promise.all(workers.map((w) => w.done));
  if (!a || !b) throw new Error('a worker gave no outcome');

  const bKey = new Map<string, InsertResult>();
  [...items].reverse().forEach((item, index) => {
    const result = b.results[index];
    if (result) bKey.set(`${item.sourceId}/${item.guid}`, result);
  });
  const ids = new Set<number>();
  items.forEach((item, index) => {
    const first = a.results[index];
    const second = bKey.get(`${item.sourceId}/${item.guid}`);
    // Both processes name the same row; exactly one of them created it.
    expect(second?.id).toBe(first?.id);
    expect([first?.status, second?.status].sort()).toEqual(['duplicate', 'new']);
    if (first) ids.add(first.id);
  });
  expect(ids.size).toBe(items.length);
  const verified = await verify();
  expect(verified.items).toBe(items.length);
  // One delivery row per story (two outlets, one story): items.length / 2.
  expect(verified.pendingDeliveries).toBe(items.length / 2);

  // Each pair is one story: one root, the other linked to it.
  for (let n = 0; n < items.length; n += 2) {
    const alpha = a.results[n];
    const beta = a.results[n + 1];
    const links = [alpha?.storyOf, beta?.storyOf];
    expect(links.filter((link) => link === null)).toHaveLength(1);
    expect(links).toContain(alpha?.storyOf === null ? alpha?.id : beta?.id);
  }

  // Each story's delivery written by exactly one process, once.
  const claimsByStory = new Map<number, number>();
  const count = (outcome: WorkerOutcome) =>
    outcome.results.forEach((result, index) => {
      const story = result.storyOf ?? result.id;
      if (outcome.claims[index]) claimsByStory.set(story, (claimsByStory.get(story) ?? 0) + 1);
    });
  count(a);
  count(b);
  expect(claimsByStory.size).toBe(items.length / 2);
  expect([...claimsByStory.values()].every((n) => n === 1)).toBe(true);
}

describe('corpus under two writer processes', () => {
  beforeAll(() => {
    let built = 0;
    try {
      built = statSync(builtStore).mtimeMs;
    } catch {
      built = 0;
    }
    const sources = Math.max(
      newestMtime(path.join(root, 'src/corpus')),
      newestMtime(path.join(root, 'adapters/db')),
    );
    if (built < sources) {
      throw new Error(
        'dist/ is missing or older than src/corpus or adapters/db: run `npm run build` (npm test runs it first)',
      );
    }
  });

  it('sqlite: one copy of each item, one delivery per story', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-race-'));
    const file = path.join(dir, 'vigil.db');
    try {
      await race(file, null, async () => {
        const store = await createCorpusStore(file);
        const { items } = await store.stats();
        const { pending } = await store.deliveryCounts();
        await store.close();
        return { items, pendingDeliveries: pending };
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!postgres)('postgres: one copy of each item, one delivery per story', async () => {
    const schema = `vigil_test_${randomUUID().replaceAll('-', '')}`;
    try {
      await race(databaseUrl, schema, async () => {
        const store = await createCorpusStore(databaseUrl, { schema });
        const { items } = await store.stats();
        const { pending } = await store.deliveryCounts();
        await store.close();
        return { items, pendingDeliveries: pending };
      });
    } finally {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
