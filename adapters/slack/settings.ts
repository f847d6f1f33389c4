/** Slack's environment variables (design.md's contract), read into SlackConfig. No SDK here. */
import { z } from 'zod';
import { optionalText, urlWithScheme } from '../../src/config/schema.js';
import { zodSection } from '../../src/config/settings-section.js';

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken: string | null;
  apiUrl: string;
}

const SlackEnvironment = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: urlWithScheme(['http:', 'https:'], 'an http(s) URL').default('https://slack.com/api/'),
});

/** Slack is on when SLACK_BOT_TOKEN is set, with a signing secret (HTTP) or an app token (Socket Mode). */
export const slackSettings = zodSection(SlackEnvironment, (e) => {
  const missing: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    missing.push('SLACK_SIGNING_SECRET');
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) missing.push('SLACK_BOT_TOKEN');
  if (missing.length > 0) {
    return {
      ok: false as const,
      problems: missing.map((variable) => ({
        variable,
        text: `${variable} is required with the other Slack settings`,
      })),
    };
  }
  return {
    ok: true as const,
    settings: e.SLACK_BOT_TOKEN
      ? Object.freeze<SlackConfig>({
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET ?? '',
          appToken: e.SLACK_APP_TOKEN ?? null,
          apiUrl: e.SLACK_API_URL,
        })
      : null,
  };
});
