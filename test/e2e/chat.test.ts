// Issue 7 end to end: `vigil run` as a real process against the fake Telegram and Slack APIs and a
// feed on loopback. Admins subscribe from chat; a new feed item reaches both channels once; lookups
// from both platforms answer from the corpus; unsigned and stale Slack requests are refused.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/verify-request.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { freePort, startVigil, tempDir, waitFor } from '../helpers/run-vigil.js';

const GROUP = -1001234567890;
const ADMIN = 42;
const MEMBER = 77;
const SLACK_CHANNEL = 'C0ALERTS';
const SECRET = 'test-signing-secret';

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;
let feed: FeedServer;
let updateId = 1;

function telegramCommand(text: string, from = ADMIN) {
  const command = text.split(/\s/)[0] ?? '';
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: GROUP, type: 'supergroup', title: 'Advocacy' },
      from: { id: from, is_bot: false, first_name: 'Ann' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  };
}

function slackBody(text: string, responseId: string): string {
  return new URLSearchParams({
    team_id: 'T0FAKE',
    channel_id: SLACK_CHANNEL,
    user_id: 'UADMIN',
    user_name: 'ana',
    command: '/vigil',
    text,
    api_app_id: 'A0VIGIL',
    response_url: slack.responseUrl(responseId),
    trigger_id: '1.2.3',
  }).toString();
}

async function postSlack(
  port: number,
  body: string,
  timestamp: number | null = Math.floor(Date.now() / 1000),
) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (timestamp !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signSlackRequest(SECRET, timestamp, body);
  }
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
}

beforeAll(async () => {
  telegram = await startFakeTelegramApi();
  slack = await startFakeSlackApi({ channels: [SLACK_CHANNEL], users: { UADMIN: { is_admin: true } } });
  feed = await startFeedServer('Test Outlet');
  feed.items.push({
    guid: 'old-1',
    title: 'Old sanctions story from last year',
    text: 'EU sanctions were extended.',
    publishedAt: new Date('2025-01-01T00:00:00Z'),
  });
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
  await feed.close();
});

describe('vigil run with Slack and Telegram', () => {
  it('subscribes from chat, alerts each channel once, answers lookups, refuses unsigned requests', async () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({ sources: [{ id: 'local', name: 'Test Outlet', url: feed.url, intervalSeconds: 1 }] }),
    );
    const port = await freePort();
    const child = startVigil(['run'], {
      env: {
        VIGIL_DB: path.join(dir, 'vigil.db'),
        VIGIL_SOURCES: catalogue,
        VIGIL_HTTP_PORT: String(port),
        VIGIL_ALLOW_PRIVATE_FEEDS: '1',
        VIGIL_ADMINS: `telegram:${ADMIN}`,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(
        async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined),
        '/healthz',
      );
      await waitFor(async () => (feed.requests > 0 ? true : undefined), 'the first poll');

      // A member may not subscribe; the admin may.
      telegram.setMember(GROUP, MEMBER, 'member');
      telegram.pushUpdate(telegramCommand('/subscribe sanctions', MEMBER));
      telegram.pushUpdate(telegramCommand('/subscribe sanctions prisoners', ADMIN));
      await telegram.waitFor((api) => api.sentTo(GROUP).length >= 2, 15_000);
      // Updates are handled concurrently, so the two replies may come in either order.
      const replies = telegram.sentTo(GROUP).map((message) => message.plainText);
      expect(replies.filter((text) => /admin/i.test(text) && !/^Subscribed/.test(text))).toHaveLength(1);
      expect(replies.filter((text) => /^Subscribed/.test(text))).toHaveLength(1);

      const subscribed = await postSlack(port, slackBody('subscribe sanctions', 'sub'));
      expect(subscribed.status).toBe(200);
      await slack.waitFor(() => slack.responses('sub').length > 0, 15_000);
      expect(JSON.stringify(slack.responses('sub'))).toMatch(/sanctions/);

      // A new item: both channels get it once, the old item never.
      const title = 'EU imposes new sanctions on Belaruskali potash exports';
      feed.items.push({
        guid: 'new-1',
        title,
        text: 'The Council adopted asset freezes and export bans against Belaruskali.',
        publishedAt: new Date(Date.now() + 1000),
      });
      await telegram.waitFor(
        (api) => api.sentTo(GROUP).some((message) => message.plainText.includes(title)),
        20_000,
      );
      await slack.waitFor(
        () => slack.posted(SLACK_CHANNEL).some((call) => JSON.stringify(call.params).includes('Belaruskali')),
        20_000,
      );
      const pollsSoFar = feed.requests;
      await waitFor(async () => (feed.requests >= pollsSoFar + 3 ? true : undefined), 'three more polls');
      expect(telegram.sentTo(GROUP).filter((message) => message.plainText.includes(title))).toHaveLength(1);
      expect(
        slack.posted(SLACK_CHANNEL).filter((call) => JSON.stringify(call.params).includes('Belaruskali')),
      ).toHaveLength(1);
      expect(
        telegram.sentTo(GROUP).some((message) => message.plainText.includes('Old sanctions story')),
      ).toBe(false);

      // Lookups from both platforms answer from the corpus.
      const before = telegram.sentTo(GROUP).length;
      telegram.pushUpdate(telegramCommand('/search belaruskali', MEMBER));
      await telegram.waitFor((api) => api.sentTo(GROUP).length > before, 15_000);
      expect(telegram.sentTo(GROUP).at(-1)?.plainText).toContain(title);

      const searched = await postSlack(port, slackBody('search belaruskali', 'search'));
      expect(searched.status).toBe(200);
      await slack.waitFor(() => slack.responses('search').length > 0, 15_000);
      expect(JSON.stringify(slack.responses('search'))).toContain('Belaruskali');

      // Unsigned and stale requests never reach a handler.
      expect((await postSlack(port, slackBody('subscribe diplomacy', 'unsigned'), null)).status).toBe(401);
      const stale = Math.floor(Date.now() / 1000) - 6 * 60;
      expect((await postSlack(port, slackBody('subscribe diplomacy', 'stale'), stale)).status).toBe(401);
      expect(slack.responses('unsigned')).toEqual([]);
      expect(slack.responses('stale')).toEqual([]);
      expect(telegram.unexpected).toEqual([]);
      expect(slack.unexpected).toEqual([]);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(telegram.token);
    expect(stderr).not.toContain(SECRET);
  });
});
