/** `vigil ingest FILE…`: each local feed file is treated as a fetched feed: parse, classify, store, alert. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { classify } from '../../../src/classify/classify.js';
import type { Source } from '../../../src/corpus/corpus-store.js';
import { describeError } from '../../../src/errors.js';
import { decodeFeedBytes } from '../../../src/feeds/decode.js';
import { parseFeed } from '../../../src/feeds/parse-feed.js';
import { ingestFeed } from '../../../src/ingest/ingest-feed.js';
import { slugify } from '../../../src/sources/source-id.js';
import type { App } from '../app.js';
import { print, printError } from '../output.js';

/** A local file is its own source, paused (nothing polls it); everything in it may alert. */
async function fileSource(app: App, file: string): Promise<Source> {
  const absolute = path.resolve(file);
  const url = pathToFileURL(absolute).href;
  const existing = (await app.store.listSources()).find((source) => source.url === url);
  if (existing) return existing;
  const id = `file-${slugify(path.basename(absolute).replace(/\.[a-z]+$/i, ''))}`.slice(0, 63);
  return app.store.addSource(
    { id, name: path.basename(absolute), url, intervalSeconds: 600, paused: true },
    new Date(0).toISOString(),
  );
}

export async function ingestCommand(app: App, files: string[]): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const bytes = readFileSync(file);
      const fetchedAt = app.clock.now().toISOString();
      const feed = await parseFeed(decodeFeedBytes(bytes, null), { url: null, fetchedAt });
      const source = await fileSource(app, file);
      // A file is read on purpose: no baseline, no age limit; everything in it may alert.
      const policy = { baseline: false, now: app.clock.now(), maxAgeMs: null };
      const summary = await ingestFeed(source, feed, fetchedAt, { store: app.store, classify }, policy);
      await app.store.updateSource(source.id, {
        format: feed.kind,
        health: {
          lastSuccessAt: fetchedAt,
          lastAttemptAt: fetchedAt,
          consecutiveFailures: 0,
          lastError: null,
        },
      });
      for (const channel of summary.channels) await app.runner.enqueue('deliver', { channel });
      print(`${file}: ${summary.new} new, ${summary.duplicate} duplicate, ${summary.rejected} rejected`);
      for (const reason of summary.rejectedReasons) printError(`${file}: rejected ${reason}`);
    } catch (error) {
      failed++;
      printError(`${file}: cannot ingest: ${describeError(error)}`);
    }
  }
  // In-process, wait for the deliveries; with REDIS_URL they are on the queue for the workers.
  // Deliveries an earlier run left waiting go too.
  await app.wakeOutbox();
  if (!app.bullmq) await app.runner.idle();
  return failed > 0 ? 1 : 0;
}
