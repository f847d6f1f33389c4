/** VIGIL_DB as the operator wrote it: which engine it names, and how messages may show it. */
import { ConfigError } from '../../src/errors.js';

export function isPostgresUrl(dbSetting: string): boolean {
  return /^postgres(ql)?:\/\//i.test(dbSetting);
}

/** The setting for messages and logs: a URL loses its password. */
export function describeDbSetting(dbSetting: string): string {
  if (!isPostgresUrl(dbSetting)) return dbSetting;
  try {
    const url = new URL(dbSetting);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/** One line naming VIGIL_DB, its value (without a password) and what is wrong. */
export function dbSettingError(dbSetting: string, problem: string): ConfigError {
  // Engine messages may span lines (SQLite's quick_check does): the error stays one line.
  const line = `VIGIL_DB=${describeDbSetting(dbSetting)}: ${problem}`.replace(/\s+/g, ' ');
  return new ConfigError(line, ['VIGIL_DB']);
}
