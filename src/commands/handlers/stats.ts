/** `stats`: what the corpus holds. */
import type { Reply } from '../reply.js';
import { formatTime, type HandlerContext } from './context.js';
import { scheduleLine } from './digest.js';

const counts = (entries: [string, number][]): string =>
  entries.map(([key, n]) => `${key} ${n}`).join(', ') || 'none';

const byCount = (record: Record<string, number>): [string, number][] =>
  Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export async function handleStats(context: HandlerContext): Promise<Reply> {
  const stats = await context.deps.store.stats();
  const topics = context.deps.topics;
  // Every known topic in the classifier's order, zeros included; labels it no longer knows after them.
  const known: [string, number][] = topics.map((topic) => [topic, stats.byLabel[topic] ?? 0]);
  const other = byCount(stats.byLabel).filter(([label]) => !topics.includes(label));
  const alerts = await context.deps.store.deliveryCounts?.(context.request.channel);
  const digest = await scheduleLine(context);
  return {
    title: 'Corpus statistics',
    lines: [
      `Items: ${stats.items} from ${stats.sources} sources`,
      `By topic: ${counts([...known, ...other])}`,
      `By language: ${counts(byCount(stats.byLanguage))}`,
      `Newest item: ${formatTime(stats.newestPublishedAt)}`,
      // Nothing is lost silently: what could not be delivered here is counted where admins look.
      ...(alerts
        ? [
            `Alerts to this channel: ${alerts.sent} sent, ${alerts.pending + alerts.sending} waiting, ${alerts.failed} undeliverable`,
          ]
        : []),
      `Scheduled digest: ${digest ?? 'none'}`,
    ],
  };
}
