// Issue 7 end to end: `vigil run` as a real process against the fake Telegram and Slack APIs and a
// feed on loopback. Admins subscribe from chat; a new feed item reaches both channels once; lookups
// from both platforms answer from the corpus; unsigned and stale Slack requests are refused.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import {
  GROUP,
  postSlack,
  SIGNING_SECRET,
  SLACK_ADMIN,
  SLACK_CHANNEL,
  slackCommandBody,
  startChatVigil,
  TELEGRAM_ADMIN,
  telegramCommand,
} from '../helpers/chat-e2e.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { freePort, tempDir, waitFor } from '../helpers/run-vigil.js';

const MEMBER = 77;

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;
let feed: FeedServer;

beforeAll(async () => {
  telegram = await startFakeTelegramApi();
  slack = await startFakeSlackApi({
    channels: [SLACK_CHANNEL],
    users: { [SLACK_ADMIN]: { is_admin: true } },
  });
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
    const vigil = await startChatVigil({
      port,
      database: path.join(dir, 'vigil.db'),
      catalogue,
      telegram,
      slack,
    });
    try {
      await waitFor(async () => (feed.requests > 0 ? true : undefined), 'the first poll');

      // A member may not subscribe; the admin may.
      telegram.setMember(GROUP, MEMBER, 'member');
      telegram.pushUpdate(telegramCommand('/subscribe sanctions', MEMBER));
      telegram.pushUpdate(telegramCommand('/subscribe sanctions prisoners', TELEGRAM_ADMIN));
      await telegram.waitFor((api) => api.sentTo(GROUP).length >= 2, 15_000);
      // Updates are handled concurrently, so the two replies may come in either order.
      const replies = telegram.sentTo(GROUP).map((message) => message.plainText);
      expect(replies.filter((text) => /admin/i.test(text) && !/^Subscribed/.test(text))).toHaveLength(1);
      expect(replies.filter((text) => /^Subscribed/.test(text))).toHaveLength(1);

      const subscribed = await postSlack(port, slackCommandBody(slack, 'subscribe sanctions', 'sub'));
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
      const inTelegram = () => telegram.sentTo(GROUP).filter((message) => message.plainText.includes(title));
      const inSlack = () =>
        slack.posted(SLACK_CHANNEL).filter((call) => JSON.stringify(call.params).includes('Belaruskali'));
      await telegram.waitFor(() => inTelegram().length > 0, 20_000);
      await slack.waitFor(() => inSlack().length > 0, 20_000);
      const pollsSoFar = feed.requests;
      await waitFor(async () => (feed.requests >= pollsSoFar + 3 ? true : undefined), 'three more polls');
      expect(inTelegram()).toHaveLength(1);
      expect(inSlack()).toHaveLength(1);
      expect(
        telegram.sentTo(GROUP).some((message) => message.plainText.includes('Old sanctions story')),
      ).toBe(false);

      // Lookups from both platforms answer from the corpus.
      const before = telegram.sentTo(GROUP).length;
      telegram.pushUpdate(telegramCommand('/search belaruskali', MEMBER));
      await telegram.waitFor((api) => api.sentTo(GROUP).length > before, 15_000);
      expect(telegram.sentTo(GROUP).at(-1)?.plainText).toContain(title);

      const searched = await postSlack(port, slackCommandBody(slack, 'search belaruskali', 'search'));
      expect(searched.status).toBe(200);
      await slack.waitFor(() => slack.responses('search').length > 0, 15_000);
      expect(JSON.stringify(slack.responses('search'))).toContain('Belaruskali');

      // Unsigned and stale requests never reach a handler.
      const unsigned = await postSlack(
        port,
        slackCommandBody(slack, 'subscribe diplomacy', 'unsigned'),
        null,
      );
      expect(unsigned.status).toBe(401);
      const staleAt = Math.floor(Date.now() / 1000) - 6 * 60;
      const stale = await postSlack(port, slackCommandBody(slack, 'subscribe diplomacy', 'stale'), staleAt);
      expect(stale.status).toBe(401);
      expect(slack.responses('unsigned')).toEqual([]);
      expect(slack.responses('stale')).toEqual([]);
      expect(telegram.unexpected).toEqual([]);
      expect(slack.unexpected).toEqual([]);
    } finally {
      vigil.child.kill('SIGINT');
    }
    expect(await vigil.exited).toBe(0);
    expect(vigil.stderr()).not.toContain(telegram.token);
    expect(vigil.stderr()).not.toContain(SIGNING_SECRET);
  });
});
