/** The metrics port on prom-client: one registry per process, rendered for /metrics. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../../src/metrics.js';

/** What /metrics serves. */
export interface MetricsEndpoint {
  render(): Promise<{ contentType: string; body: string }>;
}

export type PrometheusMetrics = Metrics & MetricsEndpoint;

export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  // The default collectors already name themselves process_* and nodejs_*: the prefix is only ours.
  collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  return {
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
    polls: new Counter({
      name: 'vigil_polls_total',
      help: 'Source polls by outcome (ok, not-modified, failed, skipped).',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
    itemsNew: new Counter({
      name: 'vigil_items_new_total',
      help: 'New items stored.',
      labelNames: ['source'],
      registers: [registry],
    }),
    alertsSent: new Counter({
      name: 'vigil_alerts_sent_total',
      help: 'Alerts delivered to a chat.',
      labelNames: ['platform'],
      registers: [registry],
    }),
    alertsFailed: new Counter({
      name: 'vigil_alerts_failed_total',
      help: 'Alert deliveries that failed.',
      labelNames: ['platform'],
      registers: [registry],
    }),
    alertsUndeliverable: new Counter({
      name: 'vigil_alerts_undeliverable_total',
      help: 'Alerts given up: the bot was removed, the channel is gone, or every attempt failed.',
      labelNames: ['platform'],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'vigil_queue_depth',
      help: 'Jobs waiting to run.',
      labelNames: ['queue'],
      registers: [registry],
    }),
    jobLatency: new Histogram({
      name: 'vigil_job_duration_seconds',
      help: 'Time a job took to run.',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
  };
}
