/** What the core needs to know of a chat platform; each adapter declares one and registers it. */
import type { SettingsSection } from '../config/settings-section.js';

/** How a platform formats text: the escaping its renderer applies to feed text. */
export type TextFormat = 'plain' | 'html' | 'mrkdwn' | 'markdown';

export interface PlatformLimits {
  /** The longest message the platform accepts, in characters (the renderer splits or cuts to it). */
  messageChars: number;
  /**
   * Messages one burst of alerts may send to one channel; the overflow is folded into one digest
   * (src/alerts/fold-burst.ts). `Infinity` when the platform has no rate limit worth folding for.
   */
  burstMessages: number;
  format: TextFormat;
}

export interface ChatPlatform {
  /** The name in channel keys and VIGIL_ADMINS entries (`<name>:<id>`): lower-case letters, digits, `-`. */
  name: string;
  limits: PlatformLimits;
  /** How commands are typed, put before a command in help and usage texts (`/`, `/vigil `). */
  commandPrefix: string;
  /** Who administers a chat there, for refusals (`this group's administrators`); null: only VIGIL_ADMINS. */
  chatAdmins: string | null;
  /** The environment variables the platform's adapter reads (none: always on, like the console). */
  settings?: SettingsSection<unknown>;
}
