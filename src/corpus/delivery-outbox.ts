/** The delivery port: one row per (item, channel), so an alert is sent once, ever. */
import type { ChannelRef } from '../ports.js';

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface Delivery {
  itemId: number;
  channel: ChannelRef;
  state: DeliveryState;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
}

export interface DeliveryOutbox {
  /** Creates the delivery row; false when one for (item, channel) already exists. */
  claimDelivery(itemId: number, channel: ChannelRef): Promise<boolean>;
  getDelivery(itemId: number, channel: ChannelRef): Promise<Delivery | null>;
  markDelivered(itemId: number, channel: ChannelRef, messageId: string): Promise<void>;
  markDeliveryFailed(itemId: number, channel: ChannelRef, error: string): Promise<void>;
}
