/** A chat command as every platform hands it to the core, and what the core needs to answer it. */
import type { CorpusStore } from '../corpus/corpus-store.js';
import type { FetchOptions } from '../feeds/fetch-feed.js';
import type { ChannelRef, Clock, Logger } from '../ports.js';

export interface CommandUser {
  platform: ChannelRef['platform'];
  id: string;
  name?: string;
}

export interface CommandRequest {
  channel: ChannelRef;
  user: CommandUser;
  /** The text after the platform's prefix: `search potash since:2025-06-01`, `help`, `subscribe sanctions`. */
  text: string;
  /**
   * Asks the platform whether the user administers this chat (Telegram chat admins via getChatMember,
   * Slack workspace admins/owners via users.info). Adapters cache the answer briefly.
   */
  isPlatformAdmin(): Promise<boolean>;
}

export interface CommandDeps {
  store: CorpusStore;
  clock: Clock;
  /** `telegram:<id>` / `slack:<id>` entries from VIGIL_ADMINS. */
  admins: readonly string[];
  fetchOptions: FetchOptions;
  /** The topics the classifier knows (sanctions, prisoners, diplomacy, …). */
  topics: readonly string[];
  /** Where handlers report failures they turn into a polite reply. */
  log?: Logger;
  /** The lowest poll interval `source add --interval` accepts (VIGIL_MIN_INTERVAL); default 60 s. */
  minIntervalSeconds?: number;
  /**
   * Called after a source is added, removed, paused or resumed from chat, so polling follows at
   * once instead of at the scheduler's next re-read of the source list. A failure is logged; the
   * change itself stands.
   */
  sourcesChanged?: () => Promise<void>;
}
