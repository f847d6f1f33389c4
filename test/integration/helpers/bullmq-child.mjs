// A vigil process for the BullMQ crash and scale tests: the BUILT runner (dist/), the real delivery
// handler and store, a notifier that POSTs to the test's fake chat API, and a stub poll that reports
// when it starts and ends. Configured by the JSON in VIGIL_TEST_CHILD.

import { registerBuiltInPlatforms } from '../../../dist/adapters/cli/platforms.js';
import { createCorpusStore } from '../../../dist/adapters/db/create-corpus-store.js';
import { drainChannel } from '../../../dist/jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../../dist/jobs/handlers/lease-holder.js';
import { createBullmqRunner } from '../../../dist/jobs/runners/bullmq-runner.js';
import { systemClock } from '../../../dist/src/ports.js';

/**
 * @typedef {{ itemId: number, channel: { platform: string, channelId: string }, reason: string }} Deliver
 * @typedef {{
 *   name: string, role: 'all' | 'scheduler' | 'worker' | 'bot', redisUrl: string, prefix: string,
 *   db: string, chatUrl: string, concurrency?: number, lockDurationMs?: number, stalledIntervalMs?: number,
 *   sources?: { id: string, intervalSeconds: number }[], resyncMs?: number,
 *   pollMs?: Record<string, number>, alerts?: Record<string, Deliver[]>
 * }} ChildConfig
 */

// The chat platforms the deliver payload is checked against, as the composition root registers them.
registerBuiltInPlatforms();

/** @type {ChildConfig} */
const config = JSON.parse(process.env.VIGIL_TEST_CHILD ?? '{}');

function createLogger(bindings) {
  const write = (level) => (fields, message) => {
    process.stderr.write(`${JSON.stringify({ level, ...bindings, ...fields, message })}\n`);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

const log = createLogger({ child: config.name });

async function post(path, body) {
  const response = await fetch(`${config.chatUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ worker: config.name, ...body }),
  });
  if (!response.ok) throw new Error(`chat API answered ${response.status}`);
  return response.json();
}

/** The item an alert card is about: its `item N` reference (see src/alerts/build-alert.ts). */
function itemIdOf(card) {
  const found = /"text":"item (\d+)"/.exec(JSON.stringify(card.blocks));
  if (found === null) throw new Error('an alert card without its item reference');
  return Number(found[1]);
}

function notifier(platform) {
  return {
    platform,
    async send(channelId, card) {
      const itemId = itemIdOf(card);
      const answer = await post('/send', { platform, channelId, itemId, title: card.summary });
      return { messageId: String(answer.messageId) };
    },
  };
}

const store = await createCorpusStore(config.db);
const notifiers = new Map(['telegram', 'slack'].map((platform) => [platform, notifier(platform)]));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const runner = createBullmqRunner({
  redisUrl: config.redisUrl,
  prefix: config.prefix,
  role: config.role,
  log,
  concurrency: config.concurrency,
  lockDurationMs: config.lockDurationMs,
  stalledIntervalMs: config.stalledIntervalMs,
  handlers: {
    deliver: (payload) =>
      drainChannel(payload, { store, notifiers, log, clock: systemClock, holder: processLeaseHolder() }),
    async poll(payload, context) {
      await post('/poll', { event: 'start', sourceId: payload.sourceId });
      await sleep(config.pollMs?.[payload.sourceId] ?? 100);
      // As an ingest does: the outbox row first (kept once per item and channel), then the drain.
      for (const target of config.alerts?.[payload.sourceId] ?? []) {
        await store.queueDeliveries(target.itemId, [{ channel: target.channel, reason: target.reason }]);
        await context.enqueue('deliver', { channel: target.channel });
      }
      await post('/poll', { event: 'end', sourceId: payload.sourceId });
    },
  },
});

const sources = (config.sources ?? []).map((source) => ({ ...source, paused: false }));
let resync;
if (sources.length > 0) {
  await runner.syncSchedules(sources);
  // The app re-syncs whenever sources change; doing it often here shows it never doubles a schedule.
  if (config.resyncMs) {
    resync = setInterval(() => {
      runner.syncSchedules(sources).catch((error) => log.warn({ reason: String(error) }, 'resync failed'));
    }, config.resyncMs);
  }
}

process.on('SIGTERM', async () => {
  clearInterval(resync);
  await runner.close();
  await store.close();
  process.exit(0);
});

await post('/ready', {});
