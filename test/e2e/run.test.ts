// `vigil run` on the embedded default: starts with no configuration beyond where to keep its files,
// answers /healthz, logs one clear line per failed poll, stops cleanly on Ctrl-C (SIGINT).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { freePort, startVigil, tempDir, waitFor } from '../helpers/run-vigil.js';

let feed: FeedServer;
beforeAll(async () => {
  feed = await startFeedServer();
  feed.items.push({
    guid: 'a-1',
    title: 'EU adopts sanctions against Belaruskali',
    text: 'Asset freezes and visa bans for officials.',
    publishedAt: new Date('2025-01-10T10:00:00Z'),
  });
});
afterAll(() => feed.close());

describe('vigil run', () => {
  it('polls on start, survives an unreachable source, serves /healthz and /metrics, stops on SIGINT', async () => {
    const dir = tempDir();
    const deadPort = await freePort();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({
        sources: [
          { id: 'local', name: 'Local', url: feed.url, intervalSeconds: 600 },
          {
            id: 'unreachable',
            name: 'Unreachable',
            url: `http://127.0.0.1:${deadPort}/rss`,
            intervalSeconds: 600,
          },
        ],
      }),
    );
    const port = await freePort();
    const child = startVigil(['run'], {
      env: {
        VIGIL_DB: path.join(dir, 'data', 'vigil.db'),
        VIGIL_SOURCES: catalogue,
        VIGIL_HTTP_PORT: String(port),
        VIGIL_ALLOW_PRIVATE_FEEDS: '1',
      },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const health = await waitFor(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        return response.status === 200 ? ((await response.json()) as { status: string }) : undefined;
      }, '/healthz');
      expect(health.status).toBe('ok');

      const failure = await waitFor(async () => {
        const line = stderr.split('\n').find((text) => text.includes('"poll failed"'));
        return line ? (JSON.parse(line) as { sourceId: string; reason: string; level: number }) : undefined;
      }, 'the failed poll log line');
      expect(failure.sourceId).toBe('unreachable');
      expect(failure.reason).toMatch(/refused|ECONNREFUSED/i);
      expect(stderr).not.toMatch(/^\s+at /m);
      await waitFor(async () => (feed.requests > 0 ? true : undefined), 'a poll of the local feed');

      const metrics = await waitFor(async () => {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return text.includes('vigil_polls_total{source="local",outcome="ok"}') ? text : undefined;
      }, 'poll metrics');
      expect(metrics).toContain('vigil_polls_total{source="unreachable",outcome="failed"} 1');
      expect(metrics).toMatch(/vigil_job_duration_seconds_count\{job="poll"\} [1-9]/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('"stopped"');
  });
});
