/**
 * The metrics port: what the core counts and times. adapters/metrics implements it with prom-client
 * and serves it at /metrics; the core never imports a metrics library.
 */

type Labels<L extends string> = Partial<Record<L, string | number>>;

export interface CounterPort<L extends string> {
  inc(labels: Labels<L>, value?: number): void;
}

export interface GaugePort<L extends string> {
  set(labels: Labels<L>, value: number): void;
}

export interface HistogramPort<L extends string> {
  /** Starts timing; calling the returned function records the duration. */
  startTimer(labels: Labels<L>): () => void;
}

export interface Metrics {
  polls: CounterPort<'source' | 'outcome'>;
  itemsNew: CounterPort<'source'>;
  alertsSent: CounterPort<'platform'>;
  alertsFailed: CounterPort<'platform'>;
  /** Alerts given up: the bot was removed, the channel is gone, or every attempt failed. */
  alertsUndeliverable: CounterPort<'platform'>;
  queueDepth: GaugePort<'queue'>;
  jobLatency: HistogramPort<'job'>;
}
