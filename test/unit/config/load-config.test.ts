import { describe, expect, it } from 'vitest';
import { slackSettings } from '../../../adapters/slack/settings.js';
import { telegramSettings } from '../../../adapters/telegram/settings.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { settingsOf } from '../../../src/config/settings-section.js';
import { ConfigError } from '../../../src/errors.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.database).toBe('./data/vigil.db');
    expect(config.redisUrl).toBeNull();
    expect(config.httpPort).toBe(3000);
    expect(settingsOf(config, telegramSettings)).toBeNull();
    expect(settingsOf(config, slackSettings)).toBeNull();
    expect(config.allowPrivateFeeds).toBe(false);
    expect(config.sourcesFile).toMatch(/seeds\/sources\.json$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('accepts a postgres URL and a SQLite path', () => {
    expect(loadConfig({ VIGIL_DB: 'postgres://vigil@db:5432/vigil' }).database).toBe(
      'postgres://vigil@db:5432/vigil',
    );
    expect(loadConfig({ VIGIL_DB: '/var/lib/vigil/corpus.db' }).database).toBe('/var/lib/vigil/corpus.db');
  });

  it.each([
    ['VIGIL_DB', 'mysql://root@localhost/vigil'],
    ['VIGIL_DB', 'postgres://'],
    ['VIGIL_DB', ''],
    ['VIGIL_HTTP_PORT', 'eighty'],
    ['VIGIL_HTTP_PORT', '70000'],
    ['REDIS_URL', 'localhost:6379'],
    ['VIGIL_ALLOW_PRIVATE_FEEDS', 'maybe'],
    ['VIGIL_ADMINS', 'alice'],
    ['TELEGRAM_API_ROOT', 'not a url'],
    ['VIGIL_MIN_INTERVAL', '0'],
    ['VIGIL_MIN_INTERVAL', '86401'],
    ['VIGIL_MIN_INTERVAL', 'soon'],
    ['VIGIL_MAX_ALERT_AGE_HOURS', '0'],
    ['VIGIL_MAX_ALERT_AGE_HOURS', '2 days'],
  ])('names %s when it is malformed (%j)', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variables).toEqual([variable]);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
  });

  it('names every bad variable at once', () => {
    const error = configError({ VIGIL_DB: 'ftp://x/y', VIGIL_HTTP_PORT: '-1' });
    expect(error.variables).toEqual(['VIGIL_DB', 'VIGIL_HTTP_PORT']);
  });

  it('builds platform slices only when their tokens are set', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'shh',
      VIGIL_ADMINS: 'telegram:42, slack:U123',
      VIGIL_ALLOW_PRIVATE_FEEDS: 'true',
    });
    expect(settingsOf(config, telegramSettings)).toMatchObject({
      token: '123:abc',
      apiRoot: 'http://127.0.0.1:9999/',
    });
    expect(settingsOf(config, slackSettings)).toMatchObject({
      botToken: 'xoxb-1',
      signingSecret: 'shh',
      appToken: null,
    });
    expect(config.admins).toEqual(['telegram:42', 'slack:U123']);
    expect(config.allowPrivateFeeds).toBe(true);
  });

  it('takes the lowest poll interval from VIGIL_MIN_INTERVAL, 60 s by default', () => {
    expect(loadConfig({}).minIntervalSeconds).toBe(60);
    expect(loadConfig({ VIGIL_MIN_INTERVAL: '1' }).minIntervalSeconds).toBe(1);
  });

  it('takes the maximum age of an alerted item from VIGIL_MAX_ALERT_AGE_HOURS, 48 h by default', () => {
    expect(loadConfig({}).maxAlertAgeHours).toBe(48);
    expect(loadConfig({ VIGIL_MAX_ALERT_AGE_HOURS: '6' }).maxAlertAgeHours).toBe(6);
  });

  it('asks for the Slack signing secret when only the bot token is set', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1' }).variables).toEqual(['SLACK_SIGNING_SECRET']);
  });

  it('never puts a secret into the error text', () => {
    const error = configError({ SLACK_BOT_TOKEN: 'xoxb-secret-value', VIGIL_HTTP_PORT: 'x' });
    expect(error.message).not.toContain('xoxb-secret-value');
  });
});

describe('loadConfig with a malformed secret', () => {
  it('names the variable without echoing its value', () => {
    const error = configError({ TELEGRAM_WEBHOOK_SECRET: 'bad secret!' });
    expect(error.variables).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
    expect(error.message).not.toContain('bad secret!');
  });
});
