// Issue 6: the queue dashboard (bull-board) on vigil's HTTP server, only for holders of the token.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus.js';
import { type BullmqRunner, createBullmqRunner } from '../../jobs/runners/bullmq-runner.js';
import { createQueueDashboard } from '../../jobs/runners/queue-dashboard.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { deletePrefixes } from '../helpers/runner-contract.js';
import { hasRedis, redisUrl } from '../helpers/services.js';

const TOKEN = 'a-long-dashboard-token-for-tests';

describe.skipIf(!(await hasRedis()))('queue dashboard', () => {
  const prefixes: string[] = [];
  let runner: BullmqRunner | undefined;
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    await runner?.close();
    await deletePrefixes(redisUrl, prefixes);
  });

  it('refuses requests without the token and shows the queues with it', async () => {
    const prefix = `test-${randomUUID()}`;
    prefixes.push(prefix);
    const log = createMemoryLogger();
    runner = createBullmqRunner({
      redisUrl,
      prefix,
      role: 'bot',
      log,
      handlers: { poll: async () => 0, deliver: async () => 0 },
    });
    await runner.enqueue('poll', { sourceId: 'zerkalo' });
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      checks: [],
      metrics: createPrometheusMetrics(),
      log,
      routes: [createQueueDashboard(runner, TOKEN)],
    });
    const base = `http://127.0.0.1:${server.port}/admin/queues`;

    const anonymous = await fetch(base);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    expect((await fetch(base, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(
      401,
    );

    const page = await fetch(base, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);

    const basic = `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`;
    const api = await fetch(`${base}/api/queues?activeQueue=vigil-poll&status=waiting&page=1`, {
      headers: { authorization: basic },
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    const names = body.queues.map((queue) => queue.name);
    expect(names).toEqual(
      expect.arrayContaining(['vigil-poll', 'vigil-deliver-telegram', 'vigil-deliver-slack']),
    );
    expect(body.queues.find((queue) => queue.name === 'vigil-poll')?.counts.waiting).toBe(1);

    // Other paths are not the dashboard's.
    expect((await fetch(`http://127.0.0.1:${server.port}/admin/queuesX`)).status).toBe(404);
  });
});
