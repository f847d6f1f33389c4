/** Parses the environment once; a bad value names the variable and what it expected. */
import { ConfigError } from '../errors.js';
import { seedsPath } from '../paths.js';
import type { Config } from './config.js';
import { Environment } from './schema.js';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      // Secrets are never echoed, not even malformed ones.
      const got = /TOKEN|SECRET/.test(variable) ? '' : ` (got ${JSON.stringify(env[variable] ?? '')})`;
      return { variable, text: `${variable}: ${issue.message}${got}` };
    });
    throw new ConfigError(
      `invalid configuration: ${problems.map((problem) => problem.text).join('; ')}`,
      problems.map((problem) => problem.variable),
    );
  }
  const e = parsed.data;
  const missing: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    missing.push('SLACK_SIGNING_SECRET');
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) missing.push('SLACK_BOT_TOKEN');
  if (missing.length > 0) {
    throw new ConfigError(
      `invalid configuration: ${missing.map((name) => `${name} is required with the other Slack settings`).join('; ')}`,
      missing,
    );
  }
  return Object.freeze({
    database: e.VIGIL_DB,
    redisUrl: e.REDIS_URL ?? null,
    sourcesFile: e.VIGIL_SOURCES ?? seedsPath('sources.json'),
    httpPort: e.VIGIL_HTTP_PORT,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? Object.freeze({
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhookUrl: e.TELEGRAM_WEBHOOK_URL ?? null,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? null,
        })
      : null,
    slack: e.SLACK_BOT_TOKEN
      ? Object.freeze({
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET ?? '',
          appToken: e.SLACK_APP_TOKEN ?? null,
          apiUrl: e.SLACK_API_URL,
        })
      : null,
    admins: Object.freeze([...e.VIGIL_ADMINS]),
    allowPrivateFeeds: e.VIGIL_ALLOW_PRIVATE_FEEDS,
    minIntervalSeconds: e.VIGIL_MIN_INTERVAL,
    logLevel: e.VIGIL_LOG_LEVEL,
    retentionDays: e.VIGIL_RETENTION_DAYS ?? null,
    maxAlertAgeHours: e.VIGIL_MAX_ALERT_AGE_HOURS,
    dashboardToken: e.VIGIL_DASHBOARD_TOKEN ?? null,
  });
}
