/** Parses the environment once; a bad value names the variable and what it expected. */
import { ConfigError } from '../errors.js';
import { seedsPath } from '../paths.js';
import { platformNamed, platformNames } from '../platforms/registry.js';
import type { Config } from './config.js';
import { Environment } from './schema.js';
import { type SettingsProblem, type SettingsSection, zodProblems } from './settings-section.js';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = Environment.safeParse(env);
  const problems: SettingsProblem[] = parsed.success ? [] : zodProblems(parsed.error, env);
  const chats = new Map<SettingsSection<unknown>, unknown>();
  for (const name of platformNames()) {
    const section = platformNamed(name).settings;
    if (!section) continue;
    const result = section.parse(env);
    if (result.ok) chats.set(section, result.settings);
    else problems.push(...result.problems);
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(
      `invalid configuration: ${problems.map((problem) => problem.text).join('; ')}`,
      problems.map((problem) => problem.variable),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    database: e.VIGIL_DB,
    redisUrl: e.REDIS_URL ?? null,
    sourcesFile: e.VIGIL_SOURCES ?? seedsPath('sources.json'),
    httpPort: e.VIGIL_HTTP_PORT,
    chats,
    admins: Object.freeze([...e.VIGIL_ADMINS]),
    allowPrivateFeeds: e.VIGIL_ALLOW_PRIVATE_FEEDS,
    minIntervalSeconds: e.VIGIL_MIN_INTERVAL,
    logLevel: e.VIGIL_LOG_LEVEL,
    retentionDays: e.VIGIL_RETENTION_DAYS ?? null,
    maxAlertAgeHours: e.VIGIL_MAX_ALERT_AGE_HOURS,
    dashboardToken: e.VIGIL_DASHBOARD_TOKEN ?? null,
    aliasFiles: Object.freeze([...e.VIGIL_ALIASES]),
  });
}
