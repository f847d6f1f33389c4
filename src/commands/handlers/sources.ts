/** `sources`: the source list with health, failing sources first with their last error. */
import type { Source } from '../../corpus/corpus-store.js';
import type { Reply } from '../reply.js';
import { commandPrefix, excerpt, formatTime, type HandlerContext } from './context.js';

const ERROR_CHARS = 200;

function describe(source: Source): string {
  const head = `${source.id} · ${source.name}`;
  if (source.paused) return `${head}: paused${source.pausedReason ? ` (${source.pausedReason})` : ''}`;
  const { consecutiveFailures, lastError, lastSuccessAt } = source.health;
  if (consecutiveFailures > 0) {
    const failures = `${consecutiveFailures} consecutive failure${consecutiveFailures === 1 ? '' : 's'}`;
    return `${head}: FAILING, ${failures}, last error: ${excerpt(lastError ?? 'unknown', ERROR_CHARS)}; last success ${formatTime(lastSuccessAt)}`;
  }
  return lastSuccessAt ? `${head}: ok, last success ${formatTime(lastSuccessAt)}` : `${head}: not polled yet`;
}

export async function handleSources(context: HandlerContext): Promise<Reply> {
  const sources = await context.deps.store.listSources();
  const prefix = commandPrefix(context.request.channel.platform);
  if (sources.length === 0) {
    return {
      title: 'Sources',
      lines: [`No sources yet. An admin can add one: ${prefix}source add <address>`],
    };
  }
  const failing = sources.filter((source) => !source.paused && source.health.consecutiveFailures > 0);
  const paused = sources.filter((source) => source.paused);
  const healthy = sources.filter((source) => !source.paused && source.health.consecutiveFailures === 0);
  failing.sort(
    (a, b) => b.health.consecutiveFailures - a.health.consecutiveFailures || a.id.localeCompare(b.id),
  );
  return {
    title: `Sources: ${sources.length} (${healthy.length} ok, ${failing.length} failing, ${paused.length} paused)`,
    lines: [...failing, ...healthy, ...paused].map(describe),
  };
}
