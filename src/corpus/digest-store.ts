/**
 * Digests in the store: each channel's schedule, and one row per (channel, scheduled time) holding
 * the digest's messages. The row is unique on its channel and time, so however many workers tick,
 * a period's digest is made once; the channel's drainer then sends it under the same lease as
 * alerts, part after part, with the outbox's in-doubt rules (jobs/handlers/send-digests.ts).
 */
import type { Card } from '../cards/card.js';
import type { DigestPeriod, DigestSchedule } from '../digests/digest-schedule.js';
import type { ChannelRef } from '../ports.js';
import type { RetryMark } from './delivery-outbox.js';

export interface ChannelDigestSchedule extends DigestSchedule {
  channel: ChannelRef;
  /** When it was set: scheduled times before it are not sent. */
  since: string;
  /** Who set it, as the audit log names them. */
  author: string;
}

/**
 * `pending`: parts left to send; `sending`: an attempt on part `partsSent` has an unknown outcome;
 * `sent`; `failed` (undeliverable); `empty`: nothing new in the period, so nothing is sent.
 */
export type DigestState = 'pending' | 'sending' | 'sent' | 'failed' | 'empty';

export interface StoredDigest {
  id: number;
  channel: ChannelRef;
  period: DigestPeriod;
  state: DigestState;
  /** The messages, in order (several when one would not fit the platform). */
  parts: Card[];
  /** Parts the platform has: the next attempt sends `parts[partsSent]`. */
  partsSent: number;
  attempts: number;
  attemptStartedAt: string | null;
  /** An earlier attempt's outcome was unknown: the resend may be a repeat. */
  doubtful: boolean;
  lastError: string | null;
}

export interface DigestStore {
  getDigestSchedule(channel: ChannelRef): Promise<ChannelDigestSchedule | null>;
  listDigestSchedules(): Promise<ChannelDigestSchedule[]>;
  /** Creates or replaces the channel's schedule. */
  saveDigestSchedule(schedule: ChannelDigestSchedule): Promise<void>;
  /** False when the channel had none. */
  removeDigestSchedule(channel: ChannelRef): Promise<boolean>;

  /** True when the digest of the period ending at `end` exists (made, sent, or found empty). */
  hasDigest(channel: ChannelRef, end: Date): Promise<boolean>;
  /**
   * Stores the period's digest (`empty` when `parts` is empty) unless it exists; null when it did
   * (another worker made it first).
   */
  createDigest(
    channel: ChannelRef,
    period: DigestPeriod,
    parts: readonly Card[],
    now: Date,
  ): Promise<StoredDigest | null>;
  /** The channel's digests pending or in doubt, oldest period first. */
  openDigests(channel: ChannelRef): Promise<StoredDigest[]>;
  /** Channels with digests pending or in doubt (a restart drains each). */
  openDigestChannels(): Promise<ChannelRef[]>;
  markDigestSending(id: number, at: Date): Promise<void>;
  /** The part being sent arrived; the digest is `sent` once all `partCount` have. */
  markDigestPartSent(id: number, partCount: number): Promise<void>;
  markDigestPending(id: number, mark: RetryMark): Promise<void>;
  markDigestFailed(id: number, error: string): Promise<void>;
  /** Forgets digests done (sent, empty, failed) whose period ended before `before`; returns how many. */
  deleteDigestsBefore(before: Date): Promise<number>;
}
