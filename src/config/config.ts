/** vigil's typed, frozen configuration: one object built once from the environment. */

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken: string | null;
  apiUrl: string;
}

export interface Config {
  /** SQLite file path (or `:memory:`) or a postgres:// URL. */
  database: string;
  redisUrl: string | null;
  /** The source catalogue loaded into an empty corpus at first start. */
  sourcesFile: string;
  httpPort: number;
  telegram: TelegramConfig | null;
  slack: SlackConfig | null;
  /** `telegram:<id>` / `slack:<id>` entries allowed to configure. */
  admins: readonly string[];
  allowPrivateFeeds: boolean;
  /** The lowest poll interval accepted anywhere (VIGIL_MIN_INTERVAL); 60 s unless tests lower it. */
  minIntervalSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  retentionDays: number | null;
  /** A new item published longer ago than this is stored but not alerted (VIGIL_MAX_ALERT_AGE_HOURS). */
  maxAlertAgeHours: number;
  /** Enables the queue dashboard at /admin/queues (BullMQ only), guarded by this token. */
  dashboardToken: string | null;
}
