/**
 * The corpus: everything vigil keeps, as one store that implements the narrow ports callers
 * depend on (items and search, sources, channels and watches, deliveries, audit). One SQL
 * implementation (sql/) over two dialects passes one contract suite
 * (test/integration/corpus-store.contract.ts); adapters/db opens it on a driver.
 */
import type { AuditLog } from './audit-log.js';
import type { ChannelSettings } from './channel-settings.js';
import type { DeliveryOutbox } from './delivery-outbox.js';
import type { DigestStore } from './digest-store.js';
import type { ItemSearch } from './item-search.js';
import type { SourceCatalog } from './source-catalog.js';

export type { AuditEntry, AuditLog } from './audit-log.js';
export type { Channel, ChannelSettings, Watch } from './channel-settings.js';
export type { Delivery, DeliveryOutbox, DeliveryState } from './delivery-outbox.js';
export type {
  CorpusStats,
  InsertResult,
  ItemInput,
  ItemSearch,
  SearchHit,
  SearchPage,
  StoredItem,
} from './item-search.js';
export type {
  FeedFormat,
  NewSource,
  Source,
  SourceCatalog,
  SourceHealth,
  SourceKind,
  SourcePatch,
  SourceSettings,
} from './source-catalog.js';

export interface CorpusStore
  extends ItemSearch,
    SourceCatalog,
    ChannelSettings,
    DeliveryOutbox,
    DigestStore,
    AuditLog {
  readonly kind: 'sqlite' | 'postgres';
  /** Checks the database answers (for /healthz). */
  ping(): Promise<void>;
  /** May be called more than once. */
  close(): Promise<void>;
}
