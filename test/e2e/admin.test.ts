// Issue 8 end to end: `vigil run` as a real process against the fake Telegram and Slack APIs and a
// feed on loopback. An admin adds the feed from chat and subscribes; its old items stay quiet, the
// next new item arrives; a keyword watch outside the subscribed topics alerts too, on both platforms;
// `vigil audit` shows every change.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import {
  GROUP,
  postSlack,
  SLACK_ADMIN,
  SLACK_CHANNEL,
  slackCommandBody,
  startChatVigil,
  TELEGRAM_ADMIN,
  telegramCommand,
} from '../helpers/chat-e2e.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { freePort, runVigil, tempDir, waitFor } from '../helpers/run-vigil.js';

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;
let feed: FeedServer;

/** Sends a Telegram command and waits for the bot's answer. */
async function telegramSays(text: string): Promise<string> {
  const before = telegram.sentTo(GROUP).length;
  telegram.pushUpdate(telegramCommand(text));
  await telegram
    .waitFor((api) => api.sentTo(GROUP).length > before, 20_000)
    .catch((error: unknown) => {
      throw new Error(
        `${String(error)}; sent: ${JSON.stringify(telegram.sentTo(GROUP).map((m) => m.plainText))}`,
      );
    });
  return telegram.sentTo(GROUP)[before]?.plainText ?? '';
}

async function slackSays(port: number, text: string, id: string): Promise<string> {
  const response = await postSlack(port, slackCommandBody(slack, text, id));
  expect(response.status).toBe(200);
  await slack.waitFor(() => slack.responses(id).length > 0, 20_000);
  return JSON.stringify(slack.responses(id));
}

const telegramAlerts = (needle: string) =>
  telegram.sentTo(GROUP).filter((message) => message.plainText.includes(needle));
const slackAlerts = (needle: string) =>
  slack.posted(SLACK_CHANNEL).filter((call) => JSON.stringify(call.params).includes(needle));

beforeAll(async () => {
  telegram = await startFakeTelegramApi();
  slack = await startFakeSlackApi({
    channels: [SLACK_CHANNEL],
    users: { [SLACK_ADMIN]: { is_admin: true } },
  });
  feed = await startFeedServer('Chat Outlet');
  feed.items.push(
    {
      guid: 'old-sanctions',
      title: 'Old sanctions story from last year',
      text: 'EU sanctions on Belarusian potash were extended.',
      publishedAt: new Date('2025-01-01T00:00:00Z'),
    },
    {
      guid: 'old-hockey',
      title: 'Old hockey story from last week',
      text: 'The national hockey team lost in Minsk.',
      publishedAt: new Date(Date.now() - 7 * 86_400_000),
    },
  );
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
  await feed.close();
});

describe('admins configure vigil from chat', () => {
  it('adds a source, subscribes, adds watches; new items alert, old ones do not; all audited', async () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(catalogue, JSON.stringify({ sources: [] }));
    const database = path.join(dir, 'vigil.db');
    const port = await freePort();
    const vigil = await startChatVigil({ port, database, catalogue, telegram, slack });
    try {
      expect(await telegramSays(`/source add ${feed.url} --interval 2`)).toContain(
        'Added source chat-outlet: Chat Outlet',
      );
      // Finding the feed fetched it once; polls come on top of that.
      const discovered = feed.requests;
      expect(await telegramSays('/subscribe sanctions')).toContain('Subscribed this chat to sanctions');
      expect(await telegramSays('/watch add hockey -football')).toContain('Added watch #1: hockey -football');
      expect(await slackSays(port, 'watch add hockey OR Belavia', 'watch')).toContain('Added watch #2');

      // The chat-added source is picked up at the scheduler's next re-read of the sources (≤ 30 s).
      await waitFor(async () => (feed.requests > discovered ? true : undefined), 'the first poll', 45_000);
      const sanctions = 'EU imposes new sanctions on Belaruskali potash exports';
      const hockey = 'Minsk to host the ice hockey championship';
      feed.items.push(
        {
          guid: 'new-sanctions',
          title: sanctions,
          text: 'The Council adopted asset freezes and export bans against Belaruskali.',
          publishedAt: new Date(Date.now() + 1000),
        },
        {
          guid: 'new-hockey',
          title: hockey,
          text: 'The tournament opens in May; tickets go on sale next week.',
          publishedAt: new Date(Date.now() + 1000),
        },
      );
      await telegram.waitFor((api) => api.sentTo(GROUP).some((m) => m.plainText.includes(sanctions)), 20_000);
      await telegram.waitFor((api) => api.sentTo(GROUP).some((m) => m.plainText.includes(hockey)), 20_000);
      await slack.waitFor(() => slackAlerts('ice hockey championship').length > 0, 20_000);

      const pollsSoFar = feed.requests;
      await waitFor(async () => (feed.requests >= pollsSoFar + 3 ? true : undefined), 'three more polls');
      expect(telegramAlerts(sanctions)).toHaveLength(1);
      expect(telegramAlerts(sanctions)[0]?.plainText).toContain('topic: sanctions');
      expect(telegramAlerts(hockey)).toHaveLength(1);
      expect(telegramAlerts(hockey)[0]?.plainText).toContain('watch #1: hockey -football');
      // Slack subscribed to nothing: only its watch brings the hockey item, and nothing else.
      expect(slackAlerts('ice hockey championship')).toHaveLength(1);
      expect(slackAlerts('Belaruskali')).toHaveLength(0);
      // Nothing published before the source was added reaches anyone.
      expect(telegramAlerts('Old ')).toHaveLength(0);
      expect(slackAlerts('Old ')).toHaveLength(0);

      const log = await telegramSays('/audit');
      expect(log).toContain(`telegram:${TELEGRAM_ADMIN} · source.add · — → chat-outlet (${feed.url})`);
      expect(log).toContain(`telegram:${TELEGRAM_ADMIN} · watch.add · — → #1 hockey -football`);
      expect(telegram.unexpected).toEqual([]);
      expect(slack.unexpected).toEqual([]);
    } finally {
      vigil.child.kill('SIGINT');
    }
    expect(await vigil.exited).toBe(0);
    expect(vigil.stderr()).not.toContain(telegram.token);

    const audit = runVigil(['audit', '--json'], { env: { VIGIL_DB: database, VIGIL_SOURCES: catalogue } });
    expect(audit.status).toBe(0);
    const entries = JSON.parse(audit.stdout) as { actor: string; action: string; channel: string | null }[];
    expect(entries.map((entry) => [entry.actor, entry.action, entry.channel])).toEqual(
      expect.arrayContaining([
        [`telegram:${TELEGRAM_ADMIN}`, 'source.add', `telegram:${GROUP}`],
        [`telegram:${TELEGRAM_ADMIN}`, 'channel.subscribe', `telegram:${GROUP}`],
        [`telegram:${TELEGRAM_ADMIN}`, 'watch.add', `telegram:${GROUP}`],
        ['slack:UADMIN', 'watch.add', `slack:${SLACK_CHANNEL}`],
      ]),
    );
    const text = runVigil(['audit', '--channel', `slack:${SLACK_CHANNEL}`], {
      env: { VIGIL_DB: database, VIGIL_SOURCES: catalogue },
    });
    expect(text.stdout.trim()).toMatch(/ · slack:UADMIN · watch\.add · — → #2 hockey OR Belavia$/);
    const wrong = runVigil(['audit', '--channel', 'nowhere'], {
      env: { VIGIL_DB: database, VIGIL_SOURCES: catalogue },
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--channel takes platform:id');
  }, 150_000);
});
