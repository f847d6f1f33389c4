// Issue 18, must show: a scheduled digest arrives once, at the right local time, on a fake chat
// platform, with the runner restarted in between, on both runners: in-process (on a fake clock, over
// SQLite) and BullMQ (its repeatable tick on Redis, the time read from a fake clock, over
// PostgreSQL). `digest daily 09:00 Europe/Minsk` is 06:00 UTC: nothing before, one message at or
// after it, none again after another restart.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { digestTick } from '../../jobs/handlers/digest-tick.js';
import { drainChannel } from '../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../jobs/handlers/lease-holder.js';
import { createBullmqRunner } from '../../jobs/runners/bullmq-runner.js';
import { createInProcessRunner } from '../../jobs/runners/in-process-runner.js';
import type { JobHandlers, JobRunner } from '../../jobs/runners/job-runner.js';
import type { Card } from '../../src/cards/card.js';
import { handleCommand } from '../../src/commands/handle-command.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import type { ChatPlatform } from '../../src/platforms/chat-platform.js';
import { registerPlatform, unregisterPlatform } from '../../src/platforms/registry.js';
import type { ChannelRef, Notifier } from '../../src/ports.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { deletePrefixes } from '../helpers/redis-keys.js';
import { tempDir } from '../helpers/run-vigil.js';
import { waitFor } from '../helpers/runner-contract.js';
import { databaseUrl, hasPostgres, hasRedis, redisUrl } from '../helpers/services.js';
import { item } from '../unit/commands/fixtures.js';

const heron: ChatPlatform = {
  name: 'heron',
  limits: { messageChars: 2000, burstMessages: 5, format: 'plain' },
  commandPrefix: '/',
  chatAdmins: null,
};
const NEST: ChannelRef = { platform: 'heron', channelId: 'nest-1' };
const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];
/** 09:00 in Minsk (UTC+3 all year). */
const DUE = '2026-12-05T06:00:00.000Z';

interface Sent {
  at: string;
  card: Card;
}

/** What a restart keeps: the database. Each life opens the store and a runner anew. */
interface Life {
  store: CorpusStore;
  runner: JobRunner;
  /** The time each finished tick read from the clock. */
  ticks: number[];
}

function heronNotifier(sent: Sent[], clock: FakeClock): Notifier {
  return {
    platform: heron.name,
    send: async (_channelId, card) => {
      sent.push({ at: clock.now().toISOString(), card });
      return { messageId: `h${sent.length}` };
    },
  };
}

function handlersFor(store: CorpusStore, clock: FakeClock, sent: Sent[], ticks: number[]): JobHandlers {
  const log = createMemoryLogger();
  const deliverDeps = {
    store,
    notifiers: new Map([[heron.name, heronNotifier(sent, clock)]]),
    log,
    clock,
    holder: processLeaseHolder(),
  };
  return {
    poll: async () => undefined,
    deliver: (payload) => drainChannel(payload, deliverDeps),
    'digest-tick': async (_payload, context) => {
      const at = clock.now().getTime();
      const summary = await digestTick({ store, clock, log, topics: TOPICS }, context);
      ticks.push(at);
      return summary;
    },
  };
}

/** The channel follows sanctions, two outlets carry one story before 09:00, and an admin schedules it. */
async function prepare(store: CorpusStore, clock: FakeClock): Promise<void> {
  const at = '2026-12-04T10:00:00.000Z';
  await store.addSource(
    { id: 'charter97', name: 'Charter 97', url: 'https://charter97.org/rss', intervalSeconds: 600 },
    at,
  );
  await store.addSource(
    { id: 'nasha-niva', name: 'Nasha Niva', url: 'https://nashaniva.com/rss', intervalSeconds: 600 },
    at,
  );
  await store.saveChannel({ ...NEST, topics: ['sanctions'], sources: [], languages: [] }, at);
  const text = 'The EU adopted a new sanctions package against Belaruskali and Belavia on Thursday.';
  await store.insertItems([
    item({
      title: 'EU adopts sanctions package on Belaruskali',
      text,
      labels: ['sanctions'],
      publishedAt: at,
    }),
    item({
      sourceId: 'nasha-niva',
      title: 'EU adopts sanctions package on Belaruskali',
      text,
      labels: ['sanctions'],
      publishedAt: at,
    }),
    item({ title: 'Football results', text: 'Dinamo won.', labels: [], publishedAt: at }),
  ]);
  const reply = await handleCommand(
    {
      channel: NEST,
      user: { platform: 'heron', id: 'keeper' },
      text: 'digest daily 09:00 Europe/Minsk',
      isPlatformAdmin: async () => true,
    },
    { store, clock, admins: [], fetchOptions: { allowPrivate: true }, topics: TOPICS },
  );
  expect(reply.isError).toBeUndefined();
  expect(reply.lines.join(' ')).toContain('5 Dec 09:00 (2026-12-05 06:00 UTC)');
}

