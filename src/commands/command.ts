/** A chat command as every platform hands it to the core, and what the core needs to answer it. */
import type { AuditLog } from '../corpus/audit-log.js';
import type { ChannelSettings } from '../corpus/channel-settings.js';
import type { DeliveryOutbox } from '../corpus/delivery-outbox.js';
import type { DigestStore } from '../corpus/digest-store.js';
import type { ItemSearch } from '../corpus/item-search.js';
import type { SourceCatalog } from '../corpus/source-catalog.js';
import type { FetchOptions } from '../feeds/fetch-feed.js';
import type { ChannelRef, ChartRenderer, Clock, Logger } from '../ports.js';

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

/** What chat commands read and change: everything but deliveries. */
/** `deliveryCounts` (the outbox) is optional: `stats` then leaves out the channel's alert counts. */
export type CommandStore = ItemSearch &
  SourceCatalog &
  ChannelSettings &
  AuditLog &
  Pick<DigestStore, 'getDigestSchedule' | 'saveDigestSchedule' | 'removeDigestSchedule'> &
  Partial<Pick<DeliveryOutbox, 'deliveryCounts'>>;

export interface CommandDeps {
  store: CommandStore;
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
  /** Draws the `figures` chart; without it `figures` answers with the table and the chart's description. */
  charts?: ChartRenderer;
}
