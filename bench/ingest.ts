/**
 * Ingest throughput: fetch + parse/normalise + classify + store of a generated feed served from loopback,
 * against rss-parser's parseString alone on the same bytes.
 *
 * `npm run bench -- ingest [--quick] [items] [runs]`: 5,000 items of ~2.4 KB, best of 5 runs
 * (quick: 1,500 items, best of 2). The store is VIGIL_DB as the product takes it, else a new SQLite
 * file in a temp folder (bench/_store.ts), a new one per run.
 * Prints per stage the best run (and items/s from it), the median and the worst, the machine load
 * before and after, then one JSON line whose `ratio` is the whole pipeline's rate over rss-parser's
 * parse-alone rate on the same bytes (issue 17's target: at least 1/3).
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Parser from 'rss-parser';
import { classify } from '../src/classify/classify.js';
import type { ItemInput } from '../src/corpus/corpus-store.js';
import { fetchFeed } from '../src/feeds/fetch-feed.js';
import { parseFeed } from '../src/feeds/parse-feed.js';
import { detectLanguage } from '../src/text/detect-language.js';
import { printResult } from './_machine.js';
import { openBenchStore } from './_store.js';

const quick = process.argv.includes('--quick');
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const count = Number(positional[0] ?? (quick ? 1500 : 5000));
const runs = Number(positional[1] ?? (quick ? 2 : 5));

const PARAGRAPHS = [
  'The European Union extended sanctions against Belaruskali and the potash sector on Tuesday, citing continued repression.',
  'Правозащитный центр «Вясна» сообщил, что в Беларуси остаются 1226 политических заключённых, в том числе журналисты.',
  'Spokesman said Washington will close the loopholes in the sanctions packages and seek the release of all political prisoners.',
  'Дипломаты обсудили в Вильнюсе возможное смягчение санкций в обмен на освобождение политзаключённых.',
  'Siarhiej Cichanoŭski and 13 other prisoners were released on June 21 after a meeting with the US special envoy.',
];

function generateFeed(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = Array.from(
      { length: 7 },
      (_, k) =>
        `<p>${PARAGRAPHS[(i + k) % PARAGRAPHS.length]} ${PARAGRAPHS[(i + k + 2) % PARAGRAPHS.length]}</p>`,
    ).join('');
    const html = `${body}<p>Write your comment ${i % 50}</p><script>track(${i})</script>`;
    items.push(
      `<item><title>Item ${i}: sanctions &amp; prisoners update №${i}</title>` +
        `<link>https://example.org/news/${i}?utm_source=rss&amp;utm_medium=feed</link>` +
        `<guid isPermaLink="false">bench-${i}</guid>` +
        `<pubDate>${new Date(Date.UTC(2025, 0, 1) + i * 60_000).toUTCString()}</pubDate>` +
        `<description><![CDATA[${html}]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title><link>https://example.org/</link><language>en</language>${items.join('')}</channel></rss>`;
}

function report(stage: string, samples: readonly number[], items: number): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const best = sorted[0] ?? Number.NaN;
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const worst = sorted[sorted.length - 1] ?? Number.NaN;
  const rate = Math.round(items / (best / 1000));
  process.stdout.write(
    `${stage.padEnd(36)} ${best.toFixed(1).padStart(9)} ms  ${String(rate).padStart(9)} items/s` +
      `   (median ${median.toFixed(1)}, worst ${worst.toFixed(1)})\n`,
  );
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const xml = generateFeed(count);
  const body = Buffer.from(xml);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  process.stdout.write(
    `${count} items, ${(body.length / count / 1024).toFixed(2)} KB each, ${(body.length / 1048576).toFixed(1)} MiB; best of ${runs}\n` +
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average before: ${load()}\n`,
  );
  classify({ title: 'warm-up', text: 'load the topic files before timing' });

  let storeKind = 'sqlite';
  const samples = new Map<string, number[]>();
  const keep = (stage: string, ms: number) => samples.set(stage, [...(samples.get(stage) ?? []), ms]);
  try {
    for (let run = 0; run < runs; run++) {
      let t = performance.now();
      await new Parser().parseString(xml);
      keep('rss-parser parseString alone', performance.now() - t);

      t = performance.now();
      const fetched = await fetchFeed({ url }, { allowPrivate: true, maxBytes: 256 * 1024 * 1024 });
      keep('fetch (loopback, decode)', performance.now() - t);
      if (fetched.status !== 'ok') throw new Error('unexpected 304');

      t = performance.now();
      const feed = await parseFeed(fetched.text, {
        url: fetched.finalUrl,
        fetchedAt: new Date().toISOString(),
      });
      keep('parse + normalise (parseFeed)', performance.now() - t);
      if (feed.items.length !== count) throw new Error(`parsed ${feed.items.length} of ${count}`);

      // The share of parseFeed spent in detectLanguage (src/text), on the same 400-character samples.
      t = performance.now();
      for (const item of feed.items) detectLanguage(`${item.title}\n${item.text.slice(0, 400)}`);
      keep('  of which detectLanguage', performance.now() - t);

      t = performance.now();
      const fetchedAt = new Date().toISOString();
      const inputs: ItemInput[] = feed.items.map((item) => ({
        ...item,
        sourceId: 'bench',
        fetchedAt,
        ...classify({ title: item.title, text: item.text, language: item.language }),
      }));
      keep('classify', performance.now() - t);

      const opened = await openBenchStore(`ingest-${run}`);
      storeKind = opened.kind;
      try {
        await opened.store.addSource({ id: 'bench', name: 'Bench', url, intervalSeconds: 600 }, fetchedAt);
        t = performance.now();
        await opened.store.insertItems(inputs);
        keep('store (one transaction)', performance.now() - t);
      } finally {
        await opened.cleanup();
      }
    }
  } finally {
    server.close();
  }
  // The whole pipeline per run: the sum of its stages in that run (fetch, parse, classify, store).
  const wholeRuns: number[] = [];
  for (let run = 0; run < runs; run++) {
    let total = 0;
    for (const [stage, list] of samples) {
      if (!stage.startsWith('rss-parser') && !stage.startsWith(' ')) total += list[run] ?? 0;
    }
    wholeRuns.push(total);
  }
  for (const [stage, list] of samples) report(stage, list, count);
  report('fetch+parse+normalise+classify+store', wholeRuns, count);
  const parseAlone = Math.min(...(samples.get('rss-parser parseString alone') ?? []));
  const whole = Math.min(...wholeRuns);
  const ratio = Math.round((parseAlone / whole) * 1000) / 1000;
  process.stdout.write(`whole pipeline / parse alone (rate): ${ratio}; load average after: ${load()}\n`);
  const best = (stage: string) => Math.round(Math.min(...(samples.get(stage) ?? [])) * 10) / 10;
  printResult('ingest', {
    quick,
    store: storeKind,
    items: count,
    runs,
    ratio,
    itemsPerSecond: Math.round(count / (whole / 1000)),
    bestMs: Object.fromEntries([...samples.keys()].map((stage) => [stage.trim(), best(stage)])),
    wholeMs: Math.round(whole * 10) / 10,
  });
}

// VIGIL_BENCH_DUMP=FILE writes the generated feed there instead (for profiling parseFeed alone).
const dump = process.env.VIGIL_BENCH_DUMP;
if (dump) writeFileSync(dump, generateFeed(count));
else await main();
