/**
 * bench/pipeline.ts's sources part, run in a child process: N feed sources that answer 304, polled
 * every 5 minutes by one in-process worker. The schedule is compressed: the runner keeps its N
 * five-minute schedules (their memory counts), and each round enqueues the N polls at once, as the
 * schedules fire them, then runs until the queue is empty. The round's CPU time over the 300 s it
 * stands for is the worker's share.
 */
import { performance } from 'node:perf_hooks';
import { wirePipeline } from './_pipeline-wiring.js';
import { openBenchStore } from './_store.js';

export interface SourcesFigures {
  count: number;
  rounds: number;
  /** Wall time of the slowest round. */
  roundSeconds: number;
  cpuSecondsPerRound: number;
  /** CPU time per round over the 300 s interval, as a share of two cores. */
  cpuPercent: number;
  /** Peak resident set size of the worker process, set-up included. */
  rssMB: number;
  /** Its resident set size once the modules were loaded, before any source. */
  startRssMB: number;
  errors: number;
}

const INTERVAL_S = 300;
const CORES = 2;

export async function runSourcesWorker(base: string, count: number, rounds: number): Promise<SourcesFigures> {
  const startRssMB = Math.round(process.memoryUsage().rss / 1048576);
  const opened = await openBenchStore('sources');
  const { store } = opened;
  const wired = await wirePipeline({ store, notifiers: new Map(), runner: 'in-process' });
  const addedAt = new Date().toISOString();
  for (let n = 0; n < count; n++) {
    const id = `quiet-${n}`;
    await store.addSource(
      { id, name: `Quiet ${n}`, url: `${base}/feed/${n}`, intervalSeconds: INTERVAL_S },
      addedAt,
    );
    // As after a first 200: the validators are stored, so every poll is a conditional GET.
    await store.updateSource(id, { etag: '"v1"', format: 'rss', health: { lastSuccessAt: addedAt } });
  }
  const sources = await store.listSources();
  await wired.runner.syncSchedules(sources);
  let cpuMicros = 0;
  let roundSeconds = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (const source of sources) await wired.runner.enqueue('poll', { sourceId: source.id });
      await wired.runner.idle();
      roundSeconds = Math.max(roundSeconds, (performance.now() - started) / 1000);
      const used = process.cpuUsage(cpu);
      cpuMicros += used.user + used.system;
    }
  } finally {
    await wired.close();
    await opened.cleanup();
  }
  const cpuSecondsPerRound = cpuMicros / 1e6 / rounds;
  return {
    count,
    rounds,
    roundSeconds: Math.round(roundSeconds * 10) / 10,
    cpuSecondsPerRound: Math.round(cpuSecondsPerRound * 10) / 10,
    cpuPercent: Math.round((cpuSecondsPerRound / (INTERVAL_S * CORES)) * 1000) / 10,
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    startRssMB,
    errors: wired.log.lines.filter((line) => line.level === 'error' || line.level === 'warn').length,
  };
}
