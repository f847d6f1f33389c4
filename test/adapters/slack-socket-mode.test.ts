// Slack Socket Mode (SLACK_APP_TOKEN) against local fakes: apps.connections.open at SLACK_API_URL, the
// hello, slash commands acknowledged by envelope_id and answered at the response_url, and a fresh
// apps.connections.open after a `disconnect` envelope or a dropped socket, also when the network fails
// for a while. The reconnects wait for the Socket Mode client's own back-off (5 s each, then 1 s and
// 1.3 s between failed requests), so this file takes about thirteen seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { createSlackClient } from '../../adapters/slack/client.js';
import { toSlackResponse } from '../../adapters/slack/inbound.js';
import type { SlackConfig } from '../../adapters/slack/settings.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import type { CommandDeps } from '../../src/commands/command.js';
import { handleCommand } from '../../src/commands/handle-command.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { ConfigError } from '../../src/errors.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeSlackSocket, startFakeSlackSocket } from '../fakes/fake-slack-socket.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const BOT_TOKEN = 'xoxb-test-token';
const APP_TOKEN = 'xapp-1-test-token';
const CHANNEL = 'C0ALERTS';
const USER = 'U0USER';

let api: FakeSlackApi;
let socket: FakeSlackSocket;
let store: CorpusStore;
let deps: CommandDeps;
let adapter: SlackAdapter | null;
let log: ReturnType<typeof createMemoryLogger>;

function socketConfig(overrides: Partial<SlackConfig> = {}): SlackConfig {
  return { botToken: BOT_TOKEN, signingSecret: '', appToken: APP_TOKEN, apiUrl: socket.apiUrl, ...overrides };
}

beforeEach(async () => {
  api = await startFakeSlackApi({ token: BOT_TOKEN, channels: [CHANNEL], users: { [USER]: {} } });
  socket = await startFakeSlackSocket({ webApiUrl: api.apiUrl, appToken: APP_TOKEN });
  store = await createCorpusStore(':memory:');
  deps = {
    store,
    clock: { now: () => new Date('2025-07-01T12:00:00Z') },
    admins: [],
    fetchOptions: { allowPrivate: false },
    topics: ['sanctions', 'prisoners', 'diplomacy'],
  };
  log = createMemoryLogger();
  adapter = null;
});

afterEach(async () => {
  await adapter?.stop();
  await socket.close();
  await api.close();
  await store.close();
  expect(api.unexpected).toEqual([]);
});

/** `/vigil help` over the socket: acknowledged on connection `connection`, answered at the response_url. */
async function helpRoundTrip(responseId: string, connection: number): Promise<void> {
  const ack = await socket.sendSlashCommand({
    text: 'help',
    channelId: CHANNEL,
    userId: USER,
    responseUrl: api.responseUrl(responseId),
  });
  expect(ack.connection).toBe(connection);
  await api.waitFor(() => api.responses(responseId).length === 1);
  const reply = await handleCommand(
    {
      channel: { platform: 'slack', channelId: CHANNEL },
      user: { platform: 'slack', id: USER, name: 'ana' },
      text: 'help',
      isPlatformAdmin: async () => false,
    },
    deps,
  );
  expect(api.responses(responseId)).toEqual([JSON.parse(JSON.stringify(toSlackResponse(reply, false)))]);
}

describe('Slack Socket Mode', () => {
  it('connects through apps.connections.open at SLACK_API_URL and acks each envelope', async () => {
    adapter = createSlackAdapter(socketConfig(), deps, log);
    expect(adapter.mode).toBe('socket');
    await adapter.start();
    // auth.test with the bot token went on to the Web API fake; the app token opened one socket.
    expect(api.methods()).toEqual(['auth.test']);
    expect(api.calls[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(socket.opens).toBe(1);
    expect(socket.connections).toBe(1);

    await helpRoundTrip('first', 1);
    await helpRoundTrip('second', 1);
    expect(socket.unacknowledged()).toEqual([]);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('reconnects through a fresh apps.connections.open after a disconnect and after a dropped socket', async () => {
    adapter = createSlackAdapter(socketConfig(), deps, log);
    await adapter.start();

    socket.requestDisconnect('refresh_requested');
    await socket.connected(2);
    expect(socket.opens).toBe(2);
    await helpRoundTrip('after-refresh', 2);

    // The network is gone for a while: the first tries of apps.connections.open fail, and the client
    // must keep trying rather than give up with an unhandled rejection.
    socket.failNextOpens(2);
    socket.dropSocket();
    await socket.connected(3);
    expect(socket.failures).toBe(2);
    expect(socket.opens).toBe(3);
    await helpRoundTrip('after-drop', 3);

    expect(socket.unacknowledged()).toEqual([]);
    expect(socket.refusals).toBe(0);
    // Each failed try is said in the log, as a warning.
    const failedTries = log.lines.filter(
      (line) => line.level === 'warn' && String(line.fields.slack).includes('request failed'),
    );
    expect(failedTries).toHaveLength(2);
  });

  it('names SLACK_APP_TOKEN, without printing it, when Slack refuses the app token', async () => {
    const client = createSlackClient(socketConfig({ appToken: 'xapp-1-revoked' }), log);
    const started = client.start().then(
      () => null,
      (error: unknown) => error,
    );
    const error = await started;
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toContain('SLACK_APP_TOKEN');
    expect(String((error as Error).message)).not.toContain('xapp-1-revoked');
    expect(socket.refusals).toBe(1);
    expect(socket.connections).toBe(0);
    await client.stop();
  });
});
