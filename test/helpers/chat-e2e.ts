/** Shared pieces of the end-to-end chat tests: `vigil run` wired to the fake Telegram and Slack APIs. */
import type { ChildProcess } from 'node:child_process';
import { signSlackRequest } from '../../adapters/slack/verify-request.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import type { FakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { startVigil, waitFor } from './run-vigil.js';

export const GROUP = -1001234567890;
export const TELEGRAM_ADMIN = 42;
export const SLACK_CHANNEL = 'C0ALERTS';
export const SLACK_ADMIN = 'UADMIN';
export const SIGNING_SECRET = 'test-signing-secret';

let updateId = 1;

/** A Telegram update carrying a command typed in the test group. */
export function telegramCommand(text: string, from = TELEGRAM_ADMIN) {
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

/** The form body Slack POSTs for `/vigil <text>` in the test channel; the answer goes to `responseId`. */
export function slackCommandBody(slack: FakeSlackApi, text: string, responseId: string): string {
  return new URLSearchParams({
    team_id: 'T0FAKE',
    channel_id: SLACK_CHANNEL,
    user_id: SLACK_ADMIN,
    user_name: 'ana',
    command: '/vigil',
    text,
    api_app_id: 'A0VIGIL',
    response_url: slack.responseUrl(responseId),
    trigger_id: '1.2.3',
  }).toString();
}

/** POSTs to vigil's /slack/events, signed at `timestamp` (null: unsigned). */
export function postSlack(
  port: number,
  body: string,
  timestamp: number | null = Math.floor(Date.now() / 1000),
) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (timestamp !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signSlackRequest(SIGNING_SECRET, timestamp, body);
  }
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
}

export interface RunningVigil {
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `vigil run` with both chat platforms pointed at the fakes, and waits for /healthz. */
export async function startChatVigil(options: {
  port: number;
  database: string;
  catalogue: string;
  telegram: FakeTelegramApi;
  slack: FakeSlackApi;
}): Promise<RunningVigil> {
  const child = startVigil(['run'], {
    env: {
      VIGIL_DB: options.database,
      VIGIL_SOURCES: options.catalogue,
      VIGIL_HTTP_PORT: String(options.port),
      VIGIL_ALLOW_PRIVATE_FEEDS: '1',
      VIGIL_MIN_INTERVAL: '1',
      VIGIL_ADMINS: `telegram:${TELEGRAM_ADMIN}`,
      TELEGRAM_BOT_TOKEN: options.telegram.token,
      TELEGRAM_API_ROOT: options.telegram.apiRoot,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.slack.apiUrl,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitFor(
    async () => ((await fetch(`http://127.0.0.1:${options.port}/healthz`)).ok ? true : undefined),
    '/healthz',
  );
  return { child, stderr: () => stderr, exited };
}
