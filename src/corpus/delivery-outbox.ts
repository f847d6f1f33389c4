/**
 * The delivery outbox: one row per (story, channel), written in the same transaction as the item
 * (pending), then sent by the channel's drainer (sending), then marked (sent, failed). A row left
 * `sending` by a process that died is "in doubt": the drainer resolves it (jobs/handlers/).
 */
import type { ChannelRef } from '../ports.js';

/**
 * `pending`: to send; `sending`: an attempt started and its outcome is not known yet; `sent`;
 * `failed`: undeliverable (the bot was removed, the channel is gone, or every attempt failed).
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed';

/** A delivery a new item calls for: which channel, and why (topic, watch). */
export interface DeliveryRequest {
  channel: ChannelRef;
  reason: string;
  /** The item's words that matched the channel's watches. */
  matchedTerms?: string[];
}

export interface Delivery {
  /** The story's first item (one alert per story and channel). */
  itemId: number;
  channel: ChannelRef;
  state: DeliveryState;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
  reason: string;
  matchedTerms: string[];
  /** Rows sent in one message share the key of the first (a digest); null before any attempt. */
  attemptKey: number | null;
  attemptStartedAt: string | null;
  /** An earlier attempt's outcome was unknown: a resend may repeat it. */
  doubtful: boolean;
}

export interface DeliveryCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
}

/** How a row goes back to `pending`. */
export interface RetryMark {
  /** Why (the last error), or null when nothing went wrong (an in-doubt attempt found not delivered). */
  error: string | null;
  /** Counts as an attempt (a rate limit does not). */
  countAttempt: boolean;
  /** The outcome of the attempt was unknown: the next send may be a repeat. */
  doubtful: boolean;
}

export interface DeliveryOutbox {
  /** Queues pending rows for a stored item; returns the channels that got a new row. */
  queueDeliveries(itemId: number, requests: readonly DeliveryRequest[]): Promise<ChannelRef[]>;
  getDelivery(itemId: number, channel: ChannelRef): Promise<Delivery | null>;
  /** Channels with rows pending or in doubt (a restart drains each). */
  openDeliveryChannels(): Promise<ChannelRef[]>;
  /** A channel's rows pending or sending, in item order. */
  openDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]>;
  /**
   * Takes (or renews) the channel's send lease for `holder` until `ms` from now. Fails while another
   * holder has it, unless it expired or is `deadHolder` (a holder the caller knows is gone).
   */
  takeDeliveryLease(channel: ChannelRef, holder: string, ms: number, deadHolder?: string): Promise<boolean>;
  /** Who holds the channel's lease and until when, or null. */
  deliveryLease(channel: ChannelRef): Promise<{ holder: string; until: string } | null>;
  releaseDeliveryLease(channel: ChannelRef, holder: string): Promise<void>;
  /** Starts an attempt on these rows (sent together as one message, keyed `attemptKey`). */
  markSending(channel: ChannelRef, itemIds: readonly number[], attemptKey: number): Promise<void>;
  markDelivered(channel: ChannelRef, itemIds: readonly number[], messageId: string): Promise<void>;
  markPending(channel: ChannelRef, itemIds: readonly number[], mark: RetryMark): Promise<void>;
  /** Undeliverable: kept for admins to see, never sent again. */
  markDeliveryFailed(channel: ChannelRef, itemIds: readonly number[], error: string): Promise<void>;
  /** Rows by state, for one channel or all. */
  deliveryCounts(channel?: ChannelRef): Promise<DeliveryCounts>;
}
