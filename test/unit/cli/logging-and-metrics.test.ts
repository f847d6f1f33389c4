// Issue 12, finding 8: on a terminal a failing source is one log line (not one per field), and the
// default process metrics are not named twice (`vigil_process_process_*`).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/log/create-logger.js';
import { createPrometheusMetrics } from '../../../adapters/metrics/prometheus.js';

describe('the pretty (terminal) log', () => {
  it('writes one line per event, with its fields', () => {
    const out = new PassThrough();
    const log = createLogger({ level: 'info', pretty: true, destination: out });
    log
      .child({ component: 'poll', sourceId: 'pozirk' })
      .warn(
        { url: 'https://pozirk.online/feed', reason: 'HTTP 503 from https://pozirk.online/feed' },
        'poll failed',
      );
    const text = (out.read() as Buffer).toString();
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('poll failed');
    expect(lines[0]).toContain('pozirk');
    expect(lines[0]).toContain('HTTP 503');
  });
});

describe('/metrics', () => {
  it('names the default metrics once: vigil_process_*, vigil_nodejs_*', async () => {
    const { body } = await createPrometheusMetrics().render();
    expect(body).toContain('vigil_process_cpu_user_seconds_total');
    expect(body).toContain('vigil_nodejs_eventloop_lag_seconds');
    expect(body).not.toContain('process_process');
    expect(body).toContain('vigil_polls_total');
  });
});
