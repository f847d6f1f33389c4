// Issue 8 on Slack, through signed /vigil requests to vigil's HTTP server and the fake Web API: a
// member can change nothing (subscribe, watch add, source add/pause/remove), a workspace admin can,
// and every change is audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import type { CommandDeps } from '../../src/commands/command.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { postSlashCommand } from '../helpers/slack-slash.js';
import { configSnapshot, makeDeps, makeStore } from '../unit/commands/fixtures.js';

const TOKEN = 'xoxb-test-token';
const SECRET = 'test-signing-secret';
const CHANNEL = 'C0ALERTS';
const CHAT = { platform: 'slack', channelId: CHANNEL } as const;

let fake: FakeSlackApi;
let feed: FeedServer;
let store: CorpusStore;
let deps: CommandDeps;
let adapter: SlackAdapter;
let server: HttpServer;
let requestId = 0;

/** Posts a signed `/vigil <text>` as `user` and returns what vigil answered at the response_url. */
async function send(text: string, user: string): Promise<string> {
  const id = `r${++requestId}`;
  const status = await postSlashCommand({
    port: server.port,
    secret: SECRET,
    channel: CHANNEL,
    user,
    text,
    responseUrl: fake.responseUrl(id),
  });
  expect(status).toBe(200);
  await fake.waitFor(() => fake.responses(id).length === 1, 10_000);
  return JSON.stringify(fake.responses(id)[0]);
}

const snapshot = () => configSnapshot(store, CHAT);

beforeEach(async () => {
  fake = await startFakeSlackApi({
    token: TOKEN,
    channels: [CHANNEL],
    users: { UADMIN: { is_admin: true }, UMEMBER: {} },
  });
  feed = await startFeedServer('Minsk Daily');
  store = await makeStore();
  deps = makeDeps(store, { admins: [] });
  const log = createMemoryLogger();
  adapter = createSlackAdapter(
    { botToken: TOKEN, signingSecret: SECRET, appToken: null, apiUrl: fake.apiUrl },
    deps,
    log,
  );
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    checks: [],
    metrics: createPrometheusMetrics(),
    log,
    routes: [adapter.route],
  });
  await adapter.start();
});

afterEach(async () => {
  expect(fake.unexpected).toEqual([]);
  await adapter.stop();
  await server.close();
  await fake.close();
  await feed.close();
  await store.close();
});

describe('admin commands on Slack', () => {
  it('a member can change nothing: each command is refused and the store is unchanged', async () => {
    const before = await snapshot();
    for (const command of [
      'subscribe sanctions',
      'watch add Ryanair OR Belavia',
      `source add ${feed.url}`,
      'source pause charter97',
      'source remove nasha-niva',
      'watch list',
      'audit',
    ]) {
      const reply = await send(command, 'UMEMBER');
      expect(reply, command).toContain(
        'Sorry, only workspace admins and owners and people listed in VIGIL_ADMINS',
      );
      expect(reply, command).toContain('nothing was changed');
    }
    expect(await snapshot()).toEqual(before);
    expect(feed.requests).toBe(0);
  });

  it('a workspace admin can, and each change is in the audit log', async () => {
    expect(await send('subscribe sanctions prisoners', 'UADMIN')).toContain('Subscribed this chat');
    expect(await send('watch add Belaruskali -football', 'UADMIN')).toContain('Added watch #1');
    expect(await send(`source add ${feed.url} --interval 300`, 'UADMIN')).toContain('polled every 5 min');
    expect(await send('source pause charter97', 'UADMIN')).toContain('Paused source');
    expect(await send('source remove nasha-niva', 'UADMIN')).toContain('Removed source');

    expect((await store.getChannel(CHAT))?.topics).toEqual(['sanctions', 'prisoners']);
    expect((await store.listWatches(CHAT)).map((watch) => [watch.expression, watch.author])).toEqual([
      ['Belaruskali -football', 'slack:UADMIN'],
    ]);
    expect(
      (await store.listSources()).map((source) => [source.id, source.paused, source.intervalSeconds]),
    ).toEqual([
      ['charter97', true, 600],
      ['minsk-daily', false, 300],
    ]);
    const audit = await store.listAudit({ limit: 50, channel: `slack:${CHANNEL}` });
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([
      ['slack:UADMIN', 'source.remove'],
      ['slack:UADMIN', 'source.pause'],
      ['slack:UADMIN', 'source.add'],
      ['slack:UADMIN', 'watch.add'],
      ['slack:UADMIN', 'channel.subscribe'],
    ]);
    expect(audit.every((entry) => 'before' in entry.details && 'after' in entry.details)).toBe(true);

    const log = await send('audit', 'UADMIN');
    expect(log).toContain('Audit log: the last 5 changes in this chat');
    expect(log).toContain('slack:UADMIN · watch.add · — → #1 Belaruskali -football');
  });
});
