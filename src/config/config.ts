/** vigil's typed, frozen configuration: one object built once from the environment. */

import type { SettingsSection } from './settings-section.js';

export interface Config {
  /** SQLite file path (or `:memory:`) or a postgres:// URL. */
  database: string;
  redisUrl: string | null;
  /** The source catalogue loaded into an empty corpus at first start. */
  sourcesFile: string;
  httpPort: number;
  /** Each registered chat platform's settings, by its section (read them with settingsOf). */
  chats: ReadonlyMap<SettingsSection<unknown>, unknown>;
  /** `<platform>:<user id>` entries allowed to configure. */
  admins: readonly string[];
  allowPrivateFeeds: boolean;
  /** The lowest poll interval accepted anywhere (VIGIL_MIN_INTERVAL); 60 s unless tests lower it. */
  minIntervalSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  retentionDays: number | null;
  /** A new item published longer ago than this is stored but not alerted (VIGIL_MAX_ALERT_AGE_HOURS). */
  maxAlertAgeHours: number;
  /** Enables the queue dashboard at /admin/queues (BullMQ only) and the /figures page, guarded by this token. */
  dashboardToken: string | null;
  /** Alias files (VIGIL_ALIASES) read after seeds/aliases.json. */
  aliasFiles: readonly string[];
}