interface RunnerCase {
  /** Opens the store and a runner on the same database as the lives before. */
  open(clock: FakeClock, sent: Sent[]): Promise<Life>;
  /** Lets time pass: the in-process runner's ticks follow the fake clock, BullMQ's come in real time. */
  pass(life: Life, clock: FakeClock, ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

function inProcessCase(): RunnerCase {
  const file = path.join(tempDir(), 'vigil.db');
  return {
    async open(clock, sent) {
      const store = await createCorpusStore(file);
      const ticks: number[] = [];
      const handlers = handlersFor(store, clock, sent, ticks);
      const runner = createInProcessRunner({
        handlers,
        log: createMemoryLogger(),
        clock,
        digestTickMs: 60_000,
      });
      await runner.syncSchedules([]);
      await runner.idle();
      return { store, runner, ticks };
    },
    async pass(life, clock, ms) {
      await clock.advance(ms, () => life.runner.idle());
      await life.runner.idle();
    },
    cleanup: async () => undefined,
  };
}

function bullmqCase(): RunnerCase {
  const schema = `vigil_test_${randomUUID().replaceAll('-', '')}`;
  const prefix = `test-${randomUUID()}`;
  return {
    async open(clock, sent) {
      const store = await createCorpusStore(databaseUrl, { schema });
      const ticks: number[] = [];
      const handlers = handlersFor(store, clock, sent, ticks);
      const runner = createBullmqRunner({
        redisUrl,
        prefix,
        role: 'all',
        handlers,
        log: createMemoryLogger(),
        digestTickMs: 100,
        lockDurationMs: 5000,
      });
      await runner.syncSchedules([]);
      return { store, runner, ticks };
    },
    async pass(life, clock, ms) {
      // The clock jumps; then two ticks that read the new time must have run.
      await clock.advance(ms);
      const now = clock.now().getTime();
      await waitFor(
        'two digest ticks at the new time',
        () => life.ticks.filter((at) => at >= now).length >= 2,
      );
      await life.runner.idle();
    },
    async cleanup() {
      await deletePrefixes(redisUrl, [prefix]);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

const services = (await hasRedis()) && (await hasPostgres());
/** Each test gets a database of its own. */
const cases = [
  { name: 'in-process runner on SQLite', make: inProcessCase, skip: false },
  { name: 'BullMQ runner on PostgreSQL', make: bullmqCase, skip: !services },
];
const lives: Life[] = [];
const made: RunnerCase[] = [];

async function end(life: Life | undefined): Promise<void> {
  if (!life) return;
  await life.runner.close();
  await life.store.close();
}

beforeAll(() => registerPlatform(heron));
afterAll(() => unregisterPlatform(heron.name));
afterEach(async () => {
  for (const life of lives.splice(0)) await end(life);
  for (const runnerCase of made.splice(0)) await runnerCase.cleanup();
});

describe.each(cases)('a scheduled digest ($name)', ({ make, skip }) => {
  /** A database of its own at 08:00 Minsk, prepared by the first life (left running). */
  const start = async () => {
    const runnerCase = make();
    made.push(runnerCase);
    const clock = createFakeClock('2026-12-05T05:00:00.000Z');
    const sent: Sent[] = [];
    const first = await runnerCase.open(clock, sent);
    lives.push(first);
    await prepare(first.store, clock);
    return { runnerCase, clock, sent, first };
  };

  it.skipIf(skip)('arrives once at 09:00 Minsk time, across restarts', { timeout: 60_000 }, async () => {
    const { runnerCase, clock, sent, first } = await start();
    await runnerCase.pass(first, clock, 59 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-12-05T05:59:00.000Z');
    expect(sent).toEqual([]);
    await end(lives.pop());

    // A restart a minute before the time; the digest comes at 09:00 Minsk, once.
    const second = await runnerCase.open(clock, sent);
    lives.push(second);
    await runnerCase.pass(second, clock, 60_000);
    await waitFor('the digest', () => sent.length > 0);
    expect(sent.map((message) => message.at)).toEqual([DUE]);
    const [digest] = sent;
    expect(digest?.card.kind).toBe('digest');
    const text = JSON.stringify(digest?.card.blocks);
    expect(text).toContain('EU adopts sanctions package on Belaruskali');
    expect(text).toContain('Also reported by');
    expect(text).toContain('Nasha Niva');
    expect(text).not.toContain('Football');
    expect(text).toContain('4 Dec 09:00 – 5 Dec 09:00 (Europe/Minsk)');
    await runnerCase.pass(second, clock, 30 * 60_000);
    await end(lives.pop());

    // Another restart: nothing again, then or later in the day.
    const third = await runnerCase.open(clock, sent);
    lives.push(third);
    await runnerCase.pass(third, clock, 60 * 60_000);
    expect(sent).toHaveLength(1);
    expect(await third.store.openDigestChannels()).toEqual([]);
  });

  it.skipIf(skip)(
    'missed while vigil was down: sent once at the first tick after the restart',
    { timeout: 60_000 },
    async () => {
      const { runnerCase, clock, sent } = await start();
      await end(lives.pop());

      // Down from 08:00 to 09:30 Minsk: the 09:00 digest comes at the restart.
      await clock.advance(90 * 60_000);
      const second = await runnerCase.open(clock, sent);
      lives.push(second);
      await runnerCase.pass(second, clock, 0);
      await waitFor('the late digest', () => sent.length > 0);
      expect(sent.map((message) => message.at)).toEqual(['2026-12-05T06:30:00.000Z']);
      await end(lives.pop());

      const third = await runnerCase.open(clock, sent);
      lives.push(third);
      await runnerCase.pass(third, clock, 60 * 60_000);
      expect(sent).toHaveLength(1);
    },
  );
});
