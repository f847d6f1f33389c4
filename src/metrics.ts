/** Prometheus metrics (prom-client): one registry per process, served at /metrics. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  polls: Counter<'source' | 'outcome'>;
  itemsNew: Counter<'source'>;
  alertsSent: Counter<'platform'>;
  alertsFailed: Counter<'platform'>;
  queueDepth: Gauge<'queue'>;
  jobLatency: Histogram<'job'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_process_' });
  return {
    registry,
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
