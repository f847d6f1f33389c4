/** `vigil poll --once [--source ID]`: poll every (or one) source once, deliver, summarise, exit. */
import type { PollSummary } from '../../../jobs/handlers/poll-source.js';
import type { App } from '../app.js';
import { CliError, print } from '../output.js';

export function formatPollSummary(summary: PollSummary): string {
  const counts = `${summary.new} new, ${summary.duplicate} duplicate, ${summary.rejected} rejected, ${summary.alerts} alerts`;
  const reason = summary.reason ? ` (${summary.reason})` : '';
  return `${summary.sourceId}: ${summary.outcome}${summary.outcome === 'ok' ? `: ${counts}` : ''}${reason}`;
}

export async function pollOnceCommand(app: App, sourceId: string | undefined): Promise<number> {
  const sources = await app.store.listSources();
  const chosen = sourceId
    ? sources.filter((source) => source.id === sourceId)
    : sources.filter((s) => !s.paused);
  if (sourceId && chosen.length === 0)
    throw new CliError(`no source with id "${sourceId}" (see: vigil sources list)`);
  // Sources are polled concurrently, a few at a time, so one slow server does not hold up the rest.
  const summaries: PollSummary[] = [];
  const queue = [...chosen];
  await Promise.all(
    Array.from({ length: Math.min(4, queue.length) }, async () => {
      for (let source = queue.shift(); source; source = queue.shift()) {
        const summary = await app.poll(source.id, true);
        summaries.push(summary);
        print(formatPollSummary(summary));
      }
    }),
  );
  // In-process, wait for the deliveries; with REDIS_URL they are on the queue for the workers.
  // Deliveries an earlier run left waiting go too.
  await app.wakeOutbox();
  if (!app.bullmq) await app.runner.idle();
  const failed = summaries.filter((summary) => summary.outcome === 'failed').length;
  const fresh = summaries.reduce((sum, summary) => sum + summary.new, 0);
  print(`polled ${summaries.length} sources: ${fresh} new items, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
