/** The channel settings port: what each chat channel follows (topics, sources, languages, watches). */
import type { ChannelRef } from '../ports.js';

export interface Channel extends ChannelRef {
  topics: string[];
  /** Empty: all sources. */
  sources: string[];
  /** Empty: all languages. */
  languages: string[];
  createdAt: string;
}

export interface Watch {
  id: number;
  channel: ChannelRef;
  expression: string;
  author: string;
  createdAt: string;
}

export interface ChannelSettings {
  getChannel(channel: ChannelRef): Promise<Channel | null>;
  listChannels(): Promise<Channel[]>;
  /** Creates or replaces the channel's settings; its creation time stays the first one. */
  saveChannel(channel: Omit<Channel, 'createdAt'>, now: string): Promise<Channel>;

  addWatch(watch: Omit<Watch, 'id'>): Promise<Watch>;
  /** False when the channel has no watch with this id (a channel cannot remove another's). */
  removeWatch(channel: ChannelRef, id: number): Promise<boolean>;
  listWatches(channel?: ChannelRef): Promise<Watch[]>;
}
